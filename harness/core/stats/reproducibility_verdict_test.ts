import assert from "node:assert/strict";
import { reproducibilityVerdict } from "./reproducibility_verdict.ts";

Deno.test("reproducibilityVerdict() calls identical hashes deterministic", () => {
  const run = { weightsHash: "w", epochHashes: ["e0", "e1", "e2"] };
  assert.equal(reproducibilityVerdict(run, { ...run }).verdict, "deterministic");
  assert.equal(
    reproducibilityVerdict({ weightsHash: "w" }, { weightsHash: "w" }).verdict,
    "deterministic",
  );
});

Deno.test("reproducibilityVerdict() names the first epoch whose hash differs", () => {
  const r = reproducibilityVerdict(
    { weightsHash: "a", epochHashes: ["e0", "e1", "e2"] },
    { weightsHash: "b", epochHashes: ["e0", "x1", "x2"] },
  );
  assert.equal(r.verdict, "non_deterministic");
  assert.equal(r.firstDivergentEpoch, 1);
});

Deno.test("reproducibilityVerdict() compares losses bit for bit when hashes are missing", () => {
  const a = { weightsHash: "w", epochLosses: [0.5, 0.25, 0] };
  // 0.1 + 0.2 differs from 0.3 in the last bit; -0 differs from 0 in the sign bit.
  assert.equal(
    reproducibilityVerdict(a, { weightsHash: "w", epochLosses: [0.5, 0.25, -0] })
      .firstDivergentEpoch,
    2,
  );
  const b = { weightsHash: "w", epochLosses: [0.1 + 0.2] };
  assert.equal(
    reproducibilityVerdict(b, { weightsHash: "w", epochLosses: [0.3] }).firstDivergentEpoch,
    0,
  );
  assert.equal(
    reproducibilityVerdict(a, { ...a, epochLosses: [0.5, 0.25, 0] }).verdict,
    "deterministic",
  );
});

Deno.test("reproducibilityVerdict() prefers epoch hashes over losses", () => {
  const r = reproducibilityVerdict(
    { weightsHash: "w", epochHashes: ["e0", "e1"], epochLosses: [1, 2] },
    { weightsHash: "w", epochHashes: ["e0", "e1"], epochLosses: [1, 3] },
  );
  assert.equal(r.verdict, "deterministic");
});

Deno.test("reproducibilityVerdict() counts an epoch missing from one run as divergent", () => {
  const r = reproducibilityVerdict(
    { weightsHash: "w", epochHashes: ["e0", "e1"] },
    { weightsHash: "w", epochHashes: ["e0", "e1", "e2"] },
  );
  assert.deepEqual([r.verdict, r.firstDivergentEpoch], ["non_deterministic", 2]);
});

Deno.test("reproducibilityVerdict() flags different final weights even when epochs agree", () => {
  const r = reproducibilityVerdict(
    { weightsHash: "a", epochHashes: ["e0"] },
    { weightsHash: "b", epochHashes: ["e0"] },
  );
  assert.equal(r.verdict, "non_deterministic");
  assert.equal(r.firstDivergentEpoch, undefined);
  assert.ok(!("firstDivergentEpoch" in r));
});

Deno.test("reproducibilityVerdict() rejects a run without a weights hash", () => {
  assert.throws(() => reproducibilityVerdict({ weightsHash: "" }, { weightsHash: "w" }), {
    name: "TypeError",
    message: 'Run a needs a weightsHash, got ""',
  });
});
