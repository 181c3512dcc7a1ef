/**
 * The exit codes every command uses, by meaning. The commands' handler (`harness/cli/exit.ts`)
 * turns a `UserError` into `usage`; the run lifecycle exits with `interrupted` after Ctrl-C has
 * stored the run in progress and its suite as interrupted (128 + SIGINT, as shells report it).
 *
 * @example
 * ```ts
 * import { EXIT } from "./exit_codes.ts";
 * EXIT.finding; // 1
 * ```
 */
export const EXIT = { ok: 0, finding: 1, usage: 2, interrupted: 130 } as const;
