import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { canonicalJson } from '../domain/canonical-json';
import { strFromU8, strToU8 } from 'fflate';
import { z } from 'zod';
import { BACKUP_KINDS, MAX_BACKUP_FILE_BYTES, MAX_DATA_BYTES, MAX_MANIFEST_BYTES, type BackupKind } from './limits';
import { BackupZipError, readZip, writeZip } from './zip';

/**
 * The backup file (RELIABILITY-SECURITY.md DUR-8): a zip of `manifest.json` and `data.json`.
 *
 * - `data.json` = `{ format: 1, tables: { <table>: rows[] } }`, every table of the database in primary-key
 *   order, binary values encoded as `{ "$blob": <base64>, "type": <mime> }` by the caller (see
 *   renderer/src/db/backup/blob-codec.ts). Plain JSON, readable with any tool.
 * - `manifest.json` = app and schema version, per-table row counts, SHA-256 of the exact bytes of
 *   `data.json`, the content digest ({@link tablesDigest}), the audit chain head and the creation time.
 */

export const BACKUP_FORMAT = 1;
export const BACKUP_APP = 'jointdesk';
export const MANIFEST_ENTRY = 'manifest.json';
export const DATA_ENTRY = 'data.json';

export {
  BACKUP_FILE_PATTERN,
  BACKUP_KINDS,
  MAX_BACKUP_FILE_BYTES,
  MAX_DATA_BYTES,
  MAX_MANIFEST_BYTES,
  type BackupKind,
} from './limits';

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);
const tableName = z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,39}$/);

export const backupManifestSchema = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    app: z.literal(BACKUP_APP),
    appVersion: z.string().min(1).max(40),
    /** The Dexie schema version of the database the backup was taken from. */
    schemaVersion: z.number().int().positive(),
    createdAt: z.iso.datetime(),
    kind: z.enum(BACKUP_KINDS),
    /** Rows per table. */
    tables: z.record(tableName, z.number().int().nonnegative()),
    /** SHA-256 (hex) of the bytes of data.json. */
    dataSha256: sha256Hex,
    dataBytes: z.number().int().nonnegative(),
    /** {@link tablesDigest} of the tables in data.json. */
    digest: sha256Hex,
    /** The audit chain head at backup time (null before the first audited write). */
    auditHead: z.object({ seq: z.number().int().nonnegative(), hash: sha256Hex }).strict().nullable(),
  })
  .strict();
export type BackupManifest = z.infer<typeof backupManifestSchema>;

/** JSON-ready rows per table, binary values already encoded. */
export type BackupTables = Record<string, readonly unknown[]>;

const dataSchema = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    tables: z.record(tableName, z.array(z.unknown())),
  })
  .strict();

/**
 * THE content digest of a database, defined once for backups, restores and tests: SHA-256 over, for each
 * table in name order, the line `#<table>` followed by one line per row with its canonical JSON
 * (RFC 8785), rows in primary-key order. Two databases with the same digest hold the same rows.
 */
export function tablesDigest(tables: BackupTables): string {
  const h = sha256.create();
  for (const name of Object.keys(tables).sort()) {
    h.update(utf8ToBytes(`#${name}\n`));
    for (const row of tables[name]!) {
      const json = canonicalJson(row);
      if (json === undefined) throw new Error(`${name}: a row cannot be serialised`);
      h.update(utf8ToBytes(json + '\n'));
    }
  }
  return bytesToHex(h.digest());
}

export interface BuildBackupInput {
  tables: BackupTables;
  appVersion: string;
  schemaVersion: number;
  createdAt: Date;
  kind: BackupKind;
  auditHead: { seq: number; hash: string } | null;
  /** Progress of compression, 0…1; may be async (the renderer yields to the page there). */
  onProgress?: (fraction: number) => void | Promise<void>;
}

/** Data.json is handed to the compressor in pieces this big, so progress moves and the page can breathe. */
const DATA_CHUNK = 1024 * 1024;

export async function buildBackupArchive(
  input: BuildBackupInput,
): Promise<{ bytes: Uint8Array; manifest: BackupManifest }> {
  const names = Object.keys(input.tables).sort();
  const ordered: Record<string, readonly unknown[]> = {};
  for (const n of names) ordered[n] = input.tables[n]!;
  const data = strToU8(JSON.stringify({ format: BACKUP_FORMAT, tables: ordered }));
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    app: BACKUP_APP,
    appVersion: input.appVersion,
    schemaVersion: input.schemaVersion,
    createdAt: input.createdAt.toISOString(),
    kind: input.kind,
    tables: Object.fromEntries(names.map((n) => [n, input.tables[n]!.length])),
    dataSha256: bytesToHex(sha256(data)),
    dataBytes: data.byteLength,
    digest: tablesDigest(ordered),
    auditHead: input.auditHead,
  };
  const chunks: Uint8Array[] = [];
  for (let o = 0; o < data.byteLength; o += DATA_CHUNK) chunks.push(data.subarray(o, o + DATA_CHUNK));
  const bytes = await writeZip(
    [
      { name: MANIFEST_ENTRY, chunks: [strToU8(JSON.stringify(manifest, null, 2))] },
      { name: DATA_ENTRY, chunks },
    ],
    {
      mtime: input.createdAt,
      onProgress: input.onProgress ? (done, total) => input.onProgress!(done / total) : undefined,
    },
  );
  return { bytes, manifest };
}

/** The checks of a backup file in the order they run (openBackupArchive, then the renderer's row and audit checks). */
export const BACKUP_CHECK_STAGES = ['unzip', 'checksum', 'parse', 'digest', 'rows', 'audit'] as const;
export type BackupCheckStage = (typeof BACKUP_CHECK_STAGES)[number];

export const BACKUP_REJECT_REASONS = [
  'too-large',
  'corrupt',
  'not-backup',
  'newer-schema',
  'checksum',
  'counts',
  'rows',
  'audit',
] as const;
export type BackupRejectReason = (typeof BACKUP_REJECT_REASONS)[number];

/** Why a backup file is refused. Messages are Chinese and say what to do. */
export class BackupRejected extends Error {
  constructor(
    message: string,
    readonly reason: BackupRejectReason,
    readonly detail = '',
  ) {
    super(message);
    this.name = 'BackupRejected';
  }
}

const CORRUPT = '备份文件已损坏或不完整，未作任何改动。请换用其他备份文件。';

/** Reads and parses only the manifest (for lists and the confirm dialog); the data is checked by {@link openBackupArchive}. */
export function readBackupManifest(bytes: Uint8Array): BackupManifest {
  return openBackupArchive(bytes, { manifestOnly: true }).manifest;
}

export interface OpenedBackup {
  manifest: BackupManifest;
  /** Parsed data.json tables (absent with `manifestOnly`). */
  tables: BackupTables;
}

/**
 * Checks a backup file completely in memory — structure, sizes on bytes actually inflated, CRC-32,
 * manifest schema, SHA-256 of data.json, row counts and the content digest — and returns its tables.
 * Nothing is written anywhere. Throws {@link BackupRejected}.
 *
 * With `maxSchemaVersion`, a backup from a newer app is refused with the versions named.
 */
export function openBackupArchive(
  bytes: Uint8Array,
  o: {
    maxSchemaVersion?: number;
    manifestOnly?: boolean;
    /** Called as each check starts (the backup check worker reports it as progress). */
    onStage?: (stage: BackupCheckStage) => void;
  } = {},
): OpenedBackup {
  if (bytes.byteLength > MAX_BACKUP_FILE_BYTES) {
    throw new BackupRejected(
      `备份文件过大（超过 ${MAX_BACKUP_FILE_BYTES / 1024 / 1024} MB），未作任何改动。`,
      'too-large',
    );
  }
  if (bytes.byteLength < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    throw new BackupRejected('所选文件不是本程序的备份文件（应为 .zip 备份），未作任何改动。', 'not-backup');
  }
  let entries: Map<string, Uint8Array>;
  o.onStage?.('unzip');
  try {
    entries = readZip(bytes, [MANIFEST_ENTRY, DATA_ENTRY], {
      maxBytes: { [MANIFEST_ENTRY]: MAX_MANIFEST_BYTES, [DATA_ENTRY]: o.manifestOnly ? Infinity : MAX_DATA_BYTES },
    });
  } catch (error) {
    if (error instanceof BackupZipError && error.kind === 'too-large') {
      throw new BackupRejected(
        '备份文件解压后过大，已拒绝读取（可能是损坏或恶意构造的文件），未作任何改动。',
        'too-large',
        error.detail,
      );
    }
    throw new BackupRejected(CORRUPT, 'corrupt', error instanceof Error ? error.message : String(error));
  }
  const manifest = parseJson(entries.get(MANIFEST_ENTRY)!, 'manifest');
  const m = backupManifestSchema.safeParse(manifest);
  if (!m.success) throw new BackupRejected(CORRUPT, 'corrupt', `manifest: ${m.error.issues[0]?.message ?? ''}`);
  const man = m.data;
  if (o.maxSchemaVersion !== undefined && man.schemaVersion > o.maxSchemaVersion) {
    throw new BackupRejected(
      `该备份由较新版本的程序创建（程序 ${man.appVersion}，数据结构第 ${man.schemaVersion} 版），本程序只能读取第 ${o.maxSchemaVersion} 版及以前的数据。请先升级本程序再恢复，未作任何改动。`,
      'newer-schema',
    );
  }
  if (o.manifestOnly) return { manifest: man, tables: {} };

  const data = entries.get(DATA_ENTRY)!;
  o.onStage?.('checksum');
  if (data.byteLength !== man.dataBytes || bytesToHex(sha256(data)) !== man.dataSha256) {
    throw new BackupRejected(CORRUPT, 'checksum', 'data.json SHA-256 differs from the manifest');
  }
  o.onStage?.('parse');
  const parsed = dataSchema.safeParse(parseJson(data, 'data'));
  if (!parsed.success) throw new BackupRejected(CORRUPT, 'corrupt', `data: ${parsed.error.issues[0]?.message ?? ''}`);
  const tables = parsed.data.tables;
  const names = Object.keys(tables).sort();
  const listed = Object.keys(man.tables).sort();
  if (names.join(',') !== listed.join(','))
    throw new BackupRejected(CORRUPT, 'counts', 'tables differ from the manifest');
  for (const n of names) {
    if (tables[n]!.length !== man.tables[n]) {
      throw new BackupRejected(CORRUPT, 'counts', `${n}: ${tables[n]!.length} rows, manifest says ${man.tables[n]}`);
    }
  }
  o.onStage?.('digest');
  if (tablesDigest(tables) !== man.digest) throw new BackupRejected(CORRUPT, 'checksum', 'content digest differs');
  return { manifest: man, tables };
}

function parseJson(bytes: Uint8Array, what: string): unknown {
  try {
    return JSON.parse(strFromU8(bytes));
  } catch {
    throw new BackupRejected(CORRUPT, 'corrupt', `${what} is not JSON`);
  }
}

export function backupFileName(createdAt: Date, kind: BackupKind): string {
  const t = new Date(createdAt.getTime() + 8 * 3600_000).toISOString(); // UTC+8, no daylight saving
  const date = t.slice(0, 10).replaceAll('-', '');
  const time = t.slice(11, 19).replaceAll(':', '');
  return `jointdesk-backup-${date}-${time}-${kind}.zip`;
}
