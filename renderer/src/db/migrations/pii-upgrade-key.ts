import type { DatabaseDependencies } from '../database';

/**
 * The public key an upgrade seals complainant data with (PII-1, version 7). A Dexie upgrade runs inside the
 * version-change transaction, where no IPC or passphrase prompt can be awaited, so the app obtains the key
 * BEFORE it opens the database (app/database-gate.tsx) and leaves it here; the upgrade reads it
 * synchronously. Without it an upgrade that has clear complainant data to seal refuses (the database stays
 * as it was) instead of opening and skipping.
 */
let upgradeKey: Uint8Array | undefined;

export function setUpgradePublicKey(key: Uint8Array | undefined): void {
  upgradeKey = key;
}

export function upgradePublicKey(): Uint8Array | undefined {
  return upgradeKey;
}

let provider: (() => Promise<Uint8Array>) | undefined;

/**
 * How the app obtains the key when an upgrade needs it (the database gate registers the host's): used by
 * {@link prepareUpgradeKey}'s callers and by a restore of an older backup (its staging copy is upgraded).
 */
export function setUpgradeKeyProvider(p: (() => Promise<Uint8Array>) | undefined): void {
  provider = p;
}

/**
 * Before a restore stages an older backup: when its topics hold clear complainant data, the key is obtained
 * through the registered provider (none registered: the upgrade then refuses with its message).
 */
export async function ensureUpgradeKeyForRows(fromVersion: number, topics: readonly unknown[] | undefined) {
  if (fromVersion >= PII_SEALED_VERSION || upgradeKey || !provider) return;
  const clear = (topics ?? []).some((t) => typeof t === 'object' && t !== null && 'complainant' in t);
  if (clear) setUpgradePublicKey(await provider());
}

/** The first schema version whose topics keep complainant data sealed. */
export const PII_SEALED_VERSION = 7;

export const UPGRADE_NEEDS_PII_KEY =
  '数据库升级需要投诉举报人信息保护密钥：本版本把已保存的投诉举报人信息改为加密保存，' +
  '但没有取得密钥（网页版需要先设置保护口令；桌面版需要操作系统的加密存储）。数据库未作任何改动，取得密钥后重试即可。';

/**
 * Before the app opens its database (PII-1): when the database on disk is older than
 * {@link PII_SEALED_VERSION} and holds a topic with clear complainant data, the upgrade will need the
 * public key — `getKey` is asked for it (Electron: main; web: the stored public key, or the dialog that
 * sets the passphrase) and it is left for the upgrade. A fresh or already-sealed database asks nothing.
 * Opened as it is (Dexie's dynamic mode, no upgrade) and closed again. Returns whether a key was needed.
 */
export async function prepareUpgradeKey(
  name: string,
  getKey: () => Promise<Uint8Array>,
  deps: DatabaseDependencies = {},
): Promise<boolean> {
  const { onDiskSchemaVersion, openAsItIs } = await import('../open-check');
  const onDisk = await onDiskSchemaVersion(name, (deps.indexedDB as IDBFactory | undefined) ?? globalThis.indexedDB);
  if (onDisk === null || onDisk >= PII_SEALED_VERSION) return false;
  const old = await openAsItIs(name, deps as Parameters<typeof openAsItIs>[1]);
  let needed: boolean;
  try {
    needed =
      old.tables.some((t) => t.name === 'topics') &&
      (await old
        .table('topics')
        .filter((t: { complainant?: unknown }) => t.complainant !== undefined)
        .count()) > 0;
  } finally {
    old.close();
  }
  if (needed) setUpgradePublicKey(await getKey());
  return needed;
}
