import assert from "node:assert/strict";
import { CalibratedMargins } from "../../results/calibrations.ts";
import { describeMargins, gateMargin, PAIRED_MARGIN, UNCALIBRATED_MARGIN } from "./margin.ts";

const stored = new CalibratedMargins([{ envId: "e1", backend: "wasm", margin: 0.037 }]);

Deno.test("gateMargin() uses the calibration of that machine and backend, else 10%", () => {
  const margin = gateMargin(stored);
  assert.equal(margin("e1", "wasm"), 0.037);
  assert.equal(margin("e1", "cpu"), 0.1);
  assert.equal(margin("e2", "wasm"), 0.1);
  assert.equal(UNCALIBRATED_MARGIN, 0.1);
});

Deno.test("describeMargins() says whether margins are calibrated and names a paired ref", () => {
  assert.equal(
    describeMargins(new CalibratedMargins()),
    "10% (not calibrated here: run `deno task check --calibrate`)",
  );
  assert.equal(
    describeMargins(stored, "main"),
    "calibrated per machine and backend where stored, else 10%; paired timings against main: 2%",
  );
  assert.equal(PAIRED_MARGIN, 0.02);
});
