/**
 * The layer map of the house, written once: which folder sits on which, and what a file may
 * import. `architecture_test.ts` reads every import of the tree and fails on a violation; the
 * README's layout section shows the same map.
 *
 * Data flows one way, from the bottom up: a file may import its own folder, and folders of a
 * strictly lower layer. Two folders of one layer never import each other.
 *
 * @module
 */

/** One layer: the folders (or single files) it holds, lowest layer first. */
export interface Layer {
  name: string;
  /** Repository-relative folders (a file belongs to the longest one that holds it) or files. */
  members: string[];
  /** What lives there, in one line. */
  about: string;
}

/** The layers, lowest first. */
export const LAYERS: Layer[] = [
  {
    name: "core",
    members: ["harness/core"],
    about:
      "declaration types and schema, config resolution, discovery, rng, hash, errors, paths, statistics",
  },
  {
    name: "declarations, models, store",
    members: ["experiments", "models", "results"],
    about:
      "experiments as data; tf.LayersModel from a spec; the DuckDB store, the only writer of SQL",
  },
  {
    name: "run",
    members: ["harness/run"],
    about:
      "one run's lifecycle and training: suites, backends, kernels, data-parallel replicas, datasets, worked examples",
  },
  {
    name: "capabilities",
    members: ["harness/perf", "harness/claims"],
    about: "the perf suite and its PyTorch reference; the claims board",
  },
  {
    name: "gate",
    members: ["harness/gate"],
    about: "the regression gate: plans, paired timing, verdict policy, reports",
  },
  {
    name: "readers",
    members: ["dashboard"],
    about: "the web dashboard: reads the store, judges with the gate's own rules",
  },
  {
    name: "commands",
    members: ["harness/cli"],
    about: "one file per command: flags, the one user-error handler, output",
  },
  {
    name: "entry",
    members: ["main.ts"],
    about: "the CLI's entry point: picks the command",
  },
];

/**
 * Folders of helpers for tests and benchmarks only: they may import any layer, and only tests,
 * other helpers and benchmark scripts may import them.
 */
export const TESTING: string[] = ["harness/testing", "dashboard/testing", "tests"];

/** Files that are tools run by hand (benchmarks, generators): they may import test helpers. */
export const TOOLS: RegExp = /(^|\/)(\w+_bench\.ts|build\.ts)$|^dashboard\/scale\//;

/** A test file, by name or place. */
export function isTest(path: string): boolean {
  return /_test\.tsx?$/.test(path) || TESTING.some((t) => path.startsWith(`${t}/`));
}

/** The layer index of a repository path, or null when it belongs to none (tests, tools' data). */
export function layerOf(path: string): number | null {
  let best: { i: number; len: number } | null = null;
  LAYERS.forEach((layer, i) => {
    for (const m of layer.members) {
      if ((path === m || path.startsWith(`${m}/`)) && (!best || m.length > best.len)) {
        best = { i, len: m.length };
      }
    }
  });
  return best === null ? null : (best as { i: number }).i;
}

/** The member (folder or file) of the layer map that holds `path`, or null. */
export function memberOf(path: string): string | null {
  const all = LAYERS.flatMap((l) => l.members)
    .filter((m) => path === m || path.startsWith(`${m}/`))
    .sort((a, b) => b.length - a.length);
  return all[0] ?? null;
}
