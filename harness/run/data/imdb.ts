/**
 * IMDB movie reviews (the Large Movie Review Dataset, `aclImdb_v1.tar.gz`): 25,000 training
 * and 25,000 test reviews labelled positive or negative, one text file each under
 * `aclImdb/{train,test}/{pos,neg}/`. Not reachable from this project's machines: a user
 * extracts the archive into the data directory, and this loader reads it.
 */
import { createHash } from "node:crypto";
import { join } from "node:path";
import { UserError } from "../../core/errors.ts";
import { datasetDir } from "./data_dir.ts";
import { buildVocab, encode, tokenize } from "./text.ts";
import type { DatasetSource, LoadedDataset, Split } from "./types.ts";

/** Tokens per review and token ids, as the offline stand-in uses (Keras's IMDB convention). */
const IMDB_SEQ_LEN = 200;
const IMDB_VOCAB_SIZE = 10000;

function root(): string {
  return join(datasetDir("imdb"), "aclImdb");
}

function missing(): string {
  return `IMDB reviews not found in ${root()}: extract aclImdb_v1.tar.gz (the Large Movie Review Dataset) into ${
    datasetDir("imdb")
  }`;
}

/** Read one pool: `pos` reviews labelled 1, `neg` 0, each folder in file-name order. */
async function readPool(split: "train" | "test", hash: ReturnType<typeof createHash>) {
  const docs: string[][] = [], y: number[] = [];
  for (const [label, folder] of [[0, "neg"], [1, "pos"]] as const) {
    const dir = join(root(), split, folder);
    const names: string[] = [];
    try {
      for await (const e of Deno.readDir(dir)) {
        if (e.isFile && e.name.endsWith(".txt")) names.push(e.name);
      }
    } catch {
      throw new UserError(`${dir}: folder missing (${missing()})`);
    }
    if (names.length === 0) throw new UserError(`${dir}: no .txt reviews`);
    names.sort();
    for (const name of names) {
      const bytes = await Deno.readFile(join(dir, name));
      hash.update(bytes);
      // Reviews contain HTML line breaks; they are markup, not words.
      docs.push(tokenize(new TextDecoder().decode(bytes).replace(/<br\s*\/?>/gi, " ")));
      y.push(label);
    }
  }
  return { docs, y };
}

function toSplit(docs: string[][], y: number[], vocab: Map<string, number>): Split {
  const x = new Float32Array(docs.length * IMDB_SEQ_LEN);
  docs.forEach((d, i) => encode(d, vocab, IMDB_SEQ_LEN, x, i * IMDB_SEQ_LEN));
  return { x, y: Int32Array.from(y), n: docs.length };
}

async function load(): Promise<LoadedDataset> {
  const hash = createHash("sha256");
  const train = await readPool("train", hash);
  const test = await readPool("test", hash);
  const vocab = buildVocab(train.docs, IMDB_VOCAB_SIZE);
  return {
    key: "imdb",
    inputShape: [IMDB_SEQ_LEN],
    numClasses: 2,
    trainPool: toSplit(train.docs, train.y, vocab),
    testPool: toSplit(test.docs, test.y, vocab),
    provenance:
      `aclImdb at ${root()} (${train.y.length} train / ${test.y.length} test reviews; sha256:${
        hash.digest("hex")
      } of every review file in order; ${IMDB_VOCAB_SIZE} token ids, ${IMDB_SEQ_LEN} tokens)`,
  };
}

/** Registry entry for IMDB movie reviews, read from the data directory. */
export const imdb: DatasetSource = {
  key: "imdb",
  title: "IMDB movie reviews, positive vs negative (token ids)",
  description:
    `aclImdb: 25k train / 25k test reviews as ${IMDB_SEQ_LEN} token ids below ${IMDB_VOCAB_SIZE} (0 pad, 1 unknown)`,
  inputShape: [IMDB_SEQ_LEN],
  numClasses: 2,
  async unavailableReason() {
    try {
      await Deno.stat(join(root(), "train", "pos"));
      return null;
    } catch {
      return missing();
    }
  },
  load,
};
