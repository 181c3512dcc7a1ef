/**
 * Serving files from fixed folders: the dashboard's own client scripts and the browser builds
 * of its dependencies (uPlot, duckdb-wasm, Apache Arrow) straight from node_modules, so the
 * page needs no CDN. A path can never leave its folder: dot segments (plain or encoded),
 * backslashes and NUL are refused before the file system is touched, and the resolved real
 * path (symlinks followed) must still lie inside the folder's real path.
 */
import { type Context, Hono } from "hono";
import { extname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".cjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".map": "application/json",
  ".parquet": "application/vnd.apache.parquet",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

/** The folders served under /static/<name>/, resolved against this file (the report copies them). */
export function staticFolders(): Record<string, string> {
  const here = fileURLToPath(new URL(".", import.meta.url));
  const modules = join(here, "..", "node_modules");
  const duckdb = join(modules, "@duckdb", "duckdb-wasm");
  let real = duckdb;
  try {
    real = Deno.realPathSync(duckdb);
  } catch {
    // Not installed: its routes answer 404.
  }
  return {
    app: join(here, "static"),
    uplot: join(modules, "uplot", "dist"),
    duckdb: join(duckdb, "dist"),
    // Arrow is duckdb-wasm's own dependency: it sits beside duckdb-wasm's real folder in
    // Deno's npm store (node_modules/.deno/<pkg>/node_modules/).
    arrow: join(real, "..", "..", "apache-arrow"),
    // A Parquet reader in plain JavaScript: the static report's SQL console reads its
    // Parquet files with it, as duckdb-wasm 1.32 would fetch its Parquet extension online.
    hyparquet: join(modules, "hyparquet", "src"),
  };
}

/**
 * The file `rel` (still percent-encoded, as in the URL) names inside `root`, or null when it
 * would leave `root` or does not exist.
 */
export async function safeFile(root: string, rel: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rel);
  } catch {
    return null;
  }
  if (/[\0\\]/.test(decoded)) return null;
  const parts = decoded.split("/").filter((p) => p !== "");
  if (parts.length === 0 || parts.some((p) => p === "." || p === "..")) return null;
  try {
    const realRoot = await Deno.realPath(root);
    const full = await Deno.realPath(resolve(realRoot, ...parts));
    if (!full.startsWith(realRoot + sep)) return null;
    if (!(await Deno.stat(full)).isFile) return null;
    return full;
  } catch {
    return null;
  }
}

/** A byte range from a `Range` header, or null for the whole file; "bad" when unsatisfiable. */
export function parseRange(
  header: string | undefined,
  size: number,
): [number, number] | null | "bad" {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === "" && m[2] === "")) return "bad";
  let start: number, end: number;
  if (m[1] === "") {
    start = Math.max(0, size - Number(m[2]));
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === "" ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  if (start > end || start >= size) return "bad";
  return [start, end];
}

/** Answer with a file (honouring `Range`, which duckdb-wasm uses to read Parquet lazily). */
export async function sendFile(
  c: Context,
  path: string,
  cache = "no-cache",
  opened?: Deno.FsFile,
): Promise<Response> {
  const file = opened ?? await Deno.open(path, { read: true });
  const size = (await file.stat()).size;
  const range = parseRange(c.req.header("range"), size);
  const headers: Record<string, string> = {
    "content-type": TYPES[extname(path)] ?? "application/octet-stream",
    "accept-ranges": "bytes",
    "cache-control": cache,
    "x-content-type-options": "nosniff",
  };
  if (range === "bad") {
    file.close();
    return new Response(null, {
      status: 416,
      headers: { ...headers, "content-range": `bytes */${size}` },
    });
  }
  const [start, end] = range ?? [0, size - 1];
  const length = Math.max(0, end - start + 1);
  if (c.req.method === "HEAD" || length === 0) {
    file.close();
    return new Response(null, {
      status: range ? 206 : 200,
      headers: { ...headers, "content-length": String(length) },
    });
  }
  await file.seek(start, Deno.SeekMode.Start);
  let left = length;
  const body = new ReadableStream<Uint8Array>({
    async pull(ctrl) {
      const buf = new Uint8Array(Math.min(left, 1 << 16));
      const n = await file.read(buf);
      if (n === null || n === 0) {
        file.close();
        ctrl.close();
        return;
      }
      ctrl.enqueue(buf.subarray(0, n));
      left -= n;
      if (left <= 0) {
        file.close();
        ctrl.close();
      }
    },
    cancel() {
      file.close();
    },
  });
  if (range) headers["content-range"] = `bytes ${start}-${end}/${size}`;
  headers["content-length"] = String(length);
  return new Response(body, { status: range ? 206 : 200, headers });
}

/** Routes /static/<folder>/<file> for each folder. */
export function staticRoutes(folders: Record<string, string> = staticFolders()): Hono {
  const app = new Hono();
  app.get("/static/:folder/*", async (c) => {
    const root = Object.hasOwn(folders, c.req.param("folder"))
      ? folders[c.req.param("folder")]
      : null;
    // The raw path (still encoded) so that an encoded "../" is judged after decoding once.
    const raw = new URL(c.req.url).pathname;
    const rel = raw.slice(`/static/${encodeURIComponent(c.req.param("folder"))}/`.length);
    const file = root ? await safeFile(root, rel) : null;
    if (!file) return c.notFound();
    return sendFile(c, file, "public, max-age=3600");
  });
  return app;
}
