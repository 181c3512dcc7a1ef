import assert from "node:assert/strict";
import { describeQuality, type ModeQuality, PAIRED_QUALITY } from "./measured_quality.ts";
import { wilson } from "./quality/quality.ts";

Deno.test("describeQuality quotes counted checks with Wilson intervals and resampled ones apart", () => {
  const q: ModeQuality = {
    where: "here",
    falseAlarms: wilson(0, 2),
    falseAlarmsResampled: {
      quiet: { share: 0.0025, low: 0.0011, high: 0.0069, pairs: 612, checks: 27 },
      loaded: { share: 0.012, low: 0, high: 0.04, pairs: 139, checks: 6 },
    },
    detection: [{ slowdown: 0.05, quiet: wilson(4, 4) }],
    detectionResampled: [{ slowdown: 0.05, quiet: 1, loaded: 3951 / 4000 }],
  };
  // 0 of 2: Wilson [0, 3.84/5.84 = 65.8%]; 4 of 4: [4/7.84 = 51.0%, 100%].
  assert.equal(
    describeQuality(q),
    "measured here: unchanged code failed 0/2 (95% Wilson 0%-65.8%) gate checks; gate checks " +
      "drawn from live checks' pairs failed 0.25% from the 612 pairs of 27 quiet checks " +
      "(0.11%-0.69% with those checks resampled), 1.2% from the 139 pairs of 6 loaded checks " +
      "(0%-4% with those checks resampled); 5% slowdowns caught 4/4 (95% Wilson 51%-100%); " +
      "drawn from those pairs 5% slower, gate checks failed 100% quiet and 98.8% loaded",
  );
  const { falseAlarmsResampled: _, detectionResampled: __, ...counted } = q;
  assert.ok(!describeQuality(counted).includes("resampled"));
});

Deno.test("describeQuality never rounds a drawn share short of all checks to 100%, or above none to 0%", () => {
  const q: ModeQuality = {
    where: "here",
    falseAlarms: wilson(0, 2),
    detection: [],
    detectionResampled: [
      { slowdown: 0.05, quiet: 1, loaded: 3998 / 4000 },
      { slowdown: 0.1, quiet: 79999 / 80000, loaded: 3987 / 4000 },
      { slowdown: 0.02, quiet: 0, loaded: 1 / 4000 },
    ],
  };
  const text = describeQuality(q);
  // 3998/4000 = 99.95%; 79999/80000 = 99.99875% is 100.0 and 100.00 to one and two decimals, so
  // 99.999% to three; 3987/4000 = 99.675% keeps one decimal, 99.7%.
  assert.ok(text.includes("5% slower, gate checks failed 100% quiet and 99.95% loaded"), text);
  assert.ok(text.includes("10% slower, gate checks failed 99.999% quiet and 99.7% loaded"), text);
  // 1/4000 = 0.025% is 0.0 to one decimal and 0.03 to two; none stays 0%.
  assert.ok(text.includes("2% slower, gate checks failed 0% quiet and 0.03% loaded"), text);
});

/**
 * Whether `printed` (a percentage as the README writes it, e.g. "0.14", "4.5", "0") is `x` (a
 * fraction) rounded to the digits printed.
 */
function printedAs(printed: string, x: number): boolean {
  const decimals = printed.split(".")[1]?.length ?? 0;
  return Math.abs(Number(printed) - 100 * x) <= 0.5 * 10 ** -decimals + 1e-9;
}

/** The quiet and loaded cells of the README's paired-mode row that starts with `label`. */
function readmeCells(readme: string, label: string): [string, string] {
  const line = readme.split("\n").find((l) => l.startsWith(`| ${label}`));
  assert.ok(line, `README.md has no table row starting "${label}"`);
  const cells = line.split("|").slice(1, -1).map((c) => c.trim());
  return [cells[1], cells[2]];
}

Deno.test("the README's measured table quotes PAIRED_QUALITY as committed", async () => {
  // Each session's live checks change these figures by hand in both places; a stale copy in the
  // README is what this catches.
  const readme = await Deno.readTextFile(new URL("../../README.md", import.meta.url));
  const q = PAIRED_QUALITY!;
  const counted = readmeCells(readme, "unchanged tree, gate failed (counted");
  for (
    const [cell, rate] of [[counted[0], q.falseAlarms], [counted[1], q.falseAlarmsLoaded!]] as const
  ) {
    const m = cell.match(/^(\d+) of (\d+) \(Wilson ([\d.]+)-([\d.]+)%\)$/);
    assert.ok(m, cell);
    assert.deepEqual([Number(m[1]), Number(m[2])], [rate.hits, rate.checks], cell);
    assert.ok(printedAs(m[3], rate.low) && printedAs(m[4], rate.high), cell);
  }
  const resampled = q.falseAlarmsResampled!;
  const checks = resampled.quiet!.checks + resampled.loaded!.checks;
  const drawn = readmeCells(readme, `gate checks drawn from ${checks} of those runs' pairs`);
  for (const [cell, r] of [[drawn[0], resampled.quiet!], [drawn[1], resampled.loaded!]] as const) {
    const m = cell.match(/^([\d.]+)% \(([\d.]+)-([\d.]+)%\)$/);
    assert.ok(m, cell);
    assert.ok(printedAs(m[1], r.share) && printedAs(m[2], r.low) && printedAs(m[3], r.high), cell);
  }
  const at5 = q.detectionResampled!.find((d) => d.slowdown === 0.05)!;
  const caught = readmeCells(readme, "5% drawn from the live pairs");
  for (const [cell, share] of [[caught[0], at5.quiet], [caught[1], at5.loaded]] as const) {
    const gate = cell.split("; ")[1]?.match(/^([\d.]+)%$/);
    assert.ok(gate && printedAs(gate[1], share), cell);
  }
});
