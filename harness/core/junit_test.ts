import assert from "node:assert/strict";
import { XMLParser } from "fast-xml-parser";
import { junitXml } from "./junit.ts";

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "",
  isArray: (name) => ["testsuite", "testcase", "property"].includes(name),
});

Deno.test("junitXml() counts outcomes per suite and in all, and escapes what XML must not see", () => {
  const hostile = `<script>"x" & 'y'</script>\u0007`;
  const xml = junitXml("reprobench check", [
    {
      name: `check: ${hostile} on wasm`,
      properties: { experiment: hostile },
      cases: [
        { name: "a", classname: "c", outcome: "passed" },
        { name: "b", classname: "c", outcome: "failed", message: hostile, details: "1 < 2" },
        { name: "c", classname: "c", outcome: "skipped", message: "inconclusive: why" },
      ],
    },
    { name: "empty", cases: [] },
  ]);
  const doc = parser.parse(xml);
  const all = doc.testsuites;
  assert.deepEqual(
    [all.tests, all.failures, all.errors, all.skipped].map(Number),
    [3, 1, 0, 1],
  );
  const [first, empty] = all.testsuite;
  assert.equal(first.name, `check: <script>"x" & 'y'</script> on wasm`);
  assert.equal(first.properties.property[0].value, `<script>"x" & 'y'</script>`);
  assert.deepEqual([first.tests, first.failures, first.skipped].map(Number), [3, 1, 1]);
  const [, failed, skipped] = first.testcase;
  assert.equal(failed.failure.message, `<script>"x" & 'y'</script>`);
  assert.equal(failed.failure["#text"], "1 < 2");
  assert.equal(skipped.skipped.message, "inconclusive: why");
  assert.equal(Number(empty.tests), 0);
});
