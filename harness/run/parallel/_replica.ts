/** One worker replica seen from the main thread: request, reply, and failure as a rejection. */
import type { FromReplica, ToReplica } from "./_messages.ts";
import { addHeld } from "../../core/diagnostics.ts";

type Reply = Exclude<FromReplica, { type: "error" }>;

export class WorkerReplica {
  readonly #worker: Worker;
  readonly #index: number;
  #pending: { resolve: (r: Reply) => void; reject: (e: Error) => void } | null = null;
  #failure: Error | null = null;

  constructor(index: number) {
    this.#index = index;
    this.#worker = new Worker(new URL("./replica_worker.ts", import.meta.url), { type: "module" });
    this.#worker.onmessage = (e: MessageEvent<FromReplica>) => {
      const d = e.data;
      if (d.held?.length) addHeld(d.held);
      if (d.type === "error") this.#fail(d.message);
      else {
        const p = this.#pending;
        this.#pending = null;
        p?.resolve(d);
      }
    };
    this.#worker.onerror = (e: ErrorEvent) => {
      // Handled here: unhandled, a worker's error would end the whole process.
      e.preventDefault();
      this.#fail(e.message);
    };
    this.#worker.onmessageerror = () => this.#fail("a message could not be deserialized");
  }

  /** Send one message and wait for its reply; a worker failure rejects with its message. */
  call(message: ToReplica, transfer: Transferable[] = []): Promise<Reply> {
    if (this.#failure) return Promise.reject(this.#failure);
    if (this.#pending) throw new Error(`Replica ${this.#index} is busy`);
    return new Promise((resolve, reject) => {
      this.#pending = { resolve, reject };
      this.#worker.postMessage(message, transfer);
    });
  }

  terminate(): void {
    this.#worker.terminate();
    this.#fail("the worker was terminated");
  }

  #fail(message: string): void {
    this.#failure ??= new Error(`Replica ${this.#index} (worker) failed: ${message}`);
    const p = this.#pending;
    this.#pending = null;
    p?.reject(this.#failure);
  }
}
