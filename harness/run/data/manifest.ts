/** `manifest.json` in the data directory: what was imported, from where, with which hashes. */
import { join } from "node:path";
import { UserError } from "../../core/errors.ts";
import { dataDir } from "./data_dir.ts";

/** One imported file. */
export interface ManifestFile {
  sha256: string;
  bytes: number;
  /** How the file was checked on import, e.g. "published SHA-256" or "unverified (...)". */
  verified: string;
}

/** One imported dataset. */
export interface ManifestEntry {
  importedAt: string;
  importedFrom: string;
  files: Record<string, ManifestFile>;
}

/** The whole manifest. */
export interface Manifest {
  version: 1;
  datasets: Record<string, ManifestEntry>;
}

/** Path of the manifest in the current data directory. */
function manifestPath(): string {
  return join(dataDir(), "manifest.json");
}

/** Read the manifest; an empty one when the file does not exist yet. */
export async function readManifest(): Promise<Manifest> {
  const path = manifestPath();
  let text: string;
  try {
    text = await Deno.readTextFile(path);
  } catch (err) {
    if (err instanceof Deno.errors.NotFound) return { version: 1, datasets: {} };
    throw err;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new UserError(`Cannot read "${path}": not valid JSON (delete it and import again)`);
  }
  const m = parsed as Partial<Manifest>;
  if (m?.version !== 1 || typeof m.datasets !== "object" || m.datasets === null) {
    throw new UserError(
      `Cannot read "${path}": version "${m?.version}" is not 1 (written by another reprobench?)`,
    );
  }
  return m as Manifest;
}

/** Record one dataset's import, replacing any earlier entry (written atomically). */
export async function recordImport(key: string, entry: ManifestEntry): Promise<void> {
  const manifest = await readManifest();
  manifest.datasets[key] = entry;
  await Deno.mkdir(dataDir(), { recursive: true });
  const path = manifestPath();
  const tmp = `${path}.tmp-${Deno.pid}`;
  await Deno.writeTextFile(tmp, JSON.stringify(manifest, null, 2) + "\n");
  await Deno.rename(tmp, path);
}
