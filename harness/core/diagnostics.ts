/**
 * Quiet by default: what a library prints on the console that a user cannot act on (tfjs's
 * "Orthogonal initializer ... Slowness may result", platform and backend notices) is held in a
 * log instead of reaching the terminal, and `--verbose` lets it through as printed.
 *
 * Verbosity lives in the environment (`REPROBENCH_VERBOSE=1`), so the Workers that train
 * replicas and the processes the gate starts inherit it without being told.
 *
 * @module
 */

/** The environment variable that carries `--verbose` to Workers and child processes. */
export const VERBOSE_ENV = "REPROBENCH_VERBOSE";

/**
 * Turn diagnostics on or off for this process, its Workers and the processes it starts.
 *
 * @example
 * ```ts
 * setVerbose(true); // what `--verbose` does
 * isVerbose(); // true
 * ```
 */
export function setVerbose(on: boolean): void {
  if (on) Deno.env.set(VERBOSE_ENV, "1");
  else Deno.env.delete(VERBOSE_ENV);
}

/** Whether diagnostics are shown (`--verbose`, or `REPROBENCH_VERBOSE=1` inherited). */
export function isVerbose(): boolean {
  const v = Deno.env.get(VERBOSE_ENV);
  return v !== undefined && v !== "" && v !== "0";
}

/** One message a library printed while diagnostics were hidden. */
export interface HeldMessage {
  /** The library, as named to {@linkcode holdLibraryConsole}. */
  source: string;
  level: ConsoleLevel;
  text: string;
  /** How many times it was printed (identical messages are kept once). */
  count: number;
}

/** The console methods a library chats through; `console.error` is never held. */
export type ConsoleLevel = "log" | "info" | "warn" | "debug";
const LEVELS: ConsoleLevel[] = ["log", "info", "warn", "debug"];

/** Where a message goes when it is shown: the console method it was printed with. */
export type Printer = (level: ConsoleLevel, args: unknown[]) => void;

const held = new Map<string, HeldMessage>();
const sources: Array<{ source: string; path: RegExp }> = [];
let original: Record<ConsoleLevel, (...args: unknown[]) => void> | null = null;
let printer: Printer = (level, args) => original![level](...args);

/** The file of the code that called the console method: the third line of a fresh stack. */
function callerFile(): string {
  // Lines: "Error", callerFile, routed (below), then the code that called the console.
  return new Error().stack?.split("\n")[3] ?? "";
}

/** Identical messages are kept once: by library, console method and text. */
function keyOf(source: string, level: ConsoleLevel, text: string): string {
  return `${source}\u0000${level}\u0000${text}`;
}

function textOf(args: unknown[]): string {
  return args.map((a) => (typeof a === "string" ? a : Deno.inspect(a))).join(" ");
}

function install(): void {
  if (original) return;
  const saved = {} as Record<ConsoleLevel, (...args: unknown[]) => void>;
  for (const level of LEVELS) {
    const method = console[level].bind(console);
    saved[level] = method;
    console[level] = function routed(...args: unknown[]) {
      const caller = callerFile();
      const from = sources.find((s) => s.path.test(caller));
      if (!from || isVerbose()) return printer(level, args);
      const text = textOf(args);
      const key = keyOf(from.source, level, text);
      const seen = held.get(key);
      if (seen) seen.count++;
      else held.set(key, { source: from.source, level, text, count: 1 });
    };
  }
  original = saved;
}

/**
 * Hold what `source`'s code prints through `console.log/info/warn/debug`, recognised by the
 * file of the calling code matching `path`; everything else prints as before. Held messages
 * are printed as they come when {@linkcode isVerbose}, and listed by {@linkcode heldMessages}.
 * Calling it again for the same source does nothing.
 *
 * @example
 * ```ts
 * holdLibraryConsole("tfjs", /\/@tensorflow\/tfjs[\w-]*\//);
 * ```
 */
export function holdLibraryConsole(source: string, path: RegExp): void {
  install();
  if (!sources.some((s) => s.source === source)) sources.push({ source, path });
}

/** What was held so far, oldest first. */
export function heldMessages(): HeldMessage[] {
  return [...held.values()];
}

/**
 * Hand over what was held so far and forget it: a Worker sends these to the thread that
 * started it, which counts them with its own ({@linkcode addHeld}).
 */
export function takeHeld(): HeldMessage[] {
  const all = heldMessages();
  held.clear();
  return all;
}

/** Count messages another thread held (a Worker's {@linkcode takeHeld}) as held here. */
export function addHeld(messages: readonly HeldMessage[]): void {
  for (const m of messages) {
    const key = keyOf(m.source, m.level, m.text);
    const seen = held.get(key);
    if (seen) seen.count += m.count;
    else held.set(key, { ...m });
  }
}

/**
 * One line saying what was held, for the end of a command's output; null when nothing was.
 *
 * @example
 * ```ts
 * heldNote(); // 'tfjs printed 2 diagnostics, hidden ("Orthogonal initializer is being ..."); --verbose shows them'
 * ```
 */
export function heldNote(): string | null {
  const all = heldMessages();
  if (all.length === 0) return null;
  const n = all.reduce((sum, m) => sum + m.count, 0);
  const names = [...new Set(all.map((m) => m.source))].join(", ");
  const first = all[0].text.replace(/\s+/g, " ").trim();
  const quote = first.length > 60 ? `${first.slice(0, 57)}...` : first;
  return `${names} printed ${n} diagnostic${n === 1 ? "" : "s"}, hidden ("${quote}"); ` +
    "--verbose shows them";
}

/** For tests: where shown messages go instead of the console, and forgetting held ones. */
export function resetDiagnosticsForTest(print?: Printer): void {
  held.clear();
  printer = print ?? ((level, args) => original![level](...args));
}
