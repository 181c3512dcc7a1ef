/**
 * Taking turns with another perf run, window by window, for paired timing
 * (`harness/gate/paired.ts`). A perf run given a `Turns` (the perf command makes one when
 * `REPROBENCH_TURNS=1` is in its environment) announces each timed phase on stderr and waits
 * for a `go` line on stdin before running it:
 *
 *   @@turn ready warmup    ->  go   (peak matmul, warm-up steps, window planning)
 *   @@turn done warmup
 *   @@turn ready window    ->  go   (one timing window)
 *   @@turn done window <images/s>
 *   ...
 *   @@turn ready rest      ->  go   (no more windows: inference latency, storage, exit)
 *
 * The rest turn ends when the process exits.
 * The driver lets two runs (baseline and candidate) alternate, so no two timed phases
 * overlap and window i of one run is timed right next to window i of the other: whatever
 * else loads the machine then weighs on both sides of a pair alike.
 */

/**
 * The environment variable that turns the protocol on in a perf process: the wire protocol
 * between the driver and its children. The driver may run a baseline ref's own code, older
 * than any flag, so it stays an environment variable; only the command reads it.
 */
export const TURNS_ENV = "REPROBENCH_TURNS";
/** The prefix of every protocol line. */
export const TURN_PREFIX = "@@turn";

/** This process's side of the protocol; made once, by the command, and passed down. */
export class Turns {
  /** Seconds spent waiting for a turn: not the run's time. */
  waitedS = 0;
  #buffer = "";
  readonly #decoder = new TextDecoder();
  readonly #encoder = new TextEncoder();

  /** Announce `phase` and wait for the driver's `go`. */
  async take(phase: "warmup" | "window" | "rest"): Promise<void> {
    const t0 = performance.now();
    this.#say(`ready ${phase}`);
    const line = await this.#readLine();
    if (line !== "go") throw new Error(`Turn protocol: expected "go", got ${JSON.stringify(line)}`);
    this.waitedS += (performance.now() - t0) / 1000;
  }

  /** Say that `phase` is over, with its measured value. */
  done(phase: "warmup" | "window" | "rest", value?: number): void {
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
