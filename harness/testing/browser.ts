/**
 * Test-only: whether this machine can run browser tests, and which processes a test left
 * behind (Chromium must never outlive the harness).
 */
import { findChromium } from "../run/browser/mod.ts";

/** Null when Chromium is here; otherwise the reason browser tests are skipped. */
export async function noBrowser(): Promise<string | null> {
  return await findChromium() ? null : "no Chromium here (apt-get install chromium)";
}

/** Whether `pid` runs: it exists and has not exited (a zombie waits only to be reaped). */
export function running(pid: number): boolean {
  try {
    const stat = Deno.readTextFileSync(`/proc/${pid}/stat`);
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return false;
  }
}

/** The running processes under `pid` (children, their children...), with their names. */
export async function descendants(pid = Deno.pid): Promise<{ pid: number; comm: string }[]> {
  const parent = new Map<number, { ppid: number; comm: string }>();
  for await (const e of Deno.readDir("/proc")) {
    if (!/^\d+$/.test(e.name)) continue;
    try {
      const stat = await Deno.readTextFile(`/proc/${e.name}/stat`);
      // "pid (comm) state ppid ...": comm may hold spaces and parentheses.
      const close = stat.lastIndexOf(")");
      const comm = stat.slice(stat.indexOf("(") + 1, close);
      const ppid = Number(stat.slice(close + 2).split(" ")[1]);
      parent.set(Number(e.name), { ppid, comm });
    } catch {
      // The process ended while we looked.
    }
  }
  const out: { pid: number; comm: string }[] = [];
  const walk = (p: number) => {
    for (const [child, info] of parent) {
      if (info.ppid === p) {
        if (running(child)) out.push({ pid: child, comm: info.comm });
        walk(child);
      }
    }
  };
  walk(pid);
  return out;
}

/** Chromium's processes among `descendants()`: a browser the test left running. */
export async function chromiumLeft(pid = Deno.pid): Promise<string[]> {
  return (await descendants(pid)).filter((p) => /chrom/i.test(p.comm)).map((p) =>
    `${p.pid} ${p.comm}`
  );
}

/**
 * The processes of `list` ("PID comm", as `chromiumLeft` gives them) still running after up to
 * `withinMs`: Chromium's helper processes (zygote, renderer) end a few milliseconds after the
 * browser process that `close()` waits for, so "none left" is checked with a grace period; a
 * real leak outlives it.
 */
export async function stillRunningAfter(list: string[], withinMs = 10_000): Promise<string[]> {
  const deadline = performance.now() + withinMs;
  const alive = () => list.filter((p) => running(Number(p.split(" ")[0])));
  while (alive().length && performance.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
  }
  return alive();
}
