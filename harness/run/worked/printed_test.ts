import assert from "node:assert/strict";
import { parsePrinted, toleranceFromPrinted } from "./printed.ts";

Deno.test("toleranceFromPrinted() is half a unit in the last printed digit", () => {
  assert.equal(toleranceFromPrinted("0.9136"), 0.00005);
  assert.equal(toleranceFromPrinted("-0.0592"), 0.00005);
  assert.equal(toleranceFromPrinted("2"), 0.5);
  assert.equal(toleranceFromPrinted("0.1"), 0.05);
  assert.equal(toleranceFromPrinted("320"), 0.5);
  assert.equal(toleranceFromPrinted("1.50"), 0.005);
  assert.equal(toleranceFromPrinted("2.5e3"), 50);
});

Deno.test("parsePrinted() reads signs, including the Unicode minus", () => {
  assert.equal(parsePrinted("-0.0592"), -0.0592);
  assert.equal(parsePrinted("−0.0592"), -0.0592);
  assert.equal(parsePrinted("+2"), 2);
});

Deno.test("parsePrinted() and toleranceFromPrinted() reject text that is not a number", () => {
  assert.throws(() => parsePrinted("0.9l36"), { name: "SyntaxError", message: /"0\.9l36"/ });
  assert.throws(() => toleranceFromPrinted(""), SyntaxError);
  assert.throws(() => toleranceFromPrinted("1/2"), SyntaxError);
});
