import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { canonicalJson } from '../domain/canonical-json';
import { DomainError } from '../domain/errors';

/**
 * SHA-256 hex of the canonical JSON (RFC 8785) of a minutes document: what the audit trail keeps instead
 * of the text, and how a version or a draft is matched to the record. One definition for the data layer
 * and the demo generator.
 */
export function minutesContentHash(content: unknown): string {
  const json = canonicalJson(content);
  if (json === undefined) throw new DomainError('validation', '会议纪要内容无法保存');
  return bytesToHex(sha256(utf8ToBytes(json)));
}
