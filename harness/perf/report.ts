/** The perf suite's output: one table per model, and the same rows as JSON. */
import { documentHeader } from "../core/documents.ts";
import { fmt, table } from "../core/table.ts";
import type { PerfSuiteResult } from "./perf_suite.ts";
import type { PerfRow } from "./types.ts";
import { backendLabel } from "../core/runtime.ts";

const HEADER = [
  "backend",
  "status",
  "images/s median [min-max]",
  "vs torch",
  "GFLOP/s",
  "peak",
  "of peak",
  "warm-up s: 1st/all (steps)",
  "lat b1 ms",
  "lat large ms",
  "overhead",
  "kernels",
  "note",
];

/** Images/s with the digits that matter: tfjs cpu's stock CNN trains below 1 image/s. */
export function rate(v: number): string {
  return fmt(v, v < 10 ? 2 : 0);
}

function kernelsCell(r: PerfRow, mode: "default" | "stock"): string {
  if (r.backend === "pytorch-cpu") return "torch";
  if (mode === "stock") return "stock";
  return r.kernels.length ? `${r.kernels.length} ours` : "none";
}

/**
 * A row's name: the backend with its replicas in Deno (`wasm x2`, `deno wasm x2` beside
 * browser rows), the browser's with its threads or what it runs on (`chromium wasm (2
 * threads)`, `chromium webgl (SwiftShader)`).
 */
export function rowName(r: PerfRow, withRuntime: boolean): string {
  if (r.backend === "pytorch-cpu") return r.backend;
  if (r.runtime === "deno") {
    const name = r.replicas && r.replicas > 1 ? `${r.backend} x${r.replicas}` : r.backend;
    return withRuntime ? `deno ${name}` : name;
  }
  const detail = r.threads !== undefined
    ? `${r.threads} thread${r.threads === 1 ? "" : "s"}`
    : r.device ?? "";
  return `${r.runtime} ${r.backend}${detail ? ` (${detail})` : ""}`;
}

function cells(r: PerfRow, mode: "default" | "stock", withRuntime: boolean): string[] {
  const ips = r.imagesPerS;
  const note = r.status === "ok" ? (r.bounded ?? "") : r.reason ?? "";
  return [
    rowName(r, withRuntime),
    r.status,
    ips ? `${rate(ips.median)} [${rate(ips.min)}-${rate(ips.max)}]` : "-",
    r.ratioToPytorch !== null ? `${fmt(r.ratioToPytorch, 3)}x` : "-",
    fmt(r.gflops, 2),
    fmt(r.peakGflops, 1),
    r.fractionOfPeak !== null ? `${fmt(100 * r.fractionOfPeak, 1)}%` : "-",
    r.warmupS !== null ? `${fmt(r.firstStepS, 2)}/${fmt(r.warmupS, 2)} (${r.warmupBatches})` : "-",
    fmt(r.latencyB1Ms, 2),
    r.latencyLargeMs !== null ? `${fmt(r.latencyLargeMs, 1)} (b${r.largeBatch})` : "-",
    r.overhead ? `${fmt(r.overhead.pct, 1)}%` : "-",
    r.status === "ok" || r.status === "unsupported" ? kernelsCell(r, mode) : "-",
    note.length > 90 ? note.slice(0, 87) + "..." : note,
  ];
}

/** One table per model, in the order the suite ran them, rows in backend then runtime order. */
export function perfTable(result: PerfSuiteResult): string {
  const order = ["cpu", "wasm", "webgl", "webgpu", "pytorch-cpu"];
  const runtimes = ["deno", "chromium"];
  const rank = (r: PerfRow) => 10 * order.indexOf(r.backend) + runtimes.indexOf(r.runtime);
  const withRuntime = result.rows.some((r) => r.runtime !== "deno");
  const byModel = new Map<string, PerfRow[]>();
  for (const r of result.rows) byModel.set(r.experiment, [...(byModel.get(r.experiment) ?? []), r]);
  const parts: string[] = [];
  for (const [experiment, rows] of byModel) {
    const any = rows.find((r) => r.trainFlopsPerImage !== null);
    const bs = rows.find((r) => r.batchSize !== null)?.batchSize;
    const head = `${experiment}: batch ${bs ?? "?"}, ${
      any
        ? `${(any.trainFlopsPerImage! / 1e6).toFixed(2)} MFLOP per image per training step`
        : "FLOPs not counted"
    }`;
    const sorted = [...rows].sort((a, b) => rank(a) - rank(b));
    parts.push(
      `${head}\n${table(HEADER, sorted.map((r) => cells(r, result.kernels, withRuntime)))}`,
    );
  }
  const p = result.protocol;
  const ours = new Map<string, string[]>();
  for (const r of result.rows) {
    if (r.kernels.length) ours.set(backendLabel(r.runtime, r.backend), r.kernels);
  }
  parts.push(
    [
      ...[...ours].map(([b, ks]) => `project kernels on ${b}: ${ks.join(", ")}`),
      `kernels: ${
        result.kernels === "stock"
          ? "tfjs as shipped (stock); timed steps bounded"
          : "the project's training kernels where prepareKernels provides them"
      }`,
      `protocol (${result.profile}): warm-up of ${p.warmupBatches}+ steps and ${p.warmupS.min}+ s until step times settle (cap ${p.warmupS.max} s), ${p.windows} windows of ~${p.targetWindowS} s; peak = ${p.peak.n}x${p.peak.n} float32 matmul per backend on one thread, times the replicas of a row (PyTorch: the better of torch.mm and a 1x1 conv, ${p.torchThreads} threads)`,
      "GFLOP/s = 3 x forward multiply-add FLOPs per image x images/s; overhead = harness time outside the model step (batch copy, loss read, progress, storage) / (the run's wall time + storage)",
      ...(result.rows.some((r) => (r.replicas ?? 1) > 1)
        ? ["backend xN: trained data-parallel on N replicas, the main thread and N-1 Workers"]
        : []),
      ...browserNotes(result.rows),
      `load average at start: ${
        result.loadAvg.map((x) => x.toFixed(2)).join(" ")
      } (${navigator.hardwareConcurrency} cores)`,
    ].join("\n"),
  );
  return parts.join("\n\n");
}

/** The same rows as one JSON document for scripts. */
export function perfJson(result: PerfSuiteResult, db: string): unknown {
  return { ...documentHeader("perf"), ...result, db };
}

/** What the browser rows need said: where they ran, and any core count the page was told. */
function browserNotes(rows: PerfRow[]): string[] {
  const browser = rows.filter((r) => r.runtime !== "deno");
  if (browser.length === 0) return [];
  const told = browser.find((r) => r.cores?.overridden)?.cores;
  return [
    "chromium rows: the same protocol in a headless Chromium page (one replica; wasm runs tfjs's own threads); its peak is the same matmul in the page",
    ...(told
      ? [
        `chromium wasm (N threads): tfjs uses at most half the cores a page reports, so the page was told ${told.reported} cores (real ${told.real}); an ordinary Chrome here runs ${
          Math.max(1, Math.floor(told.real / 2))
        } thread`,
      ]
      : []),
  ];
}
