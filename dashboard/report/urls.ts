/** Page URLs of the dashboard and the static files they become in a report. */

/** Pages a report never renders: live progress needs a server, JSON twins are not pages. */
const EXCLUDED = /^\/(api\/|live$|static\/|sql\/)/;

/**
 * The canonical form of a dashboard page URL (path and sorted, non-empty parameters; `/` is
 * the runs page, page 1 is no page), or null for what is not a page of the report.
 *
 * @example
 * ```ts
 * canonical("/runs?page=1&experiment=mlp"); // "/runs?experiment=mlp"
 * ```
 */
export function canonical(href: string): string | null {
  if (!href.startsWith("/") || href.startsWith("//")) return null;
  const url = new URL(href, "http://report");
  let path = url.pathname.replace(/\/+$/, "") || "/";
  if (path === "/") path = "/runs";
  if (EXCLUDED.test(path) || path === "/favicon.ico") return null;
  const params = [...url.searchParams.entries()]
    .filter(([k, v]) => v !== "" && !(k === "page" && v === "1"))
    .sort(([a, x], [b, y]) => a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0);
  const query = new URLSearchParams(params).toString();
  return query ? `${path}?${query}` : path;
}

/**
 * The report file of a canonical page URL: one flat folder, so every link is a plain relative
 * name. Long or unusual names become a short hash of the URL.
 *
 * @example
 * ```ts
 * await fileFor("/runs?page=2"); // "runs-page-2.html"
 * ```
 */
export async function fileFor(page: string): Promise<string> {
  if (page === "/runs") return "index.html";
  const slug = page.slice(1).replace(/[/?&=]+/g, "-");
  if (/^[A-Za-z0-9._-]{1,120}$/.test(slug)) return `${slug}.html`;
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(page));
  const hex = Array.from(new Uint8Array(digest).slice(0, 8), (b) => b.toString(16).padStart(2, "0"))
    .join("");
  return `${page.slice(1).split(/[/?]/)[0].replace(/[^A-Za-z0-9_-]/g, "")}-${hex}.html`;
}

/** Every link target in an HTML page (`href`, `src`, `action`), as written (HTML-unescaped). */
export function linksIn(html: string): string[] {
  return [...html.matchAll(/\s(?:href|src|action)="([^"]*)"/g)].map((m) =>
    m[1].replaceAll("&amp;", "&")
  );
}
