import assert from "node:assert/strict";
import { Rng } from "../rng.ts";
import { bootstrapRatioCI } from "./bootstrap.ts";

const base = [100, 101, 99, 102, 98, 100.5, 99.5, 101.5, 98.5, 100];

Deno.test("bootstrapRatioCI() of identical constant samples is exactly [1, 1]", () => {
  assert.deepEqual(bootstrapRatioCI([5, 5, 5, 5], [5, 5, 5, 5], { rng: new Rng(1) }), [1, 1]);
});

Deno.test("bootstrapRatioCI() of one value against one is their ratio", () => {
  // Every resample of a single value is that value: median 3 / median 2 = 1.5 each time.
  assert.deepEqual(bootstrapRatioCI([2], [3]), [1.5, 1.5]);
});

Deno.test("bootstrapRatioCI() brackets 1.2 tightly when the candidate is 1.2 x the baseline", () => {
  const [lo, hi] = bootstrapRatioCI(base, base.map((x) => 1.2 * x), { rng: new Rng(7) });
  // Medians within the 98-102 spread move by at most ~1%, so the ratio stays within ~2% of 1.2.
  assert.ok(lo <= 1.2 && 1.2 <= hi, `[${lo}, ${hi}]`);
  assert.ok(hi - lo < 0.05, `width ${hi - lo}`);
  assert.ok(lo > 1.15 && hi < 1.25, `[${lo}, ${hi}]`);
});

Deno.test("bootstrapRatioCI() repeats itself for the same seed and not for another", () => {
  const cand = base.map((x, i) => x * (1 + 0.01 * (i % 3)));
  const one = bootstrapRatioCI(base, cand, { rng: new Rng(42) });
  const two = bootstrapRatioCI(base, cand, { rng: new Rng(42) });
  const other = bootstrapRatioCI(base, cand, { rng: new Rng(43), resamples: 500 });
  assert.deepEqual(one, two);
  assert.notDeepEqual(one, other);
  assert.deepEqual(bootstrapRatioCI(base, cand), bootstrapRatioCI(base, cand));
});

Deno.test("bootstrapRatioCI() narrows as the level drops", () => {
  const cand = base.map((x, i) => x * (1 + 0.01 * (i % 3)));
  const [lo95, hi95] = bootstrapRatioCI(base, cand, { rng: new Rng(3) });
  const [lo50, hi50] = bootstrapRatioCI(base, cand, { rng: new Rng(3), level: 0.5 });
  assert.ok(lo95 <= lo50 && hi50 <= hi95);
});

Deno.test("bootstrapRatioCI() rejects non-positive values and bad options", () => {
  assert.throws(() => bootstrapRatioCI([1, 0], [1, 2]), {
    name: "RangeError",
    message:
      'Cannot compute bootstrapRatioCI() baseline: value at index 1 must be positive, got "0"',
  });
  assert.throws(() => bootstrapRatioCI([1], [1], { resamples: 0 }), RangeError);
  assert.throws(() => bootstrapRatioCI([1], [1], { level: 1 }), RangeError);
});
