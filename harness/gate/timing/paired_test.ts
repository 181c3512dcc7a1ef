/**
 * The turn driver against fake perf processes (a `main.ts` per side that speaks the turn
 * protocol and prints a perf document): which steps per window each side is told, with a
 * side of protocol version 2 and one of version 1 (a baseline ref's older code), and when
 * the two warm up.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { pairedTiming } from "./paired.ts";

/** A fake side: protocol `version`, planning `own` steps per window, timing 4 windows of `speed`. */
function fakeMain(version: 1 | 2, own: number, speed: number): string {
  return `
const enc = new TextEncoder(), dec = new TextDecoder();
let buf = "";
const say = (s) => Deno.stderr.writeSync(enc.encode("@@turn " + s + "\\n"));
async function line() {
  const chunk = new Uint8Array(64);
  while (!buf.includes("\\n")) {
    const n = await Deno.stdin.read(chunk);
    if (n === null) Deno.exit(3);
    buf += dec.decode(chunk.subarray(0, n));
  }
  const i = buf.indexOf("\\n"), l = buf.slice(0, i);
  buf = buf.slice(i + 1);
  return l;
}
if (${version} >= 2) say("protocol 2");
say("ready warmup");
const go = await line();
const m = go.match(/^go batches=(\\d+)$/);
if (go !== "go" && !(${version} >= 2 && m)) Deno.exit(4);
const batches = m ? Number(m[1]) : ${own};
// The warm-up takes a while, and says when (in the side's folder) for the overlap test.
const warmedFrom = Date.now();
await new Promise((r) => setTimeout(r, 150));
Deno.writeTextFileSync("warmup.json", JSON.stringify([warmedFrom, Date.now()]));
say(${version} >= 2 ? "done warmup batches=" + batches : "done warmup");
const windows = [];
for (let w = 0; w < 4; w++) {
  say("ready window");
  if ((await line()) !== "go") Deno.exit(5);
  windows.push(${speed} + w);
  say("done window " + windows[w]);
}
say("ready rest");
await line();
console.log(JSON.stringify({ suiteId: "s${version}", rows: [{ status: "ok", reason: null, windows,
  imagesPerS: { median: ${speed} }, batchSize: 32, batchesPerWindow: batches }] }));
`;
}

async function withSides(
  sides: [1 | 2, number, number][],
  f: (roots: string[]) => Promise<void>,
) {
  const dirs = await Promise.all(sides.map(() => Deno.makeTempDir()));
  try {
    await Promise.all(
      sides.map(([v, own, speed], i) =>
        Deno.writeTextFile(join(dirs[i], "main.ts"), fakeMain(v, own, speed))
      ),
    );
    await f(dirs);
  } finally {
    await Promise.all(dirs.map((d) => Deno.remove(d, { recursive: true })));
  }
}

const opts = (a: string, b: string) => ({
  experiment: "x",
  backend: "cpu",
  a: { root: a, db: "unused" },
  b: { root: b, db: "unused" },
});

Deno.test("both sides of a pair time the first side's steps per window, or the ones given", async () => {
  await withSides([[2, 7, 100], [2, 11, 200]], async ([a, b]) => {
    const r = await pairedTiming(opts(a, b));
    assert.deepEqual([r.a.batchesPerWindow, r.b.batchesPerWindow, r.batches], [7, 7, 7]);
    assert.deepEqual(r.pairs, [[100, 200], [101, 201], [102, 202], [103, 203]]);
    // The candidate starting first: its plan is the one both sides take.
    const swapped = await pairedTiming({ ...opts(a, b), first: "b" });
    assert.deepEqual([swapped.a.batchesPerWindow, swapped.b.batchesPerWindow], [11, 11]);
    assert.deepEqual(swapped.pairs[0], [100, 200]);
    // A later pair of the target is told the steps its first pair agreed on.
    const given = await pairedTiming({ ...opts(a, b), batches: 5 });
    assert.deepEqual([given.a.batchesPerWindow, given.b.batchesPerWindow, given.batches], [
      5,
      5,
      5,
    ]);
  });
});

Deno.test("a side of turn protocol version 1 still takes turns, each side with its own plan", async () => {
  await withSides([[1, 9, 100], [2, 7, 200]], async ([old, now]) => {
    const r = await pairedTiming({ ...opts(old, now), batches: 5 });
    // The old side is never sent "go batches=N" (it would stop): it keeps its own 9.
    assert.equal(r.a.status, "ok");
    assert.deepEqual([r.a.batchesPerWindow, r.b.batchesPerWindow, r.batches], [9, 5, null]);
    assert.equal(r.pairs.length, 4);
    const own = await pairedTiming(opts(old, now));
    assert.deepEqual([own.a.batchesPerWindow, own.b.batchesPerWindow, own.batches], [9, 7, null]);
  });
});

Deno.test("both sides warm up at once when the steps per window are given, else one after the other", async () => {
  await withSides([[2, 7, 100], [2, 11, 200]], async ([a, b]) => {
    const warmups = async () =>
      await Promise.all(
        [a, b].map(async (d) => JSON.parse(await Deno.readTextFile(join(d, "warmup.json")))),
      ) as [number, number][];
    // The first pair of a target: the first side plans, so the second waits for its warm-up.
    for (const first of ["a", "b"] as const) {
      await pairedTiming({ ...opts(a, b), first });
      const [wa, wb] = await warmups();
      const [before, after] = first === "a" ? [wa, wb] : [wb, wa];
      assert.ok(after[0] >= before[1], `${first} first: ${JSON.stringify([wa, wb])}`);
    }
    // A later pair: the two warm-ups overlap.
    await pairedTiming({ ...opts(a, b), batches: 5 });
    const [wa, wb] = await warmups();
    assert.ok(wa[0] < wb[1] && wb[0] < wa[1], JSON.stringify([wa, wb]));
  });
});
