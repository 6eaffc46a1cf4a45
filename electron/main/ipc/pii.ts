import type { IpcContract } from '../../../shared/ipc/contract';
import type { PiiKeys } from '../keys/pii-keys';
import type { HandlersFor } from './register';

type PiiChannels = Pick<IpcContract, 'pii:public-key' | 'pii:open'>;

/** PII-1 channels: the public key out, a sealed value in and its clear JSON out; the private key stays in main. */
export function createPiiHandlers(keys: PiiKeys): HandlersFor<PiiChannels> {
  return {
    'pii:public-key': async () => ({ publicKey: await keys.publicKey() }),
    'pii:open': async ({ sealed }) => ({ json: await keys.open(sealed) }),
  };
}
