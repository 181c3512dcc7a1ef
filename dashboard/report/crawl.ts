/**
 * Which pages a report pre-renders: from the seed pages, breadth first, every dashboard page
 * they link to, within budgets per kind of page. At 100,000 runs every run page (and every
 * filter combination) is too much for a static site; the budgets keep the pages one or two
 * clicks from the start (the newest runs, each split plan, each claim's runs), and the SQL
 * console over the Parquet files answers the rest.
 */
import { canonical, linksIn } from "./urls.ts";

/** How many pages of each kind a report renders at most. */
export interface Budget {
  /** Run pages (`/runs/<id>`). */
  runs: number;
  /** Everything else: lists, compare, history, backends, claims, suites. */
  pages: number;
}

/** The pages a report starts from (the nav bar's, and Backends by machine). */
export const SEEDS = [
  "/runs",
  "/suites",
  "/backends",
  "/backends?by=machine",
  "/history",
  "/claims",
];

/** Something that answers a dashboard URL (the Hono app's `request`). */
export type Render = (url: string) => Response | Promise<Response>;

/**
 * Render pages breadth first from `seeds`; returns each page's HTML by canonical URL, in the
 * order rendered. A page that answers other than 200 is left out (its links lead to the
 * report's "not in this report" page).
 */
export async function crawl(
  render: Render,
  budget: Budget,
  seeds: string[] = SEEDS,
): Promise<Map<string, string>> {
  const pages = new Map<string, string>();
  const queued = new Set<string>();
  const queue: string[] = [];
  const left = { ...budget };
  const offer = (href: string) => {
    const page = canonical(href);
    if (page === null || queued.has(page)) return;
    const kind = /^\/runs\/[^/?]+$/.test(page) ? "runs" : "pages";
    if (left[kind] <= 0) return;
    left[kind]--;
    queued.add(page);
    queue.push(page);
  };
  for (const s of seeds) offer(s);
  while (queue.length > 0) {
    const page = queue.shift()!;
    const res = await render(`http://report${page}`);
    const html = await res.text();
    if (res.status !== 200 || !res.headers.get("content-type")?.includes("text/html")) continue;
    pages.set(page, html);
    for (const link of linksIn(html)) offer(link);
  }
  return pages;
}
