/**
 * JUnit XML, the test-report format CI systems read (GitHub Actions reporters, GitLab, Jenkins,
 * Azure): `<testsuites>` of `<testsuite>`s of `<testcase>`s, a failing case holding a
 * `<failure>`, a skipped one a `<skipped>`. Commands map their verdicts onto it
 * (`harness/gate/junit.ts`, `harness/claims/junit.ts`); this file only writes the XML.
 *
 * @module
 */

/** One test case: a verdict, as CI shows it. */
export interface JUnitCase {
  name: string;
  /** Groups cases in CI's tree; dotted, like a class name. */
  classname: string;
  outcome: "passed" | "failed" | "skipped";
  /** The one line CI shows for a failure or a skip. */
  message?: string;
  /** The failure's body: the numbers behind it. */
  details?: string;
}

/** One suite of cases, with properties naming what it covers. */
export interface JUnitSuite {
  name: string;
  properties?: Record<string, string>;
  cases: JUnitCase[];
}

/** Text safe inside an XML attribute or element: escaped, and without characters XML forbids. */
function xml(text: string): string {
  return text
    // deno-lint-ignore no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

function counts(cases: JUnitCase[]): string {
  const n = (o: JUnitCase["outcome"]) => cases.filter((c) => c.outcome === o).length;
  return `tests="${cases.length}" failures="${n("failed")}" errors="0" skipped="${n("skipped")}"`;
}

function testcase(c: JUnitCase): string[] {
  const head = `    <testcase name="${xml(c.name)}" classname="${xml(c.classname)}"`;
  if (c.outcome === "passed") return [`${head}/>`];
  const message = `message="${xml(c.message ?? "")}"`;
  const inner = c.outcome === "failed"
    ? `      <failure ${message} type="failure">${xml(c.details ?? "")}</failure>`
    : `      <skipped ${message}/>`;
  return [`${head}>`, inner, "    </testcase>"];
}

/**
 * The JUnit XML document of `suites`, under a `<testsuites>` named `name`.
 *
 * @example
 * ```ts
 * junitXml("reprobench check", [{
 *   name: "mlp on wasm",
 *   cases: [{ name: "test_accuracy", classname: "reprobench.check", outcome: "passed" }],
 * }]).includes('<testsuite name="mlp on wasm" tests="1" failures="0"'); // true
 * ```
 */
export function junitXml(name: string, suites: JUnitSuite[]): string {
  const all = suites.flatMap((s) => s.cases);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${xml(name)}" ${counts(all)}>`,
    ...suites.flatMap((s) => [
      `  <testsuite name="${xml(s.name)}" ${counts(s.cases)}>`,
      ...(s.properties && Object.keys(s.properties).length
        ? [
          "    <properties>",
          ...Object.entries(s.properties).map(([k, v]) =>
            `      <property name="${xml(k)}" value="${xml(v)}"/>`
          ),
          "    </properties>",
        ]
        : []),
      ...s.cases.flatMap(testcase),
      "  </testsuite>",
    ]),
    "</testsuites>",
    "",
  ].join("\n");
}

/**
 * Group items into suites by `key`, in the order each key first appears.
 *
 * @example
 * ```ts
 * groupInOrder([1, 2, 3], (n) => (n % 2 ? "odd" : "even")); // Map { "odd" => [1, 3], "even" => [2] }
 * ```
 */
export function groupInOrder<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) out.set(key(item), [...(out.get(key(item)) ?? []), item]);
  return out;
}
