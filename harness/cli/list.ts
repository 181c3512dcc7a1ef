/** `list`: experiments, datasets and the backends available on this machine. */
import { discover } from "../core/discover.ts";
import { allBackends } from "../run/backends.ts";
import { probeBrowser } from "../run/browser/mod.ts";
import { browserSection } from "./list_browser.ts";
import { DATASETS } from "../run/data/mod.ts";
import { helpShown, parseFlags } from "./args.ts";
import { EVERY_COMMAND, type Flag, flagLines, FLAGS, withHelp } from "./flags.ts";
import { EXIT, exitHelp } from "./exit.ts";
import { table } from "../core/table.ts";
import { documentHeader } from "../core/documents.ts";

/** Every flag of `list`, in the order its help lists them. */
const LIST_FLAGS = {
  json: withHelp(FLAGS.json, "print everything as one JSON document on stdout"),
  ...EVERY_COMMAND,
} as const satisfies Record<string, Flag>;

const LIST_HELP = `Usage: deno task list [--json]

Show the declared experiments (and any declaration errors), the datasets and whether each
is available here, and which TensorFlow.js backends start on this machine: in Deno, and in
a headless Chromium page (the browser runtime; it starts Chromium for a few seconds).

Flags:
${flagLines(LIST_FLAGS)}

${exitHelp("success", "a declaration has errors (listed with the experiments)")}
`;

export async function listCommand(args: string[]): Promise<number> {
  const { values } = parseFlags("deno task list", args, LIST_FLAGS);
  if (helpShown(values.help, LIST_HELP)) return 0;
  const { experiments, errors } = await discover();
  const datasets = await Promise.all(
    Object.values(DATASETS).map(async (d) => ({ ...d, unavailable: await d.unavailableReason() })),
  );
  const backends = await allBackends();
  const browser = await probeBrowser();
  if (values.json) {
    console.log(JSON.stringify(
      {
        ...documentHeader("list"),
        experiments: experiments.map((d) => ({ file: d.file, hash: d.hash, ...d.experiment })),
        errors,
        datasets: datasets.map((d) => ({
          key: d.key,
          title: d.title,
          substituteFor: d.substituteFor ?? null,
          available: d.unavailable === null,
          reason: d.unavailable,
        })),
        backends: backends.map((b) => ({ name: b.name, ...b.status })),
        browser,
      },
      null,
      2,
    ));
    return errors.length > 0 ? EXIT.finding : EXIT.ok;
  }
  console.log("Experiments");
  console.log(table(
    ["id", "kind", "source", "dataset", "backends", "seeds", "title"],
    experiments.map(({ experiment: e }) => [
      e.id,
      e.variant ? `${e.kind} (variant)` : e.kind,
      `${e.source.article.slice(0, 3)} ${e.source.section}`,
      e.dataset?.key ?? "-",
      e.backends.join(","),
      String(e.seeds.length),
      e.title,
    ]),
  ));
  for (const err of errors) console.log(`  error: ${err}`);
  console.log("\nDatasets");
  console.log(table(
    ["key", "available", "title"],
    datasets.map((d) => [
      d.key,
      d.unavailable === null ? "yes" : "no (below)",
      d.title + (d.substituteFor ? ` (substitute for ${d.substituteFor})` : ""),
    ]),
  ));
  // Reasons are long (paths, commands to run): one line each under the table.
  for (const d of datasets) if (d.unavailable) console.log(`  ${d.key}: ${d.unavailable}`);
  console.log("\nBackends (Deno)");
  console.log(table(
    ["backend", "available", "details"],
    backends.map(({ name, status }) => [
      name,
      status.available ? "yes" : "no",
      status.available ? describe(status.info) : status.reason,
    ]),
  ));
  console.log(`\n${browserSection(browser)}`);
  return errors.length > 0 ? EXIT.finding : EXIT.ok;
}

function describe(
  info: {
    simd?: boolean;
    threads?: boolean;
    adapter?: { description: string; vendor: string };
    software?: boolean;
  },
): string {
  if (info.adapter) {
    return `${info.adapter.description || "unknown adapter"} (vendor ${info.adapter.vendor || "?"}${
      info.software ? ", software adapter" : ""
    })`;
  }
  if (info.simd !== undefined) {
    return `SIMD ${info.simd ? "on" : "off"}, threads ${info.threads ? "on" : "off"}`;
  }
  return "TypeScript kernels on the main thread";
}
