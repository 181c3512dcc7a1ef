/**
 * The merge at scale: write N synthetic shard files (synth.ts --shard; one plan per commit,
 * 5 machines), merge them into one store, merge them again (which must add nothing), and
 * print the times. A benchmark that reports, not a test. Then time the dashboard on the
 * merged store with latency.ts.
 *
 * @example
 * ```sh
 * deno run -A dashboard/scale/merge_scale.ts --shards 50 --runs 100000 --epochs 50
 * deno run -A dashboard/scale/latency.ts --db .out/merged-synth.duckdb
 * ```
 */
import { parseArgs } from "node:util";
import { join } from "node:path";
import { mergeStores } from "../../results/merge/mod.ts";
import { synthesize } from "./synth.ts";

const { values } = parseArgs({
  args: Deno.args,
  strict: true,
  options: {
    dir: { type: "string", default: ".out/synth-shards" },
    out: { type: "string", default: ".out/merged-synth.duckdb" },
    shards: { type: "string", default: "50" },
    runs: { type: "string", default: "100000" },
    epochs: { type: "string", default: "50" },
  },
});
const count = Number(values.shards);
const seconds = (t0: number) => ((performance.now() - t0) / 1000).toFixed(1);

await Deno.remove(values.dir, { recursive: true }).catch(() => {});
await Deno.mkdir(values.dir, { recursive: true });
let t0 = performance.now();
for (let i = 1; i <= count; i++) {
  await synthesize(
    join(values.dir, `shard-${i}.duckdb`),
    Number(values.runs),
    Number(values.epochs),
    {
      index: i,
      count,
    },
  );
}
console.log(
  `${count} shard files, ${values.runs} runs x ${values.epochs} epochs: ${seconds(t0)} s`,
);
let bytes = 0;
for await (const e of Deno.readDir(values.dir)) {
  bytes += (await Deno.stat(join(values.dir, e.name))).size;
}
console.log(`  ${(bytes / 2 ** 20).toFixed(0)} MiB on disk; load ${Deno.loadavg().join(" ")}`);

for (const f of [values.out, `${values.out}.wal`]) await Deno.remove(f).catch(() => {});
t0 = performance.now();
const first = await mergeStores(values.out, [values.dir]);
const added = (r: typeof first, t: string) => r.totals.find((x) => x.table === t)?.added ?? 0;
console.log(
  `merge into an empty store: ${seconds(t0)} s (${added(first, "runs")} runs, ${
    added(first, "epochs")
  } epochs, ${added(first, "measurements")} measurements; ${first.conflicts} conflicts)`,
);
t0 = performance.now();
const again = await mergeStores(values.out, [values.dir]);
console.log(
  `merge again (adds ${again.totals.reduce((n, t) => n + t.added, 0)} rows): ${seconds(t0)} s`,
);
console.log(
  `  ${((await Deno.stat(values.out)).size / 2 ** 20).toFixed(0)} MiB merged; load ${
    Deno.loadavg().join(" ")
  }`,
);
