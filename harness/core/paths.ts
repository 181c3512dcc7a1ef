/**
 * Where the repository is on disk, so modules at any depth name files in it (the npm packages
 * in `node_modules`, the declarations in `experiments/`) by their path from the root, not by a
 * chain of `../` that breaks when a file moves.
 *
 * @example
 * ```ts
 * import { repoUrl } from "./paths.ts";
 * repoUrl("experiments/").pathname.endsWith("/experiments/"); // true
 * ```
 *
 * @module
 */

/** The repository's root folder, as a `file:` URL ending in `/`. */
const REPO_URL: URL = new URL("../../", import.meta.url);

/** The repository's root folder as a path, without a trailing slash. */
export const REPO_ROOT: string = decodeURIComponent(REPO_URL.pathname).replace(/\/$/, "");

/** A file or folder (end it with `/`) of the repository, by its path from the root. */
export function repoUrl(path: string): URL {
  return new URL(path, REPO_URL);
}
