import type { AuditHeadState } from '../../../shared/ipc/audit-contract';

/** A file-type filter for save/open dialogs, e.g. `{ name: 'Excel 工作簿', extensions: ['xlsx'] }`. */
export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface SaveFileOptions {
  suggestedName: string;
  bytes: Uint8Array;
  filters: FileFilter[];
}

export interface SaveFileResult {
  saved: boolean;
  /** Where the file went; only the Electron host knows (the browser hands it to its downloads). */
  path?: string;
}

export interface PrintToPdfOptions {
  /** An app print route without `#/`, e.g. `print/minutes/<id>`. */
  route: string;
  /** e.g. `会议纪要-2026年第三次会议（第5期）.pdf`. */
  suggestedName: string;
}

export interface OpenFileOptions {
  filters: FileFilter[];
  /** Files larger than this are refused with a Chinese message (default {@link DEFAULT_MAX_OPEN_BYTES}). */
  maxBytes?: number;
}

export type OpenFileResult = { canceled: true } | { canceled: false; name: string; bytes: Uint8Array };

export interface AppInfo {
  version: string;
  /** Where the data lives, for the user to read (a folder in Electron, a description in the browser). */
  dataPath: string;
  platform: string;
  /** e.g. `Electron 45.4.1` or `Chromium 141.0.7390.54`. */
  runtime: string;
}

/** One backup file in the Electron build's backup folder, as main checked it. */
export interface BackupFolderEntry {
  name: string;
  size: number;
  createdAt: string;
  kind: 'manual' | 'daily' | 'quit' | 'pre-restore' | 'pre-migration';
  status: 'verified' | 'damaged';
  problem?: string;
  tables?: Record<string, number>;
  appVersion?: string;
  schemaVersion?: number;
}

export interface BackupRetention {
  daily: number;
  weekly: number;
  monthly: number;
}

export interface BackupFolderInfo {
  dir: string;
  retention: BackupRetention;
  /** Newest first. */
  entries: BackupFolderEntry[];
  lastBackupAt: string | null;
}

/** A copy of the database folders main made at start (electron/main/backup/pre-open-copy.ts). */
export interface PreOpenCopy {
  id: string;
  createdAt: string;
  files: number;
  bytes: number;
}

/**
 * Where backups go (RELIABILITY-SECURITY.md DUR-8). Electron: a folder kept by main (atomic writes,
 * retention, each file checked); the browser cannot keep files, so every backup is a download.
 */
export interface BackupHost {
  readonly storage: 'folder' | 'download';
  /** Keeps a finished backup file: into the folder (Electron) or as a download (browser). */
  keep(file: { fileName: string; bytes: Uint8Array }): Promise<{ saved: boolean; path?: string; removed?: string[] }>;
  /** The folder and its checked backups; null where there is no folder (browser). */
  folder(): Promise<BackupFolderInfo | null>;
  /** The bytes of a backup in the folder (Electron only). */
  readFromFolder(name: string): Promise<Uint8Array>;
  /** Lets the user pick a backup file (up to the backup size cap). */
  openFile(): Promise<OpenFileResult>;
  /** Electron only: choose another folder, change retention, show the folder. */
  chooseFolder?(): Promise<{ dir: string; changed: boolean }>;
  setRetention?(r: BackupRetention): Promise<{ retention: BackupRetention; removed: string[] }>;
  revealFolder?(): Promise<void>;
  /**
   * Electron only (DUR-6): when the database cannot be opened, main copies its folder aside once and says
   * where; the originals are never touched.
   */
  quarantineDatabase?(): Promise<{ dir: string; files: number; bytes: number }>;
  /**
   * Electron only (DUR-6): the copies of the database folders main made at start, before the window opened
   * (newest first), and the one a restore is pending for.
   */
  preOpenCopies?(): Promise<{ copies: PreOpenCopy[]; pending: string | null }>;
  /** Electron only: main checks the copy, notes it and restarts; the copy is put back before the window opens. */
  restorePreOpenCopy?(id: string): Promise<void>;
  /** Electron only: `handler` writes the quit backup; main quits when it settles (or after its timeout). */
  onQuitRequest?(handler: () => Promise<void>): void;
}

/**
 * The installation's key pair for 投诉举报人信息 (RELIABILITY-SECURITY.md PII-1): data is sealed to the public
 * key (shared/security/pii-seal.ts) and only the private key opens it. Electron: main keeps the pair (the
 * private key encrypted by the OS, never sent to the renderer). Browser: the private key is wrapped with a
 * passphrase in localStorage (platform/browser-pii-keys.ts), asked for when the pair is made and once per
 * session before a reveal.
 */
export interface PiiHost {
  /** The public key; the pair is made on first need (the browser asks for a new passphrase then). */
  publicKey(): Promise<Uint8Array>;
  /** Opens one sealed value to its clear JSON text (the browser asks for the passphrase once per session). */
  open(sealed: string, context?: { topicId?: string; reason?: string }): Promise<string>;
}

/** Main's head of the audit chain (electron/main/audit/audit-head.ts), as the IPC contract defines it. */
export type { AuditHeadState };

/**
 * Electron only (RELIABILITY-SECURITY.md AUD-2/AUD-3): the audit key main keeps under safeStorage, and the
 * chain's head main keeps in a file outside IndexedDB (db/audit-session.ts uses it). The browser has no main.
 */
export interface AuditHost {
  /** The 32-byte audit key; rejects (Chinese) where the OS offers no encryption to keep it. */
  key(): Promise<Uint8Array>;
  /** Main's head, and why it cannot be trusted when it cannot. */
  readHead(): Promise<{ head: AuditHeadState | null; problem?: string }>;
  /** After a committed write; main refuses a head that moves back. */
  setHead(head: { seq: number; hash: string; keyedFrom: number | null }): Promise<AuditHeadState>;
  /** After a restore, or the user accepting the data as found: the one way back. */
  resetHead(head: { seq: number; hash: string; reason: 'restore' | 'accept-data' }): Promise<AuditHeadState>;
}

/**
 * What the renderer may ask of its host. The Electron implementation goes through the preload bridge
 * (`window.jointdesk`), the browser one through downloads and file inputs. Code outside `platform/`
 * only ever sees this interface (from {@link getHost}), never which host it got.
 */
export interface Host {
  kind: 'electron' | 'browser';
  saveFile(o: SaveFileOptions): Promise<SaveFileResult>;
  openFile(o: OpenFileOptions): Promise<OpenFileResult>;
  appInfo(): Promise<AppInfo>;
  /**
   * A print view of the app (`print/minutes/<id>`, no leading `#/`) as a PDF. Electron renders it in a
   * hidden window and asks where to save it (`saved`/`path` as for {@link saveFile}); the browser opens
   * its own print dialog on the view, where the user picks “另存为 PDF” — it cannot know whether a file was
   * written, so it always resolves `{ saved: false }` once the dialog has closed.
   */
  printToPdf(o: PrintToPdfOptions): Promise<SaveFileResult>;
  /** Show a saved file in the system file manager; absent where the host cannot (the browser). */
  revealFile?(path: string): Promise<void>;
  backups: BackupHost;
  pii: PiiHost;
  /** Electron only: the audit key and main's head file; absent in the browser. */
  audit?: AuditHost;
}

/** Same cap as the IPC contract's MAX_FILE_BYTES, so both hosts refuse the same files. */
export const DEFAULT_MAX_OPEN_BYTES = 50 * 1024 * 1024;
