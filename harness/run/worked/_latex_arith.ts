/**
 * Evaluates the plain arithmetic an article typesets in LaTeX, with standard precedence, so the
 * article's own expressions are evaluated from the printed text rather than retyped by hand.
 *
 * Supported: decimals, `+`, `-` (also `−`), `\cdot`, `*`, `^`, parentheses, braces,
 * `\frac{a}{b}` and `\sigma(x)` (the logistic sigmoid).
 *
 * @module
 */

const TOKEN = /\s*(\\frac|\\sigma|\\cdot|\d+(?:\.\d+)?|[-+*^(){}−·])/y;

function tokenize(latex: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < latex.length) {
    if (/^\s*$/.test(latex.slice(TOKEN.lastIndex))) break;
    const at = TOKEN.lastIndex;
    const match = TOKEN.exec(latex);
    if (!match) {
      throw new SyntaxError(`Cannot evaluate "${latex}": unexpected "${latex.slice(at)}"`);
    }
    tokens.push(match[1]);
  }
  return tokens;
}

/**
 * The value of a LaTeX arithmetic expression.
 *
 * @example
 * ```ts
 * evaluateLatexArithmetic(String.raw`\frac{1}{2} \cdot (0.1 - 0.9)^2`); // 0.32
 * ```
 */
export function evaluateLatexArithmetic(latex: string): number {
  const tokens = tokenize(latex);
  let pos = 0;
  const fail = (): never => {
    const what = pos < tokens.length ? `unexpected "${tokens[pos]}"` : "it ends too early";
    throw new SyntaxError(`Cannot evaluate "${latex}": ${what}`);
  };
  const expect = (token: string) => tokens[pos] === token ? pos++ : fail();

  const sum = (): number => {
    let value = product();
    while (tokens[pos] === "+" || tokens[pos] === "-" || tokens[pos] === "−") {
      const op = tokens[pos++];
      value = op === "+" ? value + product() : value - product();
    }
    return value;
  };
  const product = (): number => {
    let value = unary();
    while (["\\cdot", "*", "·"].includes(tokens[pos])) {
      pos++;
      value *= unary();
    }
    return value;
  };
  // Unary minus binds looser than ^, so -x^2 is -(x^2) as in ordinary notation.
  const unary = (): number => {
    if (tokens[pos] === "-" || tokens[pos] === "−") {
      pos++;
      return -unary();
    }
    return power();
  };
  const power = (): number => {
    const base = primary();
    if (tokens[pos] !== "^") return base;
    pos++;
    return base ** primary();
  };
  const primary = (): number => {
    const token = tokens[pos++];
    if (token === undefined) return fail();
    if (/^\d/.test(token)) return Number(token);
    if (token === "(" || token === "{") {
      const value = sum();
      expect(token === "(" ? ")" : "}");
      return value;
    }
    if (token === "\\frac") {
      expect("{");
      const numerator = sum();
      expect("}");
      expect("{");
      const denominator = sum();
      expect("}");
      return numerator / denominator;
    }
    if (token === "\\sigma") {
      expect("(");
      const z = sum();
      expect(")");
      return 1 / (1 + Math.exp(-z));
    }
    pos--;
    return fail();
  };

  const value = sum();
  if (pos !== tokens.length) fail();
  return value;
}
