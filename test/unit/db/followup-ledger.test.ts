import { describe, expect, it } from 'vitest';
import { createDataLayer } from '../../../renderer/src/db/data-layer';
import { FOLLOWUP_LEDGER_EXPORT_ID } from '../../../renderer/src/db/repositories/followup';
import {
  buildFollowupLedgerSheets,
  followupLedgerFileName,
  LEDGER_PAGE_SIZE,
  type LedgerProgress,
} from '../../../renderer/src/features/followup/use-followup-ledger';
import ExcelJS from '../../../renderer/src/lib/xlsx/exceljs';
import { writeLedgerWorkbook } from '../../../renderer/src/lib/xlsx/write-ledger';
import { generateDemoDataset } from '../../../shared/demo/generate';
import { auditRows, freshDatabase } from './helpers';

const TODAY = '2026-03-09';

async function loaded() {
  const db = freshDatabase();
  const dl = createDataLayer(db, { now: () => new Date(`${TODAY}T02:00:00.000Z`) });
  await dl.profiles.create({ name: '王小明', unitName: '联席会议办公室', role: 'office_staff' });
  await dl.demo.load(generateDemoDataset({ seed: 7, scale: 3, today: TODAY }));
  return { db, dl };
}

describe('督办事项台账 from the data layer', () => {
  it('events(ids) gives each task its events oldest first, like a full scan, and [] for unknown ids', async () => {
    const { db, dl } = await loaded();
    const all = await db.taskEvents.toArray();
    const ids = [...new Set(all.map((e) => e.resolutionId))].slice(0, 25);
    const got = await dl.followup.events([...ids, 'no-such-task', ids[0]!]);
    expect(got.get('no-such-task')).toEqual([]);
    for (const id of ids) {
      const expected = all
        .filter((e) => e.resolutionId === id)
        .sort((a, b) => a.on.localeCompare(b.on) || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
      expect(got.get(id), id).toEqual(expected);
    }
  });

  it('reads every issued task page by page and writes both sheets with real dates and a frozen header', async () => {
    const { db, dl } = await loaded();
    const issued = (await db.resolutions.toArray()).filter((r) => r.state !== 'draft');
    const issuedIds = new Set(issued.map((r) => r.id));
    const events = (await db.taskEvents.toArray()).filter((e) => issuedIds.has(e.resolutionId));
    expect(LEDGER_PAGE_SIZE).toBe(2000);
    const pageSize = 16; // several pages of tasks and of events on the small demo
    expect(issued.length).toBeGreaterThan(pageSize * 3);

    const seen: LedgerProgress[] = [];
    const built = await buildFollowupLedgerSheets(dl, TODAY, (p) => seen.push(p), pageSize);
    expect(built.tasks).toBe(issued.length);
    expect(built.events).toBe(events.length);
    expect(new Set(built.sheets[0].rows.map((r) => r[3])).size).toBeGreaterThan(1);
    expect(seen.at(0)).toMatchObject({ phase: 'reading', done: pageSize, total: issued.length });
    expect(seen.filter((p) => p.phase === 'reading').at(-1)).toMatchObject({ done: issued.length });
    expect(seen.filter((p) => p.phase === 'events').length).toBe(Math.ceil(issued.length / pageSize));
    expect(seen.at(-1)).toMatchObject({ phase: 'events', done: issued.length, total: issued.length });

    const writes: number[] = [];
    const bytes = await writeLedgerWorkbook(built.sheets, { onProgress: (done) => writes.push(done) });
    expect(writes.at(-1)).toBe(issued.length + events.length);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.slice().buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['督办事项台账', '办理记录']);
    const [main, record] = wb.worksheets as [ExcelJS.Worksheet, ExcelJS.Worksheet];
    expect(main.getCell('A1').value).toBe('督办事项台账（截至2026年3月9日）');
    expect(main.getRow(2).getCell(1).value).toBe('序号');
    expect(main.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(main.rowCount).toBe(2 + issued.length);
    expect(record.rowCount).toBe(2 + events.length);
    const due = main.getCell('G3');
    expect(due.value).toBeInstanceOf(Date);
    expect(due.numFmt).toBe('yyyy"年"m"月"d"日"');
    expect(record.getCell('B3').value).toBeInstanceOf(Date);
    expect(main.getColumn(4).width).toBe(48);
    // the ledger and the record agree on the tasks' numbers
    const numbers = new Set<unknown>();
    main.eachRow((row, n) => n > 2 && numbers.add(row.getCell(1).value));
    record.eachRow((row, n) => {
      if (n > 2) expect(numbers.has(row.getCell(1).value)).toBe(true);
    });
  });

  it('records the export in the audit trail', async () => {
    const { db, dl } = await loaded();
    const before = (await auditRows(db)).length;
    await dl.followup.recordLedgerExport(followupLedgerFileName(TODAY), { tasks: 3, events: 9 });
    const rows = await auditRows(db);
    expect(rows.length).toBe(before + 1);
    expect(rows.at(-1)).toMatchObject({
      entity: 'system',
      entityId: FOLLOWUP_LEDGER_EXPORT_ID,
      action: 'export',
      after: { document: '督办事项台账', fileName: '督办事项台账-20260309.xlsx', rows: 3, events: 9 },
    });
    expect((await dl.audit.verify()).ok).toBe(true);
  });
});
