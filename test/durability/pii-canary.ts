/**
 * PII canary (RELIABILITY-SECURITY.md PII-1 / PII-4, issue 10 item 5): 1,000 topics whose complainant carries a
 * marker name and a marker 身份证号 are written through the app's data layer and the web build's key store in
 * Debian Chromium on a persistent profile; the browser is closed, then EVERY file under the profile is scanned
 * for the markers in UTF-8 and UTF-16LE → 0 hits required. The backup the app makes (立即备份) is scanned the
 * same way (the zip as stored, and each entry inflated) → 0 hits. So that a scan that sees nothing cannot pass,
 * a marker put into a non-PII field (the topic title) must be found in the profile and in the backup.
 *
 *   npm run test:pii-canary            (PII_CANARY_RECORDS=… to change the 1,000)
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { launchOnProfile, servePage } from './browser';
import type { PiiCanaryApi } from './pii-canary-page';

const RECORDS = Number(process.env.PII_CANARY_RECORDS ?? 1000);
const NAME = '金丝雀测试人甲';
const PHONE = '13987654321';
const TITLE_MARKER = '金丝雀标题标记';
const PORT = Number(process.env.PII_CANARY_PORT ?? 5481);
const CDP_PORT = PORT + 1;

/** A valid 18-digit 身份证号 (GB 11643 check digit) no other test uses. */
function idNumber(): string {
  const body = '35070219870614321';
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((a, c, i) => a + Number(c) * w[i]!, 0);
  return body + '10X98765432'[sum % 11]!;
}
const ID = idNumber();

interface Needle {
  label: string;
  bytes: Buffer;
}
const needles = (text: string): Needle[] => [
  { label: `${text} (UTF-8)`, bytes: Buffer.from(text, 'utf8') },
  { label: `${text} (UTF-16LE)`, bytes: Buffer.from(text, 'utf16le') },
];
const PII = [...needles(NAME), ...needles(ID), ...needles(PHONE)];
const CONTROL = needles(TITLE_MARKER);

function count(hay: Buffer, needle: Buffer): number {
  let n = 0;
  for (let i = hay.indexOf(needle); i !== -1; i = hay.indexOf(needle, i + 1)) n++;
  return n;
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...filesUnder(p));
    else if (e.isFile()) out.push(p);
  }
  return out;
}

interface Scan {
  files: number;
  bytes: number;
  hits: Record<string, number>;
  where: Record<string, string[]>;
}

function scan(blobs: { name: string; data: Buffer }[], list: Needle[]): Scan {
  const s: Scan = { files: blobs.length, bytes: 0, hits: {}, where: {} };
  for (const n of list) {
    s.hits[n.label] = 0;
    s.where[n.label] = [];
  }
  for (const b of blobs) {
    s.bytes += b.data.length;
    for (const n of list) {
      const c = count(b.data, n.bytes);
      if (c > 0) {
        s.hits[n.label]! += c;
        s.where[n.label]!.push(b.name);
      }
    }
  }
  return s;
}

const total = (s: Scan) => Object.values(s.hits).reduce((a, b) => a + b, 0);

async function main(): Promise<void> {
  const profileDir = mkdtempSync(join(tmpdir(), 'jd-pii-canary-'));
  const server = await servePage(new URL('./pii-canary-page.ts', import.meta.url).pathname, PORT, 'PII canary');
  let failed = false;
  try {
    const chrome = await launchOnProfile({ profileDir, cdpPort: CDP_PORT, url: server.url, globalName: '__piiCanary' });
    const started = Date.now();
    const result = await chrome.page.evaluate(
      (o) => (globalThis as unknown as { __piiCanary: PiiCanaryApi }).__piiCanary.write(o),
      {
        count: RECORDS,
        name: NAME,
        idNumber: ID,
        phone: PHONE,
        titleMarker: TITLE_MARKER,
        passphrase: 'canary-口令-2026',
      },
    );
    const backup = await chrome.page.evaluate(() =>
      (globalThis as unknown as { __piiCanary: PiiCanaryApi }).__piiCanary.backup(),
    );
    const writeMs = Date.now() - started;
    await chrome.close();

    const profileFiles = filesUnder(profileDir).map((p) => ({
      name: p.slice(profileDir.length + 1),
      data: readFileSync(p),
    }));
    const profilePii = scan(profileFiles, PII);
    const profileControl = scan(profileFiles, CONTROL);
    const zip = Buffer.from(backup.base64, 'base64');
    const entries = Object.entries(unzipSync(new Uint8Array(zip))).map(([name, data]) => ({
      name: `${backup.fileName}!${name}`,
      data: Buffer.from(data),
    }));
    const backupBlobs = [{ name: backup.fileName, data: zip }, ...entries];
    const backupPii = scan(backupBlobs, PII);
    const backupControl = scan(entries, CONTROL);

    const revealedOk = JSON.stringify(result.revealed).includes(NAME) && JSON.stringify(result.revealed).includes(ID);
    const lines = [
      `[pii-canary] Chromium ${chrome.browser.version()} profile ${profileDir}`,
      `[pii-canary] records written: ${result.written} (write + backup ${(writeMs / 1000).toFixed(1)} s); reveal of one opens the clear values: ${revealedOk}`,
      `[pii-canary] profile: ${profilePii.files} files, ${profilePii.bytes} bytes; PII hits ${total(profilePii)} ${JSON.stringify(profilePii.hits)}`,
      `[pii-canary] profile control (title marker, must be found): ${total(profileControl)} ${JSON.stringify(profileControl.hits)}`,
      `[pii-canary] backup ${backup.fileName}: ${zip.length} bytes zipped, ${entries.length} entries, ${backupPii.bytes} bytes scanned; PII hits ${total(backupPii)} ${JSON.stringify(backupPii.hits)}`,
      `[pii-canary] backup control (title marker, must be found): ${total(backupControl)}`,
    ];
    console.log(lines.join('\n'));
    const problems: string[] = [];
    if (result.written !== RECORDS) problems.push(`wrote ${result.written} of ${RECORDS}`);
    if (!revealedOk) problems.push('the reveal did not give back the clear values');
    if (total(profilePii) > 0) problems.push(`PII found in the profile: ${JSON.stringify(profilePii.where)}`);
    if (total(backupPii) > 0) problems.push(`PII found in the backup: ${JSON.stringify(backupPii.where)}`);
    if (total(profileControl) === 0)
      problems.push('the control marker was not found in the profile: the scan sees nothing');
    if (total(backupControl) === 0)
      problems.push('the control marker was not found in the backup: the scan sees nothing');
    if (problems.length > 0) {
      failed = true;
      console.error(`[pii-canary] FAILED\n${problems.join('\n')}`);
    }
    console.log(failed ? '[pii-canary] failed' : '[pii-canary] passed: 0 hits in the profile and the backup');
  } finally {
    await server.close();
    rmSync(profileDir, { recursive: true, force: true });
  }
  process.exit(failed ? 1 : 0);
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
