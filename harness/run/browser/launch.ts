/**
 * Finding and launching the system's Chromium through playwright-core. Playwright never
 * downloads a browser here: it is given the executable, and a machine without one gets the
 * reason and how to install it, which browser runs store as `skipped`.
 */
import { type Browser, chromium } from "playwright-core";

/** The environment variable that names a Chromium (or Chrome) executable. */
export const CHROMIUM_ENV = "REPROBENCH_CHROMIUM";

/** Where Debian, Ubuntu and Google put the browser. */
const CANDIDATES = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
];

/** The reason stored with browser runs on a machine without Chromium. */
export const NO_CHROMIUM =
  `no Chromium here: install Debian's (apt-get install chromium) or set ${CHROMIUM_ENV} to a Chromium or Chrome executable`;

/**
 * Flags beyond playwright's own (which already make WebGL run on SwiftShader where there is
 * no GPU). `--enable-unsafe-webgpu` is what gives headless Chromium 156 a WebGPU adapter on
 * Linux: without it `requestAdapter()` is null, as chrome://gpu blocklists CPU adapters.
 */
export const CHROMIUM_FLAGS = [
  "--enable-unsafe-webgpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** The Chromium executable to drive, or null when there is none. */
export async function findChromium(): Promise<string | null> {
  const named = Deno.env.get(CHROMIUM_ENV);
  for (const path of named ? [named] : CANDIDATES) {
    try {
      if ((await Deno.stat(path)).isFile) return path;
    } catch {
      // Not there: try the next.
    }
  }
  return null;
}

/**
 * Launch headless Chromium from `executable`. Playwright talks to it over a pipe, so the
 * browser exits when this process does, even when it is killed.
 *
 * @example
 * ```ts
 * const path = await findChromium();
 * if (path) {
 *   const browser = await launchChromium(path);
 *   await browser.close();
 * }
 * ```
 */
export async function launchChromium(executable: string): Promise<Browser> {
  return await chromium.launch({
    executablePath: executable,
    headless: true,
    args: CHROMIUM_FLAGS,
    // Root in a container cannot use the sandbox; the pages are the harness's own.
    chromiumSandbox: false,
    // Ctrl-C is the session owner's (a suite's recorder, `list`'s probe): it closes the browser
    // and waits for it. Playwright's own handler raced the recorder's, and the process could
    // exit before Playwright had removed the browser's temporary profile.
    handleSIGINT: false,
  });
}
