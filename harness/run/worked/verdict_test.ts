import assert from "node:assert/strict";
import { judgeQuantity, matchesPrinted } from "./verdict.ts";

Deno.test("matchesPrinted() accepts values that round to the print and rejects the rest", () => {
  assert.equal(matchesPrinted(0.91364, "0.9136"), true);
  assert.equal(matchesPrinted(0.91356, "0.9136"), true);
  assert.equal(matchesPrinted(0.91366, "0.9136"), false);
  assert.equal(matchesPrinted(-0.05924, "-0.0592"), true);
  assert.equal(matchesPrinted(0.0592, "-0.0592"), false);
  assert.equal(matchesPrinted(2.4, "2"), true);
  assert.equal(matchesPrinted(2.6, "2"), false);
});

Deno.test("judgeQuantity() judges the primary value only and reports alternatives in the note", () => {
  const q = judgeQuantity({
    name: "x",
    section: "§1",
    printed: "0.50",
    computed: 0.6,
    note: "primary reading",
    alternatives: [{ label: "other reading", value: 0.503 }],
  });
  assert.equal(q.reproduced, false);
  assert.equal(q.tolerance, 0.005);
  assert.equal(q.computed, 0.6);
  assert.equal(
    q.note,
    "primary reading; computed 0.6 vs printed 0.50; other reading = 0.503 (matches the print)",
  );
});

Deno.test("judgeQuantity() leaves no note on a reproduced quantity with nothing to say", () => {
  const q = judgeQuantity({ name: "n", section: "§4.3", printed: "320", computed: 320 });
  assert.equal(q.reproduced, true);
  assert.equal(q.note, undefined);
});
