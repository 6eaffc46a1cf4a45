/**
 * The canonical JSON of a stored value (RFC 8785, JCS): keys sorted by UTF-16 code units at every level, no
 * whitespace, strings and numbers as `JSON.stringify` writes them, `undefined` (and symbol) properties left
 * out and `undefined` array elements as `null`, `toJSON` applied; NaN, ±Infinity, lone surrogates and cycles
 * refused with an error, since JSON has no text for them that could not be confused with another value.
 * Every hash of the audit trail, the record states, the minutes contents and the backups is taken over this
 * text, so there is one definition.
 *
 * It writes exactly what the `canonicalize` library (the JCS reference implementation the trail was first
 * written with) writes, byte for byte, and refuses what it refuses — the test runs both over every record of
 * the demo datasets, generated JSON values and the edge cases. It is our own because the library checks every
 * string for lone surrogates one code unit at a time in JavaScript and joins arrays of parts, which made it
 * about three times slower than this (native `JSON.stringify` and one regular expression;
 * `npm run bench`, Node section) — and at ten-year scale loading the district profile takes it three times
 * per record and verifying the trail twice.
 *
 * @returns undefined for a value JSON has no text for (undefined, a function, a symbol).
 */
export function canonicalJson(value: unknown): string | undefined {
  return serialize(value, new Set());
}

/** A high surrogate not followed by a low one, or a low one not preceded by a high one (code units, no u flag). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function serialize(value: unknown, seen: Set<object>): string | undefined {
  switch (typeof value) {
    case 'string':
      if (LONE_SURROGATE.test(value)) throw new Error('Lone surrogate is not allowed');
      return JSON.stringify(value);
    case 'number':
      if (Number.isNaN(value)) throw new Error('NaN is not allowed');
      if (!Number.isFinite(value)) throw new Error('Infinity is not allowed');
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      // boolean, and undefined / function / symbol (no text); bigint throws as in JSON.stringify
      return JSON.stringify(value);
  }
  if (value === null) return 'null';
  if (seen.has(value)) throw new Error('Circular reference detected');
  seen.add(value);
  let out: string | undefined;
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    out = serialize((value as { toJSON: () => unknown }).toJSON(), seen);
  } else if (Array.isArray(value)) {
    out = '[';
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (i > 0) out += ',';
      out += item === undefined || typeof item === 'symbol' ? 'null' : serialize(item, seen);
    }
    out += ']';
  } else {
    const record = value as Record<string, unknown>;
    out = '{';
    let first = true;
    for (const key of Object.keys(record).sort()) {
      const item = record[key];
      if (item === undefined || typeof item === 'symbol') continue;
      if (!first) out += ',';
      first = false;
      out += `${serialize(key, seen)}:${serialize(item, seen)}`;
    }
    out += '}';
  }
  seen.delete(value);
  return out;
}
