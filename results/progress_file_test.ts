import assert from "node:assert/strict";
import { parseProgress, type ProgressEvent, progressLine } from "./progress_file.ts";

Deno.test("parseProgress accepts the bench's events and refuses malformed ones", () => {
  const bench =
    `{"time":"2026-11-22T09:30:25.242Z","suiteId":"a","run":1,"runs":6,"experimentId":"x",` +
    `"backend":"cpu","seed":1,"epoch":null,"epochs":null,"batch":null,"batches":null,"etaS":null,"status":"running"}`;
  assert.equal(parseProgress(bench)?.epoch, null);
  assert.equal(parseProgress("[1,2]"), null);
  assert.equal(parseProgress('{"time":"t"}'), null);
  assert.equal(parseProgress("{"), null);
});

Deno.test("progressLine() writes one line that parseProgress() reads back whole", () => {
  const e: ProgressEvent = {
    time: "2026-11-22T09:30:25.242Z",
    suiteId: "s",
    experimentId: "x",
    backend: "wasm",
    seed: 3,
    run: 2,
    runs: 4,
    epoch: 1,
    epochs: 2,
    batch: 5,
    batches: 9,
    etaS: 1.5,
    status: "running",
  };
  const line = progressLine(e);
  assert.equal(line.indexOf("\n"), line.length - 1);
  assert.deepEqual(parseProgress(line.trim()), e);
});
