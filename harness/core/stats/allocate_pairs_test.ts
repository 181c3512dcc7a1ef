import assert from "node:assert/strict";
import { nextPairs, type TargetState } from "./allocate_pairs.ts";

const t = (id: string, decision: TargetState["decision"], pairs: number, costS: number) => ({
  id,
  decision,
  pairs,
  costS,
});

Deno.test("nextPairs() gives the next round to undecided targets only, fewest pairs first", () => {
  const states = [
    t("cnn-cpu", "continue", 4, 25),
    t("mlp-wasm", "unchanged", 3, 8),
    t("cnn-wasm", "continue", 3, 15),
    t("mlp-cpu", "regressed", 5, 12),
  ];
  assert.deepEqual(nextPairs(states, 1000), ["cnn-wasm", "cnn-cpu"]);
});

Deno.test("nextPairs() skips a target the time left cannot hold, and ends with none", () => {
  const states = [t("a", "continue", 3, 25), t("b", "continue", 3, 15), t("c", "continue", 4, 8)];
  // Ties on pairs go to the cheaper: b (15) then a (25) does not fit in 30, c (8) does.
  assert.deepEqual(nextPairs(states, 30), ["b", "c"]);
  assert.deepEqual(nextPairs(states, 5), []);
  assert.deepEqual(nextPairs([t("a", "inconclusive", 12, 1)], 100), []);
  assert.throws(() => nextPairs([t("a", "continue", 1, -1)], 100), RangeError);
});

Deno.test("nextPairs() names a target with perRound k k times, the extra ones in later passes", () => {
  const states: TargetState[] = [
    { ...t("cnn-cpu", "continue", 4, 25) },
    { ...t("cnn-wasm", "continue", 8, 13), perRound: 2 },
    { ...t("mlp-wasm", "continue", 8, 12), perRound: 3 },
    { ...t("mlp-cpu", "unchanged", 2, 13), perRound: 2 },
  ];
  // Pass 1 by fewest pairs (cnn-cpu's 4, then the 8s, cheaper first), pass 2 both wasm, then one.
  assert.deepEqual(nextPairs(states, 1000), [
    "cnn-cpu",
    "mlp-wasm",
    "cnn-wasm",
    "mlp-wasm",
    "cnn-wasm",
    "mlp-wasm",
  ]);
  // 25 + 12 + 13 = 50 leaves 10 of 60: no second pass fits.
  assert.deepEqual(nextPairs(states, 60), ["cnn-cpu", "mlp-wasm", "cnn-wasm"]);
  // 25 + 12 + 13 + 12 = 62 of 65: mlp-wasm's second pair fits before cnn-wasm's would not.
  assert.deepEqual(nextPairs(states, 65), ["cnn-cpu", "mlp-wasm", "cnn-wasm", "mlp-wasm"]);
  assert.throws(() => nextPairs([{ ...t("a", "continue", 1, 1), perRound: 0 }], 100), RangeError);
});
