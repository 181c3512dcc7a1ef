/**
 * The pages' bundles load in a browser: everything they reach is inside them (no import a
 * page cannot resolve, such as `node:path`), and nothing in them needs Deno. Checked without
 * a browser; bundling needs esbuild, which Deno fetches from npm once.
 */
import assert from "node:assert/strict";
import { bundlePage } from "./bundle.ts";

const ENTRIES = [
  new URL("./page/train_entry.ts", import.meta.url),
  new URL("../../perf/browser_entry.ts", import.meta.url),
];

for (const entry of ENTRIES) {
  const name = entry.pathname.split("/").slice(-2).join("/");
  Deno.test(`the ${name} bundle is self-contained and free of Deno`, async () => {
    const first = await bundlePage(entry);
    const text = new TextDecoder().decode(first.code);
    // Module syntax left in a bundle is an import the browser would have to resolve.
    assert.deepEqual(text.match(/^\s*(import|export)\s.*$/gm) ?? [], []);
    assert.deepEqual(text.match(/\bimport\(\s*["'][^"']+["']\s*\)/g) ?? [], []);
    assert.deepEqual(text.match(/["']node:[\w/]+["']/g) ?? [], []);
    assert.deepEqual(text.match(/\bDeno\.\w+/g) ?? [], []);
    // The page entry point it installs, and the SIMD kernels' shared-memory build.
    assert.match(text, /__reprobench/);
    assert.match(text, /KERNELS_SHARED_WASM_BASE64/);
    const again = await bundlePage(entry);
    assert.equal(again.cached, true);
    assert.equal(again.sha256, first.sha256);
  });
}
