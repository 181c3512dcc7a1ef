import assert from "node:assert/strict";
import { workedExamples } from "./registry.ts";
import { toleranceFromPrinted } from "./printed.ts";
import { requireBackend } from "../../testing/mod.ts";

const articles = new URL("../../../../shared/articles/", import.meta.url);
const haveArticles = await Deno.stat(articles).then(() => true, () => false);

Deno.test("workedExamples entries are keyed by id, with notes and tolerances from the print", async () => {
  await requireBackend("cpu");
  for (const [key, example] of Object.entries(workedExamples)) {
    assert.equal(example.id, key);
    assert.ok(example.notes.length > 0, `${key} has no notes`);
    for (const q of await example.compute()) {
      assert.ok(
        example.section.startsWith(q.section),
        `${key}: ${q.section} vs ${example.section}`,
      );
      assert.equal(q.tolerance, toleranceFromPrinted(q.printed));
      if (!q.reproduced) assert.match(q.note ?? "", /vs printed/);
    }
  }
});

Deno.test({
  name: "every printed value appears in its article, as printed",
  ignore: !haveArticles,
  async fn() {
    await requireBackend("cpu");
    for (const example of Object.values(workedExamples)) {
      const text = await Deno.readTextFile(new URL(`${example.article}.txt`, articles));
      for (const q of await example.compute()) {
        assert.ok(text.includes(q.printed), `${example.id}: ${q.printed}`);
      }
    }
  },
});
