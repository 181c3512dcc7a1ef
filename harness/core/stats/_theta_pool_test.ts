import assert from "node:assert/strict";
import { Rng } from "../rng.ts";
import { parseThetaPool, pooledThetas, poolGroups, resampleChecks } from "./_theta_pool.ts";

const FILE = [
  "# made by hand",
  "check\tload\ttarget\tpair\ttheta",
  "A\tquiet\tcnn\t1\t0.01",
  "A\tquiet\tmlp\t1\t-0.02",
  "A\tquiet\tcnn\t2\t0.03",
  "B\tloaded\tmlp\t1\t0.05",
  "",
].join("\n");

Deno.test("parseThetaPool keeps each check's pairs per target, in the file's target order", () => {
  const p = parseThetaPool(FILE, "t.tsv");
  assert.deepEqual(p.targets, ["cnn", "mlp"]);
  assert.deepEqual(p.checks, [
    { id: "A", thetas: [[0.01, 0.03], [-0.02]] },
    { id: "B", thetas: [[], [0.05]] },
  ]);
  assert.deepEqual(pooledThetas(p), [[0.01, 0.03], [-0.02, 0.05]]);
  assert.deepEqual(parseThetaPool(FILE, "t.tsv", "loaded").checks, [
    { id: "B", thetas: [[0.05]] },
  ]);
});

Deno.test("parseThetaPool names the file and what is wrong with it", () => {
  assert.throws(
    () => parseThetaPool("check\ttarget\nA\tcnn\n", "x.tsv"),
    /x\.tsv: no "theta" column/,
  );
  assert.throws(
    () => parseThetaPool("# a comment\ncheck\ttarget\ttheta\n\nA\tcnn\tfast\n", "x.tsv"),
    /x\.tsv: line 4: theta "fast" is not a number/,
  );
  assert.throws(
    () => parseThetaPool("check\ttarget\ttheta\nA\tcnn\t0\n", "x.tsv", "quiet"),
    /x\.tsv: no "load" column/,
  );
  assert.throws(() => parseThetaPool(FILE, "t.tsv", "hot"), /t\.tsv: no rows of load "hot"/);
});

Deno.test("resampleChecks draws whole checks, every target of a check together", () => {
  // Check k has θ k + 0.1 and k + 0.2 on target a and k + 0.5 on b: the integer part says
  // which check a value came from.
  const lines = ["check\ttarget\ttheta"];
  for (let k = 0; k < 6; k++) {
    lines.push(`c${k}\ta\t${k + 0.1}`, `c${k}\ta\t${k + 0.2}`, `c${k}\tb\t${k + 0.5}`);
  }
  const pool = parseThetaPool(lines.join("\n"), "k.tsv");
  const rng = new Rng(7);
  const seen = new Set<number>();
  for (let r = 0; r < 50; r++) {
    const [a, b] = resampleChecks(pool, rng);
    const count = (xs: number[]) => {
      const m = new Map<number, number>();
      for (const x of xs) m.set(Math.floor(x), (m.get(Math.floor(x)) ?? 0) + 1);
      return m;
    };
    const ca = count(a), cb = count(b);
    // 6 checks drawn; each drawn check brings both its a values and its b value.
    assert.equal(b.length, 6);
    assert.equal(a.length, 12);
    for (const [k, n] of cb) {
      assert.equal(ca.get(k), 2 * n);
      seen.add(k);
    }
    for (const x of a) assert.ok([0.1, 0.2].some((d) => Math.abs(x - Math.floor(x) - d) < 1e-9));
  }
  assert.equal(seen.size, 6, "every check is drawn sometimes");
});

Deno.test("poolGroups reads experiment-backend names as the gate's groups, in the file's order", () => {
  const names = ["cnn-cpu", "cnn-wasm", "mlp-cpu", "mlp-wasm", "tiny-mlp-webgpu"];
  const file = ["check\ttarget\ttheta", ...names.map((n) => `A\t${n}\t0`)].join("\n");
  // cpu: 0 and 2; wasm: 1 and 3; webgpu has one; cnn: 0 and 1; mlp: 2 and 3 ("tiny-mlp" apart).
  assert.deepEqual(poolGroups(parseThetaPool(file, "g.tsv")), [[0, 2], [1, 3], [0, 1], [2, 3]]);
  // Names without a backend: one group of all, which is the suite's, not a group.
  assert.deepEqual(poolGroups(parseThetaPool(FILE, "t.tsv")), []);
});
