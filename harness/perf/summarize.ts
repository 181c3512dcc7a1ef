/**
 * Turn what a run measured into its table row and its stored measurements. Pure: numbers in,
 * numbers out, so the arithmetic (GFLOP/s, fraction of peak, overhead) is tested by hand.
 */
import { median } from "../core/stats/mod.ts";
import type { Measurement } from "../../results/types.ts";
import type { ModelFlops } from "./flops.ts";
import { spread } from "./protocol.ts";
import type { Measured, PerfRow } from "./types.ts";

/** The derived figures of a successful run. */
export function derive(
  m: Measured,
  flops: ModelFlops | null,
  pytorchMedian: number | null,
): Pick<
  PerfRow,
  | "imagesPerS"
  | "windows"
  | "batchesPerWindow"
  | "bounded"
  | "batchSize"
  | "warmupS"
  | "warmupBatches"
  | "firstStepS"
  | "trainFlopsPerImage"
  | "gflops"
  | "peakGflops"
  | "fractionOfPeak"
  | "ratioToPytorch"
  | "latencyB1Ms"
  | "latencyLargeMs"
  | "largeBatch"
  | "params"
> {
  const ips = spread(m.windowImagesPerS);
  const gflops = ips && flops ? (flops.train * ips.median) / 1e9 : null;
  const peak = m.peakGflops.length > 0 ? median(m.peakGflops) : null;
  return {
    imagesPerS: ips,
    windows: m.windowImagesPerS,
    batchesPerWindow: m.batchesPerWindow,
    bounded: m.bounded,
    batchSize: m.batchSize,
    warmupS: m.warmupStepS.reduce((a, b) => a + b, 0),
    warmupBatches: m.warmupStepS.length,
    firstStepS: m.warmupStepS[0] ?? null,
    trainFlopsPerImage: flops?.train ?? null,
    gflops,
    peakGflops: peak,
    fractionOfPeak: gflops !== null && peak ? gflops / peak : null,
    ratioToPytorch: ips && pytorchMedian ? ips.median / pytorchMedian : null,
    latencyB1Ms: m.latencyB1Ms.length ? median(m.latencyB1Ms) : null,
    latencyLargeMs: m.latencyLargeMs.length ? median(m.latencyLargeMs) : null,
    largeBatch: m.largeBatch,
    params: m.params,
  };
}

/**
 * Harness overhead: time in the training loop outside the model's step (batch copy, reading
 * the loss, progress) plus the run's storage write, as a share of the run's wall time (model
 * building, warm-up, timed windows, latency) plus that write.
 */
export function overhead(
  m: Measured,
  storageS: number,
  wallS: number,
): NonNullable<PerfRow["overhead"]> {
  const l = m.loop;
  const outside = l.dataS + l.metricsS + l.progressS + storageS;
  return { ...l, storageS, pct: (100 * outside) / (wallS + storageS) };
}

/** The raw and derived figures of a run as stored measurements (one row per sample). */
export function measurementsOf(m: Measured, row: PerfRow, flops: ModelFlops | null): Measurement[] {
  const out: Measurement[] = [];
  const many = (name: string, unit: string, xs: number[]) =>
    xs.forEach((value, idx) => out.push({ name, unit, idx, value }));
  const one = (name: string, unit: string, value: number | null | undefined) => {
    if (value !== null && value !== undefined && Number.isFinite(value)) {
      out.push({ name, unit, idx: 0, value });
    }
  };
  many("perf_window_images_per_s", "images/s", m.windowImagesPerS);
  many("perf_warmup_step_s", "s", m.warmupStepS);
  one("perf_warmup_s", "s", row.warmupS);
  one("perf_batches_per_window", "batches", m.batchesPerWindow);
  one("perf_batch_size", "images", m.batchSize);
  many("latency_b1_ms", "ms", m.latencyB1Ms);
  many("latency_large_ms", "ms", m.latencyLargeMs);
  many("peak_matmul_gflops", "GFLOP/s", m.peakGflops);
  many("peak_torch_mm_gflops", "GFLOP/s", m.peakMmGflops ?? []);
  many("peak_torch_conv1x1_gflops", "GFLOP/s", m.peakConvGflops ?? []);
  one("peak_matmul_n", "n", m.peakN);
  one("peak_gflops", "GFLOP/s", row.peakGflops);
  one("forward_flops_per_image", "FLOP", flops?.forward);
  one("train_flops_per_image", "FLOP", flops?.train);
  one("achieved_gflops", "GFLOP/s", row.gflops);
  one("fraction_of_peak", "ratio", row.fractionOfPeak);
  one("ratio_to_pytorch_cpu", "ratio", row.ratioToPytorch);
  one("param_count", "parameters", m.params);
  one("harness_data_s", "s", m.loop.dataS);
  one("model_step_s", "s", m.loop.stepS);
  one("harness_metrics_s", "s", m.loop.metricsS);
  one("harness_progress_s", "s", m.loop.progressS);
  one("perf_loop_s", "s", m.loop.loopS);
  one("injected_work_units", "units", m.extraWorkUnits);
  return out;
}
