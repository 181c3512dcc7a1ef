// deno-lint-ignore-file jsx-key -- rendered once on the server; keys only matter to client-side reconciliation
/** Small view pieces shared by pages: numbers, badges, links, charts. */

/** A number with a sensible precision, or an em dash for missing values. */
export function num(v: unknown, digits = 3): string {
  if (typeof v !== "number" || !Number.isFinite(v)) return "—";
  const a = Math.abs(v);
  if (a !== 0 && (a >= 1e6 || a < 1e-3)) return v.toExponential(2);
  if (Number.isInteger(v)) return v.toLocaleString("en-US");
  if (a >= 100) return v.toLocaleString("en-US", { maximumFractionDigits: 1 });
  return v.toLocaleString("en-US", { maximumSignificantDigits: digits + 1 });
}

/** A timestamp as stored (`2025-01-01 10:00:00.123`), cut to the second. */
export function when(v: unknown): string {
  return typeof v === "string" ? v.replace("T", " ").slice(0, 19) : "—";
}

/** A relative change, signed, in percent. */
export function pct(ratio: number | null): string {
  if (ratio === null || !Number.isFinite(ratio)) return "—";
  const d = (ratio - 1) * 100;
  return `${d >= 0 ? "+" : ""}${d.toFixed(Math.abs(d) < 10 ? 1 : 0)}%`;
}

/** A status or verdict as a colored label. */
export function Badge(props: { value: unknown }) {
  const v = String(props.value ?? "—");
  return <span class={`badge ${v.replace(/[^a-z_-]/gi, "")}`}>{v}</span>;
}

/** A commit, shortened, with its dirty flag. */
export function Commit(props: { sha: unknown; dirty?: unknown }) {
  if (typeof props.sha !== "string" || !props.sha) return <span class="muted">none</span>;
  return (
    <span class="mono" title={props.sha}>
      {props.sha.slice(0, 10)}
      {props.dirty === true && <span class="badge running" title="uncommitted changes">dirty</span>}
    </span>
  );
}

/** A link to one run's page. */
export function RunLink(props: { id: unknown; label?: string }) {
  const id = String(props.id);
  return <a class="mono" href={`/runs/${encodeURIComponent(id)}`}>{props.label ?? id}</a>;
}

/** A query string from parameters, leaving out empty values. */
export function qs(params: Record<string, string | number | string[] | undefined | null>): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (Array.isArray(v)) v.forEach((x) => u.append(k, x));
    else if (v !== undefined && v !== null && v !== "") u.set(k, String(v));
  }
  const s = u.toString();
  return s ? `?${s}` : "";
}

/** One series of a chart: y values aligned with the chart's x values (null for gaps). */
export interface Series {
  label: string;
  values: (number | null)[];
  /** Draw points only, no line (used for marked regressions). */
  pointsOnly?: boolean;
  dash?: boolean;
}

/** A chart spec the client script draws with uPlot. */
export interface ChartSpec {
  title: string;
  xLabel: string;
  yLabel: string;
  x: number[];
  /** Labels for x values (e.g. commits) shown on the axis instead of numbers. */
  xTicks?: string[];
  series: Series[];
}

/** A chart placeholder; its data travels in an (escaped) attribute, never as markup. */
export function Chart(props: { spec: ChartSpec; id?: string }) {
  return <div class="chart" id={props.id} data-chart={JSON.stringify(props.spec)}></div>;
}

/** A column heading: its label, or `{ num: label }` for a column of numbers (right-aligned). */
export type Column = string | { num: string };

/** A table's heading row. */
export function Head(props: { cols: Column[] }) {
  return (
    <thead>
      <tr>
        {props.cols.map((c) => typeof c === "string" ? <th>{c}</th> : <th class="num">{c.num}</th>)}
      </tr>
    </thead>
  );
}

/**
 * A labelled choice among `options` ([value, label] pairs), showing `value`; with `all`, a
 * first option "all" whose value is empty (no filter).
 */
export function Select(
  props: { name: string; label: string; value?: string; options: [string, string][]; all?: true },
) {
  return (
    <label>
      {props.label}
      <select name={props.name}>
        {props.all && <option value="">all</option>}
        {props.options.map(([v, l]) => <option value={v} selected={v === props.value}>{l}</option>)}
      </select>
    </label>
  );
}
