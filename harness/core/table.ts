/** Plain-text tables for terminal summaries. */
import stringWidth from "string-width";

/**
 * The columns `text` takes on a terminal: East Asian wide and fullwidth characters (the
 * articles' Chinese section titles) take two, combining marks and ANSI colour codes none.
 * `.length` counts UTF-16 code units, which put a row of Chinese 12 columns out of line.
 */
export function displayWidth(text: string): number {
  return stringWidth(text);
}

/** `text` followed by spaces up to `width` display columns. */
function pad(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - displayWidth(text)));
}

/** Render rows under a header, each column padded to its widest cell's display width. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) =>
    Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? "")))
  );
  const line = (cells: string[]) =>
    cells.map((c, i) => pad(c ?? "", widths[i])).join("  ").trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

/** A number with fixed digits, or "-" when missing. */
export function fmt(v: number | null | undefined, digits = 2): string {
  return v === null || v === undefined || !Number.isFinite(v) ? "-" : v.toFixed(digits);
}
