/**
 * A bounded background load for `check --quality --load loaded`: busy `duty` of every 100 ms
 * on one thread, like a neighbour on a shared CI runner. It stops by itself after `maxS`
 * seconds, or as soon as its standard input closes (the collector that started it ended, even
 * if it was killed), so it can never outlive the measurement.
 *
 * Run as: `deno run cpu_hog.ts DUTY MAX_S`.
 *
 * @module
 */

const [duty, maxS] = [Number(Deno.args[0] ?? 0.5), Number(Deno.args[1] ?? 3600)];
if (!(duty > 0 && duty <= 1 && maxS > 0)) {
  console.error(`usage: cpu_hog.ts DUTY(0-1] MAX_S, got ${Deno.args.join(" ")}`);
  Deno.exit(2);
}
const end = performance.now() + maxS * 1000;
let stop = false;
// EOF on stdin: the parent is gone.
(async () => {
  const buf = new Uint8Array(64);
  while ((await Deno.stdin.read(buf)) !== null) { /* ignore input */ }
  stop = true;
})();
let sink = 0;
while (!stop && performance.now() < end) {
  const busyUntil = performance.now() + 100 * duty;
  while (performance.now() < busyUntil) sink += Math.sqrt(sink + 1);
  await new Promise((r) => setTimeout(r, 100 * (1 - duty)));
}
Deno.exit(sink > 0 ? 0 : 0);
