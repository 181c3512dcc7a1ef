/** A run's repeated measurements (latencies, window throughputs), summarised. */
import type { MeasurementSummary } from "../../../results/queries/mod.ts";
import { Head, num } from "../../_view.tsx";

/** One row per measurement: n, median, mean, min and max; a note when there are none. */
export function Measurements(props: { measurements: MeasurementSummary[] }) {
  if (props.measurements.length === 0) return <p class="muted">None recorded.</p>;
  return (
    <table>
      <Head
        cols={[
          "Name",
          "Unit",
          { num: "n" },
          { num: "Median" },
          { num: "Mean" },
          { num: "Min" },
          { num: "Max" },
        ]}
      />
      <tbody>
        {props.measurements.map((m) => (
          <tr>
            <td class="mono">{m.name}</td>
            <td>{m.unit}</td>
            <td class="num">{m.n}</td>
            <td class="num">{num(m.median)}</td>
            <td class="num">{num(m.mean)}</td>
            <td class="num">{num(m.min)}</td>
            <td class="num">{num(m.max)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
