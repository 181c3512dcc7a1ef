/**
 * Paired timing: two perf runs (say, the baseline's code and the candidate's) in two
 * processes that take turns window by window (the protocol is in `perf/turns.ts`). Window i
 * of one is timed right before or after window i of the other, in an A B B A A B ... order,
 * so load from anything else on the machine lands on both sides of a pair alike, and the
 * gate can judge the ratio of each pair instead of two distributions taken at other times.
 * When the steps per window are known (a target's second pair on), both warm up at once.
 */
import { TURN_PREFIX, TURNS_ENV } from "../../perf/turns.ts";
import { SLOWDOWN_FLAG } from "../../perf/extra_work.ts";
import { UserError } from "../../core/errors.ts";
import { parsePerfJson, perfChildArgs } from "./child_runs.ts";

/** One side of a paired timing. */
export interface Side {
  /** The repository whose `main.ts` runs (the baseline's may be a git worktree). */
  root: string;
  db: string;
  /**
   * Extra work as a fraction of each step's time, for the gate's quality measurement only
   * (passed as a flag: only this tree's code takes it).
   */
  slowdown?: string;
}

/** What one side measured. */
export type SideResult = ReturnType<typeof parsePerfJson>;

/** The two sides' windows, index i of one timed next to index i of the other. */
export interface PairedResult {
  a: SideResult;
  b: SideResult;
  /** [a, b] images/s of each pair of windows timed next to each other. */
  pairs: [number, number][];
  /**
   * The steps per window both sides timed, when they agreed on it (given, or the first side's
   * plan passed to the second): pass it to the target's next pair. Null when a side's code
   * predates turn protocol version 2 and planned its own.
   */
  batches: number | null;
}

/** One child process speaking the turn protocol. */
class Child {
  readonly #proc: Deno.ChildProcess;
  readonly #writer: WritableStreamDefaultWriter<Uint8Array>;
  readonly #lines: AsyncIterator<string>;
  readonly #stderr: string[] = [];
  readonly #stdout: Promise<string>;
  /** The turn protocol version the process announced (1: it announced none). */
  version = 1;

  constructor(side: Side, experiment: string, backend: string, experiments?: string) {
    // Turns are asked for through the environment, which a baseline ref's older code reads
    // too; a slowdown only by the quality measurement, whose two sides both run this tree.
    const slowdown = side.slowdown ? [SLOWDOWN_FLAG, side.slowdown] : [];
    this.#proc = new Deno.Command(Deno.execPath(), {
      args: [
        ...perfChildArgs(
          side.root,
          { experiment, backend, db: side.db, experiments },
          "--paired-protocol",
        ),
        ...slowdown,
      ],
      cwd: side.root,
      env: { [TURNS_ENV]: "1" },
      stdin: "piped",
      stdout: "piped",
      stderr: "piped",
    }).spawn();
    this.#writer = this.#proc.stdin.getWriter();
    this.#stdout = new Response(this.#proc.stdout).text();
    this.#lines = this.#turnLines()[Symbol.asyncIterator]();
  }

  async *#turnLines(): AsyncGenerator<string> {
    const decoder = new TextDecoderStream();
    let buffer = "";
    for await (const chunk of this.#proc.stderr.pipeThrough(decoder)) {
      buffer += chunk;
      let i;
      while ((i = buffer.indexOf("\n")) >= 0) {
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 1);
        if (line.startsWith(`${TURN_PREFIX} `)) yield line.slice(TURN_PREFIX.length + 1);
        else this.#stderr.push(line);
      }
    }
  }

  /** The next protocol line, or null when the process closed stderr (finished or failed). */
  async next(): Promise<string | null> {
    const r = await this.#lines.next();
    if (!r.done && r.value.startsWith("protocol ")) {
      this.version = Number(r.value.slice(9)) || 1;
      return await this.next();
    }
    return r.done ? null : r.value;
  }

  /** Let the process run its announced phase; `batches` fixes its steps per window. */
  async go(batches: number | null = null): Promise<void> {
    const line = batches !== null && this.version >= 2 ? `go batches=${batches}` : "go";
    await this.#writer.write(new TextEncoder().encode(`${line}\n`));
  }

  /** Wait for the process to end and read its result. */
  async finish(): Promise<SideResult> {
    await this.#writer.close().catch(() => {});
    while ((await this.next()) !== null) { /* drain */ }
    const [status, text] = await Promise.all([this.#proc.status, this.#stdout]);
    if (!status.success) {
      const last = this.#stderr.filter((l) => l.trim()).pop() ?? `exit code ${status.code}`;
      return {
        suiteId: null,
        status: "failed",
        reason: last,
        windows: [],
        imagesPerS: null,
        batchSize: null,
        batchesPerWindow: null,
      };
    }
    return parsePerfJson(text);
  }

  kill(): void {
    try {
      this.#proc.kill("SIGKILL");
    } catch {
      // already gone
    }
  }
}

/** What to time on which two sides. */
export interface PairedOptions {
  experiment: string;
  backend: string;
  a: Side;
  b: Side;
  experiments?: string;
  /**
   * Which side's process takes its first window first (and, when `batches` is not given,
   * warms up first, to plan the windows).
   */
  first?: "a" | "b";
  /**
   * Steps per window for both sides (a previous pair's `batches`); by default the first
   * side's own plan, passed on to the second.
   */
  batches?: number | null;
}

/**
 * Time `experiment` on `backend` on both sides, taking turns. A side that stops taking turns
 * (skipped, failed, out of windows) lets the other finish alone; unpaired windows are left
 * out of `pairs`. Results are labelled `a` and `b` whichever side started first.
 */
export async function pairedTiming(opts: PairedOptions): Promise<PairedResult> {
  if (opts.first !== "b") return await inTurns(opts);
  const r = await inTurns({ ...opts, a: opts.b, b: opts.a });
  return { a: r.b, b: r.a, pairs: r.pairs.map(([x, y]) => [y, x]), batches: r.batches };
}

/** The turns themselves: `opts.a` starts first. */
async function inTurns(opts: PairedOptions): Promise<PairedResult> {
  if (opts.backend === "pytorch-cpu") {
    throw new UserError("paired timing covers the tfjs backends (cpu, wasm, webgpu) only");
  }
  const start = (side: Side) => new Child(side, opts.experiment, opts.backend, opts.experiments);
  // Both start at once: nothing is timed before a process announces its warm-up, and the
  // start-ups (module loading, data) then overlap instead of adding up.
  const a = start(opts.a);
  let b: Child | null = null;
  try {
    b = start(opts.b);
    let [aNext, bNext] = await Promise.all([a.next(), b.next()]);
    const windows: { a: number[]; b: number[] } = { a: [], b: [] };
    // The steps per window both sides time: given, else the first side's plan.
    let batches = opts.batches ?? null;
    const planned: (number | null)[] = [];
    // One turn of `child` if it is ready for `phase`; returns its next announcement.
    const turn = async (child: Child, ready: string | null, into: number[]) => {
      if (ready !== "ready warmup" && ready !== "ready window") return ready;
      await child.go(ready === "ready warmup" ? batches : null);
      const done = await child.next();
      if (done?.startsWith("done window ")) into.push(Number(done.slice(12)));
      if (done?.startsWith("done warmup")) {
        const m = done.match(/batches=(\d+)/);
        planned.push(m ? Number(m[1]) : null);
        batches ??= m ? Number(m[1]) : null;
      }
      return done === null ? null : await child.next();
    };
    if (batches === null) {
      // The first side plans the windows in its warm-up, and the second is told its plan.
      aNext = await turn(a, aNext, windows.a);
      bNext = await turn(b, bNext, windows.b);
    } else {
      // Windows already planned: both warm up at once. A side that warmed up before the
      // other ran about 2% slower through all its windows on the MLPs (measured/floor.md).
      [aNext, bNext] = await Promise.all([turn(a, aNext, windows.a), turn(b, bNext, windows.b)]);
    }
    for (let i = 0; aNext === "ready window" || bNext === "ready window"; i++) {
      // A B, B A, A B, ...: neither side always goes first.
      if (i % 2 === 0) {
        aNext = await turn(a, aNext, windows.a);
        bNext = await turn(b, bNext, windows.b);
      } else {
        bNext = await turn(b, bNext, windows.b);
        aNext = await turn(a, aNext, windows.a);
      }
    }
    // The rest of each run (storage, exit; an older ref's code also times latency there, which
    // the gate does not judge) at once: nothing in it is compared.
    if (aNext === "ready rest") await a.go();
    if (bNext === "ready rest") await b.go();
    const [ra, rb] = await Promise.all([a.finish(), b.finish()]);
    const n = Math.min(windows.a.length, windows.b.length);
    const pairs = Array.from({ length: n }, (_, i) =>
      [windows.a[i], windows.b[i]] as [
        number,
        number,
      ]);
    const agreed = planned.length === 2 && planned[0] !== null && planned[0] === planned[1];
    return { a: ra, b: rb, pairs, batches: agreed ? planned[0] : null };
  } catch (err) {
    a.kill();
    b?.kill();
    throw err;
  }
}
