/**
 * Taking turns with another perf run, window by window, for paired timing
 * (`harness/gate/timing/paired.ts`). A perf run given a `Turns` (the perf command makes one when
 * `REPROBENCH_TURNS=1` is in its environment) announces each timed phase on stderr and waits
 * for a `go` line on stdin before running it:
 *
 *   @@turn protocol 2                 (version 2 and later: before anything else)
 *   @@turn ready warmup    ->  go     (warm-up steps, window planning)
 *                          or  go batches=N   (version 2: time windows of exactly N steps)
 *   @@turn done warmup                (version 2: done warmup batches=N, the steps it will time)
 *   @@turn ready window    ->  go     (one timing window)
 *   @@turn done window <images/s>
 *   ...
 *   @@turn ready rest      ->  go     (no more windows: storage, exit)
 *
 * The rest turn ends when the process exits.
 * The driver lets two runs (baseline and candidate) alternate, so no two timed phases
 * overlap and window i of one run is timed right next to window i of the other: whatever
 * else loads the machine then weighs on both sides of a pair alike. Version 2 lets the driver
 * give both runs the same steps per window (the first run's plan): otherwise each plans its
 * own from its warm-up, and window i of the two sides covers different work. A driver only
 * sends `go batches=N` to a run that announced version 2, so a baseline ref's older code (a
 * plain `go` only) still takes turns.
 */

/**
 * The environment variable that turns the protocol on in a perf process: the wire protocol
 * between the driver and its children. The driver may run a baseline ref's own code, older
 * than any flag, so it stays an environment variable; only the command reads it.
 */
export const TURNS_ENV = "REPROBENCH_TURNS";
/** The prefix of every protocol line. */
export const TURN_PREFIX = "@@turn";
/** The protocol version this code speaks (announced first; version 1 never announced one). */
export const TURN_PROTOCOL_VERSION = 2;

/**
 * The steps per window a `go` line fixes (`go batches=N`), null for a plain `go`, undefined
 * for anything else.
 *
 * @example
 * ```ts
 * goBatches("go batches=32"); // 32
 * goBatches("go"); // null
 * ```
 */
export function goBatches(line: string | null): number | null | undefined {
  if (line === "go") return null;
  const m = line?.match(/^go batches=(\d+)$/);
  return m && Number(m[1]) >= 1 ? Number(m[1]) : undefined;
}

/** This process's side of the protocol; made once, by the command, and passed down. */
export class Turns {
  /** Seconds spent waiting for a turn: not the run's time. */
  waitedS = 0;
  /** Steps per window the driver fixed with the warm-up's `go`, or null to plan them. */
  fixedBatches: number | null = null;
  #announced = false;
  #buffer = "";
  readonly #decoder = new TextDecoder();
  readonly #encoder = new TextEncoder();

  /** Announce `phase` and wait for the driver's `go`. */
  async take(phase: "warmup" | "window" | "rest"): Promise<void> {
    const t0 = performance.now();
    if (!this.#announced) {
      this.#announced = true;
      this.#say(`protocol ${TURN_PROTOCOL_VERSION}`);
    }
    this.#say(`ready ${phase}`);
    const line = await this.#readLine();
    const batches = goBatches(line);
    if (batches === undefined || (batches !== null && phase !== "warmup")) {
      throw new Error(`Turn protocol: expected "go", got ${JSON.stringify(line)}`);
    }
    if (phase === "warmup") this.fixedBatches = batches;
    this.waitedS += (performance.now() - t0) / 1000;
  }

  /** Say that `phase` is over, with its measured value (images/s, or `batches=N`). */
  done(phase: "warmup" | "window" | "rest", value?: number | string): void {
    this.#say(`done ${phase}${value === undefined ? "" : ` ${value}`}`);
  }

  #say(text: string): void {
    Deno.stderr.writeSync(this.#encoder.encode(`${TURN_PREFIX} ${text}\n`));
  }

  async #readLine(): Promise<string | null> {
    const chunk = new Uint8Array(256);
    while (!this.#buffer.includes("\n")) {
      const n = await Deno.stdin.read(chunk);
      if (n === null) return null;
      this.#buffer += this.#decoder.decode(chunk.subarray(0, n), { stream: true });
    }
    const i = this.#buffer.indexOf("\n");
    const line = this.#buffer.slice(0, i).trim();
    this.#buffer = this.#buffer.slice(i + 1);
    return line;
  }
}
