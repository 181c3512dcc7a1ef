import assert from "node:assert/strict";
import { join } from "node:path";
import { imdb } from "./imdb.ts";
import { withDataDir } from "../../testing/temp_data_dir.ts";

async function write(root: string, split: string, folder: string, name: string, text: string) {
  await Deno.mkdir(join(root, split, folder), { recursive: true });
  await Deno.writeTextFile(join(root, split, folder, name), text);
}

Deno.test("imdb is unavailable with a one-line how-to until aclImdb is extracted", async () => {
  await withDataDir(async (tmp) => {
    const reason = await imdb.unavailableReason();
    assert.equal(
      reason,
      `IMDB reviews not found in ${
        join(tmp, "data", "imdb", "aclImdb")
      }: extract aclImdb_v1.tar.gz (the Large Movie Review Dataset) into ${
        join(tmp, "data", "imdb")
      }`,
    );
  });
});

Deno.test("imdb reads pos as 1 and neg as 0, in file order, with markup removed", async () => {
  await withDataDir(async (tmp) => {
    const root = join(tmp, "data", "imdb", "aclImdb");
    await write(root, "train", "pos", "1_9.txt", "Great great film<br /><br />great");
    await write(root, "train", "neg", "0_2.txt", "Bad film");
    await write(root, "train", "neg", "1_1.txt", "bad bad");
    await write(root, "test", "pos", "0_8.txt", "great unknownword");
    await write(root, "test", "neg", "0_3.txt", "film");
    assert.equal(await imdb.unavailableReason(), null);
    const ds = await imdb.load();
    assert.deepEqual(Array.from(ds.trainPool.y), [0, 0, 1]);
    assert.deepEqual(Array.from(ds.testPool.y), [0, 1]);
    // Training counts: great 3, bad 3, film 2 (the "br" of the markup is not a word); ties
    // alphabetical, ids from 2: bad 2, great 3, film 4; unknown words are 1.
    const row = (split: typeof ds.trainPool, i: number) =>
      Array.from(split.x.subarray(i * 200, (i + 1) * 200)).filter((t) => t !== 0);
    assert.deepEqual(row(ds.trainPool, 2), [3, 3, 4, 3]);
    assert.deepEqual(row(ds.testPool, 1), [3, 1]);
    assert.match(ds.provenance, /3 train \/ 2 test reviews; sha256:[0-9a-f]{64}/);
  });
});
