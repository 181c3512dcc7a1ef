import assert from "node:assert/strict";
import { appendProgress, type ProgressEvent } from "../../results/progress_file.ts";
import { ProgressTail } from "./tail.ts";

const event = (over: Partial<ProgressEvent> = {}): ProgressEvent => ({
  time: new Date().toISOString(),
  suiteId: "s",
  experimentId: "e",
  backend: "wasm",
  seed: 1,
  run: 1,
  runs: 2,
  epoch: 1,
  epochs: 3,
  batch: 2,
  batches: 10,
  etaS: 5,
  status: "running",
  ...over,
});

Deno.test("ProgressTail keeps the latest event per run and reads only what was appended", async () => {
  const dir = await Deno.makeTempDir();
  const file = `${dir}/p.jsonl`;
  const tail = new ProgressTail(file);
  try {
    assert.equal((await tail.state()).exists, false);
    await appendProgress(file, event());
    await appendProgress(file, event({ seed: 2 }));
    await appendProgress(file, event({ epoch: 2 }));
    let s = await tail.state();
    assert.equal(s.runs.length, 2);
    assert.equal(s.active, 2);
    assert.equal(s.runs.find((r) => r.seed === 1)!.epoch, 2);
    // A half-written line is held back until its end arrives.
    const line = JSON.stringify(event({ status: "ok", epoch: null }));
    await Deno.writeTextFile(file, line.slice(0, 20), { append: true });
    await Deno.writeTextFile(file, "not json\n", { append: true }).then(() => {}); // corrupt line
    s = await tail.state();
    assert.equal(s.active, 2);
    await Deno.writeTextFile(file, line + "\n", { append: true });
    s = await tail.state();
    assert.equal(s.runs.find((r) => r.seed === 1)!.status, "ok");
    assert.equal(s.active, 1);
    // A new bench truncates the file: the state starts over.
    await Deno.writeTextFile(file, JSON.stringify(event({ suiteId: "s2" })) + "\n");
    s = await tail.state();
    assert.deepEqual(s.runs.map((r) => r.suiteId), ["s2"]);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
