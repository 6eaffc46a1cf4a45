import type Dexie from 'dexie';
import { GENESIS_HASH, type AuditAnchor, type AuditEntry, type AuditKeyedCheck } from '../../../shared/domain';
import type { AuditHost } from '../platform/host';
import { setAuditSealer, type AuditSealer } from './audit-sealer';

/**
 * The audit trail's session with main (Electron; RELIABILITY-SECURITY.md AUD-2/AUD-3). Started by the
 * database gate before the database opens (an upgrade's system entries are keyed too):
 *
 * - asks main once for the audit key (`audit:key`) and keeps it for this page; entries written from then on
 *   carry `mac` = HMAC-SHA256(key, …hash) (audit-chain.ts), computed synchronously in their transaction;
 * - after each audited transaction commits, sends the new head to main (`audit:set-head`), one request at a
 *   time and only the newest waiting head, with the seq from which entries are keyed (`keyedFrom`: the
 *   file's, or this session's first keyed entry when the file has none);
 * - gives verification main's head as it is now, the key and `keyedFrom`;
 * - after a restore (or the user accepting the data as found) resets main's head to the database's head.
 *
 * The web build has no main: there is no session, and the anchors stay the settings row, the checkpoint,
 * the backups and the exported documents' properties.
 */
export interface AuditSession extends AuditSealer {
  /** Main's head file now, the key and from which seq macs are required: for verifyAuditTrail. */
  verifyInputs(): Promise<AuditVerifyInputs>;
  /** Resets main's head to `head` (the database's own after a restore); keyedFrom starts again. */
  reset(head: AuditAnchor | null, reason: 'restore' | 'accept-data'): Promise<void>;
  /** Resolves once every head reported so far has been answered by main (tests). */
  settled(): Promise<void>;
  /** Why there is no key, when main refused one (no OS encryption …). */
  readonly keyProblem: string | undefined;
}

export interface AuditVerifyInputs extends AuditKeyedCheck {
  /** Main could not trust its head file (damaged, altered, missing): reported as a break. */
  fileProblem?: string;
}

const sessions = new Map<string, AuditSession>();

/** The session of `dbName`, if one was started (Electron). */
export function auditSessionFor(dbName: string): AuditSession | undefined {
  return sessions.get(dbName);
}

/** Ends the session of `dbName` (tests). */
export function endAuditSession(dbName: string): void {
  sessions.delete(dbName);
  setAuditSealer(dbName, undefined);
}

/** What verification should be given for `dbName`: main's head and the key, or nothing (web build). */
export async function auditVerifyInputs(dbName: string): Promise<AuditVerifyInputs | undefined> {
  return sessions.get(dbName)?.verifyInputs();
}

/**
 * Starts (once per page and database) the session with main. Never throws: without a key the entries are
 * written without a mac (main's head file still anchors the chain); without the head file a verify reports
 * main's problem.
 */
export async function startAuditSession(
  host: AuditHost,
  dbName: string,
  log: (message: string, error?: unknown) => void = (m, e) => console.warn(m, e ?? ''),
): Promise<AuditSession> {
  const existing = sessions.get(dbName);
  if (existing) return existing;
  let key: Uint8Array | null = null;
  let keyProblem: string | undefined;
  try {
    key = await host.key();
  } catch (e) {
    keyProblem = e instanceof Error ? e.message : String(e);
    log('[audit] no audit key: entries are written without a mac', e);
  }
  let keyedFrom: number | null = null;
  try {
    keyedFrom = (await host.readHead()).head?.keyedFrom ?? null;
  } catch (e) {
    log('[audit] main’s head file could not be read', e);
  }

  let waiting: { seq: number; hash: string; keyedFrom: number | null } | null = null;
  let running: Promise<void> | null = null;
  const drain = async () => {
    while (waiting) {
      const next = waiting;
      waiting = null;
      try {
        await host.setHead(next);
      } catch (e) {
        // Refused (it would move back: the file is ahead of the database, which verification reports) or
        // main unreachable; the next commit sends a newer head.
        log('[audit] main refused the new head', e);
      }
    }
    running = null;
  };

  const session: AuditSession = {
    key,
    keyProblem,
    committed(head, firstSeq) {
      if (key && keyedFrom === null) keyedFrom = firstSeq;
      if (!waiting || head.seq > waiting.seq) waiting = { seq: head.seq, hash: head.hash, keyedFrom };
      running ??= drain();
    },
    async verifyInputs() {
      try {
        const { head, problem } = await host.readHead();
        return {
          fileHead: head && head.seq > 0 ? { seq: head.seq, hash: head.hash } : null,
          keyedFrom: head?.keyedFrom ?? null,
          key,
          ...(problem ? { fileProblem: problem } : {}),
        };
      } catch (e) {
        log('[audit] main’s head file could not be read', e);
        return { fileHead: null, keyedFrom: null, key };
      }
    },
    async reset(head, reason) {
      await running;
      waiting = null;
      await host.resetHead({ seq: head?.seq ?? 0, hash: head?.hash ?? GENESIS_HASH, reason });
      keyedFrom = null;
    },
    async settled() {
      while (running) await running;
    },
  };
  sessions.set(dbName, session);
  setAuditSealer(dbName, session);
  return session;
}

/**
 * After a restore replaced the trail on purpose (or the user accepted the data as found): main's head is
 * reset to the database's last entry through its own channel, the one way it may move back. Nothing in the
 * web build.
 */
export async function resetMainAuditHead(db: Dexie, reason: 'restore' | 'accept-data'): Promise<void> {
  const session = sessions.get(db.name);
  if (!session) return;
  const last = await db.table<AuditEntry, number>('audit').orderBy('seq').last();
  await session.reset(last ? { seq: last.seq, hash: last.hash } : null, reason);
}
