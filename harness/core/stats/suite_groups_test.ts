import assert from "node:assert/strict";
import { suiteGroups } from "./suite_groups.ts";

const plan = (...ts: string[]) =>
  ts.map((t) => {
    const [experiment, backend] = t.split(" ");
    return { experiment, backend };
  });
const brief = (ts: ReturnType<typeof plan>) =>
  suiteGroups(ts).map((g) => `${g.by} ${g.key}: ${g.members.join(",")}`);

Deno.test("the default plan's suite rows: each backend, each experiment, then all four", () => {
  assert.deepEqual(brief(plan("cnn cpu", "cnn wasm", "mlp cpu", "mlp wasm")), [
    "backend cpu: 0,2",
    "backend wasm: 1,3",
    "experiment cnn: 0,1",
    "experiment mlp: 2,3",
    "all : 0,1,2,3",
  ]);
});

Deno.test("a group needs 2 targets and fewer than all; one target has no suite rows", () => {
  // One experiment on two backends: its group is all targets, read once as the suite.
  assert.deepEqual(brief(plan("mlp cpu", "mlp wasm")), ["all : 0,1"]);
  // Three targets: cpu has two, wasm one; cnn has two, mlp one.
  assert.deepEqual(brief(plan("cnn cpu", "cnn wasm", "mlp cpu")), [
    "backend cpu: 0,2",
    "experiment cnn: 0,1",
    "all : 0,1,2",
  ]);
  assert.deepEqual(brief(plan("mlp cpu")), []);
  assert.deepEqual(brief([]), []);
});

Deno.test("distinct targets never give two groups of the same targets", () => {
  // Every plan of 2 experiments by 3 backends, as masks of which targets it has.
  const all = ["a cpu", "a wasm", "a webgpu", "b cpu", "b wasm", "b webgpu"];
  for (let mask = 1; mask < 1 << all.length; mask++) {
    const ts = plan(...all.filter((_, i) => mask & (1 << i)));
    const sets = suiteGroups(ts).map((g) => g.members.join(","));
    assert.equal(new Set(sets).size, sets.length, `${sets} from ${ts.map((t) => t.backend)}`);
  }
  // A 2 by 3 plan: three backends' pairs, two experiments' triples, then all six.
  assert.deepEqual(brief(plan(...all)), [
    "backend cpu: 0,3",
    "backend wasm: 1,4",
    "backend webgpu: 2,5",
    "experiment a: 0,1,2",
    "experiment b: 3,4,5",
    "all : 0,1,2,3,4,5",
  ]);
});
