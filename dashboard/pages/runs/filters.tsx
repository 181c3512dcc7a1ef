// deno-lint-ignore-file jsx-key -- rendered once on the server; keys only matter to client-side reconciliation
/** The Runs page's filter form: a list of choices per facet, free text for commit and suite. */
import type { RunFacets, RunFilters } from "../../../results/queries/mod.ts";
import { Select } from "../../_view.tsx";

/** A text box that suggests the values of the datalist `list`. */
function Suggest(
  props: { name: string; label: string; value?: string; list: string; hint: string; size: number },
) {
  return (
    <label>
      {props.label}
      <input
        name={props.name}
        value={props.value ?? ""}
        list={props.list}
        placeholder={props.hint}
        size={props.size}
      />
    </label>
  );
}

/** The filters with a list of choices: each facet's name, label and [value, label] options. */
function facetChoices(
  facets: RunFacets,
): ["experiment" | "backend" | "status", string, [string, string][]][] {
  return [
    [
      "experiment",
      "Experiment",
      facets.experiments.map((e) => [e.experiment_id, `${e.experiment_id} (${e.n})`]),
    ],
    ["backend", "Backend", facets.backends.map((b) => [b, b])],
    ["status", "Status", facets.statuses.map((s) => [s, s])],
  ];
}

/** The form, filled with the filters in force. */
export function RunsFilterForm(props: { filters: RunFilters; facets: RunFacets }) {
  const f = props.filters, facets = props.facets;
  return (
    <form class="filters" method="get" action="/runs">
      {facetChoices(facets).map(([name, label, options]) => (
        <Select all name={name} label={label} value={f[name]} options={options} />
      ))}
      <Suggest
        name="commit"
        label="Commit"
        value={f.commit}
        list="commits"
        hint="sha prefix"
        size={12}
      />
      <Suggest name="suite" label="Suite" value={f.suite} list="suites" hint="suite id" size={18} />
      <datalist id="commits">{facets.commits.map((c) => <option value={c} />)}</datalist>
      <datalist id="suites">{facets.suites.map((s) => <option value={s} />)}</datalist>
      <button type="submit">Filter</button>
      <a href="/runs">clear</a>
    </form>
  );
}
