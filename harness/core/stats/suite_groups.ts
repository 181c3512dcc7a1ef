/**
 * Which targets a gate's suite rows read together (`suite_verdict.ts`): every target (the
 * suite), and, where the plan has them, every experiment on one backend and one experiment on
 * every backend. A change to one backend's kernels slows that backend's targets; a change to
 * one model slows that model on every backend. Two targets' pairs together show a 5% slowdown
 * that each target's own test, within the budget, finds about half the time
 * (harness/gate/measured/groups.md).
 *
 * @module
 */

/** One group of targets read together. */
export interface SuiteGroup {
  /** What its targets share: a backend, an experiment, or nothing (all targets). */
  by: "backend" | "experiment" | "all";
  /** The backend's or experiment's name; "" for all targets. */
  key: string;
  /** Indices of its targets, ascending. */
  members: number[];
}

/**
 * The groups of `targets`: one per backend and one per experiment with at least 2 targets and
 * fewer than all (a group of all targets is the suite), then the suite of all targets when
 * there are at least 2. Targets are distinct (experiment, backend) pairs, as a plan gives them
 * (`pairedTargets`, and `listFlag` drops a repeated backend), so no two groups hold the same
 * targets: a backend's group and an experiment's group share at most one target.
 *
 * @example
 * ```ts
 * const t = [["cnn", "cpu"], ["cnn", "wasm"], ["mlp", "cpu"], ["mlp", "wasm"]]
 *   .map(([experiment, backend]) => ({ experiment, backend }));
 * suiteGroups(t).map((g) => `${g.by} ${g.key} ${g.members}`);
 * // ["backend cpu 0,2", "backend wasm 1,3", "experiment cnn 0,1", "experiment mlp 2,3", "all  0,1,2,3"]
 * ```
 */
export function suiteGroups(
  targets: readonly { experiment: string; backend: string }[],
): SuiteGroup[] {
  const n = targets.length;
  const groups: SuiteGroup[] = [];
  for (const by of ["backend", "experiment"] as const) {
    const keys = [...new Set(targets.map((t) => t[by]))];
    for (const key of keys) {
      const members = targets.flatMap((t, i) => (t[by] === key ? [i] : []));
      if (members.length >= 2 && members.length < n) groups.push({ by, key, members });
    }
  }
  if (n >= 2) groups.push({ by: "all", key: "", members: targets.map((_, i) => i) });
  return groups;
}
