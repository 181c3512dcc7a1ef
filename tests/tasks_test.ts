/**
 * deno.json carries the workflow: every task says what it does, names files that exist, and
 * every script the documentation tells a reader to `deno run` has a task that runs it.
 */
import assert from "node:assert/strict";
import { join, relative } from "node:path";

const ROOT = new URL("../", import.meta.url).pathname;

/** deno.json is JSONC: its comments are whole lines starting with `//`. */
const config = JSON.parse(
  (await Deno.readTextFile(join(ROOT, "deno.json"))).replace(/^\s*\/\/.*$/gm, ""),
);
const tasks = Object.entries(
  config.tasks as Record<string, { description?: string; command: string }>,
);

/** Repository-relative `.ts` paths in a shell line. */
const scripts = (line: string) => [...line.matchAll(/[\w./-]+\.tsx?\b/g)].map((m) => m[0]);

async function markdownFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for await (const e of Deno.readDir(dir)) {
    if (e.name.startsWith(".") || e.name === "node_modules") continue;
    const path = join(dir, e.name);
    if (e.isDirectory) out.push(...await markdownFiles(path));
    else if (e.name.endsWith(".md")) out.push(path);
  }
  return out;
}

Deno.test("every task has a description and names only files that exist", async () => {
  for (const [name, task] of tasks) {
    assert.ok(task.description?.trim(), `task ${name} has no description`);
    for (const script of scripts(task.command)) {
      const found = await Deno.stat(join(ROOT, script)).then(() => true, () => false);
      assert.ok(found, `task ${name} runs ${script}, which does not exist`);
    }
  }
});

Deno.test("every script the documentation says to deno run has a task", async () => {
  const run = new Set(tasks.flatMap(([, t]) => scripts(t.command)));
  const missing: string[] = [];
  for (const md of await markdownFiles(ROOT)) {
    const text = await Deno.readTextFile(md);
    for (const m of text.matchAll(/deno run (?:-[\w-]+ )*([\w./-]+\.tsx?)/g)) {
      if (!run.has(m[1])) missing.push(`${relative(ROOT, md)}: deno run ${m[1]}`);
    }
  }
  assert.deepEqual(missing, []);
});
