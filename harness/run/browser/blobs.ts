/**
 * A run's examples as blobs the page fetches: each slice's `x` and `y` as raw bytes, named by
 * their SHA-256, which the page checks on arrival. The harness keeps the examples of the
 * last few runs (a suite's runs of one experiment share them: the same slices for every
 * backend and seed).
 */
import { sha256 } from "../../core/hash.ts";
import type { RunData } from "../train_setup.ts";
import type { BlobRef, DataRef } from "./protocol.ts";

/** How many runs' examples stay registered (each a few MB to a few hundred). */
const KEEP = 2;

/** The blobs the page server answers with, by name. */
export class Blobs {
  readonly #bytes = new Map<string, Uint8Array>();
  /** The refs of recently registered data, newest last, by the data object itself. */
  #recent: { data: RunData; ref: DataRef }[] = [];

  /** The bytes of blob `name`, if registered. */
  get(name: string): Uint8Array | undefined {
    return this.#bytes.get(name);
  }

  /**
   * Register `data`'s slices (once per data object) and say where the page finds them.
   *
   * @example
   * ```ts
   * const ref = await blobs.register(await loadRunData(config));
   * ```
   */
  async register(data: RunData): Promise<DataRef> {
    const known = this.#recent.find((r) => r.data === data);
    if (known) return known.ref;
    const blobs = {} as DataRef["blobs"];
    for (const part of ["train", "validation", "test"] as const) {
      const s = data.slices[part];
      blobs[`${part}X`] = await this.#add(
        new Uint8Array(s.x.buffer, s.x.byteOffset, s.x.byteLength),
      );
      blobs[`${part}Y`] = await this.#add(
        new Uint8Array(s.y.buffer, s.y.byteOffset, s.y.byteLength),
      );
    }
    const ref: DataRef = {
      key: data.key,
      inputShape: data.inputShape,
      numClasses: data.numClasses,
      provenance: data.provenance,
      blobs,
    };
    this.#recent = [...this.#recent, { data, ref }].slice(-KEEP);
    const live = new Set(
      this.#recent.flatMap((r) => Object.values(r.ref.blobs).map((b) => b.name)),
    );
    for (const name of [...this.#bytes.keys()]) if (!live.has(name)) this.#bytes.delete(name);
    return ref;
  }

  async #add(bytes: Uint8Array): Promise<BlobRef> {
    const hash = await sha256(bytes);
    const name = hash.slice(0, 24);
    this.#bytes.set(name, bytes);
    return { name, sha256: hash };
  }
}
