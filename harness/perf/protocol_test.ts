import assert from "node:assert/strict";
import { budgetNote, planWindows, PROTOCOLS, slowReason, spread } from "./protocol.ts";
import { derive, overhead } from "./summarize.ts";
import { modelFlops } from "./flops.ts";
import type { Measured } from "./types.ts";

const quick = PROTOCOLS.quick;

Deno.test("planWindows() sizes windows from the warm-up steps after the first", () => {
  // First step 2 s (compilation) is ignored; 0.05 s steps -> 0.4 s / 0.05 s = 8 per window.
  assert.deepEqual(planWindows([2, 0.05, 0.05], quick, false), {
    windows: 10,
    batchesPerWindow: 8,
    bounded: null,
  });
  // Very fast steps are capped.
  assert.equal(planWindows([0.001, 0.0001, 0.0001], quick, false).batchesPerWindow, 32);
  // A step longer than a window still gets one step per window.
  assert.equal(planWindows([1, 1, 1], quick, false).batchesPerWindow, 1);
});

Deno.test("planWindows() bounds stock kernels and slow steps to a few single steps", () => {
  assert.deepEqual(planWindows([0.1], quick, true), {
    windows: 2,
    batchesPerWindow: 1,
    bounded: "stock kernels: 1 warm-up + 2 timed steps",
  });
  const slow = planWindows([35, 34], PROTOCOLS.full, false);
  assert.equal(slow.windows, 3);
  assert.match(slow.bounded!, /^a step took 34\.0 s: 2 warm-up \+ 3 timed steps only$/);
});

Deno.test("slowReason() forgives a slow first step up to the compilation allowance", () => {
  assert.equal(slowReason([7], quick), null); // webgpu's shader compilation
  assert.equal(slowReason([7, 1.5], quick), null);
  assert.match(slowReason([35], quick)!, /first step took 35\.0 s/);
  assert.match(slowReason([1, 4], quick)!, /a step took 4\.0 s/);
});

Deno.test("budgetNote() stops windows at the budget only after the minimum", () => {
  const plan = { windows: 10, batchesPerWindow: 1, bounded: null };
  assert.equal(budgetNote(3, 9, plan, quick), null); // over budget, under minWindows (5)
  assert.equal(budgetNote(6, 7.9, plan, quick), null); // under budget
  assert.equal(budgetNote(6, 8, plan, quick), "stopped after 6 of 10 windows at the 8 s budget");
  assert.equal(budgetNote(6, 99, { ...plan, bounded: "stock" }, quick), null);
});

Deno.test("spread() gives median and range", () => {
  assert.deepEqual(spread([3, 1, 2, 10]), { median: 2.5, min: 1, max: 10 });
  assert.equal(spread([]), null);
});

const measured: Measured = {
  warmupStepS: [1, 0.5, 0.5],
  windowImagesPerS: [900, 1000, 1100],
  batchesPerWindow: 4,
  batchSize: 64,
  bounded: null,
  latencyB1Ms: [2, 3, 4],
  latencyLargeMs: [50],
  largeBatch: 256,
  peakGflops: [20, 30, 40],
  peakN: 512,
  params: 93_322,
  loop: { dataS: 0.5, stepS: 8, metricsS: 0.25, progressS: 0.25, loopS: 9.5 },
};

Deno.test("derive() turns images/s into GFLOP/s, fraction of peak and ratio to PyTorch", () => {
  const flops = modelFlops({
    key: "sequential",
    inputShape: [784],
    layers: [{ type: "dense", units: 10 }],
  });
  const d = derive(measured, flops, 2000);
  // 3 * 2*784*10 FLOPs * 1000 images/s = 47.04 MFLOP/s
  assert.equal(d.gflops, (3 * 15_680 * 1000) / 1e9);
  assert.equal(d.peakGflops, 30);
  assert.equal(d.fractionOfPeak, d.gflops! / 30);
  assert.equal(d.ratioToPytorch, 0.5);
  assert.equal(d.warmupS, 2);
  assert.equal(d.firstStepS, 1);
  assert.equal(d.latencyB1Ms, 3);
});

Deno.test("overhead() is time outside the step over the run's wall time plus storage", () => {
  // outside = 0.5 + 0.25 + 0.25 + 0.5 = 1.5; run wall 14.5 + storage 0.5 = 15 -> 10%
  assert.equal(overhead(measured, 0.5, 14.5).pct, 10);
});
