/// <reference lib="dom" />
/**
 * The page of a browser training run (bundled by `bundle.ts`): the shell and the one
 * training loop Deno runs too, with the one-replica trainer (the page's wasm parallelism is
 * tfjs's own threads).
 */
import type { ResolvedConfig } from "../../../core/config.ts";
import { singleTrainer } from "../../parallel/single.ts";
import { trainLoop } from "../../train.ts";
import { servePage } from "./shell.ts";

servePage({
  train: (task, ctx) =>
    trainLoop(
      task.config as ResolvedConfig,
      task.seed,
      ctx.data!,
      (model) => Promise.resolve(singleTrainer(model)),
      ctx.progress,
    ),
});
