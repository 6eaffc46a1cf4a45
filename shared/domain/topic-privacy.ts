import { sealJson } from '../security/pii-seal';
import { DomainError } from './errors';
import type { Complainant, Topic } from './topic';

/**
 * Masking of 投诉举报人信息 (RELIABILITY PII-2): lists, details, audit snapshots and exports show these
 * forms; the clear values are shown only after an explicit, audited reveal. All functions count
 * characters by code point so a rare character (𠮷) is never cut in half.
 */

const MASK = '*';

function chars(s: string): string[] {
  return Array.from(s.trim());
}

/** `张三丰` → `张**`, `张三` → `张*`; a one-character name is fully masked. */
export function maskName(name: string): string {
  const c = chars(name);
  if (c.length === 0) return '';
  if (c.length === 1) return MASK;
  return `${c[0]}${MASK.repeat(c.length - 1)}`;
}

/**
 * `13812345678` → `138****5678`. Longer or landline numbers keep the first 3 and last 4 characters and
 * mask the digits between (separators stay, so `0599-1234567` → `059*-***4567`); short ones keep the
 * last 2 only.
 */
export function maskPhone(phone: string): string {
  const c = chars(phone);
  if (c.length === 0) return '';
  const keepHead = c.length >= 7 ? 3 : 0;
  const keepTail = c.length >= 7 ? 4 : Math.min(2, c.length - 1);
  return c.map((ch, i) => (i < keepHead || i >= c.length - keepTail || !/\d/.test(ch) ? ch : MASK)).join('');
}

/** Keeps the first 6 (region) and last 4 characters: `350702199001011234` → `350702********1234`. */
export function maskIdNumber(id: string): string {
  const c = chars(id);
  if (c.length === 0) return '';
  // Too short to keep 6 + 4 and still hide anything: hide it all.
  if (c.length <= 10) return MASK.repeat(c.length);
  return `${c.slice(0, 6).join('')}${MASK.repeat(c.length - 10)}${c.slice(-4).join('')}`;
}

/**
 * Keeps the first 6 characters (roughly the township and street) and masks the rest with four stars,
 * so the mask does not tell the length. An address of 6 characters or fewer keeps only its first half.
 */
export function maskAddress(address: string): string {
  const c = chars(address);
  if (c.length === 0) return '';
  const keep = c.length > 6 ? 6 : Math.floor(c.length / 2);
  return `${c.slice(0, keep).join('')}${MASK.repeat(4)}`;
}

/** Every field masked; absent fields stay absent. */
export function maskComplainant(c: Complainant): Complainant {
  const out: Complainant = {};
  if (c.name) out.name = maskName(c.name);
  if (c.phone) out.phone = maskPhone(c.phone);
  if (c.idNumber) out.idNumber = maskIdNumber(c.idNumber);
  if (c.address) out.address = maskAddress(c.address);
  return out;
}

/** True when at least one complainant field holds text. */
export function hasComplainantData(c: Complainant | undefined): c is Complainant {
  return !!c && Object.values(c).some((v) => typeof v === 'string' && v.trim() !== '');
}

/** Which complainant fields hold text, in form order (for the audit entry of a reveal). */
export function complainantFields(c: Complainant | undefined): (keyof Complainant)[] {
  const keys: (keyof Complainant)[] = ['name', 'phone', 'idNumber', 'address'];
  return keys.filter((k) => typeof c?.[k] === 'string' && c[k].trim() !== '');
}

/**
 * The topic as lists, details and audit snapshots may hold it: the complainant masked (or dropped when
 * empty), from a stored row (`complainantMasked`) or a clear one (`complainant`, masked here). The sealed
 * blob is left out too: the audit trail is append-only and copied into backups and exports, so neither
 * clear personal data nor its ciphertext goes there — every topic snapshot goes through this function.
 */
export function maskedTopic<T extends Topic>(topic: T): T {
  if (!topic.complainant && !topic.complainantMasked && topic.complainantSealed === undefined) return topic;
  const { complainant, complainantMasked, complainantSealed: _sealed, ...rest } = topic;
  const masked = hasComplainantData(complainantMasked)
    ? complainantMasked
    : hasComplainantData(complainant)
      ? maskComplainant(complainant)
      : undefined;
  return (masked ? { ...rest, complainant: masked } : rest) as T;
}

/**
 * The row as stored (PII-1): a clear `complainant` becomes `complainantMasked` + `complainantSealed`
 * (sealed to `publicKey`, synchronous, so this runs inside a Dexie transaction or upgrade); a row without
 * complainant data loses the three fields. A row already in the stored form comes back as it is.
 */
export function sealedTopic<T extends Topic>(topic: T, publicKey: Uint8Array | undefined): T {
  if (topic.complainant === undefined) return topic;
  const { complainant, complainantMasked: _m, complainantSealed: _s, ...rest } = topic;
  if (!hasComplainantData(complainant)) return rest as T;
  if (!publicKey) {
    throw new DomainError('validation', '没有投诉举报人信息保护密钥，不能保存投诉举报人信息');
  }
  return {
    ...rest,
    complainantMasked: maskComplainant(complainant),
    complainantSealed: sealJson(publicKey, complainant),
  } as T;
}

/** True when a stored row (or an old clear one) holds complainant data. */
export function topicHasComplainant(topic: Topic): boolean {
  return hasComplainantData(topic.complainantMasked) || hasComplainantData(topic.complainant);
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const ID_CHECK = '10X98765432';

/**
 * The problem with a 居民身份证号码, or undefined when it is well-formed: 18 characters (17 digits and a
 * check character 0–9 or X, GB 11643-1999) with a correct check character, or an old 15-digit number.
 */
export function idNumberProblem(id: string): string | undefined {
  const s = id.trim().toUpperCase();
  if (/^\d{15}$/.test(s)) return undefined;
  if (!/^\d{17}[\dX]$/.test(s)) return '身份证号应为 18 位（最后一位可以是 X）';
  const sum = ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(s[i]), 0);
  if (ID_CHECK[sum % 11] !== s[17]) return '身份证号校验位不正确，请核对';
  return undefined;
}
