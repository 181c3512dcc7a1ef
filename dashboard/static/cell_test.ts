import assert from "node:assert/strict";
import { dateText, decimalText, timestampText, wordsToBigInt } from "./cell.js";

Deno.test("decimalText() places the point by the scale, signs and leading zeros included", () => {
  assert.equal(decimalText(125n, 2), "1.25");
  assert.equal(decimalText(-5n, 3), "-0.005");
  assert.equal(decimalText(0n, 2), "0.00");
  assert.equal(decimalText(42n, 0), "42");
  assert.equal(decimalText(123456789012345678901234567890n, 10), "12345678901234567890.1234567890");
});

Deno.test("wordsToBigInt() reads little-endian two's complement words (Decimal128)", () => {
  assert.equal(wordsToBigInt(new Uint32Array([125, 0, 0, 0])), 125n);
  // -5 in 128 bits: every word 0xFFFFFFFF but the lowest, 0xFFFFFFFB.
  assert.equal(
    wordsToBigInt(new Uint32Array([0xfffffffb, 0xffffffff, 0xffffffff, 0xffffffff])),
    -5n,
  );
  assert.equal(wordsToBigInt(new Uint32Array([0, 1, 0, 0])), 2n ** 32n);
});

Deno.test("timestampText() prints as DuckDB does, exact to the microsecond and before 1970", () => {
  // 2026-01-02 03:04:05.123456 UTC = 1767323045 s since the epoch (date -u -d ... +%s).
  assert.equal(timestampText(1767323045123456n, 2, null), "2026-01-02 03:04:05.123456");
  assert.equal(timestampText(1767323045120000n, 2, null), "2026-01-02 03:04:05.12");
  assert.equal(timestampText(1767323045n, 0, null), "2026-01-02 03:04:05");
  assert.equal(timestampText(1767323045000n, 1, "UTC"), "2026-01-02 03:04:05+00");
  // Past 2039 milliseconds as a float cannot hold microseconds; the raw count can.
  assert.equal(timestampText(4102444800000001n, 2, null), "2100-01-01 00:00:00.000001");
  assert.equal(timestampText(-1n, 2, null), "1969-12-31 23:59:59.999999");
});

Deno.test("dateText() prints the UTC day of epoch milliseconds", () => {
  assert.equal(dateText(1767312000000), "2026-01-02");
  assert.equal(dateText(-86400000), "1969-12-31");
});
