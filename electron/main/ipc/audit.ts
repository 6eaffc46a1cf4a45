import type { IpcContract } from '../../../shared/ipc/contract';
import type { AuditHeadStore } from '../audit/audit-head';
import type { AuditKeyStore } from '../audit/audit-key';
import type { HandlersFor } from './register';

type AuditChannels = Pick<IpcContract, 'audit:key' | 'audit:head' | 'audit:set-head' | 'audit:reset-head'>;

export interface AuditContext {
  readonly keys: AuditKeyStore;
  readonly head: AuditHeadStore;
}

/** AUD-2/AUD-3 channels: the audit key out, main's head file read, advanced (never back) and reset after a restore. */
export function createAuditHandlers(ctx: AuditContext): HandlersFor<AuditChannels> {
  return {
    'audit:key': async () => ({ key: Buffer.from(await ctx.keys.key()).toString('base64') }),
    'audit:head': () => ctx.head.read(),
    'audit:set-head': async (next) => ({ head: await ctx.head.advance(next) }),
    'audit:reset-head': async (next) => ({ head: await ctx.head.reset(next) }),
  };
}
