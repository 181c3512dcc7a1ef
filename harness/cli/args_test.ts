import assert from "node:assert/strict";
import { UserError } from "../core/errors.ts";
import { listFlag } from "./args.ts";

const BACKENDS = ["cpu", "wasm", "webgpu"] as const;

Deno.test("listFlag keeps each part once, in the order first given", () => {
  assert.deepEqual(listFlag("backend", "wasm, cpu,wasm,,cpu", BACKENDS), ["wasm", "cpu"]);
  assert.deepEqual(listFlag("backend", "webgpu", BACKENDS), ["webgpu"]);
});

Deno.test("listFlag names the flag and the bad part, with the nearest allowed value", () => {
  assert.throws(
    () => listFlag("backend", "cpu,wsam", BACKENDS),
    (e: unknown) =>
      e instanceof UserError &&
      e.message === '--backend "wsam" is not one of cpu, wasm, webgpu (did you mean wasm?)',
  );
  assert.throws(
    () => listFlag("backend", " , ", BACKENDS),
    (e: unknown) => e instanceof UserError && e.message === "--backend is empty",
  );
});
