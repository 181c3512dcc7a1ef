import assert from "node:assert/strict";
import { join } from "node:path";
import { withDataDir } from "../../testing/temp_data_dir.ts";
import { FASHION_MNIST_CHECKSUMS } from "./checksums.ts";
import { FASHION_MNIST_SYSTEM_DIR, fashionMnist } from "./fashion_mnist.ts";

const installed = await Deno.stat(join(FASHION_MNIST_SYSTEM_DIR, "train-images-idx3-ubyte.gz"))
  .then(() => true, () => false);

Deno.test({
  name: `fashion-mnist loads Debian's files: 60000 train and 10000 test 28x28 images${
    installed ? "" : " (ignored: apt-get install dataset-fashion-mnist to run it)"
  }`,
  ignore: !installed,
  async fn() {
    // An empty data directory, so the system copy is the one found.
    await withDataDir(async () => {
      assert.equal(await fashionMnist.unavailableReason(), null);
      const ds = await fashionMnist.load();
      assert.deepEqual(ds.inputShape, [28, 28, 1]);
      assert.equal(ds.trainPool.n, 60000);
      assert.equal(ds.testPool.n, 10000);
      assert.equal(ds.trainPool.x.length, 60000 * 784);
      assert.equal(ds.testPool.x.length, 10000 * 784);
      let min = Infinity, max = -Infinity;
      for (const v of ds.testPool.x) (min = Math.min(min, v)), (max = Math.max(max, v));
      assert.deepEqual([min, max], [0, 1]);
      // Each class is 1/10 of both pools.
      const counts = new Array(10).fill(0);
      for (const y of ds.testPool.y) counts[y]++;
      assert.deepEqual(counts, new Array(10).fill(1000));
      assert.ok(ds.provenance.startsWith(`${FASHION_MNIST_SYSTEM_DIR}: `));
      assert.equal(ds.provenance.match(/known SHA-256 of the decompressed content/g)?.length, 4);
      assert.equal(FASHION_MNIST_CHECKSUMS.files.length, 4);
    });
  },
});
