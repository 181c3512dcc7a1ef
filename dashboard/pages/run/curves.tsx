// deno-lint-ignore-file jsx-key -- rendered once on the server; keys only matter to client-side reconciliation
/** One run's epochs: loss, accuracy and throughput charts, and the epoch table. */
import type { EpochRow } from "../../../results/queries/mod.ts";
import { Chart, type ChartSpec, Head, num } from "../../_view.tsx";

/** Loss and accuracy charts (train and validation) of one run's epochs. */
function curveSpecs(epochs: EpochRow[]): ChartSpec[] {
  const x = epochs.map((e) => e.epoch);
  const col = (k: keyof EpochRow) =>
    epochs.map((e) => (typeof e[k] === "number" ? e[k] as number : null));
  return [
    {
      title: "Loss",
      xLabel: "epoch",
      yLabel: "loss",
      x,
      series: [{ label: "train loss", values: col("loss") }, {
        label: "validation loss",
        values: col("val_loss"),
        dash: true,
      }],
    },
    {
      title: "Accuracy",
      xLabel: "epoch",
      yLabel: "accuracy",
      x,
      series: [
        { label: "train accuracy", values: col("accuracy") },
        { label: "validation accuracy", values: col("val_accuracy"), dash: true },
      ],
    },
    {
      title: "Throughput per epoch",
      xLabel: "epoch",
      yLabel: "samples/s",
      x,
      series: [{ label: "samples/s", values: col("samples_per_s") }],
    },
  ];
}

function EpochTable(props: { epochs: EpochRow[] }) {
  return (
    <details>
      <summary>Epoch table ({props.epochs.length})</summary>
      <table>
        <Head
          cols={[
            { num: "Epoch" },
            { num: "Loss" },
            { num: "Accuracy" },
            { num: "Val. loss" },
            { num: "Val. accuracy" },
            { num: "Wall (s)" },
            { num: "Samples/s" },
            "Weights",
          ]}
        />
        <tbody>
          {props.epochs.map((e) => (
            <tr>
              <td class="num">{e.epoch}</td>
              <td class="num">{num(e.loss, 4)}</td>
              <td class="num">{num(e.accuracy, 4)}</td>
              <td class="num">{num(e.val_loss, 4)}</td>
              <td class="num">{num(e.val_accuracy, 4)}</td>
              <td class="num">{num(e.wall_s)}</td>
              <td class="num">{num(e.samples_per_s)}</td>
              <td class="mono">{String(e.weights_sha256 ?? "").slice(0, 16)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

/** The charts and the folded epoch table, or a note when no epoch was recorded. */
export function RunCurves(props: { epochs: EpochRow[] }) {
  if (props.epochs.length === 0) return <p class="muted">No epochs recorded.</p>;
  return (
    <>
      <div class="charts">{curveSpecs(props.epochs).map((s) => <Chart spec={s} />)}</div>
      <EpochTable epochs={props.epochs} />
    </>
  );
}
