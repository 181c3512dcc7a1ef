/** Making a rendered page work as a file: links to files, forms off, a banner that says so. */
import { canonical } from "./urls.ts";

/** The page every link to a page outside the report leads to. */
export const MISSING = "missing.html";

const BANNER =
  `<p class="notice static-note">A static report: filters, Compare picks and Live need the
  dashboard (<code>deno task dashboard</code>); the SQL console queries every result.</p>`;

/**
 * Rewrite `html` for the report: `/static/...` to `static/...`, a page the report holds to its
 * file, any other page (and /api) to the missing page; forms submit nowhere.
 */
export function rewritePage(html: string, files: Map<string, string>): string {
  const out = html.replace(/(\s(?:href|src|action))="(\/[^"]*)"/g, (_m, attr, raw) => {
    const href = raw.replaceAll("&amp;", "&");
    if (href.startsWith("/static/")) return `${attr}="${raw.slice(1)}"`;
    const page = canonical(href);
    const file = page === null ? undefined : files.get(page);
    return `${attr}="${file ?? `${MISSING}?from=${encodeURIComponent(href)}`}"`;
  })
    // Import maps and scripts name static files by absolute path too.
    .replaceAll(`"/static/`, `"./static/`)
    .replace(/<form\b/g, `<form onsubmit="return false" data-static="off"`)
    .replace("<main>", `<main>${BANNER}`);
  return out;
}
