import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Download, Locator, Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { buildBackupArchive } from '../../../shared/backup/format';
import { DEMO_DEFAULTS, generateDemoDataset } from '../../../shared/demo/generate';
import { AppPage } from '../pages/app-page';
import { UnitsPage } from '../pages/units-page';
import { E2E_NOW, expect, test } from '../support/clocked-test';

/**
 * 设置 → 数据备份 in the browser build (RELIABILITY-SECURITY.md DUR-8, DUR-6): a manual backup is a download
 * whose zip is read back here with a reader of its own (fflate + node:crypto, not the app's); a change made
 * afterwards is undone by restoring that file through the page and its confirmation, the demo data and the
 * audit trail come back as they were (a second backup has the first one's content digest); damaged files are
 * refused with a Chinese message and change nothing; a database the app cannot open shows the recovery
 * screen and stays as it was.
 */
const SHOTS = 'test-results/backup';
const NEW_UNIT = '城关镇应急管理办公室';

test.use({ actionTimeout: 15_000 });
test.setTimeout(180_000);
test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

interface Manifest {
  schemaVersion: number;
  createdAt: string;
  kind: string;
  tables: Record<string, number>;
  dataSha256: string;
  dataBytes: number;
  digest: string;
  auditHead: { seq: number; hash: string } | null;
}

/** The backup file as any zip tool sees it: its entries, the manifest and data.json's tables. */
function readBackup(bytes: Uint8Array) {
  const entries = unzipSync(bytes);
  const manifest = JSON.parse(strFromU8(entries['manifest.json']!)) as Manifest;
  const data = entries['data.json']!;
  const tables = (JSON.parse(strFromU8(data)) as { tables: Record<string, Record<string, unknown>[]> }).tables;
  return { names: Object.keys(entries), manifest, data, tables };
}

const section = (page: Page) => page.locator('#backup');
const dir = () => mkdtempSync(join(tmpdir(), 'jd-backup-e2e-'));

async function openBackupSection(page: Page): Promise<Locator> {
  await page.goto('/#/settings');
  const s = section(page);
  await expect(s.getByRole('button', { name: '立即备份' })).toBeEnabled();
  await s.scrollIntoViewIfNeeded();
  return s;
}

/** 立即备份 → the download, saved to `path`; returns the file's bytes. */
async function backUp(page: Page, path: string): Promise<Uint8Array> {
  const s = section(page);
  const pending = page.waitForEvent('download');
  await s.getByRole('button', { name: '立即备份' }).click();
  const download: Download = await pending;
  expect(download.suggestedFilename()).toMatch(/^jointdesk-backup-20261122-\d{6}-manual\.zip$/);
  await download.saveAs(path);
  // The message names this file (an earlier backup's message may still be showing).
  await expect(page.getByText(`备份完成，已作为下载文件保存：${download.suggestedFilename()}（`)).toBeVisible();
  await expect(s.getByRole('button', { name: '立即备份' })).toBeEnabled();
  return new Uint8Array(readFileSync(path));
}

/** 从备份文件恢复… with `path` picked in the file chooser. */
async function chooseBackupFile(page: Page, path: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await section(page).getByRole('button', { name: '从备份文件恢复…' }).click();
  await (await chooser).setFiles(path);
}

async function expectAuditIntact(page: Page, count: number): Promise<void> {
  await page.getByRole('button', { name: '校验完整性' }).click();
  await expect(page.getByText(`审计链完整（${count} 条）`)).toBeVisible();
}

async function createUnit(page: Page): Promise<void> {
  const units = new UnitsPage(page);
  await units.open('units');
  await units.createUnit({ name: NEW_UNIT, kind: '职能科室', liaison: '陈晓', phone: '13900001111' });
  await units.search('应急管理');
  await expect(units.row(NEW_UNIT)).toBeVisible();
}

test('a manual backup downloads a checked zip; restoring it through 设置 undoes a later change', async ({ page }) => {
  const app = new AppPage(page);
  const work = dir();
  await app.firstStartWithDemo();
  const s = await openBackupSection(page);
  await expect(s).toContainText('本次打开页面后还没有做过备份。点击上方“立即备份”');
  // How much of the browser's storage the data takes (DUR-10).
  await expect(s.getByTestId('storage-usage')).toHaveText(
    /^本机存储：已使用 [\d.]+ (B|KB|MB)，上限约 [\d.]+ (MB|GB)（.+%）。$/,
  );
  await s.screenshot({ path: `${SHOTS}/01-empty.png` });

  // ---- the manual backup: a progress bar while it runs, then the download and a listed, checked row ----
  const pending = page.waitForEvent('download');
  await s.getByRole('button', { name: '立即备份' }).click();
  // The progress bar shows at least while the file is being packed (it yields to the page between chunks).
  await expect(s.getByTestId('backup-progress').or(page.getByText(/^备份完成/))).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/02-progress.png` });
  const download = await pending;
  const file = join(work, download.suggestedFilename());
  await download.saveAs(file);
  await expect(
    page.getByText(
      /^备份完成，已作为下载文件保存：jointdesk-backup-20261122-\d{6}-manual\.zip（\d+ KB，1,233 条记录）$/,
    ),
  ).toBeVisible();
  const listed = s.getByRole('row').filter({ hasText: '手动' });
  await expect(listed).toContainText('2026年11月22日上午10:00');
  await expect(listed).toContainText(/\d+ KB/);
  await expect(listed).toContainText('1,233');
  await expect(listed).toContainText('已校验');
  await s.screenshot({ path: `${SHOTS}/03-listed.png` });

  // ---- the zip, read with another reader: two entries, checksum and counts as the manifest says ----
  const backup = readBackup(new Uint8Array(readFileSync(file)));
  expect(backup.names).toEqual(['manifest.json', 'data.json']);
  const m = backup.manifest;
  expect(m.kind).toBe('manual');
  expect(Date.parse(m.createdAt)).toBeGreaterThanOrEqual(E2E_NOW.getTime());
  expect(createHash('sha256').update(backup.data).digest('hex')).toBe(m.dataSha256);
  expect(backup.data.byteLength).toBe(m.dataBytes);
  expect(Object.keys(m.tables).sort()).toEqual(Object.keys(backup.tables).sort());
  for (const [name, rows] of Object.entries(backup.tables)) expect(rows, name).toHaveLength(m.tables[name]!);
  // Every record of the demo township is in it, and the whole audit trail up to its head.
  const demo = generateDemoDataset({ ...DEMO_DEFAULTS, today: '2026-11-22' });
  for (const [name, rows] of Object.entries(demo)) expect(m.tables[name], name).toBe(rows.length);
  expect(m.tables['profiles']).toBe(1);
  expect(m.auditHead?.seq).toBe(m.tables['audit']);
  expect(backup.tables['audit']!.at(-1)).toMatchObject({ seq: m.auditHead?.seq, hash: m.auditHead?.hash });
  expect(backup.tables['units']!.map((u) => u['name'])).not.toContain(NEW_UNIT);

  // ---- a change after the backup ----
  await createUnit(page);

  // ---- restore through the page: the confirmation says what the file holds, then the data is replaced ----
  await openBackupSection(page);
  await chooseBackupFile(page, file);
  const dialog = page.getByRole('dialog', { name: '从备份恢复' });
  await expect(dialog).toContainText('已校验：文件结构、校验值、各表记录数');
  await expect(dialog).toContainText('2026年11月22日上午10:00');
  await expect(dialog).toContainText(`共 ${m.auditHead!.seq} 条，链头 ${m.auditHead!.hash.slice(0, 12)}`);
  // Business tables first: 单位 is the first row of the table of counts.
  await expect(dialog.locator('.ant-table-tbody .ant-table-row').first()).toHaveText(`单位${m.tables['units']}`);
  await dialog.screenshot({ path: `${SHOTS}/04-confirm.png` });
  const preRestore = page.waitForEvent('download');
  // Staging, the pre-restore backup and the swap take a while on a busy machine: no timing is assumed.
  const reloaded = page.waitForEvent('load', { timeout: 120_000 });
  await dialog.getByRole('button', { name: '确认恢复' }).click();
  // The current data is kept first, as a download, and it holds the change the restore is about to undo.
  const pre = await preRestore;
  expect(pre.suggestedFilename()).toMatch(/^jointdesk-backup-20261122-\d{6}-pre-restore\.zip$/);
  const prePath = join(work, pre.suggestedFilename());
  await pre.saveAs(prePath);
  const kept = readBackup(new Uint8Array(readFileSync(prePath)));
  expect(kept.manifest.kind).toBe('pre-restore');
  expect(kept.tables['units']!.map((u) => u['name'])).toContain(NEW_UNIT);
  expect(kept.manifest.tables['units']).toBe(m.tables['units']! + 1);
  // The page cannot see whether the browser finished saving the download: it asks before replacing anything.
  const savedDialog = page.getByRole('dialog', { name: '确认已保存恢复前的数据' });
  await expect(savedDialog).toContainText(pre.suggestedFilename());
  await savedDialog.getByRole('button', { name: '已保存，继续恢复' }).click();
  await reloaded;
  // The page came back on 设置 → 数据备份, saying what was restored and where the previous data went.
  await expect(page).toHaveURL(/#\/settings$/);
  const restored = section(page).getByTestId('backup-restored');
  await expect(restored).toHaveText(
    '已从 2026年11月22日上午10:00 的备份恢复全部数据，恢复前的数据已作为下载文件保存（“恢复前”备份），请妥善保管。',
  );
  await page.screenshot({ path: `${SHOTS}/05-restored-notice.png` });
  // Said once: not again on the next load.
  await page.reload();
  await expect(section(page).getByRole('button', { name: '立即备份' })).toBeEnabled();
  await expect(restored).toHaveCount(0);

  // ---- the change is gone, the demo data and its audit trail are back ----
  const units = new UnitsPage(page);
  await units.open('units');
  await units.search('应急管理');
  await expect(units.row(NEW_UNIT)).toHaveCount(0);
  await units.search('区市场监督管理局');
  await expect(units.row('区市场监督管理局')).toBeVisible();
  await openBackupSection(page);
  // The trail is the backup's, plus one entry: the restore itself, by the office.
  await expectAuditIntact(page, m.auditHead!.seq + 1);
  // A backup now holds exactly what the first one held, and that restore entry.
  const again = readBackup(await backUp(page, join(work, 'after-restore.zip')));
  expect(again.manifest.tables).toEqual({ ...m.tables, audit: m.tables['audit']! + 1 });
  for (const name of Object.keys(m.tables).filter((n) => n !== 'audit' && n !== 'settings')) {
    expect(again.tables[name], name).toEqual(backup.tables[name]);
  }
  expect(again.tables['audit']!.slice(0, -1)).toEqual(backup.tables['audit']);
  expect(again.tables['audit']!.at(-1)).toMatchObject({
    seq: m.auditHead!.seq + 1,
    entity: 'system',
    entityId: 'database',
    action: 'restore',
    after: { digest: m.digest, backupKind: 'manual' },
  });
  await page.screenshot({ path: `${SHOTS}/06-after-restore.png` });
});

test('a damaged or foreign backup file is refused with a clear message and nothing changes', async ({ page }) => {
  const app = new AppPage(page);
  const work = dir();
  await app.firstStartWithDemo();
  await openBackupSection(page);
  const good = await backUp(page, join(work, 'good.zip'));
  await createUnit(page);
  await openBackupSection(page);
  const before = readBackup(await backUp(page, join(work, 'before.zip'))).manifest;

  const truncated = join(work, 'truncated.zip');
  writeFileSync(truncated, good.subarray(0, Math.floor(good.byteLength * 0.6)));
  const flipped = join(work, 'flipped.zip');
  const f = good.slice();
  f[Math.floor(f.byteLength / 2)]! ^= 0x10;
  writeFileSync(flipped, f);
  const foreign = join(work, 'notes.zip');
  writeFileSync(foreign, '这不是备份文件');

  let downloads = 0;
  page.on('download', () => downloads++);
  const problem = section(page).getByTestId('backup-problem');
  for (const [path, text] of [
    [truncated, '备份文件已损坏或不完整，未作任何改动。请换用其他备份文件。'],
    [flipped, '备份文件已损坏或不完整，未作任何改动。请换用其他备份文件。'],
    [foreign, '所选文件不是本程序的备份文件（应为 .zip 备份），未作任何改动。'],
  ] as const) {
    await chooseBackupFile(page, path);
    await expect(problem).toContainText('未能从备份恢复');
    await expect(problem).toContainText(text);
    await expect(page.getByRole('dialog', { name: '从备份恢复' })).toHaveCount(0);
    if (path === flipped) await section(page).screenshot({ path: `${SHOTS}/07-refused.png` });
  }
  // Nothing was kept as a pre-restore backup.
  expect(downloads).toBe(0);
  // A good file, but the user cannot find the pre-restore download and cancels: nothing is replaced.
  await chooseBackupFile(page, join(work, 'good.zip'));
  await page.getByRole('dialog', { name: '从备份恢复' }).getByRole('button', { name: '确认恢复' }).click();
  const savedDialog = page.getByRole('dialog', { name: '确认已保存恢复前的数据' });
  await savedDialog.getByRole('button', { name: '取消恢复' }).click();
  await expect(problem).toContainText('已取消恢复，当前数据未被改动。');
  expect(downloads).toBe(1);
  // The change is still there, the data is as it was.
  const units = new UnitsPage(page);
  await units.open('units');
  await units.search('应急管理');
  await expect(units.row(NEW_UNIT)).toBeVisible();
  await openBackupSection(page);
  const after = readBackup(await backUp(page, join(work, 'after.zip'))).manifest;
  expect(after.digest).toBe(before.digest);
  await expectAuditIntact(page, before.auditHead!.seq);
});

test('a database the app cannot open shows the recovery screen and is left as it was', async ({ page }) => {
  // Before the app's first script: a `jointdesk` database of a much newer schema (Dexie stores version × 10).
  await page.addInitScript(() => {
    if (sessionStorage.getItem('jd-e2e-newer')) return;
    sessionStorage.setItem('jd-e2e-newer', '1');
    const req = indexedDB.open('jointdesk', 990);
    req.onupgradeneeded = () => {
      req.result.createObjectStore('units', { keyPath: 'id' }).put({ id: 'u-future', name: '较新版本的单位' });
    };
    req.onsuccess = () => req.result.close();
  });
  await page.goto('/');
  await expect(page.getByText('数据库暂时无法打开')).toBeVisible();
  await expect(page.getByText('数据由较新版本的本程序保存，当前版本无法读取。请安装较新版本的程序。')).toBeVisible();
  await expect(page.getByText('您的数据没有被删除，也没有被改动，仍保存在原处')).toBeVisible();
  await expect(page.getByText(/^VersionError: /)).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/08-recovery.png` });

  // A damaged file is refused here too, in Chinese.
  const work = dir();
  const broken = join(work, 'broken.zip');
  writeFileSync(broken, 'PK\u0003\u0004 not really a zip');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '从备份文件恢复…' }).click();
  await (await chooser).setFiles(broken);
  await expect(page.getByText('备份文件已损坏或不完整，未作任何改动。请换用其他备份文件。')).toBeVisible();

  // A good backup passes its checks, but is not written while the database stays closed.
  const good = join(work, 'jointdesk-backup-20261121-090000-manual.zip');
  const empty = Object.fromEntries(
    ['units', 'people', 'meetings', 'topics', 'profiles', 'settings', 'audit'].map((n) => [n, [] as unknown[]]),
  );
  const built = await buildBackupArchive({
    tables: empty,
    appVersion: '0.1.0',
    schemaVersion: 1,
    createdAt: new Date('2026-11-21T01:00:00Z'),
    kind: 'manual',
    auditHead: null,
  });
  writeFileSync(good, built.bytes);
  const chooser2 = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '从备份文件恢复…' }).click();
  await (await chooser2).setFiles(good);
  const dialog = page.getByRole('dialog', { name: '从备份恢复' });
  await expect(dialog).toContainText('2026年11月21日上午9:00');
  await dialog.getByRole('button', { name: '确认恢复' }).click();
  await expect(page.getByText(/^备份文件已校验无误，但数据库仍无法打开（VersionError），因此没有恢复/)).toBeVisible();
  await expect(dialog).toHaveCount(0);

  // Retry, and a new start, do not open it either; nothing recreated, emptied or upgraded the database.
  await page.getByRole('button', { name: '重试' }).click();
  await page.reload();
  await expect(page.getByText('数据库暂时无法打开')).toBeVisible();
  const onDisk = await page.evaluate(
    () =>
      new Promise<{ version: number; stores: string[]; unit: unknown }>((resolve, reject) => {
        const req = indexedDB.open('jointdesk');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const get = db.transaction('units').objectStore('units').get('u-future');
          get.onsuccess = () => {
            resolve({ version: db.version, stores: [...db.objectStoreNames], unit: get.result });
            db.close();
          };
        };
      }),
  );
  expect(onDisk).toEqual({ version: 990, stores: ['units'], unit: { id: 'u-future', name: '较新版本的单位' } });
});

test('desktop build: the recovery screen says main kept a copy of the database files aside (DUR-6)', async ({
  page,
}) => {
  // The desktop host, as the preload bridge exposes it, with main's side faked: quarantine calls are counted.
  await page.addInitScript(() => {
    const ok = (value: unknown) => Promise.resolve({ ok: true, value });
    const calls: string[] = [];
    (window as unknown as { __quarantineCalls: string[] }).__quarantineCalls = calls;
    (window as unknown as { jointdesk: unknown }).jointdesk = {
      files: {
        saveAs: () => ok({ saved: false }),
        open: () => ok({ canceled: true }),
        reveal: () => ok({ shown: false }),
      },
      app: {
        info: () =>
          ok({ version: '0.1.0', dataPath: '/home/user/.config/jointdesk', platform: 'linux', electron: '45.4.1' }),
      },
      print: { toPdf: () => ok({ saved: false }) },
      backup: {
        list: () =>
          ok({
            dir: '/home/user/文档/联席会议工作台备份',
            retention: { daily: 7, weekly: 4, monthly: 12 },
            entries: [],
            lastBackupAt: null,
          }),
        write: () => ok({ path: '/tmp/x.zip', removed: [] }),
        read: () => ok({ bytes: new Uint8Array() }),
        openFile: () => ok({ canceled: true }),
        chooseDir: () => ok({ dir: '/tmp', changed: false }),
        setRetention: () => ok({ retention: { daily: 7, weekly: 4, monthly: 12 }, removed: [] }),
        revealDir: () => ok({ shown: true }),
        quarantineDb: () => {
          calls.push('quarantine-db');
          return ok({ dir: '/home/user/.config/jointdesk/quarantine/20261122-100000', files: 5, bytes: 104116 });
        },
        quitDone: () => ok({ quitting: true }),
        preOpenList: () =>
          ok({
            copies: [{ id: '20261122-093000', createdAt: '2026-11-22T01:30:00.000Z', files: 6, bytes: 104116 }],
            pending: null,
          }),
        preOpenRestore: (input: { id: string }) => {
          calls.push(`pre-open-restore:${input.id}`);
          return ok({ restarting: true });
        },
        onQuitRequest: () => undefined,
      },
    };
    if (sessionStorage.getItem('jd-e2e-newer')) return;
    sessionStorage.setItem('jd-e2e-newer', '1');
    const req = indexedDB.open('jointdesk', 990);
    req.onupgradeneeded = () => {
      req.result.createObjectStore('units', { keyPath: 'id' }).put({ id: 'u-future', name: '较新版本的单位' });
    };
    req.onsuccess = () => req.result.close();
  });
  await page.goto('/');
  await expect(page.getByText('数据库暂时无法打开')).toBeVisible();
  const kept = page.getByTestId('recovery-quarantine');
  await expect(kept).toContainText('已将数据库文件另存一份副本（5 个文件），供技术支持排查使用，原文件保持不动');
  await expect(kept).toContainText('/home/user/.config/jointdesk/quarantine/20261122-100000');
  // The desktop build also offers the newest verified backup of its folder.
  await expect(page.getByRole('button', { name: '恢复最新的已校验备份' })).toBeVisible();
  // And the copy main made at start, before the database was opened: put back at the next start, on the user's word.
  const preOpen = page.getByTestId('recovery-pre-open');
  await expect(preOpen).toContainText('程序启动时（打开数据库之前）另存的数据库文件副本');
  await expect(preOpen).toContainText('6 个文件');
  await page.screenshot({ path: `${SHOTS}/09-recovery-desktop.png` });
  await preOpen.getByRole('button', { name: '用此副本恢复…' }).click();
  await expect(page.getByRole('dialog')).toContainText('用启动前副本恢复数据库？');
  await page.getByRole('button', { name: '恢复并重新启动' }).click();
  await expect(page.getByText('副本已校验，程序正在重新启动…')).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __quarantineCalls: string[] }).__quarantineCalls)).toEqual([
    'quarantine-db',
    'pre-open-restore:20261122-093000',
  ]);
});

test('storage close to its limit is said plainly where backups are made', async ({ page }) => {
  // The browser reports 85 % of its quota used (DUR-10 warns from 80 %).
  await page.addInitScript(() => {
    const quota = 2 * 1024 * 1024 * 1024;
    Object.defineProperty(navigator.storage, 'estimate', {
      value: () => Promise.resolve({ usage: Math.round(quota * 0.85), quota }),
    });
  });
  await new AppPage(page).firstStart();
  const s = await openBackupSection(page);
  await expect(s.getByTestId('storage-usage')).toHaveText('本机存储：已使用 1.7 GB，上限约 2 GB（85%）。');
  await expect(s.getByRole('alert')).toContainText('存储空间已用 85%，接近上限。请立即备份');
  await s.screenshot({ path: `${SHOTS}/09-storage-nearly-full.png` });
});
