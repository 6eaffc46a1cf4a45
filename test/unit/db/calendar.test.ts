import { describe, expect, it } from 'vitest';
import { addWorkingDays, BUNDLED_CALENDAR, isWorkingDay, type UserRole } from '../../../shared/domain';
import { createDataLayer } from '../../../renderer/src/db/data-layer';
import type { JointDeskDB } from '../../../renderer/src/db/database';
import { auditedWrite } from '../../../renderer/src/db/audited-write';
import { CALENDAR_IMPORTED_KEY, readCalendar } from '../../../renderer/src/db/repositories/calendar';
import { auditRows, deterministicOptions, snapshotTables, withProfile } from './helpers';

/** A made-up 2027 arrangement (the State Council notice is not out yet): 元旦, 春节 with two 调休 days, 国庆. */
const Y2027 = {
  year: 2027,
  holidays: [
    { date: '2027-01-01', name: '元旦' },
    { date: '2027-01-02', name: '元旦' },
    { date: '2027-01-03', name: '元旦' },
    ...['05', '06', '07', '08', '09', '10', '11', '12', '13'].map((d) => ({ date: `2027-02-${d}`, name: '春节' })),
    ...['01', '02', '03', '04', '05', '06', '07'].map((d) => ({ date: `2027-10-${d}`, name: '国庆节' })),
  ],
  workdays: [
    { date: '2027-02-14', name: '春节' },
    { date: '2027-02-20', name: '春节' },
    { date: '2027-09-26', name: '国庆节' },
    { date: '2027-10-09', name: '国庆节' },
  ],
};

async function setup() {
  const h = await withProfile();
  const become = async (role: UserRole) => {
    const p = await h.dl.profiles.create({ name: `测试${role}`, unitName: '城关镇人民政府', role });
    await h.dl.profiles.switchTo(p.id);
    return p;
  };
  return { ...h, become };
}

class InjectedFault extends Error {}

/** Makes the k-th record mutation throw; returns an undo that tells how many mutations were seen. */
function failAtMutation(db: JointDeskDB, k: number): () => number {
  let seen = 0;
  const hit = () => {
    seen += 1;
    if (seen === k) throw new InjectedFault(`injected fault at mutation ${k}`);
  };
  const undo: (() => void)[] = [];
  for (const table of db.tables) {
    for (const type of ['creating', 'updating', 'deleting'] as const) {
      const hook = table.hook(type as 'creating');
      hook.subscribe(hit);
      undo.push(() => hook.unsubscribe(hit));
    }
  }
  return () => {
    for (const u of undo) u();
    return seen;
  };
}

describe('calendar repository', () => {
  it('starts with the bundled 2004–2026 calendar and nothing imported', async () => {
    const { dl } = await setup();
    expect(await dl.calendar.imported()).toEqual([]);
    const cal = await dl.calendar.calendar();
    expect(cal.firstYear).toBe(2004);
    expect(cal.lastYear).toBe(2026);
    expect(cal.coveredYears.has(2027)).toBe(false);
  });

  it('imports a 2027 schedule: counted with its holidays and 调休 days, no longer provisional; audited', async () => {
    const { db, dl, profile } = await setup();
    const before = await dl.calendar.calendar();
    // 2027-02-04 (Thu) + 3: Mon–Fri guess, provisional.
    expect(addWorkingDays('2027-02-04', 3, before)).toEqual({ date: '2027-02-09', provisional: true });
    expect(addWorkingDays('2026-12-30', 3, before)).toEqual({ date: '2027-01-04', provisional: true });

    const auditBefore = await db.audit.count();
    const saved = await dl.calendar.importYear(Y2027);
    expect(saved.year).toBe(2027);
    expect(saved.holidays).toHaveLength(19);
    expect(await dl.calendar.imported()).toEqual([saved]);

    const cal = await dl.calendar.calendar();
    expect(cal.lastYear).toBe(2027);
    expect(cal.coveredYears.has(2027)).toBe(true);
    expect(isWorkingDay('2027-01-01', cal)).toBe(false);
    expect(isWorkingDay('2027-02-14', cal)).toBe(true); // a 调休 Sunday
    // 02-05..02-13 off; 02-14 (Sun, 调休) is the first working day, then 02-15, 02-16.
    expect(addWorkingDays('2027-02-04', 3, cal)).toEqual({ date: '2027-02-16', provisional: false });
    // 2026-12-31 (Thu) counts, 2027-01-01..03 are off, then 01-04 and 01-05.
    expect(addWorkingDays('2026-12-30', 3, cal)).toEqual({ date: '2027-01-05', provisional: false });
    // The rest of the bundled years are untouched.
    expect(addWorkingDays('2026-09-30', 3, cal)).toEqual({ date: '2026-10-10', provisional: false });

    const rows = (await auditRows(db)).slice(auditBefore);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      entity: 'settings',
      entityId: CALENDAR_IMPORTED_KEY,
      action: 'import',
      before: null,
      after: { name: '2027年放假调休安排', year: 2027 },
      actorId: profile.id,
    });
    expect((await dl.audit.verify()).ok).toBe(true);
  });

  it('accepts the pasted JSON text and the chinese-days per-year format', async () => {
    const { dl } = await setup();
    const fromText = await dl.calendar.importYear(JSON.stringify(Y2027));
    expect(fromText.workdays).toHaveLength(4);
    const cd = await dl.calendar.importYear({
      holidays: { '2028-01-01': "New Year's Day,元旦,1" },
      workdays: {},
    });
    expect(cd).toEqual({ year: 2028, holidays: [{ date: '2028-01-01', name: '元旦' }], workdays: [] });
    expect((await dl.calendar.imported()).map((s) => s.year)).toEqual([2027, 2028]);
  });

  it('an imported year replaces the bundled data of that year, and a re-import replaces the earlier one', async () => {
    const { db, dl } = await setup();
    expect(isWorkingDay('2026-10-01', BUNDLED_CALENDAR)).toBe(false);
    // A corrected 2026 where only 2026-03-09 (Mon) is off.
    await dl.calendar.importYear({ year: 2026, holidays: [{ date: '2026-03-09', name: '测试' }], workdays: [] });
    let cal = await dl.calendar.calendar();
    expect(cal.firstYear).toBe(2004);
    expect(isWorkingDay('2026-03-09', cal)).toBe(false);
    expect(isWorkingDay('2026-10-01', cal)).toBe(true);
    expect(addWorkingDays('2026-03-06', 1, cal)).toEqual({ date: '2026-03-10', provisional: false });

    const again = await dl.calendar.importYear({
      year: 2026,
      holidays: [{ date: '2026-03-10', name: '测试' }],
      workdays: [],
    });
    expect(await dl.calendar.imported()).toEqual([again]);
    cal = await dl.calendar.calendar();
    expect(isWorkingDay('2026-03-09', cal)).toBe(true);
    expect(isWorkingDay('2026-03-10', cal)).toBe(false);
    const last = (await auditRows(db)).at(-1);
    expect(last).toMatchObject({
      action: 'import',
      before: { year: 2026, holidays: [{ date: '2026-03-09' }] },
      after: { year: 2026, holidays: [{ date: '2026-03-10' }] },
    });
  });

  it('refuses invalid JSON and wrong dates naming the entry; nothing is written', async () => {
    const { db, dl } = await setup();
    const before = await snapshotTables(db);
    const refused = async (input: unknown, message: string) => {
      const e = await dl.calendar.importYear(input).then(
        () => undefined,
        (err: unknown) => err,
      );
      expect(e).toMatchObject({ code: 'import-invalid' });
      const details = (e as { details: string[] }).details;
      expect(details.join('\n')).toContain(message);
      expect((e as Error).message).toMatch(/^年度安排有误：/);
    };
    await refused('{ "year": 2027, holidays: [] }', '不是有效的 JSON');
    await refused('', '内容为空');
    await refused([Y2027], '应为一个 JSON 对象');
    await refused({ holidays: Y2027.holidays, workdays: [] }, '缺少年份');
    await refused({ ...Y2027, year: '2027年' }, '年份应为数字');
    await refused({ year: 2027, workdays: [] }, '缺少放假日期列表（holidays）');
    await refused({ ...Y2027, holidays: ['2027-01-01'] }, '放假第1项格式不正确');
    await refused({ ...Y2027, holidays: [{ name: '元旦' }] }, '缺少放假第1项的日期（date）');
    await refused(
      { ...Y2027, holidays: [{ date: '2027-02-30', name: '春节' }] },
      '放假第1项（2027-02-30）：不是有效日期',
    );
    await refused(
      { ...Y2027, holidays: [{ date: '2026-10-01', name: '国庆节' }] },
      '放假第1项（2026-10-01）：不在2027年内',
    );
    await refused(
      { ...Y2027, workdays: [{ date: '2027-02-15', name: '春节' }] },
      '调休上班第1项（2027-02-15）：调休上班日应为周六或周日',
    );
    await refused(
      { ...Y2027, workdays: [{ date: '2027-02-13', name: '春节' }] },
      '调休上班第1项（2027-02-13）：同一日期既是放假又是调休上班',
    );
    await refused({ ...Y2027, holidays: [] }, '放假日期不能为空');
    // Every message is Chinese.
    for (const bad of [{ year: 2027 }, { year: 2027, holidays: 'x' }, { year: 2027, holidays: [1] }]) {
      const e = (await dl.calendar.importYear(bad).catch((err: unknown) => err)) as { details: string[] };
      for (const d of e.details) expect(d).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(await snapshotTables(db)).toEqual(before);
  });

  it('refuses an import or removal by a role other than office staff; nothing changes', async () => {
    const { db, dl, become } = await setup();
    await dl.calendar.importYear(Y2027);
    for (const role of ['supervisor', 'convener', 'liaison'] as const) {
      await become(role);
      const before = await snapshotTables(db);
      await expect(dl.calendar.importYear({ ...Y2027, year: 2028, holidays: [], workdays: [] })).rejects.toMatchObject({
        code: 'import-invalid',
      });
      const y2028 = { year: 2028, holidays: [{ date: '2028-01-01', name: '元旦' }], workdays: [] };
      await expect(dl.calendar.importYear(y2028)).rejects.toMatchObject({
        code: 'forbidden',
        message: expect.stringContaining('只有办公室工作人员可以导入工作日历') as unknown,
      });
      await expect(dl.calendar.removeYear(2027)).rejects.toMatchObject({ code: 'forbidden' });
      expect(await snapshotTables(db)).toEqual(before);
    }
  });

  it('removes an imported year (audited); 2027 is provisional again; an unknown year is refused', async () => {
    const { db, dl } = await setup();
    await dl.calendar.importYear(Y2027);
    await dl.calendar.removeYear(2027);
    expect(await dl.calendar.imported()).toEqual([]);
    const cal = await dl.calendar.calendar();
    expect(addWorkingDays('2027-02-04', 3, cal).provisional).toBe(true);
    expect((await auditRows(db)).at(-1)).toMatchObject({
      entity: 'settings',
      entityId: CALENDAR_IMPORTED_KEY,
      action: 'delete',
      before: { year: 2027 },
      after: null,
    });
    const before = await snapshotTables(db);
    await expect(dl.calendar.removeYear(2027)).rejects.toMatchObject({
      code: 'not-found',
      message: '未导入2027年的放假调休安排',
    });
    expect(await snapshotTables(db)).toEqual(before);
  });

  it('readCalendar works inside another transaction (as the minutes repository uses it)', async () => {
    const { db, dl } = await setup();
    await dl.calendar.importYear(Y2027);
    const ctx = { db, ...deterministicOptions() };
    const due = await auditedWrite(ctx, [db.meetings], async () => {
      const cal = await readCalendar(db);
      return addWorkingDays('2027-02-04', 3, cal);
    });
    expect(due).toEqual({ date: '2027-02-16', provisional: false });
    const inRead = await db.transaction('r', [db.settings], async () => (await readCalendar(db)).lastYear);
    expect(inRead).toBe(2027);
  });

  it('ignores a corrupted stored entry (its year is provisional, the others still count)', async () => {
    const { db, dl } = await setup();
    await dl.calendar.importYear(Y2027);
    const stored = (await db.settings.get(CALENDAR_IMPORTED_KEY))?.value as unknown[];
    await db.settings.put({ key: CALENDAR_IMPORTED_KEY, value: [...stored, { year: 2028, holidays: 'broken' }] });
    const dl2 = createDataLayer(db, deterministicOptions());
    expect((await dl2.calendar.imported()).map((s) => s.year)).toEqual([2027]);
    const cal = await readCalendar(db);
    expect(cal.coveredYears.has(2028)).toBe(false);
    expect(cal.coveredYears.has(2027)).toBe(true);
  });

  it('a fault at any write of an import rolls back the schedule and its audit entry', async () => {
    for (let k = 1; ; k++) {
      const { db, dl } = await setup();
      const before = await snapshotTables(db);
      const undo = failAtMutation(db, k);
      let failed = false;
      try {
        await dl.calendar.importYear(Y2027);
      } catch (e) {
        expect(e).toBeInstanceOf(InjectedFault);
        failed = true;
      }
      const seen = undo();
      if (!failed) {
        expect(seen).toBeLessThan(k);
        expect(k).toBeGreaterThan(2);
        break;
      }
      expect(await snapshotTables(db)).toEqual(before);
    }
  });
});
