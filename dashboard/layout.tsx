/** The page frame every page shares: head, nav bar, and the scripts a page asks for. */
import type { Child } from "hono/jsx";
import { raw } from "hono/html";

/** The pages in the nav bar, in order. */
const NAV = [
  ["runs", "/runs", "Runs"],
  ["suites", "/suites", "Suites"],
  ["compare", "/compare", "Compare"],
  ["backends", "/backends", "Backends"],
  ["history", "/history", "History"],
  ["claims", "/claims", "Claims"],
  ["sql", "/sql", "SQL"],
  ["live", "/live", "Live"],
] as const;

export type PageName = typeof NAV[number][0] | "error";

/** Options of {@linkcode Layout}. */
export interface LayoutProps {
  title: string;
  active: PageName;
  /** Load uPlot and the chart script (pages with `data-chart` elements). */
  charts?: boolean;
  /** Extra module scripts under /static/app/. */
  scripts?: string[];
  /** Extra elements for the head (constant markup only, never values from the database). */
  head?: Child;
  children?: Child;
}

/** A full HTML page. Every value is rendered through hono/jsx, which escapes it. */
export function Layout(props: LayoutProps) {
  return (
    <>
      {raw("<!DOCTYPE html>")}
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{props.title} · reprobench</title>
          <link rel="stylesheet" href="/static/app/style.css" />
          {props.charts && <link rel="stylesheet" href="/static/uplot/uPlot.min.css" />}
          {props.head}
        </head>
        <body>
          <header>
            <a class="brand" href="/">reprobench</a>
            <nav>
              {NAV.map(([name, href, label]) => (
                <a href={href} class={name === props.active ? "active" : ""}>{label}</a>
              ))}
            </nav>
          </header>
          <main>{props.children}</main>
          {props.charts && <script src="/static/uplot/uPlot.iife.min.js"></script>}
          {props.charts && <script src="/static/app/charts.js"></script>}
          {(props.scripts ?? []).map((s) => (
            <script type="module" src={`/static/app/${s}`}>
            </script>
          ))}
        </body>
      </html>
    </>
  );
}
