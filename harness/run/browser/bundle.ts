/**
 * The page's code as one script: a page entry (and the harness modules it shares with Deno)
 * bundled by `deno bundle --platform browser`, cached under `.out/browser/` by a hash of
 * every module it reaches, so a suite bundles at most once and later suites not at all.
 *
 * `deno bundle` runs esbuild, which Deno fetches from the npm registry (`@esbuild/<platform>`)
 * into `DENO_DIR` on first use: a fresh machine needs the npm registry once (`.ci/run` warms
 * it), nothing else.
 */
import { sha256 } from "../../core/hash.ts";
import { REPO_ROOT } from "../../core/paths.ts";

/** Where bundles are kept, relative to the repository. */
const CACHE_DIR = `${REPO_ROOT}/.out/browser`;

const path = (url: URL) => decodeURIComponent(url.pathname);

/** A bundled page entry. */
export interface Bundle {
  /** The script's bytes. */
  code: Uint8Array;
  /** SHA-256 of the script (stored with every browser run). */
  sha256: string;
  /** The key of its sources, and whether it came from the cache. */
  sourceKey: string;
  cached: boolean;
  /** Seconds spent hashing sources and, if not cached, bundling. */
  seconds: number;
}

/** Remove older bundles of the same entry (each is a few MB). */
async function pruneOthers(name: string, keep: string): Promise<void> {
  for await (const e of Deno.readDir(CACHE_DIR)) {
    const path = `${CACHE_DIR}/${e.name}`;
    if (path !== keep && e.name.startsWith(`${name}-`) && e.name.endsWith(".js")) {
      await Deno.remove(path).catch(() => {});
    }
  }
}

async function deno(args: string[]): Promise<string> {
  const out = await new Deno.Command(Deno.execPath(), {
    args,
    cwd: REPO_ROOT,
    stdout: "piped",
    stderr: "piped",
    env: { NO_COLOR: "1" },
  }).output();
  const text = (b: Uint8Array) => new TextDecoder().decode(b);
  if (!out.success) {
    const err = text(out.stderr).split("\n").filter((l) => /error/i.test(l)).slice(0, 3);
    throw new Error(`deno ${args[0]} failed: ${err.join(" ") || text(out.stderr).slice(-300)}`);
  }
  return text(out.stdout);
}

/**
 * The key of an entry's sources: every module of its graph (`deno info`), the repository's
 * by content, npm packages by their path (which holds their version), and Deno's version
 * (which decides esbuild's).
 */
export async function sourceKey(entry: URL): Promise<string> {
  const info = JSON.parse(
    await deno(["info", "--json", "--node-modules-dir=manual", path(entry)]),
  ) as { modules: { specifier: string; local?: string; kind?: string }[] };
  const parts: string[] = [`deno ${Deno.version.deno}`];
  const modules = [...info.modules].sort((a, b) => a.specifier.localeCompare(b.specifier));
  for (const m of modules) {
    const ours = m.local && m.kind !== "external" && !m.local.includes("/node_modules/");
    parts.push(
      ours ? `${m.specifier} ${await sha256(await Deno.readFile(m.local!))}` : m.specifier,
    );
  }
  return (await sha256(parts.join("\n"))).slice(0, 16);
}

/**
 * The bundle of `entry` (a page module), from the cache when its sources have not changed.
 *
 * @example
 * ```ts
 * const b = await bundlePage(new URL("./page/train_entry.ts", import.meta.url));
 * console.log(b.cached, b.code.length);
 * ```
 */
export async function bundlePage(entry: URL): Promise<Bundle> {
  const t0 = performance.now();
  const key = await sourceKey(entry);
  const name = path(entry).split("/").pop()!.replace(/\.ts$/, "");
  const file = `${CACHE_DIR}/${name}-${key}.js`;
  let cached = true;
  let code: Uint8Array;
  try {
    code = await Deno.readFile(file);
  } catch {
    cached = false;
    await Deno.mkdir(CACHE_DIR, { recursive: true });
    // Written beside its final name, then renamed: a concurrent suite never reads half a file.
    const tmp = `${file}.${Deno.pid}.tmp`;
    await deno([
      "bundle",
      "--quiet",
      "--platform",
      "browser",
      "--node-modules-dir=manual",
      "--output",
      tmp,
      path(entry),
    ]);
    await Deno.rename(tmp, file);
    code = await Deno.readFile(file);
    await pruneOthers(name, file);
  }
  return {
    code,
    sha256: await sha256(code),
    sourceKey: key,
    cached,
    seconds: (performance.now() - t0) / 1000,
  };
}
