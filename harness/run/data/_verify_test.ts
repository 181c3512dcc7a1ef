import assert from "node:assert/strict";
import { md5Hex, sha256Hex } from "./_digest.ts";
import { gzip, idxLabels } from "../../testing/data_files.ts";
import { UNVERIFIED, verifyArchive, verifyFile } from "./_verify.ts";

const content = idxLabels([1, 2, 3]);
const raw = await gzip(content);
const role = "train-labels-idx1-ubyte";
const name = `${role}.gz`;

Deno.test("verifyFile() accepts a file matching its published SHA-256 or MD5", () => {
  const bySha = { role, published: { name, sha256: sha256Hex(raw), md5: "0".repeat(32) } };
  assert.equal(verifyFile("p", name, raw, content, bySha), "published SHA-256");
  const byMd5 = { role, published: { name, md5: md5Hex(raw) } };
  assert.equal(verifyFile("p", name, raw, content, byMd5), "published MD5");
});

Deno.test("verifyFile() accepts a recompressed copy whose content hash is known", () => {
  const known = {
    role,
    published: { name, md5: "0".repeat(32) },
    contentSha256: sha256Hex(content),
  };
  assert.equal(
    verifyFile("p", name, raw, content, known),
    "known SHA-256 of the decompressed content",
  );
  assert.equal(verifyFile("p", role, content, content, known), "known SHA-256");
});

Deno.test("verifyFile() names the file and both hashes on a mismatch", () => {
  const known = { role, contentSha256: "a".repeat(64) };
  assert.throws(
    () => verifyFile("/d/x.gz", name, raw, content, known),
    new RegExp(
      `Checksum mismatch for "/d/x.gz": content SHA-256 is ${sha256Hex(content)}, expected a{64}`,
    ),
  );
  const published = { role, published: { name, md5: "b".repeat(32) } };
  assert.throws(
    () => verifyFile("/d/x.gz", name, raw, content, published),
    new RegExp(`MD5 is ${md5Hex(raw)}, published b{32}`),
  );
});

Deno.test("verifyFile() reports a file no checksum covers as unverified", () => {
  assert.equal(verifyFile("p", name, raw, content, undefined), UNVERIFIED);
  // The published hash is for the .gz; an uncompressed copy without a content hash is unknown.
  assert.equal(
    verifyFile("p", role, content, content, { role, published: { name, md5: "0" } }),
    UNVERIFIED,
  );
});

Deno.test("verifyArchive() prefers SHA-256 and rejects a mismatch", () => {
  const a = { name: "a.tar.gz", sha256: sha256Hex(raw), md5: "0".repeat(32) };
  assert.equal(verifyArchive("a", raw, a), "published SHA-256");
  assert.equal(verifyArchive("a", raw, { name: "a", md5: md5Hex(raw) }), "published MD5");
  assert.throws(() => verifyArchive("a", content, a), /Checksum mismatch for "a": SHA-256 is/);
});
