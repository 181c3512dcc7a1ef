import assert from "node:assert/strict";
import { ISOLATION_HEADERS, pageApp } from "./app.ts";

const BUNDLE = new TextEncoder().encode("globalThis.x = 1;");
const BLOB = new Uint8Array([1, 2, 3, 4]);
const app = pageApp({
  bundle: () => Promise.resolve(BUNDLE),
  blob: (name) => name === "abc" ? BLOB : undefined,
});

Deno.test("every answer of the page server makes the page cross-origin isolated", async () => {
  // Requested over a real socket, as Chromium requests them.
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen: () => {} }, app.fetch);
  try {
    const base = `http://127.0.0.1:${server.addr.port}`;
    for (
      const path of [
        "/",
        "/bundle.js",
        "/wasm/tfjs-backend-wasm-threaded-simd.wasm",
        "/data/abc",
        "/data/nope",
        "/wasm/..%2Fpackage.json",
      ]
    ) {
      const res = await fetch(base + path);
      await res.body?.cancel();
      assert.equal(res.headers.get("Cross-Origin-Opener-Policy"), "same-origin", path);
      assert.equal(res.headers.get("Cross-Origin-Embedder-Policy"), "require-corp", path);
      assert.equal(res.headers.get("Cross-Origin-Resource-Policy"), "same-origin", path);
    }
    assert.deepEqual(Object.keys(ISOLATION_HEADERS).length, 4);
  } finally {
    await server.shutdown();
  }
});

Deno.test("the page server answers the page, its bundle, tfjs's wasm builds and the run's data", async () => {
  const get = (path: string) => app.request(`http://localhost${path}`);
  const page = await get("/");
  assert.match(await page.text(), /<script type="module" src="\/bundle.js">/);
  const bundle = await get("/bundle.js");
  assert.match(bundle.headers.get("Content-Type")!, /^text\/javascript/);
  assert.deepEqual(new Uint8Array(await bundle.arrayBuffer()), BUNDLE);
  const wasm = await get("/wasm/tfjs-backend-wasm-threaded-simd.wasm");
  assert.equal(wasm.headers.get("Content-Type"), "application/wasm");
  // The WebAssembly magic number: the file itself, not an error page.
  assert.deepEqual([...new Uint8Array(await wasm.arrayBuffer()).slice(0, 4)], [0, 97, 115, 109]);
  assert.deepEqual(new Uint8Array(await (await get("/data/abc")).arrayBuffer()), BLOB);
  assert.equal((await get("/data/nope")).status, 404);
  // Names outside the wasm folder's own files are refused.
  assert.equal((await get("/wasm/..%2F..%2Fdeno.json")).status, 400);
  assert.equal((await get("/wasm/package.json")).status, 400);
});
