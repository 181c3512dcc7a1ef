import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";

const HOG = fileURLToPath(new URL("./cpu_hog.ts", import.meta.url));

function start(...args: string[]) {
  return new Deno.Command(Deno.execPath(), {
    args: ["run", "-q", HOG, ...args],
    stdin: "piped",
    stdout: "null",
    stderr: "piped",
  }).spawn();
}

/** Seconds of CPU the process has used (Linux: utime + stime in /proc, in clock ticks of 100 Hz). */
async function cpuSeconds(pid: number): Promise<number> {
  const stat = await Deno.readTextFile(`/proc/${pid}/stat`);
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

Deno.test("the CPU hog is busy while it runs, and stops as soon as its parent closes stdin", async () => {
  const hog = start("1", "60");
  try {
    const t0 = performance.now();
    await new Promise((r) => setTimeout(r, 1500));
    // Duty 1: busy all the time; on a loaded machine it still gets a good share of a core.
    assert.ok(await cpuSeconds(hog.pid) >= 0.3, "the hog used almost no CPU");
    await hog.stdin.close();
    const status = await hog.status;
    assert.equal(status.code, 0);
    assert.ok((performance.now() - t0) / 1000 < 30, "the hog outlived its parent's stdin");
  } finally {
    try {
      hog.kill();
    } catch { /* ended */ }
  }
});

Deno.test("the CPU hog refuses a duty outside (0, 1] with exit 2 and its usage", async () => {
  const hog = start("1.5", "1");
  await hog.stdin.close();
  const out = await hog.output();
  assert.equal(out.code, 2);
  assert.match(new TextDecoder().decode(out.stderr), /usage: cpu_hog\.ts DUTY/);
});
