import assert from "node:assert/strict";
import { join } from "node:path";
import { sha256Hex } from "./_digest.ts";
import { fileDatasetSource } from "./file_source.ts";
import { cifarBytes, gzip, idxImages, idxLabels } from "../../testing/data_files.ts";
import { cifar10Spec } from "./cifar10_source.ts";
import { runCli, withDataDir } from "../../testing/temp_data_dir.ts";
import { importDataset } from "./import.ts";
import { DATASETS, loadDataset } from "./mod.ts";

Deno.test("data import copies MNIST files, records their SHA-256, and the registry loads them", async () => {
  await withDataDir(async (tmp) => {
    const src = join(tmp, "downloads", "mnist");
    await Deno.mkdir(src, { recursive: true });
    const trainImages = await gzip(idxImages(5));
    await Deno.writeFile(join(src, "train-images-idx3-ubyte.gz"), trainImages);
    await Deno.writeFile(join(src, "train-labels-idx1-ubyte"), idxLabels([0, 1, 2, 3, 9]));
    await Deno.writeFile(join(src, "t10k-images-idx3-ubyte"), idxImages(3));
    await Deno.writeFile(join(src, "t10k-labels-idx1-ubyte.gz"), await gzip(idxLabels([4, 5, 6])));

    // Generated files are not the official ones: the known checksums refuse them...
    const refused = await runCli(["import", "mnist", src]);
    assert.equal(refused.code, 2);
    assert.match(
      refused.err,
      /^error: Checksum mismatch for ".*train-images-idx3-ubyte.gz": content SHA-256 is/,
    );
    assert.equal(await DATASETS.mnist.unavailableReason() !== null, true);

    // ...unless the user says so; the hashes are then recorded as unverified.
    const imported = await runCli(["import", "mnist", src, "--skip-checksums"]);
    assert.equal(imported.code, 0, imported.err);
    const dir = join(tmp, "data", "mnist");
    assert.match(imported.out, new RegExp(`imported mnist into ${dir}`));
    const manifest = JSON.parse(await Deno.readTextFile(join(tmp, "data", "manifest.json")));
    const entry = manifest.datasets.mnist.files["train-images-idx3-ubyte.gz"];
    assert.equal(entry.sha256, sha256Hex(trainImages));
    assert.equal(entry.verified, "unverified (checksums skipped on import)");

    assert.equal(await DATASETS.mnist.unavailableReason(), null);
    const ds = await loadDataset("mnist");
    assert.equal(ds.trainPool.n, 5);
    assert.equal(ds.testPool.n, 3);
    assert.deepEqual(Array.from(ds.testPool.y), [4, 5, 6]);
    // Test image 2, row 1, column 4: (7 * 2 + 3 + 4) / 255.
    assert.equal(ds.testPool.x[2 * 784 + 28 + 4], Math.fround(21 / 255));
    assert.ok(
      ds.provenance.includes(`train-images-idx3-ubyte.gz sha256:${sha256Hex(trainImages)}`),
    );

    // A file changed after import is refused.
    await Deno.writeFile(join(dir, "t10k-images-idx3-ubyte"), idxImages(3).fill(1, 100, 101));
    await assert.rejects(() => DATASETS.mnist.load(), /changed since it was imported/);
  });
});

Deno.test("data import reads CIFAR-10 batches from a .tar.gz archive", async () => {
  await withDataDir(async (tmp) => {
    const batches = join(tmp, "src", "cifar-10-batches-bin");
    await Deno.mkdir(batches, { recursive: true });
    const names = [1, 2, 3, 4, 5].map((i) => `data_batch_${i}.bin`).concat("test_batch.bin");
    for (const [i, name] of names.entries()) {
      await Deno.writeFile(join(batches, name), cifarBytes([i, 9 - i]));
    }
    const archive = join(tmp, "cifar-10-binary.tar.gz");
    const tar = await new Deno.Command("tar", {
      args: ["-czf", archive, "-C", join(tmp, "src"), "cifar-10-batches-bin"],
    }).output();
    assert.ok(tar.success);
    const spec = cifar10Spec({ anyRecordCount: true }); // these files hold 2 records each
    await assert.rejects(
      () => importDataset(spec, archive),
      /Checksum mismatch for ".*cifar-10-binary.tar.gz": SHA-256 is [0-9a-f]{64}, published c4a38c50/,
    );
    const result = await importDataset(spec, archive, { skipChecksums: true });
    assert.deepEqual(result.files.map((f) => f.name), names);
    const ds = await fileDatasetSource(spec).load();
    assert.equal(ds.trainPool.n, 10);
    assert.deepEqual(Array.from(ds.trainPool.y), [0, 9, 1, 8, 2, 7, 3, 6, 4, 5]);
    assert.deepEqual(Array.from(ds.testPool.y), [5, 4]);
    // Test record 1, pixel 0, blue: (1 + 10 + 0) / 255.
    assert.equal(ds.testPool.x[3072 + 2], Math.fround(11 / 255));
  });
});

Deno.test("data import names what is missing", async () => {
  await withDataDir(async (tmp) => {
    await Deno.writeFile(join(tmp, "train-images-idx3-ubyte"), idxImages(1));
    const r = await runCli(["import", "mnist", tmp]);
    assert.equal(r.code, 2);
    assert.match(
      r.err,
      /missing train-labels-idx1-ubyte.gz or train-labels-idx1-ubyte, t10k-images/,
    );
    const none = await runCli(["import", "mnist", join(tmp, "nope")]);
    assert.match(none.err, /^error: Cannot import "mnist": ".*nope" does not exist$/);
  });
});
