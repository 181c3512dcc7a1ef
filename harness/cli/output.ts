/** How a command that runs a suite prints its result: one JSON document, or a table and a line. */

/** A suite's closing line: how many runs, how long, where they are stored, which suite. */
export function suiteLine(runs: number, wallS: number, db: string, suite: string): string {
  return `${runs} runs in ${wallS.toFixed(1)} s, stored in ${db} (${suite})`;
}

/**
 * Print the suite's JSON document on stdout when `asJson`, else its table and `closing` (from
 * {@linkcode suiteLine}).
 */
export function printSuite(
  asJson: boolean,
  json: () => unknown,
  table: () => string,
  closing: string,
): void {
  console.log(asJson ? JSON.stringify(json(), null, 2) : `${table()}\n\n${closing}`);
}
