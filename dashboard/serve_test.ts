import assert from "node:assert/strict";
import { serve } from "./mod.ts";
import { tempDb } from "./testing/fixture.ts";

async function raw(port: number, path: string): Promise<string> {
  const conn = await Deno.connect({ hostname: "127.0.0.1", port });
  try {
    await conn.write(
      new TextEncoder().encode(`GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`),
    );
    let text = "";
    const buf = new Uint8Array(65536);
    for (;;) {
      const n = await conn.read(buf);
      if (n === null) break;
      text += new TextDecoder().decode(buf.subarray(0, n));
    }
    return text;
  } finally {
    try {
      conn.close();
    } catch {
      // Closed by the server already.
    }
  }
}

Deno.test("serve listens on 127.0.0.1 and a raw request line with ../ cannot leave /static", async () => {
  const { dir, path } = await tempDb();
  const served = await serve({ db: path, port: 0 });
  try {
    assert.match(served.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    for (
      const p of [
        "/static/app/../../deno.json",
        "/static/app/%2e%2e/%2e%2e/deno.json",
        "/static/app/..%2f..%2fdeno.json",
        "/static/app/..\\..\\deno.json",
      ]
    ) {
      const res = await raw(served.port, p);
      assert.ok(!res.includes('"tasks"'), `${p} leaked deno.json`);
      assert.match(res, /^HTTP\/1\.1 (404|400)/, p);
    }
  } finally {
    await served.shutdown();
    await Deno.remove(dir, { recursive: true });
  }
});
