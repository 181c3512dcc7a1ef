import assert from "node:assert/strict";
import { join } from "node:path";
import { maybeGunzip } from "./_gzip.ts";
import { readTar } from "./_tar.ts";

const LONG = `${"d".repeat(60)}/${"n".repeat(80)}.bin`;
const FILES: Record<string, Uint8Array> = {
  "cifar-10-batches-bin/test_batch.bin": new Uint8Array(3073).map((_, i) => i % 251),
  "cifar-10-batches-bin/readme.html": new TextEncoder().encode("<p>hi</p>"),
  [LONG]: new Uint8Array(1000).fill(7),
  "empty.bin": new Uint8Array(0),
};

async function hasTar(): Promise<boolean> {
  try {
    return (await new Deno.Command("tar", { args: ["--version"], stdout: "null" }).output())
      .success;
  } catch {
    return false;
  }
}

// GNU tar writes the archive; our reader must find exactly what was put in (an oracle test).
async function tarOf(format: string): Promise<Uint8Array> {
  const dir = await Deno.makeTempDir();
  try {
    for (const [name, bytes] of Object.entries(FILES)) {
      await Deno.mkdir(join(dir, "src", name, ".."), { recursive: true });
      await Deno.writeFile(join(dir, "src", name), bytes);
    }
    const out = join(dir, "a.tar.gz");
    const args = ["-czf", out, `--format=${format}`, "-C", join(dir, "src"), ...Object.keys(FILES)];
    const res = await new Deno.Command("tar", { args, stderr: "piped" }).output();
    assert.ok(res.success, new TextDecoder().decode(res.stderr));
    return await Deno.readFile(out);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

const noTar = !(await hasTar());
const skipNote = noTar ? " (ignored: no tar command on this machine)" : "";

for (const format of ["ustar", "gnu", "pax"]) {
  Deno.test({
    name: `readTar() reads every file of a ${format} archive made by tar${skipNote}`,
    ignore: noTar,
    async fn() {
      const files = readTar(await maybeGunzip(await tarOf(format), "a.tar.gz"), "a.tar.gz");
      assert.deepEqual([...files.keys()].sort(), Object.keys(FILES).sort());
      for (const [name, bytes] of Object.entries(FILES)) assert.deepEqual(files.get(name), bytes);
    },
  });
}

Deno.test({
  name: `readTar() rejects a corrupted header and a truncated archive${skipNote}`,
  ignore: noTar,
  async fn() {
    const tar = await maybeGunzip(await tarOf("ustar"), "a.tar.gz");
    const bad = tar.slice();
    bad[10] ^= 0xff;
    assert.throws(
      () => readTar(bad, "x.tar"),
      /Cannot read "x.tar": bad tar header checksum at byte 0/,
    );
    assert.throws(() => readTar(tar.subarray(0, 1024), "x.tar"), /truncated, an entry needs/);
  },
});
