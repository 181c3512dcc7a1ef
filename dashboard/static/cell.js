// How the SQL console shows a value, by its Arrow column type. Arrow JS hands out a DECIMAL
// as its unscaled integer (1.25 in DECIMAL(5,2) reads "125") and a TIMESTAMP or DATE as epoch
// milliseconds (a float: microseconds blur past 2039), so these read the column's raw buffers
// and write what DuckDB itself prints. Pure functions, tested under Deno (cell_test.ts).

/** Arrow's type ids (apache-arrow `Type`) and time units (`TimeUnit`) used below. */
const DECIMAL = 7, DATE = 8, TIMESTAMP = 10;
const UNIT_DIGITS = [0, 3, 6, 9]; // SECOND, MILLISECOND, MICROSECOND, NANOSECOND

/**
 * A decimal's text from its unscaled value and scale: decimalText(125n, 2) is "1.25".
 * @param {bigint} unscaled
 * @param {number} scale
 * @returns {string}
 */
export function decimalText(unscaled, scale) {
  const sign = unscaled < 0n ? "-" : "";
  const digits = (unscaled < 0n ? -unscaled : unscaled).toString().padStart(scale + 1, "0");
  if (scale === 0) return sign + digits;
  return `${sign}${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

/**
 * The signed integer of little-endian 32-bit words (a Decimal128's or Decimal256's value).
 * @param {Uint32Array} words
 * @returns {bigint}
 */
export function wordsToBigInt(words) {
  let v = 0n;
  for (let i = words.length - 1; i >= 0; i--) v = (v << 32n) | BigInt(words[i]);
  const bits = BigInt(words.length * 32);
  return v >= 1n << (bits - 1n) ? v - (1n << bits) : v;
}

const pad = (n, width = 2) => String(n).padStart(width, "0");

/**
 * A timestamp's text as DuckDB prints it ("2026-01-02 03:04:05.123456", trailing zeros of the
 * fraction dropped), from its raw count of `unit`s since the epoch; a zone-aware one in UTC
 * with "+00".
 * @param {bigint} raw
 * @param {number} unit
 * @param {string | null} timezone
 * @returns {string}
 */
export function timestampText(raw, unit, timezone) {
  const digits = UNIT_DIGITS[unit] ?? 0;
  const per = 10n ** BigInt(digits);
  let seconds = raw / per, fraction = raw % per;
  if (fraction < 0n) [seconds, fraction] = [seconds - 1n, fraction + per];
  const d = new Date(Number(seconds) * 1000);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  const frac = digits ? fraction.toString().padStart(digits, "0").replace(/0+$/, "") : "";
  return `${date} ${time}${frac ? `.${frac}` : ""}${timezone ? "+00" : ""}`;
}

/**
 * A date's text, "2026-01-02", from epoch milliseconds (what Arrow JS gives for a DATE).
 * @param {number} ms
 * @returns {string}
 */
export function dateText(ms) {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/**
 * Any other value: JSON for nested ones, bigints as integers.
 * @param {unknown} v
 * @returns {string}
 */
export function plainText(v) {
  if (v === null || v === undefined) return "NULL";
  if (typeof v === "bigint") return v.toString();
  if (v instanceof Date) return v.toISOString();
  if (typeof v === "object") {
    return JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? x.toString() : x));
  }
  return String(v);
}

/**
 * The texts of the first `limit` values of an Arrow column (a Vector: its `type` and `data`
 * chunks), each from the raw buffers where Arrow's own reading loses the value.
 * @param {{ type: any, data: any[], get(i: number): unknown }} column
 * @param {number} limit
 * @returns {string[]}
 */
export function columnTexts(column, limit) {
  const { type } = column;
  const out = [];
  for (const chunk of column.data) {
    for (let i = 0; i < chunk.length && out.length < limit; i++) {
      if (!chunk.getValid(i)) out.push("NULL");
      else if (type.typeId === DECIMAL) {
        const stride = type.bitWidth / 32;
        out.push(
          decimalText(
            wordsToBigInt(chunk.values.subarray(i * stride, (i + 1) * stride)),
            type.scale,
          ),
        );
      } else if (type.typeId === TIMESTAMP) {
        out.push(timestampText(BigInt(chunk.values[i]), type.unit, type.timezone ?? null));
      } else if (type.typeId === DATE) {
        out.push(dateText(column.get(out.length)));
      } else {
        out.push(plainText(column.get(out.length)));
      }
    }
  }
  return out;
}
