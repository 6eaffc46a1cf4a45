import { generatePiiKeyPair, openSealed } from '../../../shared/security/pii-seal';

/**
 * Where the data layer gets the installation's key for 投诉举报人信息 (PII-1): the public key to seal
 * on a write, and the opening of one sealed value on a reveal. Both are asynchronous (main over IPC, or
 * a passphrase prompt in the web build), so repositories call them BEFORE their transaction opens.
 */
export interface PiiKeySource {
  publicKey(): Promise<Uint8Array>;
  /** `context` is for the host's own record of the reveal (Electron: main's reveal log), never required. */
  open(sealed: string, context?: PiiOpenContext): Promise<string>;
}

/** Which topic a sealed value is opened for, and the reason the user gave. */
export interface PiiOpenContext {
  topicId?: string;
  reason?: string;
}

/**
 * A key pair made in memory for one data layer: tests, benches and tools. Values sealed with it cannot
 * be opened once it is gone, so the app never uses it (singleton.ts passes the host's keys).
 */
export function memoryPiiKeys(): PiiKeySource {
  const pair = generatePiiKeyPair();
  return {
    publicKey: async () => pair.publicKey,
    open: async (sealed) => openSealed(pair.secretKey, sealed),
  };
}
