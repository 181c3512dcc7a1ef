/** What every page's routes share, and the helper that answers HTML or JSON. */
import type { Context } from "hono";
import type { Reader, SnapshotInfo } from "./reader.ts";
import type { Connection } from "../results/db.ts";
import { type RowRanges, rowRanges } from "../results/queries/mod.ts";
import type { ProgressTail } from "./live/tail.ts";

/** Shared state of one dashboard app. */
export interface Deps {
  /** The results file (only ever read, through snapshots). */
  db: string;
  reader: Reader;
  tail: ProgressTail;
  /** The accuracy drop each experiment tolerates, as its declaration says (the gate's rule). */
  accuracyTolerance: (experimentId: string) => number;
}

/** Whether the request asked for JSON (`/api/...`). */
export function wantsJson(c: Context): boolean {
  return c.req.path.startsWith("/api/");
}

/** Answer `data` as JSON under /api, or as the page `view` renders. */
export function answer<T>(
  c: Context,
  data: T,
  view: (data: T) => unknown,
): Response | Promise<Response> {
  if (wantsJson(c)) return c.json(data as object);
  return c.html(view(data) as string);
}

/** Per-snapshot lookup aids (built once per snapshot, on first use). */
export async function lookupAids(
  conn: Connection,
  snap: SnapshotInfo,
): Promise<{ epochs: RowRanges; measurements: RowRanges }> {
  return {
    epochs: await snap.once("ranges:epochs", () => rowRanges(conn, "epochs")),
    measurements: await snap.once("ranges:measurements", () => rowRanges(conn, "measurements")),
  };
}
