/**
 * Welch-Satterthwaite degrees of freedom, shared by the verdicts that add independent variance
 * estimates: the accuracy verdict (two sides' seeds) and the suite verdict (several targets'
 * process pairs).
 */

/**
 * The degrees of freedom of Σ v_i, where each v_i is a variance estimate on `dfs[i]` degrees of
 * freedom: (Σ v_i)² / Σ (v_i² / df_i). NaN when every v_i is 0 (no spread to weigh).
 *
 * @example
 * ```ts
 * import { welchDf } from "./_welch.ts";
 * welchDf([1, 1], [1, 1]); // 2: (1 + 1)² / (1 + 1)
 * welchDf([0.5], [7]); // 7: one estimate keeps its own df
 * ```
 */
export function welchDf(vs: readonly number[], dfs: readonly number[]): number {
  const sum = vs.reduce((a, v) => a + v, 0);
  const tail = vs.reduce((a, v, i) => a + (v * v) / dfs[i], 0);
  return tail > 0 ? (sum * sum) / tail : NaN;
}
