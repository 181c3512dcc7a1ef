/**
 * `check --quality` scoring a pool through the real CLI, with `--windows`: the same pairs judged
 * as their full processes and as processes that stopped after 2 windows, whose batch size the
 * command reads from the real declaration (keras-mlp-mnist-004: 32 images per step).
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { cli, writeTinyExperiment } from "./_bench.ts";

/**
 * 8 A/A pairs of the MLP on wasm: the first 2 windows of each pair agree (within ±0.2%), the
 * last 2 are 20% slower on the candidate side, 4 steps per window, 20 s per pair.
 */
function pool(): string {
  return Array.from({ length: 8 }, (_, i) => {
    const e = i % 2 ? 0.002 : -0.002;
    return JSON.stringify({
      experiment: "keras-mlp-mnist-004",
      backend: "wasm",
      slowdown: 0,
      load: "quiet",
      first: i % 2 ? "b" : "a",
      // The collector's θ, by hand: the median of the 10 Walsh averages of the log ratios
      // [ln(1 + e) twice, ln 0.8 twice] is a mixed one, (ln(1 + e) + ln 0.8) / 2.
      theta: (Math.log(1 + e) + Math.log(0.8)) / 2,
      pairs: [[1000, 1000 * (1 + e)], [1000, 1000 * (1 + e)], [1000, 800], [1000, 800]],
      aSpeed: 1000,
      bSpeed: 900,
      batches: 4,
      costS: 20,
      loadavg: [1, 1, 1],
      at: "2026-12-04T00:00:00Z",
      commit: null,
    });
  }).join("\n") + "\n";
}

Deno.test("check --quality --windows re-scores a pool as shorter processes; --collect refuses it", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const file = join(dir, "pool.jsonl");
    await Deno.writeTextFile(file, pool());
    const row = (out: string) => out.split("\n").find((l) => l.startsWith("sequential paired"));
    // All 4 windows: θ is the log ratio of total times, 4 windows at 1000 images/s against 2
    // at about 1000 and 2 at 800, about ln(4 / 4.5) = -0.117 on every pair (recomputed from the
    // windows, whatever θ a line holds). The pairs agree, but their windows do not: log ratios
    // ±0.002 twice and ln 0.8 twice have variance 0.0169 (mean -0.1106), over 4 windows 0.00423,
    // so the t's spread is at least 0.5 √0.00423 = 0.0325. At 4 pairs t = -0.117 / (0.0325 / 2)
    // = -7.2, short of 14.2 (p 0.00038 on 3 df); at 5, -8.0 against 9.3; at 6, -8.8 against 7.3:
    // one check, regressed after 6 pairs (120 s), and 2 pairs left over make no second one.
    const full = await cli(["check", "--quality", "--pool", file]);
    assert.equal(full.code, 0, full.stderr);
    assert.match(row(full.stdout)!, /unchanged \(A\/A\) +1\/1 = 100\.0% .* 6 +120, 120$/);
    // The first 2 windows: θ = ±0.002 and no window noise (no floor), unchanged. Each pair's cost loses the 2 windows left
    // out, 4 steps x 32 images at 1000 and at 800 images/s: 2 x (0.128 + 0.16) = 0.576 s, so
    // 4 pairs take 4 x 19.424 = 77.7 s.
    const cut = await cli(["check", "--quality", "--pool", file, "--windows", "2"]);
    assert.equal(cut.code, 0, cut.stderr);
    assert.match(row(cut.stdout)!, /unchanged \(A\/A\) +0\/2 = 0\.0% .* 4 +78, 78$/);
    const both = await cli(["check", "--quality", "--collect", "1", "--windows", "2"]);
    assert.equal(both.code, 2);
    assert.match(both.stderr, /--windows re-scores a pool; --collect times full processes/);
    // A sparse slowdown needs a slowdown: 0@5 would be A/A with a label that says otherwise.
    const sparse = await cli(["check", "--quality", "--collect", "1", "--slowdowns", "0.05@5,0@5"]);
    assert.equal(sparse.code, 2);
    assert.match(sparse.stderr, /--slowdowns must be .*@K.*got "0@5"/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("check --quality --collect times a stream's later pairs at the steps per window its first planned, as the live gate does; a sparse slowdown is a stream of its own", async () => {
  const dir = await Deno.makeTempDir();
  try {
    await writeTinyExperiment(dir, "tiny-mlp", { backends: ["cpu"] });
    // The stream's first pair, as a collection before this one left it: 3 steps per window, far
    // from what this tiny model's warm-up plans for a 0.25 s window (81 steps here).
    const file = join(dir, "pool.jsonl");
    const first = {
      experiment: "tiny-mlp",
      backend: "cpu",
      slowdown: 0,
      load: "quiet",
      first: "a",
      theta: 0,
      pairs: [[1000, 1000]],
      aSpeed: 1000,
      bSpeed: 1000,
      batches: 3,
      costS: 5,
      loadavg: [1, 1, 1],
      at: "2026-12-04T00:00:00Z",
      commit: null,
    };
    await Deno.writeTextFile(file, JSON.stringify(first) + "\n");
    const r = await cli([
      "check",
      "--quality",
      "--collect",
      "1",
      "--slowdowns",
      "0,0.5@2",
      "--experiments",
      dir,
      "--experiment",
      "tiny-mlp",
      "--backend",
      "cpu",
      "--pool",
      file,
      "--db",
      join(dir, "q.duckdb"),
    ]);
    assert.equal(r.code, 0, r.stderr);
    const lines = (await Deno.readTextFile(file)).trim().split("\n").map((l) => JSON.parse(l));
    assert.equal(lines.length, 3);
    // Second in its stream: the other process starts first, and both time the first's 3 steps.
    const aa = lines.find((l) => l.slowdown === 0 && l !== lines[0]);
    assert.equal(aa.first, "b");
    assert.equal(aa.batches, 3);
    assert.ok(aa.pairs.length >= 1);
    // The sparse stream is its own (first in it: a starts, and it plans its own steps), and its
    // candidate did the work: 100% of a step's time after every 2nd step is half again as long
    // on average, θ about ln(1/1.5) = -0.41.
    const sparse = lines.find((l) => l.slowdown === 0.5);
    assert.equal(sparse.every, 2);
    assert.equal(sparse.first, "a");
    assert.notEqual(sparse.batches, 3);
    assert.ok(sparse.theta < -0.15, `θ ${sparse.theta}`);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
