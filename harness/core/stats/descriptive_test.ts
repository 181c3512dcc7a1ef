import assert from "node:assert/strict";
import { harmonicMean, mad, mean, median, quantile, sampleStd } from "./descriptive.ts";

Deno.test("median() takes the middle value, or the mean of the two middle ones", () => {
  assert.equal(median([3, 1, 2]), 2);
  assert.equal(median([4, 1, 3, 2]), 2.5); // (2 + 3) / 2
  assert.equal(median([7]), 7);
});

Deno.test("quantile() interpolates like R type 7 and numpy's default", () => {
  // sorted [1, 2, 3, 4]; h = (n - 1) p
  assert.equal(quantile([4, 1, 3, 2], 0.25), 1.75); // h = 0.75 -> 1 + 0.75 * (2 - 1)
  assert.ok(Math.abs(quantile([4, 1, 3, 2], 0.9) - 3.7) < 1e-12); // h = 2.7 -> 3 + 0.7
  assert.equal(quantile([4, 1, 3, 2], 0), 1);
  assert.equal(quantile([4, 1, 3, 2], 1), 4);
  assert.equal(quantile([10, 20, 30], 0.5), 20); // h = 1 exactly
});

Deno.test("mean() and sampleStd() match hand arithmetic with the n - 1 denominator", () => {
  const xs = [2, 4, 4, 4, 5, 5, 7, 9];
  assert.equal(mean(xs), 5); // 40 / 8
  // squared deviations 9 + 1 + 1 + 1 + 0 + 0 + 4 + 16 = 32, over n - 1 = 7
  assert.ok(Math.abs(sampleStd(xs) - Math.sqrt(32 / 7)) < 1e-12);
  assert.equal(sampleStd([3, 3, 3]), 0);
});

Deno.test("sampleStd() of one value is NaN, as in R and numpy", () => {
  assert.ok(Number.isNaN(sampleStd([5])));
});

Deno.test("mean() keeps precision when values share many leading digits", () => {
  const xs = [1e9 + 0.1, 1e9 + 0.2, 1e9 + 0.3];
  assert.ok(Math.abs(mean(xs) - (1e9 + 0.2)) < 1e-6);
  assert.ok(Math.abs(sampleStd(xs) - 0.1) < 1e-6);
});

Deno.test("mad() is the median of absolute deviations from the median", () => {
  // median 2; |x - 2| = [1, 1, 0, 0, 2, 4, 7] -> sorted [0, 0, 1, 1, 2, 4, 7] -> 1
  assert.equal(mad([1, 1, 2, 2, 4, 6, 9]), 1);
  assert.ok(Math.abs(mad([1, 1, 2, 2, 4, 6, 9], 1.4826) - 1.4826) < 1e-12);
  assert.equal(mad([5, 5, 5]), 0);
});

Deno.test("descriptive functions reject empty samples and non-finite values", () => {
  assert.throws(() => median([]), {
    name: "RangeError",
    message: "Cannot compute median: sample is empty, got 0",
  });
  assert.throws(() => mean([1, NaN]), {
    name: "RangeError",
    message: 'Cannot compute mean: value at index 1 must be finite, got "NaN"',
  });
  assert.throws(() => mean([1, "2" as unknown as number]), TypeError);
  assert.throws(() => mean("12" as unknown as number[]), TypeError);
  assert.throws(() => quantile([1, 2], 1.5), {
    name: "RangeError",
    message: 'Quantile probability must be in [0, 1], got "1.5"',
  });
  assert.throws(() => mad([1, 2], 0), RangeError);
});

Deno.test("harmonicMean() is the throughput of windows of equal work", () => {
  // One unit of work at 100/s and one at 50/s: 2 units in 0.01 + 0.02 = 0.03 s.
  assert.ok(Math.abs(harmonicMean([100, 50]) - 2 / 0.03) < 1e-9);
  assert.equal(harmonicMean([4, 4, 4]), 4);
  assert.throws(() => harmonicMean([1, 0]), RangeError);
  assert.throws(() => harmonicMean([]), RangeError);
});
