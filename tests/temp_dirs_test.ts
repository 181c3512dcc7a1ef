/**
 * A run leaves nothing behind in the temporary directory, and says nothing about a desktop
 * session it does not need: the child runs as on a headless CI machine (no XDG_RUNTIME_DIR, no
 * WAYLAND_DISPLAY), with TMPDIR pointing at an empty folder that must stay empty.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { ROOT, writeTinyExperiment } from "./_bench.ts";

Deno.test({
  name: "a bench run on every backend leaves no temporary directory behind",
  sanitizeResources: false,
  fn: async () => {
    const work = await Deno.makeTempDir({ prefix: "reprobench-tmpcheck-" });
    const watched = await Deno.makeTempDir({ prefix: "reprobench-tmpdir-" });
    try {
      await writeTinyExperiment(work, "tiny-tmp", { train: 128, epochs: 1 });
      const env = Deno.env.toObject();
      delete env.XDG_RUNTIME_DIR;
      delete env.WAYLAND_DISPLAY;
      const out = await new Deno.Command(Deno.execPath(), {
        args: [
          "run",
          "-A",
          join(ROOT, "main.ts"),
          "bench",
          "--experiments",
          work,
          "--db",
          join(work, "r.duckdb"),
          "--quiet",
        ],
        cwd: ROOT,
        clearEnv: true,
        env: { ...env, TMPDIR: watched },
        stdout: "piped",
        stderr: "piped",
      }).output();
      const stderr = new TextDecoder().decode(out.stderr);
      assert.equal(out.code, 0, stderr);
      assert.deepEqual(
        await Array.fromAsync(Deno.readDir(watched), (e) => e.name),
        [],
        "entries left in TMPDIR",
      );
      assert.doesNotMatch(stderr, /XDG_RUNTIME_DIR/);
    } finally {
      await Deno.remove(work, { recursive: true });
      await Deno.remove(watched, { recursive: true });
    }
  },
});
