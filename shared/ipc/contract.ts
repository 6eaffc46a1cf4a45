import { z } from 'zod';
import { BACKUP_FILE_PATTERN, BACKUP_KINDS, MAX_BACKUP_FILE_BYTES, PRE_OPEN_COPY_ID_PATTERN } from '../backup/limits';
import { retentionPolicySchema } from '../backup/retention';
import { auditIpcContract } from './audit-contract';
import { MAX_SEALED_CHARS } from '../security/pii-seal';

/** Largest file the renderer may hand to main for saving, or read through `files:open`. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

const fileName = z
  .string()
  .min(1, '缺少文件名')
  .max(200, '文件名过长')
  .refine((s) => !/[\\/:*?"<>|]/.test(s) && ![...s].some((c) => c.charCodeAt(0) < 0x20), '文件名含有不允许的字符');

/**
 * An app route that renders a printable document, without the leading `#/`: `print/<kind>/<id>`, e.g.
 * `print/minutes/3f2c…`. Nothing else — no query, no hash, no `..`, no other origin — so a compromised
 * renderer can only make main print one of the app's own print views.
 */
export const PRINT_ROUTE_KINDS = ['minutes'] as const;
export const PRINT_ROUTE_PATTERN = new RegExp(`^print/(?:${PRINT_ROUTE_KINDS.join('|')})/[A-Za-z0-9_-]{1,64}$`);

/**
 * The attribute a print view sets on `<html>`: `ready` once its data is loaded and laid out, `error` when
 * it cannot show the document. The host waits for it before printing (main in Electron, the page in the
 * browser).
 */
export const PRINT_READY_ATTRIBUTE = 'data-print-ready';

const printRoute = z.string().max(200, '打印页面地址过长').regex(PRINT_ROUTE_PATTERN, '只能打印本程序的打印页面');

const fileFilter = z
  .object({
    name: z.string().min(1).max(60),
    extensions: z
      .array(z.string().regex(/^[a-z0-9]{1,10}$/i, '扩展名格式不正确'))
      .min(1)
      .max(10),
  })
  .strict();

const backupName = z.string().max(120).regex(BACKUP_FILE_PATTERN, '不是本程序的备份文件名');
const backupBytes = z
  .instanceof(Uint8Array)
  .refine((b) => b.byteLength <= MAX_BACKUP_FILE_BYTES, `备份文件超过 ${MAX_BACKUP_FILE_BYTES / 1024 / 1024} MB 上限`);

/** One file in main's backup folder, with what main found when it checked it. */
export const backupEntrySchema = z.object({
  name: z.string(),
  size: z.number(),
  createdAt: z.string(),
  kind: z.enum(BACKUP_KINDS),
  /** `verified`: structure, CRC-32, SHA-256, counts and digest all checked; `damaged`: refused, with why. */
  status: z.enum(['verified', 'damaged']),
  problem: z.string().optional(),
  /** Rows per table from the manifest (verified files only). */
  tables: z.record(z.string(), z.number()).optional(),
  appVersion: z.string().optional(),
  schemaVersion: z.number().optional(),
});

export const backupFolderSchema = z.object({
  dir: z.string(),
  retention: retentionPolicySchema,
  entries: z.array(backupEntrySchema),
  /** ISO time of the newest backup of any kind, or null. */
  lastBackupAt: z.string().nullable(),
});

/**
 * The one IPC contract: channel → input schema → output type. Main registers exactly these channels,
 * preload exposes exactly these capabilities, and the renderer's Electron host adapter calls them.
 */
export const ipcContract = {
  ...auditIpcContract,
  'files:save-as': {
    input: z
      .object({
        suggestedName: fileName,
        filters: z.array(fileFilter).max(5),
        bytes: z.instanceof(Uint8Array).refine((b) => b.byteLength <= MAX_FILE_BYTES, '文件超过 50 MB 上限'),
      })
      .strict(),
    output: z.object({ saved: z.boolean(), path: z.string().optional() }),
  },
  'files:open': {
    input: z.object({ filters: z.array(fileFilter).max(5) }).strict(),
    output: z.object({
      canceled: z.boolean(),
      name: z.string().optional(),
      bytes: z.instanceof(Uint8Array).optional(),
    }),
  },
  'app:info': {
    input: z.undefined().or(z.object({}).strict()),
    output: z.object({ version: z.string(), dataPath: z.string(), platform: z.string(), electron: z.string() }),
  },
  'files:reveal': {
    input: z.object({ path: z.string().min(1).max(4096) }).strict(),
    output: z.object({ shown: z.boolean() }),
  },
  'print:to-pdf': {
    input: z
      .object({
        route: printRoute,
        suggestedName: fileName.refine((s) => /\.pdf$/i.test(s), '文件名须以 .pdf 结尾'),
      })
      .strict(),
    output: z.object({ saved: z.boolean(), path: z.string().optional() }),
  },
  /** Main's backup folder: where it is, the retention policy, and every backup file checked. */
  'backup:list': {
    input: z.undefined().or(z.object({}).strict()),
    output: backupFolderSchema,
  },
  /** Writes a backup the renderer made into the folder (temp file → fsync → rename), then applies retention. */
  'backup:write': {
    input: z.object({ name: backupName, bytes: backupBytes }).strict(),
    output: z.object({ path: z.string(), removed: z.array(z.string()) }),
  },
  /** The bytes of one backup in the folder (for restore), by its file name only. */
  'backup:read': {
    input: z.object({ name: backupName }).strict(),
    output: z.object({ bytes: z.instanceof(Uint8Array) }),
  },
  /** Lets the user pick a backup file anywhere (the 256 MB backup cap instead of 50 MB). */
  'backup:open-file': {
    input: z.undefined().or(z.object({}).strict()),
    output: z.object({
      canceled: z.boolean(),
      name: z.string().optional(),
      bytes: z.instanceof(Uint8Array).optional(),
    }),
  },
  /** Asks the user for another backup folder; existing backups stay where they are. */
  'backup:choose-dir': {
    input: z.undefined().or(z.object({}).strict()),
    output: z.object({ dir: z.string(), changed: z.boolean() }),
  },
  'backup:set-retention': {
    input: retentionPolicySchema,
    output: z.object({ retention: retentionPolicySchema, removed: z.array(z.string()) }),
  },
  /** Opens the backup folder in the system file manager. */
  'backup:reveal-dir': {
    input: z.undefined().or(z.object({}).strict()),
    output: z.object({ shown: z.boolean() }),
  },
  /**
   * DUR-6: the database cannot be opened — main copies the IndexedDB folder to `<userData>/quarantine/<time>`
   * (once per session; the originals are only read) and says where.
   */
  'backup:quarantine-db': {
    input: z.undefined().or(z.object({}).strict()),
    output: z.object({ dir: z.string(), files: z.number().int().nonnegative(), bytes: z.number().nonnegative() }),
  },
  /**
   * DUR-6: the copies of the database folders main made at start before the window opened
   * (electron/main/backup/pre-open-copy.ts), newest first, and the one a restore is pending for. Listing them
   * keeps them from being rotated out.
   */
  'backup:pre-open-list': {
    input: z.undefined().or(z.object({}).strict()),
    output: z.object({
      copies: z
        .array(
          z.object({
            id: z.string().regex(PRE_OPEN_COPY_ID_PATTERN),
            createdAt: z.string(),
            files: z.number().int().nonnegative(),
            bytes: z.number().nonnegative(),
          }),
        )
        .max(1_000),
      pending: z.string().regex(PRE_OPEN_COPY_ID_PATTERN).nullable(),
    }),
  },
  /**
   * DUR-6: put a pre-open copy back. Main checks it in full, notes the request and restarts the app; the copy
   * replaces the database folders at the next start, before any window holds them (the replaced ones are kept).
   */
  'backup:pre-open-restore': {
    input: z.object({ id: z.string().regex(PRE_OPEN_COPY_ID_PATTERN, '不是启动前副本的名称') }).strict(),
    output: z.object({ restarting: z.boolean() }),
  },
  /** The renderer's answer to main's quit request (`BACKUP_QUIT_REQUEST`, messages.ts): its quit backup is written (or failed); main may quit. */
  'backup:quit-done': {
    input: z.object({ ok: z.boolean() }).strict(),
    output: z.object({ quitting: z.boolean() }),
  },
  /** PII-1: the installation's public key (base64) for sealing 投诉举报人信息; main makes the key pair on first need. */
  'pii:public-key': {
    input: z.undefined().or(z.object({}).strict()),
    output: z.object({ publicKey: z.string().regex(/^[A-Za-z0-9+/]{43}=$/) }),
  },
  /**
   * PII-1: opens one sealed value with the private key, which never leaves main; the renderer calls it on a
   * reveal, before its own audit entry. Main appends a line to its reveal log (fsynced) before answering.
   */
  'pii:open': {
    input: z
      .object({
        sealed: z
          .string()
          .max(MAX_SEALED_CHARS, '加密数据过长')
          .regex(/^pii\d+:[A-Za-z0-9+/=]+$/, '不是投诉举报人信息的加密格式'),
        /** For main's own reveal log (electron/main/keys/reveal-log.ts): which topic, and the reason given. */
        topicId: z.string().min(1).max(100).optional(),
        reason: z.string().max(500).optional(),
      })
      .strict(),
    output: z.object({ json: z.string() }),
  },
} as const;

export { BACKUP_QUIT_REQUEST, QUIT_BACKUP_TIMEOUT_MS } from './messages';

export type IpcContract = typeof ipcContract;
export type IpcChannel = keyof IpcContract;
export type IpcInput<C extends IpcChannel> = z.input<IpcContract[C]['input']>;
export type IpcOutput<C extends IpcChannel> = z.infer<IpcContract[C]['output']>;

/** Every IPC call returns a value, never throws across the boundary. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: string };

export const IPC_CHANNELS = Object.keys(ipcContract) as IpcChannel[];

/** The fixed, privileged origin the renderer is served from. Data lives here: never change it. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'jointdesk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** The API preload exposes on `window.jointdesk`: one named function per channel. */
export interface JointDeskBridge {
  /** Electron only (AUD-2/AUD-3): the audit key and main's head file. */
  audit: {
    key(): Promise<IpcResult<IpcOutput<'audit:key'>>>;
    head(): Promise<IpcResult<IpcOutput<'audit:head'>>>;
    setHead(input: IpcInput<'audit:set-head'>): Promise<IpcResult<IpcOutput<'audit:set-head'>>>;
    resetHead(input: IpcInput<'audit:reset-head'>): Promise<IpcResult<IpcOutput<'audit:reset-head'>>>;
  };
  files: {
    saveAs(input: IpcInput<'files:save-as'>): Promise<IpcResult<IpcOutput<'files:save-as'>>>;
    open(input: IpcInput<'files:open'>): Promise<IpcResult<IpcOutput<'files:open'>>>;
    reveal(input: IpcInput<'files:reveal'>): Promise<IpcResult<IpcOutput<'files:reveal'>>>;
  };
  app: {
    info(): Promise<IpcResult<IpcOutput<'app:info'>>>;
  };
  print: {
    /** Renders an app print route to PDF in a hidden window, then asks where to save it. */
    toPdf(input: IpcInput<'print:to-pdf'>): Promise<IpcResult<IpcOutput<'print:to-pdf'>>>;
  };
  backup: {
    list(): Promise<IpcResult<IpcOutput<'backup:list'>>>;
    write(input: IpcInput<'backup:write'>): Promise<IpcResult<IpcOutput<'backup:write'>>>;
    read(input: IpcInput<'backup:read'>): Promise<IpcResult<IpcOutput<'backup:read'>>>;
    openFile(): Promise<IpcResult<IpcOutput<'backup:open-file'>>>;
    chooseDir(): Promise<IpcResult<IpcOutput<'backup:choose-dir'>>>;
    setRetention(input: IpcInput<'backup:set-retention'>): Promise<IpcResult<IpcOutput<'backup:set-retention'>>>;
    revealDir(): Promise<IpcResult<IpcOutput<'backup:reveal-dir'>>>;
    quarantineDb(): Promise<IpcResult<IpcOutput<'backup:quarantine-db'>>>;
    quitDone(input: IpcInput<'backup:quit-done'>): Promise<IpcResult<IpcOutput<'backup:quit-done'>>>;
    preOpenList(): Promise<IpcResult<IpcOutput<'backup:pre-open-list'>>>;
    preOpenRestore(
      input: IpcInput<'backup:pre-open-restore'>,
    ): Promise<IpcResult<IpcOutput<'backup:pre-open-restore'>>>;
    /** Registers the one handler for main's quit request (a later call replaces it). */
    onQuitRequest(handler: () => void): void;
  };
  pii: {
    publicKey(): Promise<IpcResult<IpcOutput<'pii:public-key'>>>;
    open(input: IpcInput<'pii:open'>): Promise<IpcResult<IpcOutput<'pii:open'>>>;
  };
}
