/**
 * The house's architecture, checked on the whole tree: imports follow the layer map
 * (`architecture/layer_map.ts`), no folder reaches into another's private `_files`, and files and
 * functions stay small enough to read.
 */
import assert from "node:assert/strict";
import { posix } from "node:path";
import { isTest, layerOf, LAYERS, memberOf, TOOLS } from "./architecture/layer_map.ts";
import { functionsOf, importsOf, readSource, sourceFiles } from "./architecture/source.ts";

/** The longest a source file may be (generated files excepted). */
const MAX_FILE_LINES = 300;
/** The longest a function may be, outside tests and their fixtures. */
const MAX_FUNCTION_LINES = 100;

const files = await sourceFiles();
const texts = new Map(await Promise.all(files.map(async (f) => [f, await readSource(f)] as const)));
const typescript = files.filter((f) => /\.tsx?$/.test(f));

/** Why `from` may not import `to`, or null when it may. */
function layerViolation(from: string, to: string): string | null {
  if (isTest(from)) return null;
  const lf = layerOf(from), lt = layerOf(to);
  if (lt === null) {
    return isTest(to) && !TOOLS.test(from) ? "imports a test helper" : null;
  }
  if (lf === null) return null;
  if (memberOf(from) === memberOf(to)) return null;
  if (lt < lf) return null;
  return lt === lf
    ? `imports ${memberOf(to)}, a folder of its own layer (${LAYERS[lf].name})`
    : `imports ${memberOf(to)} (layer ${LAYERS[lt].name}) from the lower layer ${LAYERS[lf].name}`;
}

Deno.test("every source file belongs to a layer or is a test, a helper or a tool", () => {
  const orphans = typescript.filter((f) =>
    layerOf(f) === null && !isTest(f) && !TOOLS.test(f) && !f.startsWith("dashboard/static/")
  );
  assert.deepEqual(orphans, [], `files outside the layer map: ${orphans.join(", ")}`);
});

Deno.test("no import runs from a lower layer to a higher one, or across one layer", () => {
  const bad = typescript.flatMap((f) =>
    importsOf(f, texts.get(f)!).flatMap(({ target, line }) => {
      const why = layerViolation(f, target);
      return why ? [`${f}:${line} ${why} (${target})`] : [];
    })
  );
  assert.deepEqual(bad, [], `\n${bad.join("\n")}`);
});

/** Whether `from` reaches into a private `_file` outside its own folder (subfolders are inside). */
function privateViolation(from: string, to: string): boolean {
  const dir = posix.dirname(to);
  return posix.basename(to).startsWith("_") && !`${posix.dirname(from)}/`.startsWith(`${dir}/`);
}

Deno.test("no folder imports a private _file of another folder", () => {
  const bad = typescript.flatMap((f) =>
    importsOf(f, texts.get(f)!).flatMap(({ target, line }) =>
      privateViolation(f, target) ? [`${f}:${line} imports ${target}`] : []
    )
  );
  assert.deepEqual(bad, [], `\n${bad.join("\n")}`);
});

Deno.test(`no source file is over ${MAX_FILE_LINES} lines, generated files aside`, () => {
  const long = files.flatMap((f) => {
    const text = texts.get(f)!;
    if (/^\s*(\/\/|\/\*\*?|\*|;;|#)?\s*Generated\b/m.test(text.split("\n", 3).join("\n"))) {
      return [];
    }
    const lines = text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
    return lines > MAX_FILE_LINES ? [`${f}: ${lines} lines`] : [];
  });
  assert.deepEqual(long, [], `\n${long.join("\n")}`);
});

Deno.test(`no function outside tests is over ${MAX_FUNCTION_LINES} lines`, () => {
  const long = typescript.filter((f) => !isTest(f)).flatMap((f) =>
    functionsOf(f, texts.get(f)!)
      .filter((fn) => fn.lines > MAX_FUNCTION_LINES)
      .map((fn) => `${f}:${fn.line} ${fn.name}: ${fn.lines} lines`)
  );
  assert.deepEqual(long, [], `\n${long.join("\n")}`);
});

Deno.test("the README's layout shows every folder of the layer map, and each has a README", async () => {
  const readme = texts.get("README.md") ?? await readSource("README.md");
  const layout = readme.slice(readme.indexOf("## Layout"));
  const members = LAYERS.flatMap((l) => l.members);
  const unshown = members.filter((m) => !layout.includes(m.endsWith(".ts") ? m : `${m}/`));
  assert.deepEqual(unshown, [], "folders of the layer map missing from the README's Layout");
  // Folders with a public face (a mod.ts) one level inside a layer's folder say what they hold.
  const withMod = files.filter((f) => f.endsWith("/mod.ts")).map((f) => posix.dirname(f))
    .filter((d) => memberOf(d) !== null && posix.dirname(d) === memberOf(d));
  const folders = [...members.filter((m) => !m.endsWith(".ts")), ...withMod];
  const bare = [];
  for (const d of folders) {
    if (!(await readSource(`${d}/README.md`).then(() => true, () => false))) bare.push(d);
  }
  assert.deepEqual(bare, [], "folders without a README.md");
});

Deno.test("the layer check itself flags an upward import and a private one", () => {
  // An oracle for the rules above, on paths the tree does not have to contain.
  assert.match(layerViolation("harness/core/x.ts", "harness/run/y.ts")!, /lower layer core/);
  assert.match(layerViolation("harness/perf/x.ts", "harness/claims/y.ts")!, /its own layer/);
  assert.match(layerViolation("results/x.ts", "harness/testing/y.ts")!, /test helper/);
  assert.equal(layerViolation("harness/gate/x.ts", "harness/perf/y.ts"), null);
  assert.equal(layerViolation("harness/run/a/x.ts", "harness/run/b/y.ts"), null);
  assert.equal(privateViolation("dashboard/pages/x.tsx", "dashboard/_view.tsx"), false);
  assert.equal(privateViolation("harness/cli/x.ts", "harness/run/data/_bytes.ts"), true);
  assert.equal(privateViolation("harness/run/x.ts", "harness/run/kernels/_run.ts"), true);
  const imports = importsOf(
    "harness/run/x.ts",
    `import { a } from "../core/_private.ts";\nconst w = new URL("./w.ts", import.meta.url);`,
  );
  assert.deepEqual(imports.map((i) => i.target), ["harness/core/_private.ts", "harness/run/w.ts"]);
  const fns = functionsOf("x.ts", "function f() {\n  return 1;\n}\nconst g = () => 2;\n");
  assert.deepEqual(fns.map((f) => [f.name, f.lines]), [["f", 3], ["(anonymous at 4)", 1]]);
});
