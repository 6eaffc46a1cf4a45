/**
 * The page of the PII canary test (bundled by test/durability/pii-canary.ts with esbuild, served on its own;
 * never part of the app's build). It writes topics with complainant data through the app's real data layer
 * (renderer/src/db: topics repository, audited writes, the app's JointDeskDB) with the web build's real key
 * store (platform/browser-pii-keys.ts: passphrase-wrapped private key in localStorage, PBKDF2 600,000), in
 * real IndexedDB of a persistent Chromium profile; then makes the backup the app's 立即备份 makes
 * (db/backup/backup.ts createBackup) and hands its bytes to Node. The API is `window.__piiCanary`.
 */
import { createDataLayer } from '../../renderer/src/db/data-layer';
import { createBackup } from '../../renderer/src/db/backup/backup';
import { JointDeskDB } from '../../renderer/src/db/database';
import { createBrowserPiiKeys, setPiiPassphrasePrompt } from '../../renderer/src/platform/browser-pii-keys';

export interface CanaryInput {
  count: number;
  name: string;
  idNumber: string;
  phone: string;
  titleMarker: string;
  passphrase: string;
}

export interface PiiCanaryApi {
  write(o: CanaryInput): Promise<{ written: number; revealed: unknown }>;
  backup(): Promise<{ fileName: string; base64: string }>;
}

const db = new JointDeskDB();
// The user sets the passphrase in the dialog; here the prompt answers it.
let passphrase = '';
setPiiPassphrasePrompt(async (r) => (await r.submit(passphrase)) === undefined);
const dl = createDataLayer(db, { pii: createBrowserPiiKeys() });

const api: PiiCanaryApi = {
  async write(o) {
    passphrase = o.passphrase;
    await dl.profiles.create({ name: '王丽', unitName: '联席会议办公室', role: 'office_staff' });
    const unit = await dl.units.create({ name: '城关镇人民政府', kind: 'township' });
    let written = 0;
    let firstId = '';
    for (let i = 0; i < o.count; i++) {
      const t = await dl.topics.submit({
        title: `${o.titleMarker}第${i + 1}号`,
        submittingUnitId: unit.id,
        submittedOn: '2026-11-20',
        category: 'other',
        description: '投诉举报人信息加密保存的金丝雀测试记录。',
        urgency: 'normal',
        relatedUnitIds: [],
        complainant: { name: o.name, phone: o.phone, idNumber: o.idNumber, address: '城关镇金丝雀路1号' },
      });
      if (i === 0) firstId = t.id;
      written++;
    }
    // The data can still be shown (one audited reveal): the test seals, it does not destroy.
    const revealed = await dl.topics.reveal(firstId, '金丝雀测试核对');
    return { written, revealed };
  },
  async backup() {
    const b = await createBackup(db, { appVersion: 'canary', kind: 'manual' });
    let s = '';
    for (const byte of b.bytes) s += String.fromCharCode(byte);
    db.close();
    return { fileName: b.fileName, base64: btoa(s) };
  },
};

(globalThis as unknown as { __piiCanary: PiiCanaryApi }).__piiCanary = api;
