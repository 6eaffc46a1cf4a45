/**
 * Binary values in backups: a `Blob` (attachments' content) or a `Uint8Array` becomes
 * `{ "$blob": <base64>, "type": <mime> }` / `{ "$bytes": <base64> }` in data.json and comes back as the
 * same kind of value on restore. Everything else is JSON already (records hold strings, numbers,
 * booleans, arrays and plain objects).
 */

interface EncodedBlob {
  $blob: string;
  type: string;
}
interface EncodedBytes {
  $bytes: string;
}

const B64_CHUNK = 0x8000;

export function bytesToBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += B64_CHUNK) {
    s += String.fromCharCode(...bytes.subarray(i, i + B64_CHUNK));
  }
  return btoa(s);
}

export function base64ToBytes(b64: string): Uint8Array<ArrayBuffer> {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

function needsEncoding(v: unknown): boolean {
  if (v instanceof Blob || v instanceof Uint8Array) return true;
  if (Array.isArray(v)) return v.some(needsEncoding);
  if (v !== null && typeof v === 'object') return Object.values(v).some(needsEncoding);
  return false;
}

async function encodeValue(v: unknown): Promise<unknown> {
  if (v instanceof Blob) {
    return { $blob: bytesToBase64(new Uint8Array(await v.arrayBuffer())), type: v.type } satisfies EncodedBlob;
  }
  if (v instanceof Uint8Array) return { $bytes: bytesToBase64(v) } satisfies EncodedBytes;
  if (Array.isArray(v)) return Promise.all(v.map(encodeValue));
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = await encodeValue(x);
    return out;
  }
  return v;
}

/** Rows ready for JSON: only rows that hold binary values are copied. */
export async function encodeRows(rows: readonly unknown[]): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const r of rows) out.push(needsEncoding(r) ? await encodeValue(r) : r);
  return out;
}

function isEncodedBlob(v: object): v is EncodedBlob {
  const keys = Object.keys(v);
  return (
    keys.length === 2 && typeof (v as EncodedBlob).$blob === 'string' && typeof (v as EncodedBlob).type === 'string'
  );
}
function isEncodedBytes(v: object): v is EncodedBytes {
  return Object.keys(v).length === 1 && typeof (v as EncodedBytes).$bytes === 'string';
}

function decodeValue(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(decodeValue);
  if (v !== null && typeof v === 'object') {
    if (isEncodedBlob(v)) return new Blob([base64ToBytes(v.$blob)], { type: v.type });
    if (isEncodedBytes(v)) return base64ToBytes(v.$bytes);
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = decodeValue(x);
    return out;
  }
  return v;
}

/** Rows as stored: binary values back as Blob / Uint8Array. Throws on malformed base64. */
export function decodeRows(rows: readonly unknown[]): unknown[] {
  return rows.map(decodeValue);
}
