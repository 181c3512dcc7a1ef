import assert from "node:assert/strict";
import { computeCnnFlatten003 } from "./cnn_flatten_003.ts";
import { requireBackend } from "../../testing/mod.ts";

Deno.test("computeCnnFlatten003() reproduces the 320 features of a 28×28 input", async () => {
  await requireBackend("cpu");
  // By hand: 28 −conv5→ 24 −pool2→ 12 −conv5→ 8 −pool2→ 4, and 4·4·20 channels.
  const side = Math.floor((Math.floor((28 - 5 + 1) / 2) - 5 + 1) / 2);
  const [q] = await computeCnnFlatten003();
  assert.equal(q.computed, side * side * 20);
  assert.equal(q.printed, "320");
  assert.equal(q.tolerance, 0.5);
  assert.equal(q.reproduced, true);
});
