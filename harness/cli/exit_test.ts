import assert from "node:assert/strict";
import { UserError } from "../core/errors.ts";
import { EXIT, exitHelp, runCommand } from "./exit.ts";

Deno.test("runCommand() prints a UserError as one line and returns 2, passing other codes on", async () => {
  const errors: string[] = [];
  const log = console.error;
  console.error = (...a: unknown[]) => errors.push(a.join(" "));
  try {
    const bad = () => Promise.reject(new UserError('Bad --seeds "x":\n  expected a number'));
    assert.equal(await runCommand(bad, []), 2);
    assert.equal(await runCommand(() => Promise.resolve(EXIT.finding), []), 1);
    await assert.rejects(runCommand(() => Promise.reject(new TypeError("bug")), []), TypeError);
  } finally {
    console.error = log;
  }
  assert.deepEqual(errors, ['error: Bad --seeds "x": expected a number']);
});

Deno.test("exitHelp() lists 1 only for a command that reports a finding", () => {
  assert.doesNotMatch(exitHelp(), /\n {2}1 /);
  assert.match(exitHelp("no regression", "a regression"), /\n {2}1 {2}a regression\n {2}2 /);
});

Deno.test("exitHelp() lists 130 only for a command that runs suites", () => {
  assert.doesNotMatch(exitHelp(), /130/);
  assert.match(exitHelp("success", undefined, true), /\n {2}130 {2}interrupted \(Ctrl-C\)/);
});
