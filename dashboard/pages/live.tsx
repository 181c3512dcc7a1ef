/** Live: a running bench's progress, tailed from `<db>.progress.jsonl` and polled by the page. */
import { Hono } from "hono";
import { answer, type Deps } from "../_deps.ts";
import type { LiveState } from "../live/tail.ts";
import { Badge, Head } from "../_view.tsx";
import { Layout } from "../layout.tsx";

/** Routes `/live` and `/api/live`. */
export function liveRoutes(deps: Deps): Hono {
  const app = new Hono();
  for (const path of ["/live", "/api/live"]) {
    app.get(path, async (c) => answer(c, await deps.tail.state(), LivePage));
  }
  return app;
}

/** Seconds as `1m05s`. */
function eta(s: number | null): string {
  if (s === null || !Number.isFinite(s)) return "?";
  if (s < 60) return `${Math.round(s)}s`;
  return `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, "0")}s`;
}

/** The progress table (the page script redraws the same markup from /api/live). */
function LiveTable(props: { state: LiveState }) {
  return (
    <table id="live-table">
      <Head
        cols={[
          "Updated",
          "Suite",
          "Run",
          "Experiment",
          "Backend",
          { num: "Seed" },
          "Epoch",
          "Progress",
          { num: "ETA" },
          "Status",
        ]}
      />
      <tbody>
        {props.state.runs.map((e) => {
          const done = e.epochs && e.epoch
            ? ((e.epoch - 1) + (e.batches && e.batch ? e.batch / e.batches : 1)) / e.epochs
            : 0;
          const frac = e.status === "running" ? Math.min(1, Math.max(0, done)) : 1;
          return (
            <tr>
              <td>{e.time.slice(11, 19)}</td>
              <td class="mono">{e.suiteId}</td>
              <td class="num">{e.run ? `${e.run}/${e.runs ?? "?"}` : ""}</td>
              <td>{e.experimentId}</td>
              <td>{e.backend}</td>
              <td class="num">{e.seed}</td>
              <td>{e.epoch ? `${e.epoch}/${e.epochs ?? "?"}` : "—"}</td>
              <td>
                <span class="progress">
                  <span style={`width: ${(frac * 100).toFixed(0)}%`}></span>
                </span>
              </td>
              <td class="num">{e.status === "running" ? eta(e.etaS) : ""}</td>
              <td>
                <Badge value={e.status} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function LivePage(s: LiveState) {
  return (
    <Layout title="Live" active="live" scripts={["live.js"]}>
      <h1>Live</h1>
      <p id="live-summary">
        {!s.exists
          ? "No bench has reported progress yet. Start one with `deno task bench`; its runs appear here as they train."
          : s.active > 0
          ? `${s.active} run${s.active > 1 ? "s" : ""} in progress.`
          : "No run in progress; the latest runs are below."}
      </p>
      <p class="muted">
        Following <code>{s.file}</code>; refreshed every second.
      </p>
      <div id="live">
        <LiveTable state={s} />
      </div>
    </Layout>
  );
}
