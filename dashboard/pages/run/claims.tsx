/** The claims a run bears on: the verdicts that used it, the others on its experiment folded. */
import type { ClaimVerdict, RunRow } from "../../../results/queries/mod.ts";
import { ClaimsTable } from "../claims.tsx";

/** The verdicts on the run's experiment, or why there are none. */
export function RunClaims(props: { run: RunRow; claims: ClaimVerdict[] | null }) {
  const r = props.run, claims = props.claims;
  if (claims === null) return <p class="muted">No claims checked yet: run `deno task claims`.</p>;
  if (claims.length === 0) {
    return <p class="muted">No claims recorded for experiment {r.experiment_id}.</p>;
  }
  const mine = claims.filter((c) => c.run_ids.includes(r.run_id));
  const others = claims.filter((c) => !c.run_ids.includes(r.run_id));
  return (
    <>
      {mine.length > 0
        ? <ClaimsTable claims={mine} />
        : <p class="muted">No verdict used this run.</p>}
      {others.length > 0 && (
        <details>
          <summary>Other verdicts on {r.experiment_id} ({others.length})</summary>
          <ClaimsTable claims={others} />
        </details>
      )}
    </>
  );
}
