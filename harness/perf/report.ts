/** The perf suite's output: one table per model, and the same rows as JSON. */
import { fmt, table } from "../cli/table.ts";
import type { PerfSuiteResult } from "./suite.ts";
import type { PerfRow } from "./types.ts";

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

function kernelsCell(r: PerfRow, mode: "default" | "stock"): string {
  if (r.backend === "pytorch-cpu") return "torch";
  if (mode === "stock") return "stock";
  return r.kernels.length ? r.kernels.map((k) => k.split("@")[0]).join(",") : "none";
}

function cells(r: PerfRow, mode: "default" | "stock"): string[] {
  const ips = r.imagesPerS;
  const note = r.status === "ok" ? (r.bounded ?? "") : r.reason ?? "";
  return [
    r.backend,
    r.status,
    ips ? `${fmt(ips.median, 0)} [${fmt(ips.min, 0)}-${fmt(ips.max, 0)}]` : "-",
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

/** One table per model, in the order the suite ran them, rows in backend order. */
export function perfTable(result: PerfSuiteResult): string {
  const order = ["cpu", "wasm", "webgpu", "pytorch-cpu"];
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
    const sorted = [...rows].sort((a, b) => order.indexOf(a.backend) - order.indexOf(b.backend));
    parts.push(`${head}\n${table(HEADER, sorted.map((r) => cells(r, result.kernels)))}`);
  }
  const p = result.protocol;
  parts.push(
    [
      `kernels: ${
        result.kernels === "stock"
          ? "tfjs as shipped (stock); timed steps bounded"
          : "the project's training kernels where prepareKernels provides them"
      }`,
      `protocol (${result.profile}): ${p.warmupBatches} warm-up steps, ${p.windows} windows of ~${p.targetWindowS} s; peak = ${p.peak.n}x${p.peak.n} float32 matmul per backend (torch.mm on ${p.torchThreads} threads)`,
      "GFLOP/s = 3 x forward multiply-add FLOPs per image x images/s; overhead = harness time outside the model step (batch copy, loss read, progress, storage) / (loop + storage)",
      `load average at start: ${
        result.loadAvg.map((x) => x.toFixed(2)).join(" ")
      } (${navigator.hardwareConcurrency} cores)`,
    ].join("\n"),
  );
  return parts.join("\n\n");
}

/** The same rows as one JSON document for scripts. */
export function perfJson(result: PerfSuiteResult, db: string): unknown {
  return { ...result, db };
}
