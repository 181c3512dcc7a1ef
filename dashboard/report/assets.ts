/** The files a report's pages load, copied from the folders the dashboard serves. */
import { join } from "node:path";
import { staticFolders } from "../static.ts";

/**
 * Per folder under `static/`, the files the report needs: the dashboard's own scripts and
 * styles, uPlot, duckdb-wasm's exception-handling build (every current browser has wasm
 * exceptions; the older MVP build would add 39 MB), Arrow's browser build and hyparquet.
 */
const NEEDED: Record<string, RegExp> = {
  app: /\.(js|css)$/,
  uplot: /^uPlot\.(iife\.min\.js|min\.css)$/,
  duckdb: /^(duckdb-browser\.mjs|duckdb-eh\.wasm|duckdb-browser-eh\.worker\.js)$/,
  arrow: /^Arrow\.es2015\.min\.js$/,
  hyparquet: /\.js$/,
};

/** Copy the needed static files into `<out>/static/<folder>/`; returns how many bytes. */
export async function copyAssets(out: string): Promise<number> {
  const folders = staticFolders();
  let bytes = 0;
  for (const [name, pattern] of Object.entries(NEEDED)) {
    const from = folders[name];
    const to = join(out, "static", name);
    await Deno.mkdir(to, { recursive: true });
    for await (const e of Deno.readDir(from)) {
      if (!pattern.test(e.name)) continue;
      const src = await Deno.realPath(join(from, e.name));
      if (!(await Deno.stat(src)).isFile) continue;
      await Deno.copyFile(src, join(to, e.name));
      bytes += (await Deno.stat(src)).size;
    }
  }
  return bytes;
}
