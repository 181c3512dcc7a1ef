import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { useBackend } from "./backends.ts";
import { quietTfjs } from "./quiet_tfjs.ts";
import { heldMessages, resetDiagnosticsForTest, setVerbose } from "../core/diagnostics.ts";

// tfjs-layers warns from its own code when an orthogonal initializer fills more than 2000
// values: the real message, from the real library, is the oracle here.
const ORTHOGONAL =
  /^Orthogonal initializer is being called on a matrix with more than 2000 \(4096\) elements: Slowness may result\.$/;

Deno.test("tfjs's own console warnings are held by default and printed with verbose", async () => {
  assert.ok((await useBackend("cpu")).available);
  const printed: string[] = [];
  resetDiagnosticsForTest((_level, args) => printed.push(args.map(String).join(" ")));
  try {
    setVerbose(false);
    quietTfjs();
    tf.tidy(() => tf.initializers.orthogonal({ seed: 1 }).apply([64, 64]));
    assert.deepEqual(printed, []);
    assert.equal(heldMessages().length, 1);
    assert.match(heldMessages()[0].text, ORTHOGONAL);
    assert.equal(tf.env().getBool("PROD"), true, "tfjs's own notices off at the source");

    setVerbose(true);
    quietTfjs();
    tf.tidy(() => tf.initializers.orthogonal({ seed: 1 }).apply([64, 64]));
    assert.equal(printed.length, 1);
    assert.match(printed[0], ORTHOGONAL);
    assert.equal(tf.env().getBool("PROD"), false, "tfjs's own notices on with verbose");
  } finally {
    setVerbose(false);
    quietTfjs();
    resetDiagnosticsForTest();
  }
});
