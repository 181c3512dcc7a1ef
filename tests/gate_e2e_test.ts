/**
 * End to end: record a baseline with the real CLI, then gate an unchanged tree against it
 * and a candidate against a baseline doctored to be faster and more accurate than reality
 * (the same as introducing a regression): exit codes, Markdown and JSON.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { cli, writeTinyExperiment } from "./_bench.ts";

Deno.test("the gate passes an unchanged tree and fails a real regression with exit 1", async () => {
  const dir = await Deno.makeTempDir();
  try {
    await writeTinyExperiment(dir, "tiny-mlp", { backends: ["cpu"] });
    const db = join(dir, "r.duckdb"), base = join(dir, "baseline.json");
    const common = ["--experiments", dir, "--db", db, "--quiet"];
    const rec = await cli([
      "check",
      "--record",
      base,
      "--experiment",
      "tiny-mlp",
      "--seeds",
      "2",
      ...common,
    ]);
    assert.equal(rec.code, 0, rec.stderr);
    const file = JSON.parse(await Deno.readTextFile(base));
    assert.equal(file.format, "reprobench-baseline");
    assert.deepEqual(file.runs.map((r: { suiteKind: string }) => r.suiteKind).sort(), [
      "bench",
      "bench",
      "perf",
    ]);

    // Unchanged tree: the same seeds give the same accuracy, so it is judged unchanged.
    const same = await cli(["check", "--baseline", base, "--json", ...common]);
    assert.ok(same.code === 0 || same.code === 1, same.stderr);
    const sameReport = JSON.parse(same.stdout);
    const acc = sameReport.verdicts.find((v: { metric: string }) => v.metric === "test_accuracy");
    assert.equal(acc.verdict, "unchanged");
    assert.equal(acc.reason, "identical accuracy on all 2 seeds");

    // A baseline 2.5x as fast and 20 points more accurate than this code: a clear regression.
    // Not 1.5x: this tiny model's ~0.2 ms cpu steps vary from process to process, and its
    // unchanged median read 0.86-1.36x the recorded one in ten runs here, so 1.5x was
    // sometimes only a 10% slowdown, inside the gate's margin.
    for (const r of file.runs) {
      if (r.testAccuracy !== null) r.testAccuracy += 0.2;
      const w = r.measurements.perf_window_images_per_s;
      if (w) r.measurements.perf_window_images_per_s = w.map((x: number) => x * 2.5);
    }
    const doctored = join(dir, "doctored.json"), md = join(dir, "report.md");
    await Deno.writeTextFile(doctored, JSON.stringify(file));
    const suites = sameReport.candidate.match(/suites ([0-9a-f, ]+)\)/)[1];
    const bad = await cli([
      "check",
      "--baseline",
      doctored,
      "--candidate",
      suites.replace(/ /g, ""),
      "--json",
      "--markdown",
      md,
      ...common,
    ]);
    assert.equal(bad.code, 1, bad.stderr);
    const report = JSON.parse(bad.stdout);
    assert.equal(report.outcome, "fail");
    const verdict = (m: string) =>
      report.verdicts.find((v: { metric: string }) => v.metric === m).verdict;
    assert.equal(verdict("perf_window_images_per_s"), "regressed");
    assert.equal(verdict("test_accuracy"), "regressed");
    const text = await Deno.readTextFile(md);
    assert.match(text, /^## reprobench gate: FAIL/);
    assert.match(text, /\| tiny-mlp \| cpu \| perf_window_images_per_s \| \*\*REGRESSED\*\* \|/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("gate usage errors exit 2 with one line", async () => {
  const r = await cli(["check"]);
  assert.equal(r.code, 2);
  assert.equal(
    r.stderr.trim().split("\n").at(-1),
    "error: --baseline is required (a baseline file, a suite id, a git ref or latest)",
  );
  const f = await cli(["check", "--baseline", "/nonexistent/base.json"]);
  assert.equal(f.code, 2);
  assert.match(f.stderr, /error: Cannot read baseline file "\/nonexistent\/base\.json"/);
});

Deno.test("--calibrate times each repeat in its own process and stores a margin", async () => {
  const dir = await Deno.makeTempDir();
  try {
    await writeTinyExperiment(dir, "tiny-mlp", { backends: ["cpu"] });
    const db = join(dir, "r.duckdb");
    const r = await cli([
      "check",
      "--calibrate",
      "--repeats",
      "2",
      "--experiment",
      "tiny-mlp",
      "--backend",
      "cpu",
      "--experiments",
      dir,
      "--db",
      db,
      "--quiet",
    ]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /cpu\s+1\s+\d+\.\d+%/); // one A/A pair, its margin
    // Two suites from two processes (their pids differ), and one calibration row.
    const { withDb, rows } = await import("../results/db.ts");
    const suites = await withDb(db, "read", (c) => rows(c, "SELECT DISTINCT pid FROM suites"));
    assert.equal(suites.length, 2);
    const cal = await withDb(db, "read", (c) => rows(c, "SELECT backend, pairs FROM calibrations"));
    assert.deepEqual(cal, [{ backend: "cpu", pairs: 1 }]);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
