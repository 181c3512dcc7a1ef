/** The runtime flags of the commands that run experiments: `--runtime`, `--threads`, `--browser-timeout`. */
import { RUNTIME_WORDS, type RuntimeName, runtimesOf } from "../core/runtime.ts";
import { DEFAULT_BROWSER_TIMEOUT_S } from "../run/browser/mod.ts";
import { UserError } from "../core/errors.ts";
import { intFlag, listFlag } from "./args.ts";

/** Where runs execute and how the browser's go, as a suite takes them. */
export interface RuntimeOptions {
  runtimes: RuntimeName[];
  threads?: number;
  browserTimeoutS: number;
}

/**
 * The runtime options of parsed flag values (`--runtime browser` means Chromium).
 *
 * @example
 * ```ts
 * runtimeOptions({ runtime: "deno,browser" }).runtimes; // ["deno", "chromium"]
 * ```
 */
export function runtimeOptions(values: {
  runtime?: string;
  threads?: string;
  "browser-timeout"?: string;
}): RuntimeOptions {
  const words = listFlag("runtime", values.runtime ?? "deno", RUNTIME_WORDS);
  return {
    runtimes: runtimesOf(words),
    threads: values.threads ? intFlag("threads", values.threads) : undefined,
    browserTimeoutS: values["browser-timeout"]
      ? intFlag("browser-timeout", values["browser-timeout"])
      : DEFAULT_BROWSER_TIMEOUT_S,
  };
}

/** A `--backend webgl` without the browser would plan nothing: say so instead. */
export function browserOnly(
  backends: readonly string[] | undefined,
  runtimes: readonly RuntimeName[],
): void {
  if (backends?.includes("webgl") && !runtimes.includes("chromium")) {
    throw new UserError(
      `--backend webgl runs in the browser only: add --runtime browser (or deno,browser)`,
    );
  }
}
