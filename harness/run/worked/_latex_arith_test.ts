import assert from "node:assert/strict";
import { evaluateLatexArithmetic as evaluate } from "./_latex_arith.ts";

const r = String.raw;

Deno.test("evaluateLatexArithmetic() follows ordinary precedence, as the article typesets it", () => {
  // Only the first square is halved: \frac{1}{2} \cdot a^2 + b^2.
  assert.equal(
    evaluate(r`\frac{1}{2} \cdot (0.1 - 0.9)^2 + (0.2 - 0.4)^2`),
    (1 / 2) * (0.1 - 0.9) ** 2 + (0.2 - 0.4) ** 2,
  );
  assert.equal(evaluate("-2^2"), -4);
  assert.equal(evaluate("1 - 2 - 3"), -4);
  assert.equal(evaluate(r`2 \cdot 3 + 4 * 5`), 26);
  assert.equal(evaluate("(1 − 0.25)"), 0.75);
});

Deno.test("evaluateLatexArithmetic() evaluates \\sigma as the logistic function", () => {
  assert.equal(
    evaluate(r`\sigma(0.5 \cdot 1 + 0.3 \cdot 2 + 0.7 \cdot 3 + 0.2)`),
    1 / (1 + Math.exp(-3.4)),
  );
  assert.equal(evaluate(r`\sigma(0)`), 0.5);
});

Deno.test("evaluateLatexArithmetic() rejects what it cannot read, quoting it", () => {
  assert.throws(() => evaluate(r`\sqrt{2}`), { name: "SyntaxError", message: /"\\sqrt\{2\}"/ });
  assert.throws(() => evaluate("(1 + 2"), { name: "SyntaxError", message: /ends too early/ });
  assert.throws(() => evaluate("1 2"), { name: "SyntaxError", message: /unexpected "2"/ });
});
