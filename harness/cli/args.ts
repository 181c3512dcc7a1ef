/** Strict flag parsing: unknown flags and bad values are one-line errors with a hint. */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { UserError } from "../core/errors.ts";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** What `parseArgs` reads of each flag: the help text and placeholder stay behind. */
function parseable(options: Options): Options {
  return Object.fromEntries(
    Object.entries(options).map(([name, { type, short, multiple, default: d }]) => [
      name,
      {
        type,
        ...(short === undefined ? {} : { short }),
        ...(multiple === undefined ? {} : { multiple }),
        ...(d === undefined ? {} : { default: d }),
      },
    ]),
  );
}

function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(
        d[i - 1][j] + 1,
        d[i][j - 1] + 1,
        d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
  }
  return d[a.length][b.length];
}

/** The known word closest to `word`, if it is close enough to be a likely typo. */
export function suggest(word: string, known: string[]): string | null {
  let best: string | null = null, bestD = Infinity;
  for (const k of known) {
    const dist = distance(word, k);
    if (dist < bestD) [best, bestD] = [k, dist];
  }
  return bestD <= Math.max(2, Math.floor(word.length / 3)) ? best : null;
}

/**
 * Parse `args` against `options` (a flag spec: `flags.ts`); on an unknown flag, throw a
 * UserError that names it and suggests the closest known flag and the command's help.
 */
export function parseFlags<O extends Options>(
  command: string,
  args: string[],
  options: O,
  allowPositionals = false,
) {
  try {
    return parseArgs({
      args,
      options: parseable(options) as O,
      strict: true,
      allowPositionals,
    });
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    const m = /Unknown option '(-{1,2}[^']+)'/.exec(msg);
    if (m) {
      const near = suggest(m[1].replace(/^-+/, ""), Object.keys(options));
      throw new UserError(
        `Unknown flag "${m[1]}" for ${command}${
          near ? ` (did you mean --${near}?)` : ""
        }; see \`${command} --help\``,
      );
    }
    throw new UserError(`${msg.split("\n")[0].replace(/\.$/, "")}; see \`${command} --help\``);
  }
}

/**
 * Split a comma-separated flag value and check each part against the allowed values. A part
 * given twice counts once, in the order first given: `--backend wasm,wasm` runs wasm once, and
 * a gate's targets are distinct.
 */
export function listFlag<T extends string>(
  flag: string,
  value: string,
  allowed: readonly T[],
): T[] {
  const parts = value.split(",").map((s) => s.trim()).filter(Boolean);
  for (const p of parts) {
    if (!(allowed as readonly string[]).includes(p)) {
      const near = suggest(p, [...allowed]);
      throw new UserError(
        `--${flag} "${p}" is not one of ${allowed.join(", ")}${
          near ? ` (did you mean ${near}?)` : ""
        }`,
      );
    }
  }
  if (parts.length === 0) throw new UserError(`--${flag} is empty`);
  return [...new Set(parts)] as T[];
}

/** A flag that must be a positive integer. */
export function intFlag(flag: string, value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n <= 0) {
    throw new UserError(`--${flag} must be a positive integer, got "${value}"`);
  }
  return n;
}

/**
 * Print `help` when it was asked for; returns whether it was, so a command can stop there:
 * `if (helpShown(values.help, HELP)) return EXIT.ok;`.
 */
export function helpShown(asked: boolean | undefined, help: string): boolean {
  if (asked) console.log(help);
  return asked === true;
}
