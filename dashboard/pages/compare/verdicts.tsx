/** The gate's verdict on each repeated measurement the runs share, against the first run. */
import type { MeasurementVerdict } from "../../_verdict.ts";
import { Badge, Head, num, pct } from "../../_view.tsx";

/** Verdicts of one run (a candidate) against the first run picked. */
export interface CandidateVerdicts {
  run_id: string;
  verdicts: MeasurementVerdict[];
}

/** The verdicts table with the margin it used, or a note when the runs share no repeated measurement. */
export function VerdictsTable(
  props: { ids: string[]; verdicts: CandidateVerdicts[]; margins: string },
) {
  const judged = (
    <p class="muted">
      Judged as <code>deno task check</code>{" "}
      judges: only the timings the gate knows, only between ok runs of one experiment declaration,
      backend and machine. Margin: {props.margins}.
    </p>
  );
  if (props.verdicts.every((v) => v.verdicts.length === 0)) {
    return (
      <>
        {judged}
        <p class="muted">These runs share no repeated measurements.</p>
      </>
    );
  }
  return (
    <>
      {judged}
      <table id="verdicts">
        <Head
          cols={[
            "Run",
            "Measurement",
            { num: "n (#1 / this)" },
            { num: "Median ratio" },
            { num: "Mann-Whitney p" },
            "Verdict",
            "Why",
          ]}
        />
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
    </>
  );
}
