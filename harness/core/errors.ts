/**
 * A mistake the user can fix: a bad declaration, a missing dataset, a bad flag.
 * The CLI prints its message as one line and exits with status 2 (`harness/cli/exit.ts`).
 *
 * @example
 * ```ts
 * throw new UserError('experiments/mlp.ts: training.batchSize must be a positive integer, got "64"');
 * ```
 */
export class UserError extends Error {
  override name = "UserError";
}

/** Render any thrown value as one line, for a stored run's reason or a CLI error. */
export function oneLine(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.replace(/\s*\n\s*/g, " ").trim();
}
