import assert from "node:assert/strict";
import { backendLabel, parseBackendLabel, runtimeBackends, runtimesOf } from "./runtime.ts";

Deno.test("--runtime words name runtimes once each, browser meaning Chromium", () => {
  assert.deepEqual(runtimesOf(["browser"]), ["chromium"]);
  assert.deepEqual(runtimesOf(["browser", "deno", "chromium"]), ["deno", "chromium"]);
  assert.deepEqual(runtimesOf(["deno"]), ["deno"]);
});

Deno.test("a Deno run keeps its bare backend; a browser's is qualified, and parses back", () => {
  assert.equal(backendLabel("deno", "wasm"), "wasm");
  assert.equal(backendLabel(null, "cpu"), "cpu");
  assert.equal(backendLabel("chromium", "webgl"), "chromium:webgl");
  assert.deepEqual(parseBackendLabel("chromium:webgl"), { runtime: "chromium", backend: "webgl" });
  assert.deepEqual(parseBackendLabel("wasm"), { runtime: "deno", backend: "wasm" });
});

Deno.test("the browser trains on the declared backends plus webgl, as --backend allows", () => {
  assert.deepEqual(runtimeBackends("deno", ["cpu", "wasm", "webgpu"]), ["cpu", "wasm", "webgpu"]);
  assert.deepEqual(runtimeBackends("chromium", ["cpu", "wasm", "webgpu"]), [
    "cpu",
    "wasm",
    "webgl",
    "webgpu",
  ]);
  assert.deepEqual(runtimeBackends("chromium", ["wasm"], ["wasm", "webgl"]), ["wasm", "webgl"]);
  assert.deepEqual(runtimeBackends("deno", ["cpu", "wasm"], ["webgl"]), []);
  assert.deepEqual(runtimeBackends("chromium", ["cpu"], ["webgpu"]), []);
});
