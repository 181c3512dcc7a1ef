/**
 * Measured θ of process pairs, for `simulate_sequential.ts --plan --thetas FILE`: whole gate
 * runs drawn from the pairs live checks actually timed instead of a normal model, so their
 * real tails and any bias between the two sides count. A file is tab-separated with a header
 * naming at least `check`, `target` and `theta` (a `load` column may select rows); `#` lines are
 * comments. Checks can be resampled (with replacement) to show how much the figures depend on
 * which checks happened to be timed.
 */
import type { Rng } from "../rng.ts";
import { suiteGroups } from "./suite_groups.ts";

/** The pairs of each check, per target. */
export interface ThetaPool {
  /** Targets in the order the file first names them. */
  targets: string[];
  /** Per check: θ of its pairs, one list per target (possibly empty). */
  checks: { id: string; thetas: number[][] }[];
}

/**
 * Read a θ file; `load` keeps only the rows of that load when the file has a `load` column.
 *
 * @example
 * ```ts
 * const p = parseThetaPool("check\ttarget\ttheta\nA\tcnn\t0.01\nA\tmlp\t-0.02\n", "x.tsv");
 * p.targets; // ["cnn", "mlp"]
 * ```
 */
export function parseThetaPool(text: string, file: string, load?: string): ThetaPool {
  // Numbered as in the file (from 1), comments and blank lines left out.
  const lines = text.split("\n").map((line, i) => ({ line, no: i + 1 }))
    .filter(({ line }) => line.trim() && !line.startsWith("#"));
  const header = (lines.shift()?.line ?? "").split("\t").map((h) => h.trim());
  const col = (name: string) => header.indexOf(name);
  for (const name of ["check", "target", "theta"]) {
    if (col(name) < 0) throw new RangeError(`${file}: no "${name}" column in its header`);
  }
  if (load !== undefined && col("load") < 0) {
    throw new RangeError(`${file}: no "load" column to select "${load}" rows by`);
  }
  const targets: string[] = [];
  const byCheck = new Map<string, Map<string, number[]>>();
  lines.forEach(({ line, no }) => {
    const cells = line.split("\t");
    if (load !== undefined && cells[col("load")] !== load) return;
    const theta = Number(cells[col("theta")]);
    if (!Number.isFinite(theta)) {
      throw new RangeError(`${file}: line ${no}: theta "${cells[col("theta")]}" is not a number`);
    }
    const target = cells[col("target")], check = cells[col("check")];
    if (!targets.includes(target)) targets.push(target);
    const m = byCheck.get(check) ?? byCheck.set(check, new Map()).get(check)!;
    (m.get(target) ?? m.set(target, []).get(target)!).push(theta);
  });
  if (byCheck.size === 0) {
    throw new RangeError(`${file}: no rows${load ? ` of load "${load}"` : ""}`);
  }
  const checks = [...byCheck].map(([id, m]) => ({
    id,
    thetas: targets.map((t) => m.get(t) ?? []),
  }));
  return { targets, checks };
}

/** Every pair of `checks`, per target. */
export function pooledThetas(pool: ThetaPool, checks = pool.checks): number[][] {
  return pool.targets.map((_, i) => checks.flatMap((c) => c.thetas[i]));
}

/** The pairs of as many checks as the pool has, drawn with replacement, per target. */
export function resampleChecks(pool: ThetaPool, rng: Rng): number[][] {
  const n = pool.checks.length;
  return pooledThetas(pool, Array.from({ length: n }, () => pool.checks[rng.int(n)]));
}

/**
 * The groups the gate's suite rows would read for the pool's targets, named `experiment-backend`
 * (`cnn-cpu`): each backend's and each experiment's (`suiteGroups`), not the suite of all.
 *
 * @example
 * ```ts
 * const rows = ["cnn-cpu", "cnn-wasm", "mlp-cpu"].map((t) => `A\t${t}\t0`);
 * const p = parseThetaPool(["check\ttarget\ttheta", ...rows].join("\n"), "x.tsv");
 * poolGroups(p); // [[0, 2], [0, 1]]: both experiments on cpu, cnn on both backends
 * ```
 */
export function poolGroups(pool: ThetaPool): number[][] {
  const targets = pool.targets.map((t) => {
    const cut = t.lastIndexOf("-");
    return cut < 0
      ? { experiment: t, backend: "" }
      : { experiment: t.slice(0, cut), backend: t.slice(cut + 1) };
  });
  return suiteGroups(targets).filter((g) => g.by !== "all").map((g) => g.members);
}
