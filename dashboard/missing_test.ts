import assert from "node:assert/strict";
import { createApp } from "./mod.ts";
import { tempDb } from "./testing/fixture.ts";
import { Store } from "../results/store.ts";

Deno.test("with no database yet, pages say how to make one instead of failing", async () => {
  const { dir, path } = await tempDb();
  const app = createApp({ db: path });
  try {
    const res = await app.request("http://localhost/runs");
    const body = await res.text();
    assert.equal(res.status, 503);
    assert.match(body, /deno task bench/);
    const live = await app.request("http://localhost/live");
    assert.equal(live.status, 200);
    assert.match(await live.text(), /No bench has reported progress yet/);
  } finally {
    await app.close();
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("an empty database shows empty pages and the claims hint", async () => {
  const { dir, path } = await tempDb();
  await new Store(path).init();
  const app = createApp({ db: path });
  try {
    for (const p of ["/runs", "/backends", "/history", "/compare", "/sql"]) {
      const res = await app.request(`http://localhost${p}`);
      assert.equal(res.status, 200, p);
      await res.text();
    }
    const claims = await (await app.request("http://localhost/claims")).text();
    assert.match(claims, /No claims checked yet: run `deno task claims`/);
  } finally {
    await app.close();
    await Deno.remove(dir, { recursive: true });
  }
});
