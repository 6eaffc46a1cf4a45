import { readFileSync } from 'node:fs';
import i18n from 'i18next';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createBrowserPiiKeys,
  PII_KEY_STORAGE_KEY,
  setPiiPassphrasePrompt,
  type PassphraseRequest,
} from '../../../renderer/src/platform/browser-pii-keys';
import { HostError } from '../../../renderer/src/platform/host-error';
import { sealJson } from '../../../shared/security/pii-seal';

const zh = JSON.parse(
  readFileSync(new URL('../../../renderer/src/i18n/locales/zh-CN/pii.json', import.meta.url), 'utf8'),
) as Record<string, string>;

function memoryStorage() {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), m };
}

/** A prompt that answers each request with the next passphrase from the list, as a user would type them. */
function typing(...answers: (string | null)[]) {
  const asked: { mode: string; messages: (string | undefined)[] }[] = [];
  const p = vi.fn(async (r: PassphraseRequest) => {
    const entry = { mode: r.mode, messages: [] as (string | undefined)[] };
    asked.push(entry);
    for (;;) {
      const next = answers.shift();
      if (next === null || next === undefined) return false;
      const problem = await r.submit(next);
      entry.messages.push(problem);
      if (problem === undefined) return true;
    }
  });
  setPiiPassphrasePrompt(p);
  return { p, asked };
}

beforeAll(async () => {
  await i18n.init({ lng: 'zh-CN', resources: { 'zh-CN': { pii: zh } }, interpolation: { escapeValue: false } });
});
afterEach(() => setPiiPassphrasePrompt(undefined));

const ITER = 1000; // the real 600,000 only slows the test; the count is stored with the key and used to unwrap.

describe('browser PII keys (passphrase-wrapped private key)', () => {
  it('asks for a new passphrase once, stores only the wrapped key, and needs no prompt for later writes', async () => {
    const storage = memoryStorage();
    const { p, asked } = typing('短', 'correct horse battery');
    const keys = createBrowserPiiKeys({ storage, iterations: ITER });
    const pub = await keys.publicKey();
    expect(asked).toEqual([{ mode: 'set', messages: ['口令至少需要 8 个字符', undefined] }]);
    const stored = storage.m.get(PII_KEY_STORAGE_KEY)!;
    expect(JSON.parse(stored)).toMatchObject({ version: 1, kdf: { name: 'PBKDF2-SHA256', iterations: ITER } });
    expect(await keys.publicKey()).toEqual(pub);
    // A new page session reads the public key without asking.
    expect(await createBrowserPiiKeys({ storage, iterations: ITER }).publicKey()).toEqual(pub);
    expect(p).toHaveBeenCalledTimes(1);
    // The session that set it opens without asking again.
    expect(await keys.open(sealJson(pub, { name: '张三' }))).toBe('{"name":"张三"}');
    expect(p).toHaveBeenCalledTimes(1);
  });

  it('unlocks once per session; a wrong passphrase is refused and asked again', async () => {
    const storage = memoryStorage();
    typing('correct horse battery');
    const pub = await createBrowserPiiKeys({ storage, iterations: ITER }).publicKey();
    const sealed = sealJson(pub, { idNumber: '11010519491231002X' });

    const { p, asked } = typing('wrong passphrase', 'correct horse battery');
    const later = createBrowserPiiKeys({ storage, iterations: ITER });
    expect(JSON.parse(await later.open(sealed))).toEqual({ idNumber: '11010519491231002X' });
    expect(asked).toEqual([{ mode: 'unlock', messages: [zh.wrongPassphrase, undefined] }]);
    await later.open(sealed);
    expect(p).toHaveBeenCalledTimes(1);
  });

  it('cancelling leaves no key (set) or shows nothing (unlock)', async () => {
    const storage = memoryStorage();
    typing(null);
    const keys = createBrowserPiiKeys({ storage, iterations: ITER });
    await expect(keys.publicKey()).rejects.toThrow(HostError);
    expect(storage.m.size).toBe(0);

    typing('correct horse battery');
    const pub = await keys.publicKey();
    typing(null);
    await expect(createBrowserPiiKeys({ storage, iterations: ITER }).open(sealJson(pub, {}))).rejects.toThrow(
      zh.unlockCancelled,
    );
  });

  it('one prompt for callers that come together', async () => {
    const storage = memoryStorage();
    const { p } = typing('correct horse battery');
    const keys = createBrowserPiiKeys({ storage, iterations: ITER });
    const [a, b] = await Promise.all([keys.publicKey(), keys.publicKey()]);
    expect(a).toEqual(b);
    expect(p).toHaveBeenCalledTimes(1);
  });

  it('refuses without a registered prompt, a damaged stored key, and a value sealed elsewhere', async () => {
    const storage = memoryStorage();
    const keys = createBrowserPiiKeys({ storage, iterations: ITER });
    await expect(keys.publicKey()).rejects.toThrow(zh.noPrompt);
    await expect(keys.open('pii1:AAAA')).rejects.toThrow(zh.noKey);

    storage.setItem(PII_KEY_STORAGE_KEY, '{"version":1,"publicKey":"x"}');
    await expect(keys.publicKey()).rejects.toThrow(zh.keyDamaged);

    const other = memoryStorage();
    typing('correct horse battery');
    const otherPub = await createBrowserPiiKeys({ storage: other, iterations: ITER }).publicKey();
    const mine = memoryStorage();
    typing('another passphrase');
    const own = createBrowserPiiKeys({ storage: mine, iterations: ITER });
    await own.publicKey();
    await expect(own.open(sealJson(otherPub, { name: '李四' }))).rejects.toThrow(/密钥不符/);
  });

  it('uses 600,000 PBKDF2 iterations by default', async () => {
    const storage = memoryStorage();
    typing('correct horse battery');
    await createBrowserPiiKeys({ storage }).publicKey();
    expect(JSON.parse(storage.m.get(PII_KEY_STORAGE_KEY)!).kdf.iterations).toBe(600_000);
  });
});
