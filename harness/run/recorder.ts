/**
 * The lifecycle of a suite in the store, the same for every kind (bench, claims, perf, the
 * gate's runs): prepare the file, mark runs left by killed processes, record the machine and
 * the code, open the suite's row; start and end its runs; end the suite. Ctrl-C records the
 * run in progress and its suite as interrupted.
 *
 * Writes are batched: the write that ends a run also starts the next one and carries
 * measurements handed in after the previous write (a write cannot hold its own duration), so
 * a suite costs one write per run. The first start and the suite's end are writes of their
 * own. Each run's rows are the same as unbatched writes would store.
 */
import { EXIT } from "../core/exit_codes.ts";
import type { ProfileName } from "../core/experiment.ts";
import { hashJson } from "../core/hash.ts";
import { environment, gitState } from "./provenance.ts";
import type { PlannedRun } from "./plan.ts";
import type {
  EnvironmentRecord,
  EpochRecord,
  Measurement,
  RunEnd,
  RunStart,
  Store,
  SuitePlan,
} from "../../results/mod.ts";

/** What a finished (or failed) run hands to the store. */
export interface RunOutcome {
  end: RunEnd;
  epochs: EpochRecord[];
  measurements: Measurement[];
}

/** What a suite is, as its row records it. */
export interface SuiteInfo {
  kind: string;
  profile: ProfileName;
  argv: string[];
  /** The plan's hash and size, and the shard when split (see shard/). */
  plan?: SuitePlan;
}

/** How an interruption (Ctrl-C) is met. */
export interface InterruptOptions {
  /** Listen for SIGINT while the suite runs (default true); tests may call `interrupt()`. */
  listen?: boolean;
  /** Ends the process once the interruption is stored (default `Deno.exit`, with 130). */
  exit?: (code: number) => void;
}

/** The reason stored with a run interrupted by Ctrl-C. */
export const INTERRUPTED_REASON = "interrupted by the user (SIGINT)";

/** One suite's writes. Create with `Recorder.start`; end with `endSuite`. */
export class Recorder {
  readonly suiteId: string;
  readonly env: EnvironmentRecord;
  readonly git: { commit: string | null; dirty: boolean | null };
  readonly #store: Store;
  /** The run in progress: the one Ctrl-C records as interrupted. */
  #current: string | null = null;
  /** Measurements of earlier runs that the next write carries. */
  #carry: { runId: string; measurements: Measurement[] }[] = [];
  #interrupted = false;
  #ended = false;
  #onSigint: (() => void) | null = null;
  /** What Ctrl-C releases before the process exits (a suite's browser). */
  #beforeExit: (() => Promise<void>)[] = [];
  /** The interruption being stored (and, on Ctrl-C, the exit after it), once one began. */
  #interruption: Promise<void> | null = null;

  private constructor(store: Store, suiteId: string, env: EnvironmentRecord, git: Recorder["git"]) {
    this.#store = store;
    this.suiteId = suiteId;
    this.env = env;
    this.git = git;
  }

  /**
   * Prepare the store and record a new suite; from now until `endSuite`, Ctrl-C records the
   * run in progress and the suite as interrupted, then exits with 130.
   */
  static async start(
    store: Store,
    suite: SuiteInfo,
    opts: InterruptOptions = {},
  ): Promise<Recorder> {
    await store.init();
    await store.reapInterrupted();
    const env = await environment();
    const git = await gitState();
    await store.saveEnvironment(env);
    const suiteId = crypto.randomUUID();
    await store.startSuite({
      suiteId,
      kind: suite.kind,
      profile: suite.profile,
      argv: suite.argv,
      gitCommit: git.commit,
      gitDirty: git.dirty,
      envId: env.envId,
      plan: suite.plan,
    });
    const recorder = new Recorder(store, suiteId, env, git);
    if (opts.listen ?? true) recorder.#listen(opts.exit ?? ((code) => Deno.exit(code)));
    return recorder;
  }

  /** Whether Ctrl-C (or `interrupt()`) ended this suite: nothing more is written. */
  get interrupted(): boolean {
    return this.#interrupted;
  }

  /** Record that `run` has begun; returns its id. Later runs start in `endRun`'s write. */
  async startRun(run: PlannedRun<string>): Promise<string> {
    const start = await this.#startRecord(run);
    if (this.#interrupted) return start.runId;
    this.#current = start.runId;
    await this.#store.startRun(start);
    return start.runId;
  }

  /**
   * Record `runId`'s end and, in the same write, the start of `next` (if any) and the
   * measurements carried so far. Returns the seconds that write took and the next run's id.
   */
  async endRun(
    runId: string,
    outcome: RunOutcome,
    next: PlannedRun<string> | null,
  ): Promise<{ writeS: number; nextRunId: string | null }> {
    const start = next ? await this.#startRecord(next) : null;
    if (this.#interrupted) return { writeS: 0, nextRunId: null };
    const carry = this.#carry;
    this.#carry = [];
    // The next run is the one in progress from here: a Ctrl-C during this write is stored
    // after it (the store's writes go one at a time), on the run it has just started.
    this.#current = start?.runId ?? null;
    const t0 = performance.now();
    await this.#store.finishRun(runId, outcome.end, outcome.epochs, outcome.measurements, {
      carry,
      next: start ?? undefined,
    });
    return { writeS: (performance.now() - t0) / 1000, nextRunId: start?.runId ?? null };
  }

  /** Measurements of a finished run for the next write (for instance its own write's time). */
  carry(runId: string, measurements: Measurement[]): void {
    if (measurements.length > 0) this.#carry.push({ runId, measurements });
  }

  /** Record the suite's end (with what is still carried) and stop listening for Ctrl-C. */
  async endSuite(status: string): Promise<void> {
    this.close();
    if (this.#interrupted || this.#ended) return;
    this.#ended = true;
    const carry = this.#carry;
    this.#carry = [];
    await this.#store.finishSuite(this.suiteId, status, carry);
  }

  /**
   * Record the run in progress (if any) and the suite as interrupted, then release what was
   * handed to `beforeExit`; nothing is written after.
   */
  interrupt(): Promise<void> {
    if (this.#interruption || this.#ended) return this.#interruption ?? Promise.resolve();
    this.#interrupted = true;
    const runId = this.#current;
    this.#current = null;
    this.#interruption = (async () => {
      try {
        if (runId) {
          await this.#store.finishRun(runId, { status: "interrupted", reason: INTERRUPTED_REASON });
        }
        await this.#store.finishSuite(this.suiteId, "interrupted");
      } finally {
        await Promise.allSettled(this.#beforeExit.map((release) => release()));
      }
    })();
    return this.#interruption;
  }

  /**
   * Settles when an interruption has been handled: stored and released, and on Ctrl-C the
   * process exited (so it never settles then). A suite loop that stopped because of one
   * waits here, so a run the release ended early (a closed browser) cannot let the command
   * finish and exit 0 before the handler exits 130.
   */
  settled(): Promise<void> {
    return this.#interruption ?? Promise.resolve();
  }

  /**
   * Run `release` when Ctrl-C (`interrupt`) ends the suite, after the interruption is stored
   * and before this recorder's SIGINT handler exits: a suite's browser is closed this way, so
   * no Chromium outlives the harness.
   */
  beforeExit(release: () => Promise<void>): void {
    this.#beforeExit.push(release);
  }

  /** Stop listening for Ctrl-C (`endSuite` does; call it when a suite ends by an exception). */
  close(): void {
    if (this.#onSigint) Deno.removeSignalListener("SIGINT", this.#onSigint);
    this.#onSigint = null;
  }

  #listen(exit: (code: number) => void): void {
    this.#onSigint = () => {
      console.error("\ninterrupted: recording the run in progress as interrupted");
      const interruption = this.interrupt();
      // The exit is part of the interruption: `settled()` waits for it.
      this.#interruption = interruption.then(() => exit(EXIT.interrupted));
    };
    Deno.addSignalListener("SIGINT", this.#onSigint);
  }

  /** The start record of a run of this suite: what it is, where, and its config's hash. */
  async #startRecord(run: PlannedRun<string>): Promise<RunStart> {
    const e = run.declared.experiment;
    return {
      runId: crypto.randomUUID(),
      suiteId: this.suiteId,
      experimentId: e.id,
      experimentTitle: e.title,
      article: e.source.article,
      section: e.source.section,
      variantOf: e.variant?.of ?? null,
      dataset: run.config.dataset?.key ?? null,
      runtime: run.runtime,
      backend: run.backend,
      seed: run.seed,
      profile: run.config.profile,
      envId: this.env.envId,
      config: run.runConfig,
      configHash: await hashJson(run.runConfig),
      declarationHash: run.declared.hash,
      gitCommit: this.git.commit,
      gitDirty: this.git.dirty,
    };
  }
}
