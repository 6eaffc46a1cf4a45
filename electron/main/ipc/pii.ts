import type { IpcContract } from '../../../shared/ipc/contract';
import type { PiiKeys } from '../keys/pii-keys';
import { fieldNamesOf, type RevealLog } from '../keys/reveal-log';
import { UserFacingError } from '../services/user-facing-error';
import type { HandlersFor } from './register';

type PiiChannels = Pick<IpcContract, 'pii:public-key' | 'pii:open'>;

export const REVEAL_LOG_FAILED = '无法写入查看记录，未显示投诉举报人信息（可能是磁盘空间不足或没有写入权限）。';

/**
 * PII-1 channels: the public key out, a sealed value in and its clear JSON out; the private key stays in main.
 * Every open — whether it succeeds or not — is first written to main's reveal log (keys/reveal-log.ts); the
 * clear value leaves only after its line is on disk.
 */
export function createPiiHandlers(keys: PiiKeys, revealLog: RevealLog): HandlersFor<PiiChannels> {
  return {
    'pii:public-key': async () => ({ publicKey: await keys.publicKey() }),
    'pii:open': async ({ sealed, topicId, reason }) => {
      const context = { ...(topicId !== undefined ? { topicId } : {}), ...(reason !== undefined ? { reason } : {}) };
      let json: string;
      try {
        json = await keys.open(sealed);
      } catch (error) {
        await revealLog.append({ sealed, ok: false, fields: [], ...context }).catch(() => undefined);
        throw error;
      }
      try {
        await revealLog.append({ sealed, ok: true, fields: fieldNamesOf(json), ...context });
      } catch {
        throw new UserFacingError(REVEAL_LOG_FAILED);
      }
      return { json };
    },
  };
}
