/**
 * End to end: record a version-2 baseline with the real CLI (bench runs and 5 timing processes
 * per target), then gate an unchanged tree against it, and the recorded runs against a copy
 * doctored to be faster and more accurate than reality (the same as introducing a
 * regression): exit codes, Markdown and JSON; a version-1 file's timings are inconclusive.
 * The paired default path is tested in paired_e2e_test.ts.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { cli, writeTinyExperiment } from "./_bench.ts";

Deno.test("the gate records per-process timings, passes an unchanged tree and fails a real regression with exit 1", async () => {
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
      "--backend",
      "cpu",
      "--seeds",
      "2",
      ...common,
    ]);
    assert.equal(rec.code, 0, rec.stderr);
    const file = JSON.parse(await Deno.readTextFile(base));
    assert.equal(file.format, "reprobench-baseline");
    assert.equal(file.version, 2);
    assert.equal(file.timing.processesPerTarget, 5);
    const kinds = file.runs.map((r: { suiteKind: string }) => r.suiteKind).sort();
    assert.deepEqual(kinds, ["bench", "bench", "perf", "perf", "perf", "perf", "perf"]);
    // Each timing process is a suite of its own.
    const perfSuites = file.runs.filter((r: { suiteKind: string }) => r.suiteKind === "perf")
      .map((r: { suiteId: string }) => r.suiteId);
    assert.equal(new Set(perfSuites).size, 5);

    // Unchanged tree, against the stored processes: the same seeds give the same accuracy;
    // the timing is judged across 5 fresh processes against the 5 recorded ones.
    const same = await cli([
      "check",
      "--baseline",
      base,
      "--timing",
      "stored",
      "--json",
      ...common,
    ]);
    assert.ok(same.code === 0 || same.code === 1, same.stderr);
    const sameReport = JSON.parse(same.stdout);
    assert.equal(sameReport.timing.mode, "stored");
    const acc = sameReport.verdicts.find((v: { metric: string }) => v.metric === "test_accuracy");
    assert.equal(acc.verdict, "unchanged");
    assert.equal(acc.reason, "identical accuracy on all 2 seeds");
    const timing = sameReport.verdicts.find((v: { kind: string }) => v.kind === "timing");
    assert.equal(timing.method.name, "per-process throughputs against a stored baseline");
    assert.deepEqual(timing.n, [5, 5]);

    // The recorded runs against a copy 1000x as fast and 20 points more accurate: a clear
    // regression, whatever this machine's noise between processes (the sd of the 5 throughputs'
    // logs would have to pass 0.80 to hide it: T = ln 1000 / (s √(2 + 2/5)) > -5.598, the
    // 0.25% point of t on 4 df; the tiny MLP's 15 short windows reached 0.45 under load).
    for (const r of file.runs) {
      if (r.testAccuracy !== null) r.testAccuracy += 0.2;
      const w = r.measurements.perf_window_images_per_s;
      if (w) r.measurements.perf_window_images_per_s = w.map((x: number) => x * 1000);
    }
    const doctored = join(dir, "doctored.json"), md = join(dir, "report.md");
    await Deno.writeTextFile(doctored, JSON.stringify(file));
    const suites = file.source.suites.join(",");
    const bad = await cli([
      "check",
      "--baseline",
      doctored,
      "--candidate",
      suites,
      "--json",
      "--markdown",
      md,
      ...common,
    ]);
    assert.equal(bad.code, 1, bad.stderr);
    const report = JSON.parse(bad.stdout);
    assert.equal(report.outcome, "fail");
    const verdict = (kind: string) =>
      report.verdicts.find((v: { kind: string }) => v.kind === kind).verdict;
    assert.equal(verdict("timing"), "regressed", JSON.stringify(report.verdicts));
    assert.equal(verdict("accuracy"), "regressed");
    const text = await Deno.readTextFile(md);
    assert.match(text, /^## reprobench gate: FAIL/);
    assert.match(text, /^Timings: stored baseline: --candidate runs were timed already$/m);
    assert.match(
      text,
      /\| tiny-mlp \| cpu \| perf_window_images_per_s \(per process\) \| \*\*REGRESSED\*\* \|/,
    );

    // The same baseline as a version-1 file: its timings cannot be judged across processes.
    file.version = 1;
    delete file.timing;
    await Deno.writeTextFile(doctored, JSON.stringify(file));
    const old = await cli([
      "check",
      "--baseline",
      doctored,
      "--candidate",
      suites,
      "--json",
      ...common,
    ]);
    const oldReport = JSON.parse(old.stdout);
    const oldTiming = oldReport.verdicts.find((v: { kind: string }) => v.kind === "timing");
    assert.equal(oldTiming.verdict, "inconclusive");
    assert.match(oldTiming.reason, /re-record with --record/);
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

Deno.test("--calibrate times each repeat in its own process and stores a margin and a session", async () => {
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
    const cal = await withDb(
      db,
      "read",
      (c) => rows(c, "SELECT backend, metric, pairs FROM calibrations ORDER BY metric"),
    );
    // The dashboard's margin from one A/A pair, and the stored mode's session of 2 processes.
    assert.deepEqual(cal, [
      { backend: "cpu", metric: "perf_window_images_per_s", pairs: 1 },
      { backend: "cpu", metric: "process_medians:tiny-mlp", pairs: 2 },
    ]);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
