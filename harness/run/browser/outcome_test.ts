import assert from "node:assert/strict";
import { browserMeasurements, unsuccessfulEnd } from "./outcome.ts";

const harness = { setupS: 0.5, evaluateS: 10, closeS: 0.05 };
const runtimeInfo = { name: "chromium", version: "156" };

Deno.test("a kernel the page's backend lacks makes the run unsupported, naming it", () => {
  const end = unsuccessfulEnd(
    {
      status: "error",
      reason: "Kernel 'Conv2DBackpropFilter' not registered for backend 'wasm'",
      backendInfo: { name: "wasm" },
      runtimeInfo: { userAgent: "UA" },
      kernels: [],
      harness,
    },
    runtimeInfo,
    3,
  );
  assert.equal(end.status, "unsupported");
  assert.equal(end.reason, "kernel Conv2DBackpropFilter is not registered for backend wasm");
  assert.deepEqual(end.runtimeInfo, { name: "chromium", version: "156", userAgent: "UA" });
});

Deno.test("a page that failed is a failed run, a backend the page lacks a skipped one", () => {
  const failed = unsuccessfulEnd(
    { status: "failed", reason: "the run exceeded its 3 s limit (--browser-timeout)", harness },
    runtimeInfo,
    3.2,
  );
  assert.deepEqual([failed.status, failed.wallS], ["failed", 3.2]);
  const skipped = unsuccessfulEnd(
    {
      status: "unavailable",
      reason: "navigator.gpu.requestAdapter() returned null",
      runtimeInfo: {},
      harness,
    },
    runtimeInfo,
    1,
  );
  assert.deepEqual([skipped.status, skipped.reason, skipped.wallS], [
    "skipped",
    "navigator.gpu.requestAdapter() returned null",
    0,
  ]);
});

Deno.test("the harness's part of a page's round trip is what the page did not time itself", () => {
  const ms = browserMeasurements({
    status: "ok",
    value: null,
    backendInfo: {},
    runtimeInfo: {},
    kernels: [],
    timings: { backendS: 1, dataS: 0.5, taskS: 8, progressS: 0.02, progressEvents: 12 },
    harness,
  });
  const by = Object.fromEntries(ms.map((m) => [m.name, m.value]));
  assert.equal(by.browser_result_s, 0.5);
  assert.equal(by.browser_page_setup_s, 0.5);
  assert.equal(by.browser_progress_events, 12);
});
