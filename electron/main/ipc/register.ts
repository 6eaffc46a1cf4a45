import { z } from 'zod';
import type { IpcResult } from '../../../shared/ipc/contract';
import { describeError } from '../services/user-facing-error';
import { isTrustedSender, type IpcSenderEvent } from './sender';

/** A contract shaped like `shared/ipc/contract.ts`: channel → input and output schemas. */
export type ContractShape = Readonly<Record<string, { readonly input: z.ZodType; readonly output: z.ZodType }>>;

/** One handler per channel: takes the parsed input, returns the output. Throwing is allowed here. */
export type HandlersFor<C extends ContractShape> = {
  readonly [K in keyof C]: (input: z.output<C[K]['input']>) => Promise<z.input<C[K]['output']>>;
};

/** The one `ipcMain` method the registry uses. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcSenderEvent, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

export interface RegisterIpcOptions {
  /** Dev server origin(s) in development; empty in production, where only `app://jointdesk` counts. */
  readonly extraOrigins?: readonly string[];
  /** Where unexpected errors are logged (main-process console by default). */
  readonly log?: (message: string, error: unknown) => void;
}

export const SENDER_REFUSED = '请求来源不可信，已拒绝。';
export const OUTPUT_INVALID = '内部错误：返回结果不合法。';

/**
 * Chinese default messages for this parse only (no global `z.config`): the contract's own messages
 * (文件名过长 …) still win, zod's generic ones ("expected string") come out in Chinese.
 */
const zhCN = z.locales.zhCN().localeError;

function formatIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => (i.path.length > 0 ? `${i.path.join('.')}：${i.message}` : i.message))
    .join('；');
}

/**
 * Builds the function that answers one channel: sender check → zod parse → handler → output check.
 * It never throws and never returns anything but a plain `IpcResult`; in particular the output is
 * re-parsed with the contract's schema, so an Electron object can never leak to the renderer.
 */
export function createChannelInvoker<S extends { readonly input: z.ZodType; readonly output: z.ZodType }>(
  channel: string,
  schema: S,
  handler: (input: z.output<S['input']>) => Promise<z.input<S['output']>>,
  options: RegisterIpcOptions = {},
): (event: IpcSenderEvent, rawInput: unknown) => Promise<IpcResult<z.output<S['output']>>> {
  const extraOrigins = options.extraOrigins ?? [];
  const log = options.log ?? ((message, error) => console.error(message, error));
  return async (event, rawInput) => {
    try {
      if (!isTrustedSender(event, extraOrigins)) return { ok: false, error: SENDER_REFUSED };
      const parsed = schema.input.safeParse(rawInput, { error: zhCN });
      if (!parsed.success) return { ok: false, error: `参数不合法：${formatIssues(parsed.error)}` };
      const value: unknown = await handler(parsed.data as z.output<S['input']>);
      const output = schema.output.safeParse(value);
      if (!output.success) {
        log(`[ipc] ${channel}: handler returned a value outside the contract`, output.error);
        return { ok: false, error: OUTPUT_INVALID };
      }
      return { ok: true, value: output.data as z.output<S['output']> };
    } catch (error) {
      log(`[ipc] ${channel} failed`, error);
      return { ok: false, error: describeError(error) };
    }
  };
}

/**
 * The IPC registry (VS Code pattern): registers exactly the contract's channels on `ipcMain.handle`.
 * Throws at start-up — a programming error, caught by the composition-root test — if a channel has no
 * handler or a handler has no channel. Returns a function that removes the handlers again.
 */
export function registerIpc<C extends ContractShape>(
  ipcMain: IpcMainLike,
  handlers: HandlersFor<C>,
  contract: C,
  options: RegisterIpcOptions = {},
): () => void {
  const channels = Object.keys(contract) as (keyof C & string)[];
  const handled = Object.keys(handlers);
  const missing = channels.filter((c) => !handled.includes(c));
  const unknown = handled.filter((h) => !(channels as string[]).includes(h));
  if (missing.length > 0) throw new Error(`IPC channels without a handler: ${missing.join(', ')}`);
  if (unknown.length > 0) throw new Error(`IPC handlers without a contract channel: ${unknown.join(', ')}`);

  for (const channel of channels) {
    const invoke = createChannelInvoker(channel, contract[channel], handlers[channel], options);
    // Only the first argument is ever read: a renderer cannot smuggle extra arguments to a handler.
    ipcMain.handle(channel, (event, rawInput) => invoke(event, rawInput));
  }
  return () => channels.forEach((c) => ipcMain.removeHandler(c));
}
