import assert from "node:assert/strict";
import { join } from "node:path";
import {
  addHeld,
  type ConsoleLevel,
  heldMessages,
  heldNote,
  holdLibraryConsole,
  resetDiagnosticsForTest,
  setVerbose,
  takeHeld,
} from "./diagnostics.ts";

/** A chatty "library": a module in a folder named like one, calling the console itself. */
async function chattyLibrary(): Promise<{ chat: () => void; dir: string }> {
  const dir = await Deno.makeTempDir({ prefix: "reprobench-diag-" });
  const lib = join(dir, "node_modules", "chatty-lib");
  await Deno.mkdir(lib, { recursive: true });
  await Deno.writeTextFile(
    join(lib, "mod.js"),
    `export function chat() {
      console.warn("Orthogonal initializer: Slowness may result.");
      console.warn("Orthogonal initializer: Slowness may result.");
      console.log("platform", { name: "node" });
    }`,
  );
  const mod = await import(new URL(`file://${join(lib, "mod.js")}`).href);
  return { chat: mod.chat, dir };
}

Deno.test("a library's console chatter is held, counted once per text, and shown with verbose", async () => {
  const printed: Array<[ConsoleLevel, string]> = [];
  resetDiagnosticsForTest((level, args) => printed.push([level, args.map(String).join(" ")]));
  const { chat, dir } = await chattyLibrary();
  try {
    setVerbose(false);
    holdLibraryConsole("chatty", /\/node_modules\/chatty-lib\//);
    chat();
    console.warn("ours: a user can act on this");
    assert.deepEqual(printed, [["warn", "ours: a user can act on this"]]);
    assert.deepEqual(heldMessages(), [
      {
        source: "chatty",
        level: "warn",
        text: "Orthogonal initializer: Slowness may result.",
        count: 2,
      },
      { source: "chatty", level: "log", text: 'platform { name: "node" }', count: 1 },
    ]);
    assert.equal(
      heldNote(),
      'chatty printed 3 diagnostics, hidden ("Orthogonal initializer: Slowness may result."); ' +
        "--verbose shows them",
    );

    printed.length = 0;
    setVerbose(true);
    chat();
    assert.deepEqual(printed.map(([level]) => level), ["warn", "warn", "log"]);
    assert.equal(heldMessages().length, 2, "nothing more is held while verbose");
  } finally {
    setVerbose(false);
    resetDiagnosticsForTest();
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("heldNote() is null when nothing was held", () => {
  resetDiagnosticsForTest();
  assert.equal(heldNote(), null);
});

Deno.test("a Worker's held messages, handed over, are counted with this thread's", () => {
  resetDiagnosticsForTest();
  const warn = { source: "tfjs", level: "warn" as const, text: "Slowness may result.", count: 1 };
  addHeld([warn]);
  // What a Worker sends: the same message twice more, and one of its own.
  addHeld([{ ...warn, count: 2 }, { source: "tfjs", level: "log", text: "platform", count: 1 }]);
  assert.match(heldNote()!, /^tfjs printed 4 diagnostics, hidden \("Slowness may result\."\)/);
  const taken = takeHeld();
  assert.deepEqual(taken.map((m) => m.count), [3, 1]);
  assert.deepEqual(takeHeld(), [], "taking them forgets them");
  assert.equal(heldNote(), null);
});
