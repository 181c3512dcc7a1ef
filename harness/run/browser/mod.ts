/**
 * The browser runtime: experiments run in a headless Chromium page, with the training loop,
 * seeds and measurements Deno uses, stored like Deno's runs (runtime `chromium`).
 *
 * @module
 */
export { ISOLATION_HEADERS, pageApp } from "./app.ts";
export { bundlePage } from "./bundle.ts";
export { type Determinism, determinismOf } from "./determinism.ts";
export { CHROMIUM_ENV, findChromium, launchChromium, NO_CHROMIUM } from "./launch.ts";
export { browserMeasurements, unsuccessfulEnd } from "./outcome.ts";
export type { PageReply, PageTask } from "./protocol.ts";
export { type BrowserAnswer, BrowserRunner, DEFAULT_BROWSER_TIMEOUT_S } from "./runner.ts";
export { BrowserSession, BrowserUnavailable } from "./session.ts";
export { coresFor, resolveThreads } from "./threads.ts";
export { type BrowserTraining, browserTraining } from "./train_runs.ts";
export { type BrowserProbe, probeBrowser } from "./probe.ts";
