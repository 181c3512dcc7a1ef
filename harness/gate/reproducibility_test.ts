import assert from "node:assert/strict";
import { reproducibility } from "./reproducibility.ts";
import { gateRun } from "../testing/gate_runs.ts";

const differing = { weightsSha256: "other", epochs: [{ epoch: 1, loss: 1, weightsSha256: "x" }] };

Deno.test("differing weights on a backend that documents non-determinism are not judged", () => {
  const why = "webgl on a hardware GPU: the driver does not promise the same float order";
  const a = gateRun({ backend: "chromium:webgl", runtime: "chromium" });
  const b = gateRun({
    backend: "chromium:webgl",
    runtime: "chromium",
    documentedNondeterminism: why,
    ...differing,
  });
  const [row] = reproducibility([a], [b]);
  assert.equal(row.verdict, "not_comparable");
  assert.equal(row.reason, `weights differ, as documented for this backend: ${why}`);
  // Agreeing weights are still a verdict: the documentation allows differences, not hides them.
  assert.equal(
    reproducibility([a], [{ ...a, runId: "again", documentedNondeterminism: why }])[0]
      .verdict,
    "unchanged",
  );
});

Deno.test("a browser backend that documents nothing must repeat its bits", () => {
  const a = gateRun({ backend: "chromium:wasm", runtime: "chromium" });
  const b = gateRun({ backend: "chromium:wasm", runtime: "chromium", ...differing });
  assert.equal(reproducibility([a], [b])[0].verdict, "regressed");
});

Deno.test("Deno's and a browser's runs of one seed are two settings, never one pair", () => {
  const deno = gateRun({ backend: "wasm" });
  const browser = gateRun({ backend: "chromium:wasm", runtime: "chromium", ...differing });
  assert.deepEqual(reproducibility([deno], [browser]), []);
});
