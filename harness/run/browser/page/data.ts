/// <reference lib="dom" />
/**
 * In the page: the run's examples, fetched from the harness as raw float32 and int32 bytes
 * and checked against the SHA-256 the harness computed, so the page trains on exactly the
 * slices Deno's own run would.
 */
import { sha256 } from "../../../core/hash.ts";
import type { RunData } from "../../train_setup.ts";
import type { DataRef } from "../protocol.ts";

async function fetchBlob(name: string, expected: string): Promise<ArrayBuffer> {
  const res = await fetch(`/data/${encodeURIComponent(name)}`);
  if (!res.ok) throw new Error(`GET /data/${name} answered ${res.status}`);
  const bytes = await res.arrayBuffer();
  const got = await sha256(new Uint8Array(bytes));
  if (got !== expected) {
    throw new Error(`Examples "${name}" arrived with SHA-256 ${got}, expected ${expected}`);
  }
  return bytes;
}

/**
 * The examples `ref` describes, as the training loop takes them.
 *
 * @example
 * ```ts
 * const data = await fetchRunData(task.data!);
 * console.log(data.slices.train.n);
 * ```
 */
export async function fetchRunData(ref: DataRef): Promise<RunData> {
  const names = Object.keys(ref.blobs) as (keyof DataRef["blobs"])[];
  const buffers = await Promise.all(
    names.map((k) => fetchBlob(ref.blobs[k].name, ref.blobs[k].sha256)),
  );
  const by = Object.fromEntries(names.map((k, i) => [k, buffers[i]]));
  const split = (part: "train" | "validation" | "test") => {
    const y = new Int32Array(by[`${part}Y`]);
    return { x: new Float32Array(by[`${part}X`]), y, n: y.length };
  };
  return {
    key: ref.key,
    inputShape: ref.inputShape,
    numClasses: ref.numClasses,
    provenance: ref.provenance,
    slices: { train: split("train"), validation: split("validation"), test: split("test") },
  };
}
