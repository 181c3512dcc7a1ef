import assert from "node:assert/strict";
import { join } from "node:path";
import { discover, select } from "./discover.ts";

const decl = (id: string, extra = "") =>
  `export default {
  id: "${id}", title: "t", kind: "worked", source: { article: "001_179a9fe10dcb763e.txt", section: "§4" },
  worked: "001-scalar-rnn", seeds: [1], backends: ["cpu"]${extra}
};\n`;

Deno.test("discover() lists good declarations and reports each bad file without stopping", async () => {
  const dir = await Deno.makeTempDir();
  try {
    await Deno.writeTextFile(join(dir, "a.ts"), decl("a"));
    await Deno.writeTextFile(
      join(dir, "b.ts"),
      decl("b", ', seeds: "x"').replace("seeds: [1], ", ""),
    );
    await Deno.writeTextFile(join(dir, "c.ts"), "export default {");
    await Deno.writeTextFile(join(dir, "d.ts"), decl("a"));
    await Deno.writeTextFile(join(dir, "e.ts"), decl("e"));
    const { experiments, errors } = await discover(dir);
    assert.deepEqual(experiments.map((d) => d.experiment.id), ["a", "e"]);
    assert.equal(errors.length, 3);
    assert.match(errors[0], /b\.ts: seeds must be a non-empty array, got "x"$/);
    assert.match(errors[1], /c\.ts: /);
    assert.match(errors[2], /d\.ts: id "a" is already declared in .*a\.ts$/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("the project's own declarations all validate", async () => {
  const { experiments, errors } = await discover();
  assert.deepEqual(errors, []);
  assert.ok(experiments.length >= 2);
});

Deno.test("select() takes ids and globs, comma-separated", async () => {
  const { experiments } = await discover();
  const ids = (p: string) => select(experiments, p).map((d) => d.experiment.id);
  assert.deepEqual(ids("keras-cnn-mnist-001"), ["keras-cnn-mnist-001"]);
  assert.ok(ids("keras-*,worked-001-scalar-rnn").includes("worked-001-scalar-rnn"));
  assert.deepEqual(ids("nothing-like-this"), []);
});
