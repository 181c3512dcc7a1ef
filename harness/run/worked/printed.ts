/**
 * Reading numbers as an article prints them: the value, and how precise the print is.
 *
 * @module
 */

const DECIMAL = /^[-+−]?(\d+)(?:\.(\d*))?(?:[eE]([-+]?\d+))?$/;

/**
 * The value of a printed number. Accepts the Unicode minus articles sometimes use.
 *
 * @example
 * ```ts
 * parsePrinted("-0.0592"); // -0.0592
 * ```
 */
export function parsePrinted(printed: string): number {
  const text = printed.trim();
  if (!DECIMAL.test(text)) throw new SyntaxError(`Cannot parse "${printed}": not a decimal number`);
  return Number(text.replace("−", "-"));
}

/**
 * Half a unit in the last printed digit: the largest error that still rounds to the print.
 * Digits are taken at face value, so "320" means 320 ± 0.5.
 *
 * @example
 * ```ts
 * toleranceFromPrinted("0.9136"); // 0.00005
 * toleranceFromPrinted("2"); // 0.5
 * ```
 */
export function toleranceFromPrinted(printed: string): number {
  const match = DECIMAL.exec(printed.trim());
  if (!match) throw new SyntaxError(`Cannot parse "${printed}": not a decimal number`);
  const decimals = match[2]?.length ?? 0;
  const exponent = match[3] === undefined ? 0 : Number(match[3]);
  const place = exponent - decimals;
  // Dividing by a power of ten (rather than multiplying by 10 ** -n) gives the nearest double
  // to the decimal, so "0.9136" yields exactly the double nearest 0.00005.
  return place <= 0 ? 0.5 / 10 ** -place : 0.5 * 10 ** place;
}
