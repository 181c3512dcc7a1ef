/**
 * `data list | import KEY PATH | download KEY`: see, import and fetch datasets. Wired by the
 * top-level CLI as `main.ts data ...` (and `deno task data ...`).
 */
import { helpShown, parseFlags, suggest } from "./args.ts";
import { type Flag, flagLines, FLAGS, withHelp } from "./flags.ts";
import { exitHelp } from "./exit.ts";
import { oneLine, UserError } from "../core/errors.ts";
import { dataDir } from "../run/data/data_dir.ts";
import { downloadDataset } from "../run/data/download.ts";
import { importDataset, type ImportResult } from "../run/data/import.ts";
import { DATASETS, FILE_DATASETS, locate, readLocated } from "../run/data/mod.ts";

/** Every flag of `data`, in the order its help lists them. */
const DATA_FLAGS = {
  "skip-checksums": {
    type: "boolean",
    help: "(import) accept files whose checksums differ from the known ones;\n" +
      "their computed SHA-256 is recorded as unverified",
  },
  verbose: FLAGS.verbose,
  version: FLAGS.version,
  help: withHelp({ ...FLAGS.help, short: "h" }, "Show this help"),
} as const satisfies Record<string, Flag>;

const HELP = `Usage: deno task data <command>

Commands:
  list               Every dataset: available or why not, its folder, files and SHA-256
  import KEY PATH    Copy KEY's files from a local folder (searched two levels deep) or a
                     .tar/.tar.gz archive into the data directory, verify and parse them
  download KEY       Fetch KEY's official files (needs the network) and import them

Options:
${flagLines(DATA_FLAGS)}

Data directory: $REPROBENCH_DATA, else ~/.cache/reprobench/data; manifest.json there records
each imported file's SHA-256 and how it was verified.
Keys for import and download: ${Object.keys(FILE_DATASETS).join(", ")}

${exitHelp()}`;

function fileSpec(key: string | undefined, command: string) {
  if (!key) {
    throw new UserError(`data ${command} needs a dataset key; see \`deno task data --help\``);
  }
  const spec = FILE_DATASETS[key];
  if (!spec) {
    const near = suggest(key, Object.keys(FILE_DATASETS));
    throw new UserError(
      `Cannot ${command} "${key}": not a file dataset (known: ${
        Object.keys(FILE_DATASETS).join(", ")
      })${near ? `; did you mean ${near}?` : ""}`,
    );
  }
  return spec;
}

function printImport(verb: string, r: ImportResult): void {
  console.log(`${verb} ${r.key} into ${r.dir}`);
  for (const f of r.files) {
    console.log(`  ${f.name}  ${f.bytes} bytes  sha256:${f.sha256}  (${f.verified})`);
  }
}

async function list(): Promise<void> {
  console.log(`data directory: ${dataDir()}`);
  for (const [key, source] of Object.entries(DATASETS)) {
    const why = await source.unavailableReason();
    const extra = source.substituteFor ? ` [stands in for ${source.substituteFor}]` : "";
    console.log(`${key}: ${why === null ? "available" : "unavailable"} - ${source.title}${extra}`);
    if (why !== null) console.log(`  ${why}`);
    const spec = FILE_DATASETS[key];
    const located = spec && await locate(spec);
    if (!located) continue;
    console.log(`  path: ${located.dir}`);
    try {
      for (const f of await readLocated(spec, located)) {
        console.log(`  ${f.name}  ${f.bytes} bytes  sha256:${f.sha256}  (${f.verified})`);
      }
    } catch (err) {
      console.log(`  cannot verify: ${oneLine(err)}`);
    }
  }
}

/**
 * Run the `data` command with its arguments (after the word `data`); returns the exit code.
 * Mistakes the user can fix are thrown as `UserError` (`runCommand` prints them, exit 2).
 *
 * @example
 * ```ts
 * Deno.exit(await dataCommand(["import", "mnist", "/home/me/Downloads/mnist"]));
 * ```
 */
export async function dataCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseFlags("deno task data", args, DATA_FLAGS, true);
  const [command, key, path] = positionals;
  if (helpShown(values.help || command === undefined || command === "help", HELP)) return 0;
  const expected: Record<string, number> = { list: 1, import: 3, download: 2 };
  if (!(command in expected)) {
    const near = suggest(command, Object.keys(expected));
    throw new UserError(
      `Unknown data command "${command}"${
        near ? ` (did you mean ${near}?)` : ""
      }; see \`deno task data --help\``,
    );
  }
  const extra = positionals.slice(expected[command]);
  if (extra.length > 0) {
    throw new UserError(`Unexpected argument "${extra[0]}" for data ${command}`);
  }
  if (values["skip-checksums"] && command !== "import") {
    throw new UserError(`Option "--skip-checksums" applies to data import only`);
  }
  if (command === "list") {
    await list();
  } else if (command === "import") {
    const spec = fileSpec(key, "import");
    if (!path) throw new UserError(`data import ${key} needs the PATH of a folder or archive`);
    printImport(
      "imported",
      await importDataset(spec, path, { skipChecksums: values["skip-checksums"] }),
    );
  } else {
    const spec = fileSpec(key, "download");
    printImport("downloaded", await downloadDataset(spec, { log: (l) => console.log(l) }));
  }
  return 0;
}
