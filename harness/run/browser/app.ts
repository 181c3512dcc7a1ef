/**
 * The HTTP app a browser run's page is served from, on 127.0.0.1: the page, its bundle,
 * tfjs-wasm's binaries and the run's examples. Every response makes the page cross-origin
 * isolated (COOP `same-origin`, COEP `require-corp`, CORP `same-origin`), which is what gives
 * a page SharedArrayBuffer and so tfjs-wasm's threaded build; without them tfjs loads its
 * single-threaded SIMD build.
 */
import { Hono } from "hono";
import { repoUrl } from "../../core/paths.ts";

/** The headers on every response. */
export const ISOLATION_HEADERS: Readonly<Record<string, string>> = {
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Embedder-Policy": "require-corp",
  "Cross-Origin-Resource-Policy": "same-origin",
  "Cache-Control": "no-store",
};

/** Where tfjs-backend-wasm keeps its `.wasm` builds. */
const WASM_DIR = repoUrl("node_modules/@tensorflow/tfjs-backend-wasm/dist/");

/** The page: it only loads the bundle, which announces itself ready when it has loaded. */
const PAGE = `<!doctype html>
<html><head><meta charset="utf-8"><title>reprobench run</title></head>
<body><script type="module" src="/bundle.js"></script></body></html>
`;

/** What the app serves besides fixed files. */
export interface PageContent {
  /** The bundled page code (JavaScript). */
  bundle(): Promise<Uint8Array>;
  /** A run's example bytes by blob name, or undefined for an unknown one. */
  blob(name: string): Uint8Array | undefined;
}

/**
 * The app for `content`. Tests call `app.request("http://localhost/...")` with no server.
 *
 * @example
 * ```ts
 * const app = pageApp({ bundle: async () => new Uint8Array(), blob: () => undefined });
 * const res = await app.request("http://localhost/");
 * res.headers.get("Cross-Origin-Embedder-Policy"); // "require-corp"
 * ```
 */
export function pageApp(content: PageContent): Hono {
  const app = new Hono();
  app.use("*", async (c, next) => {
    await next();
    for (const [k, v] of Object.entries(ISOLATION_HEADERS)) c.res.headers.set(k, v);
  });
  app.get("/", (c) => c.html(PAGE));
  app.get("/favicon.ico", (c) => c.body(null, 204));
  app.get(
    "/bundle.js",
    async (c) =>
      c.body(await content.bundle() as Uint8Array<ArrayBuffer>, 200, {
        "Content-Type": "text/javascript; charset=utf-8",
      }),
  );
  app.get("/wasm/:file", async (c) => {
    const file = c.req.param("file");
    // Only the file names of one fixed folder: no path reaches outside it.
    if (!/^[\w.-]+\.wasm$/.test(file)) return c.text(`Bad file name "${file}"`, 400);
    try {
      const bytes = await Deno.readFile(new URL(file, WASM_DIR));
      return c.body(bytes, 200, { "Content-Type": "application/wasm" });
    } catch {
      return c.text(`No file "${file}"`, 404);
    }
  });
  app.get("/data/:name", (c) => {
    const bytes = content.blob(c.req.param("name"));
    if (!bytes) return c.text(`No data "${c.req.param("name")}"`, 404);
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      "Content-Type": "application/octet-stream",
    });
  });
  return app;
}
