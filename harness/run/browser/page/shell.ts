/// <reference lib="dom" />
/**
 * In the page: what every task shares, around the handler that does its work (a training
 * run, a perf measurement). Start the backend, register the project's kernels as Deno does,
 * fetch the examples, run the handler with a throttled progress sender, and answer with the
 * result, the kernels called, what the browser and backend are, and the page's own timings.
 * An error becomes a reply, never a rejection, so the harness classifies it as it does
 * Deno's (a missing kernel is `unsupported`).
 */
import * as tf from "@tensorflow/tfjs";
import { setWasmPaths } from "@tensorflow/tfjs-backend-wasm";
import "@tensorflow/tfjs-backend-webgpu";
import { oneLine } from "../../../core/errors.ts";
import { kernelsUsed, prepareKernels } from "../../kernel_mode.ts";
import type { RunProgress } from "../../train.ts";
import type { RunData } from "../../train_setup.ts";
import { determinismOf } from "../determinism.ts";
import { PAGE_GLOBAL, type PageReply, type PageTask } from "../protocol.ts";
import { startBackend } from "./backend.ts";
import { fetchRunData } from "./data.ts";
import { progressSender } from "./progress.ts";
import { pageProvenance } from "./provenance.ts";

/** What a handler gets besides its task. */
export interface TaskContext {
  /** The task's examples, fetched and checked (null for a task without data). */
  data: RunData | null;
  progress: (p: RunProgress) => void;
}

/** Does a task's work in the page; its value goes back to the harness as it is. */
export type TaskHandler = (task: PageTask, ctx: TaskContext) => Promise<unknown>;

async function runTask(handlers: Record<string, TaskHandler>, task: PageTask): Promise<PageReply> {
  const runtimeInfo = pageProvenance();
  const handler = handlers[task.kind];
  if (!handler) throw new TypeError(`This page has no "${task.kind}" task`);
  const t0 = performance.now();
  const backend = await startBackend(task.backend, task.threads);
  if (!backend.available) return { status: "unavailable", reason: backend.reason, runtimeInfo };
  prepareKernels(task.backend, task.kernels);
  const info = {
    ...backend.info,
    ...determinismOf(task.backend, Boolean(backend.info.software), task.kernels),
  };
  const t1 = performance.now();
  const progress = progressSender(task.progressMs);
  try {
    const data = task.data ? await fetchRunData(task.data) : null;
    const t2 = performance.now();
    const value = await handler(task, { data, progress: (p) => progress.send(p) });
    const t3 = performance.now();
    await progress.flush();
    return {
      status: "ok",
      value,
      backendInfo: info,
      runtimeInfo,
      kernels: kernelsUsed(task.backend),
      timings: {
        backendS: (t1 - t0) / 1000,
        dataS: (t2 - t1) / 1000,
        taskS: (t3 - t2) / 1000,
        progressS: progress.spentS,
        progressEvents: progress.sent,
      },
    };
  } catch (err) {
    const kernels = kernelsUsed(task.backend);
    return { status: "error", reason: oneLine(err), backendInfo: info, runtimeInfo, kernels };
  }
}

/**
 * Each backend of `options.backends` started in turn, described or with the reason it does
 * not start here (for `deno task list`); wasm with the task's threads.
 */
const probe: TaskHandler = async (task) => {
  const out: Record<string, unknown> = {};
  for (const name of task.options!.backends as string[]) {
    out[name] = await startBackend(name, name === "wasm" ? task.threads : undefined);
  }
  return out;
};

/**
 * Install this page's entry point (`run`, with `handlers` and the built-in `probe`) and say
 * the page is ready. Called once by a page entry, when its bundle loads.
 *
 * @example
 * ```ts
 * servePage({ train: (task, ctx) => trainLoop(...) });
 * ```
 */
export function servePage(handlers: Record<string, TaskHandler>): void {
  // The harness serves tfjs-wasm's builds here; the threaded one loads when the page is
  // cross-origin isolated.
  setWasmPaths("/wasm/");
  // As in Deno (backends.ts): no per-op debug checks.
  tf.enableProdMode();
  (globalThis as Record<string, unknown>)[PAGE_GLOBAL] = {
    run: (task: PageTask) => runTask({ ...handlers, probe }, task),
    ready: true,
  };
}
