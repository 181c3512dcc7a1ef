/**
 * The one exit-code convention of every command, and the one handler of user errors.
 *
 * - 0: the command did what it was asked;
 * - 1: the finding the command exists to report (the gate's regression, `list`'s declaration
 *   errors);
 * - 2: a usage or input error the user can fix (a `UserError`: bad flag, bad value, missing
 *   file), printed as one line on stderr;
 * - 130: interrupted by Ctrl-C, after the run in progress and its suite were stored as
 *   interrupted (commands that run suites).
 *
 * Commands only throw `UserError`; `runCommand` turns it into the line and the code.
 */
import { oneLine, UserError } from "../core/errors.ts";
import { EXIT } from "../core/exit_codes.ts";

export { EXIT };

/** A command: its arguments in, its exit code out. */
export type Command = (args: string[]) => Promise<number>;

/**
 * Run `command`; a `UserError` it throws is printed as `error: <one line>` on stderr and
 * returns {@linkcode EXIT.usage}. Any other error is a bug and propagates with its stack.
 */
export async function runCommand(command: Command, args: string[]): Promise<number> {
  try {
    return await command(args);
  } catch (err) {
    if (!(err instanceof UserError)) throw err;
    console.error(`error: ${oneLine(err)}`);
    return EXIT.usage;
  }
}

/**
 * The help's closing lines on exit codes: what 0 means, what 1 means for this command (if it
 * reports a finding), 2 for a usage or input error, and 130 for a command that runs suites.
 *
 * @example
 * ```ts
 * exitHelp("no regression", "a regression");
 * // "Exit status:\n  0  no regression\n  1  a regression\n  2  a usage or input error ..."
 * ```
 */
export function exitHelp(ok = "success", finding?: string, runsSuites = false): string {
  return [
    "Exit status:",
    `  0  ${ok}`,
    ...(finding ? [`  1  ${finding}`] : []),
    "  2  a usage or input error you can fix (one line on stderr)",
    ...(runsSuites
      ? ["  130  interrupted (Ctrl-C): the run in progress and its suite are stored as interrupted"]
      : []),
  ].join("\n");
}
