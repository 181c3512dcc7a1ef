/// <reference lib="dom" />
/**
 * The page of a browser perf run (bundled by `harness/run/browser/bundle.ts`): the browser
 * runtime's page shell and the perf loop Deno runs (`tf_runner.ts`), with the same protocol,
 * set-up and seeded batches, on one replica (the page's wasm parallelism is tfjs's threads).
 * The peak matmul is measured in the page too, on the same backend and threads.
 */
import type { ResolvedConfig } from "../core/config.ts";
import { kernelsUsed } from "../run/kernel_mode.ts";
import { singleTrainer } from "../run/parallel/single.ts";
import { servePage } from "../run/browser/page/shell.ts";
import { matmulGflops } from "./peak.ts";
import type { Protocol } from "./protocol.ts";
import { measureTraining } from "./tf_runner.ts";

servePage({
  perf: async (task, ctx) => {
    const o = task.options as { protocol: Protocol; stock: boolean; peak: boolean };
    const p = o.protocol;
    const peak = o.peak ? await matmulGflops(p.peak.n, p.peak.warmup, p.peak.repeats) : [];
    // Count only the training's kernel calls: the peak matmul is not the model's.
    kernelsUsed();
    const measured = await measureTraining(
      task.config as ResolvedConfig,
      task.seed,
      ctx.data!,
      (model) => Promise.resolve(singleTrainer(model)),
      { protocol: p, stock: o.stock, onProgress: ctx.progress, slowdown: null, turns: null },
    );
    measured.peakGflops = peak;
    return measured;
  },
});
