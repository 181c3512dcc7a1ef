/** `list`'s browser section: what the browser runtime offers here, one line per backend. */
import type { BrowserProbe } from "../run/browser/mod.ts";
import { table } from "../core/table.ts";

/** One backend as the page described it, in a few words. */
function describe(info: Record<string, unknown>): string {
  const webgl = info.webgl as Record<string, unknown> | undefined;
  if (webgl) {
    return `${webgl.renderer} (WebGL ${webgl.tfWebglVersion ?? "?"}${
      webgl.software ? ", software" : ""
    })`;
  }
  const adapter = info.adapter as Record<string, string> | undefined;
  if (adapter) {
    const name = [adapter.vendor, adapter.architecture, adapter.description].filter(Boolean);
    return `${name.join(" ") || "unknown adapter"}${info.software ? " (software adapter)" : ""}`;
  }
  if (info.simd !== undefined) {
    return `SIMD ${info.simd ? "on" : "off"}, threads ${
      info.threads ? `on (${info.threadsCount} threads)` : "off (the page is not isolated)"
    }`;
  }
  return "tfjs's JavaScript kernels in the page";
}

/** The section's lines: the browser, then its backends table, or why there is none. */
export function browserSection(probe: BrowserProbe): string {
  if (!probe.available) {
    return `Browser runtime (--runtime browser): not available: ${probe.reason}`;
  }
  const r = probe.runtimeInfo;
  const cores = r.cores as { reported: number; real: number; overridden: boolean } | undefined;
  const head = [
    `Browser runtime (--runtime browser): Chromium ${r.version} (${r.executable}), ` +
    `cross-origin isolated: ${r.crossOriginIsolated ? "yes" : "no"}`,
    ...(cores?.overridden
      ? [
        `  wasm threads: the page is told ${cores.reported} cores (real ${cores.real}), as tfjs uses at most half`,
      ]
      : []),
  ];
  return [
    ...head,
    table(
      ["backend", "available", "details"],
      probe.backends.map(({ name, status }) => [
        `chromium:${name}`,
        status?.available ? "yes" : "no",
        status?.available ? describe(status.info) : status?.reason ?? "no answer",
      ]),
    ),
  ].join("\n");
}
