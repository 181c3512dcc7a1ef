/**
 * Turning a computed number and a printed one into a {@link WorkedQuantity} verdict.
 *
 * @module
 */
import type { WorkedQuantity } from "./types.ts";
import { parsePrinted, toleranceFromPrinted } from "./printed.ts";

/** Another reasonable reading of a quantity, reported in the note but never the verdict. */
export interface Alternative {
  /** What was computed, e.g. "the article's own expression as typeset". */
  label: string;
  /** Its value. */
  value: number;
}

/** Everything needed to judge one printed quantity. */
export interface QuantitySpec {
  name: string;
  section: string;
  printed: string;
  /** The primary interpretation: what the article's stated formula gives. */
  computed: number;
  /** The interpretation used, always kept. */
  note?: string;
  /** Other readings; each is reported with whether it would have matched the print. */
  alternatives?: Alternative[];
}

/** Six significant digits: enough to see a mismatch at four printed decimals. */
export function formatValue(value: number): string {
  return String(Number(value.toPrecision(6)));
}

/** Whether `value` rounds to the printed number (half a unit in its last digit). */
export function matchesPrinted(value: number, printed: string): boolean {
  // The slack absorbs the binary representation of the decimal print, nothing more.
  return Math.abs(value - parsePrinted(printed)) <= toleranceFromPrinted(printed) * (1 + 1e-9);
}

/**
 * Judges one quantity: `reproduced` depends on the primary `computed` value only; the
 * alternatives are listed in the note with their values and whether they would match.
 *
 * @example
 * ```ts
 * const q = judgeQuantity({ name: "a", section: "§1", printed: "0.9136", computed: 0.91357 });
 * q.reproduced; // true
 * ```
 */
export function judgeQuantity(spec: QuantitySpec): WorkedQuantity {
  const reproduced = matchesPrinted(spec.computed, spec.printed);
  const parts = spec.note ? [spec.note] : [];
  if (!reproduced) {
    parts.push(`computed ${formatValue(spec.computed)} vs printed ${spec.printed}`);
  }
  for (const alt of spec.alternatives ?? []) {
    const verdict = matchesPrinted(alt.value, spec.printed) ? "matches" : "does not match";
    parts.push(`${alt.label} = ${formatValue(alt.value)} (${verdict} the print)`);
  }
  const quantity: WorkedQuantity = {
    name: spec.name,
    section: spec.section,
    printed: spec.printed,
    computed: spec.computed,
    tolerance: toleranceFromPrinted(spec.printed),
    reproduced,
  };
  if (parts.length > 0) quantity.note = parts.join("; ");
  return quantity;
}
