import assert from "node:assert/strict";
import { parseRange, safeFile } from "./static.ts";

Deno.test("parseRange reads byte ranges and refuses unsatisfiable ones", () => {
  assert.equal(parseRange(undefined, 100), null);
  assert.deepEqual(parseRange("bytes=0-9", 100), [0, 9]);
  assert.deepEqual(parseRange("bytes=90-", 100), [90, 99]);
  assert.deepEqual(parseRange("bytes=-10", 100), [90, 99]);
  assert.deepEqual(parseRange("bytes=50-500", 100), [50, 99]);
  assert.equal(parseRange("bytes=100-", 100), "bad");
  assert.equal(parseRange("bytes=5-1", 100), "bad");
  assert.equal(parseRange("items=0-1", 100), "bad");
});

Deno.test("safeFile never resolves outside its folder", async () => {
  const root = await Deno.makeTempDir();
  const outside = await Deno.makeTempDir();
  try {
    await Deno.writeTextFile(`${root}/a.js`, "ok");
    await Deno.writeTextFile(`${outside}/secret.txt`, "secret");
    await Deno.symlink(`${outside}/secret.txt`, `${root}/link.txt`);
    assert.equal(await safeFile(root, "a.js"), await Deno.realPath(`${root}/a.js`));
    for (
      const rel of [
        "../secret.txt",
        "%2e%2e/secret.txt",
        "..%2fsecret.txt",
        "..%5csecret.txt",
        "a.js%00",
        "%E0%A4%A",
        "",
        ".",
        "link.txt",
        outside.replace(/^\//, "") + "/secret.txt",
      ]
    ) {
      assert.equal(await safeFile(root, rel), null, rel);
    }
  } finally {
    await Deno.remove(root, { recursive: true });
    await Deno.remove(outside, { recursive: true });
  }
});
