import assert from "node:assert/strict";
import { displayWidth, table } from "./table.ts";

Deno.test("displayWidth() counts Chinese and fullwidth characters as two columns", () => {
  assert.equal(displayWidth("源代码"), 6);
  assert.equal(displayWidth("§5.2 源代码详细实现"), 4 + 1 + 7 * 2);
  assert.equal(displayWidth("ＡＢ"), 4);
  assert.equal(displayWidth("abc"), 3);
  assert.equal(displayWidth("\x1b[32mok\x1b[0m"), 2);
});

Deno.test("table() lines up columns with Chinese cells by display width", () => {
  const got = table(["id", "section", "n"], [
    ["a", "§5.2 源代码详细实现", "1"],
    ["bb", "§2 Intro", "22"],
  ]);
  // Widths by hand: id 2; section: "§5.2 " 5 + seven Chinese characters 14 = 19; n 2.
  // "§" is East Asian Ambiguous, one column outside CJK locales. Padding to 19 columns:
  // "section" 7 + 12 spaces, "§2 Intro" 8 + 11; then two spaces between columns.
  const want = [
    "id  section" + " ".repeat(12 + 2) + "n",
    "--  " + "-".repeat(19) + "  --",
    "a   §5.2 源代码详细实现  1",
    "bb  §2 Intro" + " ".repeat(11 + 2) + "22",
  ].join("\n");
  assert.equal(got, want);
});
