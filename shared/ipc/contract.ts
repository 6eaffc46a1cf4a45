import { z } from 'zod';

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

/**
 * The one IPC contract: channel → input schema → output type. Main registers exactly these channels,
 * preload exposes exactly these capabilities, and the renderer's Electron host adapter calls them.
 */
export const ipcContract = {
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
} as const;

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
}
