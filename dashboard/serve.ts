/** Serving the dashboard over HTTP with Deno. */
import { createApp } from "./app.tsx";

/** Options of {@linkcode serve}. */
export interface ServeOptions {
  db: string;
  /** Default 8700; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1: only this machine can connect unless asked otherwise. */
  hostname?: string;
  /** Called once listening, with the URL to open. */
  onListen?: (url: string) => void;
  /** The accuracy drop each experiment tolerates (see `AppOptions`). */
  accuracyTolerance?: (experimentId: string) => number;
}

/** A running dashboard server. */
export interface Served {
  url: string;
  port: number;
  /** Stop serving and remove the dashboard's temporary files. */
  shutdown(): Promise<void>;
}

/**
 * Serve the dashboard until `shutdown()`.
 *
 * @example
 * ```ts
 * const s = await serve({ db: "results/reprobench.duckdb", port: 0 });
 * console.log(s.url);
 * await s.shutdown();
 * ```
 */
export async function serve(options: ServeOptions): Promise<Served> {
  const app = createApp({ db: options.db, accuracyTolerance: options.accuracyTolerance });
  const hostname = options.hostname ?? "127.0.0.1";
  const { promise, resolve } = Promise.withResolvers<Deno.NetAddr>();
  const server = Deno.serve({
    hostname,
    port: options.port ?? 8700,
    onListen: (addr) => resolve(addr as Deno.NetAddr),
  }, app.fetch);
  const addr = await promise;
  const host = addr.hostname.includes(":") ? `[${addr.hostname}]` : addr.hostname;
  const url = `http://${host === "0.0.0.0" ? "127.0.0.1" : host}:${addr.port}/`;
  options.onListen?.(url);
  return {
    url,
    port: addr.port,
    shutdown: async () => {
      await server.shutdown();
      await app.close();
    },
  };
}
