import assert from "node:assert/strict";
import { GATE_PROTOCOL, PAIRED_PROTOCOL } from "../gate/timing/mod.ts";
import {
  budgetNote,
  planWindows,
  PROTOCOLS,
  settled,
  slowReason,
  spread,
  warmupEnd,
  warmupNote,
} from "./protocol.ts";
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
  assert.equal(planWindows([0.001, 0.0001, 0.0001], quick, false).batchesPerWindow, 128);
  // A step longer than a window still gets one step per window.
  assert.equal(planWindows([1, 1, 1], quick, false).batchesPerWindow, 1);
});

Deno.test("planWindows() takes the steady step from the last settled warm-up steps", () => {
  // Last 3 steps after the first: 0.05 s -> 8 per window (the median of all six, 0.075 s,
  // would give 6).
  assert.equal(planWindows([2, 0.1, 0.1, 0.1, 0.05, 0.05, 0.05], quick, false).batchesPerWindow, 8);
  // A slow step after the first 3 does not bound the run: last 3 = [0.5, 0.5, 0.5] -> 1.
  assert.deepEqual(planWindows([1, 0.5, 0.5, 4, 0.5, 0.5, 0.5], quick, false), {
    windows: 10,
    batchesPerWindow: 1,
    bounded: null,
  });
});

Deno.test("warmupEnd() goes on until 3 steps, 3 s of steps and settled step times", () => {
  assert.equal(warmupEnd([1, 0.5, 0.5], quick, false), null); // 2 s
  assert.equal(warmupEnd([1, 0.5, 0.5, 0.5, 0.5, 0.5], quick, false), null); // 5 after the first
  assert.equal(warmupEnd([1, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5], quick, false), "settled");
  // Still falling: median of the last 3 (0.5) < 0.95 x median of the 3 before (0.8).
  const falling = [1, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4];
  assert.equal(warmupEnd(falling, quick, false), null);
  // Three more at 0.4: the 3 before the last 3 are [0.6, 0.5, 0.4] -> 0.5 > 0.4 / 0.95.
  assert.equal(warmupEnd([...falling, 0.4, 0.4, 0.4], quick, false), null);
  // A fourth: the 3 before are [0.5, 0.4, 0.4] -> 0.4, the last 3 -> 0.4: settled (6.5 s).
  assert.equal(warmupEnd([...falling, 0.4, 0.4, 0.4, 0.4], quick, false), "settled");
});

Deno.test("settled() allows the step time to fall by less than the tolerance", () => {
  assert.equal(settled([1, 1, 1, 1, 0.96, 0.96, 0.96], quick), true); // 0.96 >= 0.95 x 1
  assert.equal(settled([1, 1, 1, 1, 0.94, 0.94, 0.94], quick), false);
  assert.equal(settled([1, 1, 1, 1, 1.5, 1.5, 1.5], quick), true); // slower is settled too
  assert.equal(settled([1, 1, 1, 1, 1, 1], quick), false); // 5 steps after the first < 2 x 3
});

Deno.test("warmupEnd() stops at the cap, after the fewest steps", () => {
  // 8.1 s of steps still falling, 6 steps: the cap.
  assert.equal(warmupEnd([2, 2, 1.5, 1, 0.9], quick, false), null); // 7.4 s
  assert.equal(warmupEnd([2, 2, 1.5, 1, 0.9, 0.7], quick, false), "cap");
  // 11.9 s in 2 steps: past the cap, but 3 steps come first.
  assert.equal(warmupEnd([9, 2.9], quick, false), null);
  assert.equal(warmupEnd([9, 2.9, 2.9], quick, false), "cap");
  assert.equal(warmupNote("cap", quick), "warm-up stopped at its 8 s cap before settling");
  assert.equal(warmupNote("settled", quick), null);
});

Deno.test("warmupEnd() keeps bounded runs to their short warm-up", () => {
  assert.equal(warmupEnd([0.1], quick, true), "bounded"); // stock kernels: 1 step
  assert.equal(warmupEnd([1, 4], quick, false), "bounded"); // a 4 s step
  assert.equal(warmupEnd([35], PROTOCOLS.full, false), null); // full: 2 steps
  assert.equal(warmupEnd([35, 34], PROTOCOLS.full, false), "bounded");
  // Only the first 3 steps judge slowness: a late 4 s hiccup is just a step.
  assert.equal(warmupEnd([1, 0.5, 0.5, 4], quick, false), null);
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

Deno.test("the gate's protocol warms up for at least 3 steps and 1 s, settled or not", () => {
  const p = GATE_PROTOCOL;
  assert.equal(PAIRED_PROTOCOL, GATE_PROTOCOL);
  // Steps still halving (never settled by the perf rule): 3 steps of 1.05 s end the warm-up.
  assert.equal(warmupEnd([0.6, 0.3, 0.15], p, false), "settled");
  // 3 fast steps are not enough: 1 s of steps first.
  assert.equal(warmupEnd([0.4, 0.2, 0.1], p, false), null);
  assert.equal(warmupEnd([0.4, 0.2, 0.1, 0.1], p, false), null);
  assert.equal(warmupEnd([0.4, 0.2, 0.1, 0.1, 0.2], p, false), "settled");
  // A slow step among the first 3 still bounds the run as before.
  assert.equal(warmupEnd([40], p, false), "bounded");
  // The perf suite's quick profile would go on warming up after the same 1.1 s.
  assert.equal(warmupEnd([0.6, 0.3, 0.15], PROTOCOLS.quick, false), null);
});

Deno.test("the gate's window plan reads the median of the last 9 warm-up steps, not the last one", () => {
  // 0.25 s windows: steps of 5 ms give 50 per window; one stray 2.5 ms last step would give 100.
  const steps = [0.5, ...Array(20).fill(0.005), 0.0025];
  assert.equal(planWindows(steps, GATE_PROTOCOL, false).batchesPerWindow, 50);
  assert.equal(planWindows(steps, { ...GATE_PROTOCOL, planSteps: 1 }, false).batchesPerWindow, 100);
  // Each window's steps are capped at 128 (an MLP's ~2 ms steps).
  assert.equal(
    planWindows([0.5, ...Array(9).fill(0.001)], GATE_PROTOCOL, false).batchesPerWindow,
    128,
  );
});
