import assert from "node:assert/strict";
import { perfCommand, wantsPerfSuite } from "./perf.ts";
import { UserError } from "../core/errors.ts";

Deno.test("wantsPerfSuite() sees --suite in either spelling", () => {
  assert.equal(wantsPerfSuite(["--suite", "perf", "--json"]), true);
  assert.equal(wantsPerfSuite(["--suite=perf"]), true);
  assert.equal(wantsPerfSuite(["--experiment", "x"]), false);
});

Deno.test("perfCommand() refuses an unknown suite, a contradictory profile and a bad backend", async () => {
  await assert.rejects(perfCommand(["--suite", "speed"]), (e: Error) => {
    assert.ok(e instanceof UserError);
    assert.equal(e.message, '--suite "speed" is not a suite (known: perf)');
    return true;
  });
  await assert.rejects(
    perfCommand(["--suite", "perf", "--quick", "--profile", "full"]),
    /--quick contradicts --profile "full"/,
  );
  await assert.rejects(
    perfCommand(["--suite", "perf", "--backend", "pytorch"]),
    /--backend "pytorch" is not one of cpu, wasm, webgpu, webgl, pytorch-cpu/,
  );
  await assert.rejects(
    perfCommand(["--suite", "perf", "--experiment", "worked-*"]),
    /No training experiment matches "worked-\*"/,
  );
});
