/** The Compare page's table of the gate's verdicts on repeated measurements. */
import type { MeasurementVerdict } from "../_verdict.ts";
import { Badge, num, pct } from "../_view.tsx";

/** Each candidate's verdicts against run #1, and the margin they used. */
export function GateVerdicts(props: {
  ids: string[];
  verdicts: { run_id: string; verdicts: MeasurementVerdict[] }[];
  margins: string;
}) {
  return (
    <>
      <h2>Repeated measurements: the gate's verdict</h2>
      <p class="muted">
        Judged as <code>deno task check</code>{" "}
        judges: only the timings the gate knows, only between ok runs of one experiment declaration,
        backend and machine. Margin: {props.margins}.
      </p>
      {props.verdicts.every((v) => v.verdicts.length === 0)
        ? <p class="muted">These runs share no repeated measurements.</p>
        : (
          <table id="verdicts">
            <thead>
              <tr>
                <th>Run</th>
                <th>Measurement</th>
                <th class="num">n (#1 / this)</th>
                <th class="num">Median ratio</th>
                <th class="num">Mann-Whitney p</th>
                <th>Verdict</th>
                <th>Why</th>
              </tr>
            </thead>
            <tbody>
              {props.verdicts.flatMap((cv) =>
                cv.verdicts.map((v) => (
                  <tr>
                    <td>#{props.ids.indexOf(cv.run_id) + 1}</td>
                    <td class="mono">
                      {v.name} <span class="muted">{v.unit}</span>
                    </td>
                    <td class="num">
                      {v.baselineN} / {v.candidateN}
                    </td>
                    <td class="num">
                      {v.ratio === null ? "—" : `${num(v.ratio, 3)} (${pct(v.ratio)})`}
                    </td>
                    <td class="num">{num(v.p, 3)}</td>
                    <td>
                      {v.verdict === null
                        ? <span class="muted">not judged</span>
                        : <Badge value={v.verdict} />}
                    </td>
                    <td>{v.reason}</td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        )}
    </>
  );
}
