/**
 * `data download KEY`: fetch the official files, then import them with their published
 * checksums required. Fails fast, in one line, when the network is unreachable.
 */
import { join } from "node:path";
import { UserError } from "../../core/errors.ts";
import type { FileDatasetSpec } from "./file_source.ts";
import { importDataset, type ImportResult } from "./import.ts";

/** Options of a download; `fetch` is replaceable for tests. */
export interface DownloadOptions {
  /** Milliseconds to wait for a server to answer (not for the whole body). */
  timeoutMs?: number;
  fetch?: typeof fetch;
  log?: (line: string) => void;
}

function reason(err: unknown): string {
  const cause = err instanceof Error && err.cause instanceof Error ? err.cause : err;
  const text = cause instanceof Error ? cause.message : String(cause);
  return text.replace(/^error sending request for url \([^)]*\): /, "").replace(/\s+/g, " ");
}

async function fetchOne(
  urls: string[],
  opts: Required<Omit<DownloadOptions, "log">>,
): Promise<Uint8Array | { network: string } | { http: string }> {
  let failure: { network: string } | { http: string } = { network: "no URL" };
  for (const url of urls) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), opts.timeoutMs);
    try {
      const res = await opts.fetch(url, { signal: controller.signal });
      clearTimeout(timer);
      if (!res.ok) {
        await res.body?.cancel();
        failure = { http: `${url} answered HTTP ${res.status}` };
        continue;
      }
      return new Uint8Array(await res.arrayBuffer());
    } catch (err) {
      clearTimeout(timer);
      failure = controller.signal.aborted
        ? { network: `no answer from ${new URL(url).host} within ${opts.timeoutMs} ms` }
        : { network: reason(err) };
    }
  }
  return failure;
}

/**
 * Download a dataset's official files into a temporary folder and import them from there.
 *
 * @example
 * ```ts
 * await downloadDataset(mnistSpec); // throws a one-line UserError when offline
 * ```
 */
export async function downloadDataset(
  spec: FileDatasetSpec,
  options: DownloadOptions = {},
): Promise<ImportResult> {
  const opts = { timeoutMs: options.timeoutMs ?? 15_000, fetch: options.fetch ?? fetch };
  const hint = `import a local copy with: deno task data import ${spec.key} PATH`;
  const tmp = await Deno.makeTempDir({ prefix: "reprobench-download-" });
  try {
    for (const { name, urls } of spec.downloads) {
      options.log?.(`downloading ${name}`);
      const got = await fetchOne(urls, opts);
      if ("network" in got) {
        throw new UserError(
          `Cannot download "${spec.key}": network unreachable (${got.network}); ${hint}`,
        );
      }
      if ("http" in got) throw new UserError(`Cannot download "${spec.key}": ${got.http}; ${hint}`);
      await Deno.writeFile(join(tmp, name), got);
    }
    const from = spec.downloads.map((d) => d.urls[0]).join(" ");
    return await importDataset(spec, tmp, { requireKnown: true, importedFrom: from });
  } finally {
    await Deno.remove(tmp, { recursive: true }).catch(() => {});
  }
}
