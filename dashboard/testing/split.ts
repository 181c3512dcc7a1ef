/** A store holding two shards of a three-shard plan, for the tests of split plans. */
import { Store } from "../../results/store.ts";

/** Two machines ran shards 1/3 and 3/3 of one plan; shard 2/3 never came back. */
export async function splitStore(path: string): Promise<void> {
  const store = new Store(path);
  await store.init();
  const machines = [["env-a", "Fast CPU", "host-a"], ["env-b", "Slow CPU", "host-b"]];
  for (const [envId, cpuModel, hostname] of machines) {
    await store.saveEnvironment({
      envId,
      hostname,
      os: "linux",
      arch: "x86_64",
      cpuModel,
      cores: 2,
      memoryBytes: 1,
      deno: "2",
      v8: "1",
      typescript: "5",
      tfjs: "4.22.0",
      duckdb: "1.5",
      fingerprint: {},
    });
  }
  for (const [i, index] of [1, 3].entries()) {
    const suiteId = `suite-${index}`, envId = machines[i][0];
    const keys = [`mlp/cpu/${index}`, `mlp/wasm/${index}`];
    await store.startSuite({
      suiteId,
      kind: "bench",
      profile: "quick",
      argv: [],
      gitCommit: null,
      gitDirty: null,
      envId,
      plan: { hash: "p".repeat(64), runs: 6, shard: { index, count: 3, group: "ci-7", keys } },
    });
    // Shard 3 recorded only its first run.
    for (const key of keys.slice(0, index === 3 ? 1 : 2)) {
      const [experimentId, backend, seed] = key.split("/");
      const runId = `${suiteId}-${backend}`;
      await store.startRun({
        runId,
        suiteId,
        experimentId,
        experimentTitle: "MLP",
        article: "a",
        section: "1",
        variantOf: null,
        dataset: null,
        backend,
        seed: Number(seed),
        profile: "quick",
        envId,
        config: {},
        configHash: "c",
        declarationHash: "d",
        gitCommit: null,
        gitDirty: null,
      });
      await store.finishRun(runId, { status: "ok", testAccuracy: 0.9, steadySamplesPerS: 100 });
    }
    await store.finishSuite(suiteId, "ok");
  }
}
