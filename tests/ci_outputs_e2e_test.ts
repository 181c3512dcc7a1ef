/**
 * End to end: what CI systems read. Real outputs of the commands, run on a tiny experiment
 * into a temporary database, validated against the JSON Schemas in schemas/ with ajv, and
 * the JUnit XML of check and claims parsed back and counted against their JSON verdicts.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { cli, writeTinyExperiment } from "./_bench.ts";
import { assertValid, schemaFiles } from "./_schemas.ts";
import { type DocumentName, DOCUMENTS, schemaId } from "../harness/core/documents.ts";
import { GATE_PROTOCOL } from "../harness/gate/timing/mod.ts";
import { XMLParser } from "fast-xml-parser";

interface Suite {
  name: string;
  tests: string;
  failures: string;
  skipped: string;
  testcase: { name: string; failure?: { message: string }; skipped?: { message: string } }[];
}

/** A JUnit file read back with an XML parser of its own, not the writer's code. */
async function junit(
  path: string,
): Promise<{ tests: number; failures: number; skipped: number; suites: Suite[] }> {
  const doc = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "",
    isArray: (name) => ["testsuite", "testcase"].includes(name),
  }).parse(await Deno.readTextFile(path));
  const all = doc.testsuites;
  return {
    tests: Number(all.tests),
    failures: Number(all.failures),
    skipped: Number(all.skipped),
    suites: all.testsuite ?? [],
  };
}

/** How many of `verdicts` are each of `kinds`. */
const tally = (verdicts: string[], ...kinds: string[]) =>
  verdicts.filter((v) => kinds.includes(v)).length;

/**
 * Claims the tiny MLP reproduces, does not, and cannot be checked here. "perfect" cannot be
 * reproduced whatever the seeds give: with 3 seeds the 95% interval of accuracies in [0, 1]
 * reaches at most 1 + 4.303 * 0.577 / sqrt(3) = 2.44 < 3.
 */
const CLAIMS = [
  {
    id: "learns",
    metric: "test_accuracy",
    printed: "above 1%",
    kind: "at_least",
    value: 0.01,
    where: "t",
  },
  {
    id: "perfect",
    metric: "test_accuracy",
    printed: "300%",
    kind: "at_least",
    value: 3,
    where: "t",
  },
  {
    id: "elsewhere",
    metric: "x",
    printed: "y",
    kind: "qualitative",
    where: "t",
    notCheckable: "no task",
  },
];

/** Run the CLI, expecting one of `codes`; the parsed JSON on stdout. */
async function json(args: string[], codes = [0]): Promise<Record<string, unknown>> {
  const r = await cli(args);
  assert.ok(codes.includes(r.code), `${args.join(" ")} exited ${r.code}:\n${r.stderr}`);
  return JSON.parse(r.stdout);
}

Deno.test("every document has a schema file whose $id it names, and every schema compiles", async () => {
  const files = await schemaFiles();
  for (const name of Object.keys(DOCUMENTS) as DocumentName[]) {
    assert.equal(files[name].$id, schemaId(name), `schemas/${name}.schema.json $id`);
    assert.equal(files[name].$schema, "https://json-schema.org/draft/2020-12/schema");
  }
  // A document that breaks its schema is caught: the version must be the one it says.
  assert.throws(
    () => assertValid("version", { $schema: schemaId("version"), schemaVersion: 2 }),
    /not a valid version document/,
  );
});

Deno.test("bench, perf, claims, check, export, list and --version print JSON their schemas accept; check and claims write JUnit", async (t) => {
  const dir = await Deno.makeTempDir();
  try {
    await writeTinyExperiment(dir, "tiny-mlp", {
      backends: ["cpu"],
      epochs: 1,
      claims: CLAIMS,
      seeds: [1, 2, 3],
    });
    const db = join(dir, "r.duckdb");
    const common = ["--experiments", dir, "--db", db, "--quiet"];

    const bench = await json(["bench", "--json", ...common]);
    await t.step("bench --json", () => {
      assertValid("bench", bench);
      assert.equal((bench.runs as unknown[]).length, 3);
    });
    const claimsXml = join(dir, "claims.xml");
    const claims = await json(["claims", "--no-run", "--json", "--junit", claimsXml, ...common]);
    await t.step("claims --json", () => {
      assertValid("claims", claims);
      const verdicts = (claims.claims as { verdict: string }[]).map((c) => c.verdict);
      assert.deepEqual(verdicts, ["reproduced", "not_reproduced", "not_checkable"]);
    });
    await t.step("claims --junit: not reproduced fails, not checkable is skipped", async () => {
      const verdicts = (claims.claims as { verdict: string }[]).map((c) => c.verdict);
      const x = await junit(claimsXml);
      assert.deepEqual([x.tests, x.failures, x.skipped], [
        verdicts.length,
        tally(verdicts, "not_reproduced"),
        tally(verdicts, "inconclusive", "not_checkable"),
      ]);
      assert.deepEqual(x.suites.map((s) => s.name), [
        "claims: tiny-mlp on cpu",
        "claims: tiny-mlp on no backend",
      ]);
      const failed = x.suites[0].testcase.find((c) => c.failure)!;
      assert.match(failed.name, /^perfect: test_accuracy at_least 300%/);
      assert.match(failed.failure!.message, /^not reproduced: mean /);
      assert.equal(x.suites[1].testcase[0].skipped!.message, "not checkable: no task");
    });

    const perf = await json([
      "bench",
      "--suite",
      "perf",
      "--gate-protocol",
      "--backend",
      "cpu",
      "--json",
      ...common,
    ]);
    await t.step("bench --suite perf --json", () => {
      assertValid("perf", perf);
      assert.equal(
        (perf.rows as { windows: number[] }[])[0].windows.length,
        GATE_PROTOCOL.windows,
      );
    });

    // A baseline file of these very runs, doctored to be 2.5x as fast and 20 points more
    // accurate: judged against the stored runs, the check reports regressions.
    const suites = `${bench.suiteId},${perf.suiteId}`;
    const base = join(dir, "base.json");
    const exported = await cli(["check", "--export-baseline", base, "--from", suites, ...common]);
    assert.equal(exported.code, 0, exported.stderr);
    const file = JSON.parse(await Deno.readTextFile(base));
    for (const r of file.runs) {
      if (r.testAccuracy !== null) r.testAccuracy += 0.2;
      const w = r.measurements.perf_window_images_per_s;
      if (w) r.measurements.perf_window_images_per_s = w.map((x: number) => x * 2.5);
    }
    await Deno.writeTextFile(base, JSON.stringify(file));
    const checkXml = join(dir, "check.xml");
    const check = await json(
      [
        "check",
        "--baseline",
        base,
        "--candidate",
        suites,
        "--json",
        "--junit",
        checkXml,
        ...common,
      ],
      [0, 1],
    );
    await t.step("check --json", () => {
      assertValid("check", check);
      const verdicts = check.verdicts as { kind: string }[];
      assert.ok(verdicts.some((v) => v.kind === "timing"), "a timing row");
      assert.ok(verdicts.some((v) => v.kind === "accuracy"), "an accuracy row");
    });
    await t.step("check --junit: one case per verdict, regressed ones fail", async () => {
      const rows = check.verdicts as { verdict: string; metric: string }[];
      const verdicts = rows.map((r) => r.verdict);
      const x = await junit(checkXml);
      assert.deepEqual([x.tests, x.failures, x.skipped], [
        verdicts.length,
        tally(verdicts, "regressed"),
        tally(verdicts, "inconclusive", "not_comparable"),
      ]);
      assert.ok(x.failures >= 1, "the doctored accuracy regresses");
      assert.deepEqual(x.suites.map((s) => s.name), ["check: tiny-mlp on cpu"]);
      assert.deepEqual(x.suites[0].testcase.map((c) => c.name), rows.map((r) => r.metric));
      const acc = x.suites[0].testcase.find((c) => c.name === "test_accuracy")!;
      assert.match(acc.failure!.message, /^regressed: /);
    });

    await t.step("export --json and its manifest.json", async () => {
      const out = join(dir, "export");
      const manifest = await json(["export", "--db", db, "--out", out, "--json"]);
      assertValid("export-manifest", manifest);
      assert.deepEqual(JSON.parse(await Deno.readTextFile(join(out, "manifest.json"))), manifest);
    });
    await t.step("list --json", async () => {
      assertValid("list", await json(["list", "--json"], [0, 1]));
    });
    await t.step("--version --json", async () => {
      assertValid("version", await json(["--version", "--json"]));
    });
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
