/**
 * Dependencies are frozen: deno.lock is the truth, so a dependency changed in deno.json without
 * its lock entry fails loudly instead of being resolved afresh; package.json exists only for the
 * npm override that fixes apache-arrow's packaging, never for dependencies.
 */
import assert from "node:assert/strict";
import { join } from "node:path";

const ROOT = new URL("../", import.meta.url);
const read = (name: string) => Deno.readTextFile(new URL(name, ROOT));

/** `deno install --lockfile-only` in `dir`: resolves against the lock, installs nothing. */
async function install(dir: string, ...flags: string[]): Promise<{ code: number; stderr: string }> {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["install", "--lockfile-only", ...flags],
    cwd: dir,
    env: { NO_COLOR: "1" },
    stdout: "piped",
    stderr: "piped",
  }).output();
  return { code: out.code, stderr: new TextDecoder().decode(out.stderr) };
}

Deno.test("a dependency changed in deno.json but not in deno.lock fails the install loudly", async () => {
  const dir = await Deno.makeTempDir({ prefix: "reprobench-frozen-" });
  try {
    for (const name of ["deno.lock", "package.json"]) {
      await Deno.writeTextFile(join(dir, name), await read(name));
    }
    const config = await read("deno.json");
    await Deno.writeTextFile(join(dir, "deno.json"), config);
    const same = await install(dir, "--frozen");
    assert.equal(same.code, 0, `the committed deno.json and deno.lock agree:\n${same.stderr}`);

    // A range instead of the pinned version: a specifier the lock has never seen.
    const pinned = /"npm:hono@(\d+\.\d+\.\d+)"/.exec(config);
    assert.ok(pinned, "deno.json pins hono");
    await Deno.writeTextFile(
      join(dir, "deno.json"),
      config.replace(pinned[0], `"npm:hono@~${pinned[1]}"`),
    );
    // CI passes --frozen; deno.json's `"lock": { "frozen": true }` covers every other command.
    for (const flags of [["--frozen"], []]) {
      const changed = await install(dir, ...flags);
      assert.notEqual(
        changed.code,
        0,
        `install ${flags.join(" ") || "(no flag)"} accepted a dependency the lock lacks`,
      );
      assert.match(changed.stderr, /lockfile is out of date/);
      assert.ok(changed.stderr.includes(`npm:hono@~${pinned[1]}`), changed.stderr);
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("package.json holds only the apache-arrow override, which deno.lock records", async () => {
  const pkg = JSON.parse(await read("package.json"));
  // `deno add` writes to package.json when one exists; dependencies belong in deno.json.
  assert.deepEqual(Object.keys(pkg).sort(), ["overrides", "private", "type"]);
  assert.deepEqual(pkg.overrides, { "apache-arrow": "18.0.0" });
  const lock = JSON.parse(await read("deno.lock"));
  assert.deepEqual(lock.workspace.packageJson, { overrides: pkg.overrides });
  const arrows = Object.keys(lock.npm).filter((k) => k.startsWith("apache-arrow@"));
  assert.deepEqual(arrows, ["apache-arrow@18.0.0"]);
});
