import assert from "node:assert/strict";
import { pairOrderFor } from "./pair_order.ts";
import { sequentialPairedMethod } from "../methods.ts";
import { DEFAULT_SEQUENTIAL_DESIGN } from "../../core/stats/mod.ts";

Deno.test("auto pairs one-core backends in a duet on 2 or more cores, anything else in turns", () => {
  const cases: [string, number, string][] = [
    ["cpu", 2, "duet"],
    ["wasm", 16, "duet"],
    ["cpu", 1, "turns"],
    ["wasm", 1, "turns"],
    ["webgpu", 2, "turns"],
    ["webgpu", 64, "turns"],
  ];
  for (const [backend, cores, want] of cases) {
    assert.equal(pairOrderFor("auto", backend, cores), want, `${backend} on ${cores} cores`);
  }
  // A named order is kept, whatever the backend or the cores.
  assert.equal(pairOrderFor("turns", "wasm", 8), "turns");
  assert.equal(pairOrderFor("duet", "webgpu", 8), "duet");
});

Deno.test("a verdict row's method names its pair order, so the report says how the windows met", () => {
  const turns = sequentialPairedMethod(DEFAULT_SEQUENTIAL_DESIGN);
  const duet = sequentialPairedMethod(DEFAULT_SEQUENTIAL_DESIGN, "duet");
  assert.equal(turns.name, "sequential t over process pairs");
  assert.equal(duet.name, "sequential t over process pairs (duet)");
  assert.match(turns.rule, /taking turns window by window/);
  assert.match(duet.rule, /timing each window at the same time \(a duet\)/);
});
