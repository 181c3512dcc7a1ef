/** The runs' training curves overlaid: one line per run (and a dashed one for validation). */
import type { EpochRow, RunRow } from "../../../results/queries/mod.ts";
import { Chart, type ChartSpec, type Series } from "../../_view.tsx";

function overlay(
  runs: RunRow[],
  epochs: EpochRow[],
  title: string,
  train: keyof EpochRow,
  val: keyof EpochRow,
): ChartSpec {
  const max = Math.max(0, ...epochs.map((e) => e.epoch));
  const x = Array.from({ length: max }, (_, i) => i + 1);
  const series: Series[] = [];
  for (const [i, r] of runs.entries()) {
    const mine = new Map(epochs.filter((e) => e.run_id === r.run_id).map((e) => [e.epoch, e]));
    const pick = (k: keyof EpochRow) =>
      x.map((n) => (typeof mine.get(n)?.[k] === "number" ? mine.get(n)![k] as number : null));
    const tag = `#${i + 1} ${r.backend}`;
    series.push({ label: `${tag} train`, values: pick(train) });
    if (pick(val).some((v) => v !== null)) {
      series.push({ label: `${tag} val`, values: pick(val), dash: true });
    }
  }
  return { title, xLabel: "epoch", yLabel: title.toLowerCase(), x, series };
}

/** Loss and accuracy overlays, or a note when no run recorded epochs. */
export function OverlaidCurves(props: { runs: RunRow[]; epochs: EpochRow[] }) {
  if (props.epochs.length === 0) return <p class="muted">No epochs recorded.</p>;
  return (
    <div class="charts">
      <Chart spec={overlay(props.runs, props.epochs, "Loss", "loss", "val_loss")} />
      <Chart spec={overlay(props.runs, props.epochs, "Accuracy", "accuracy", "val_accuracy")} />
    </div>
  );
}
