import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { createDataLayer } from '../../../renderer/src/db/data-layer';
import type { JointDeskDB } from '../../../renderer/src/db/database';
import { MAX_XLSX_BYTES } from '../../../renderer/src/lib/xlsx/limits';
import { readFeedbackFormWorkbook } from '../../../renderer/src/lib/xlsx/read-feedback-form';
import { FEEDBACK_HEADER_ROW } from '../../../shared/import/feedback-form';
import {
  feedbackFormInput,
  feedbackTask,
  fillFeedbackRow,
  GOOD_FEEDBACK,
  openFeedbackForm,
  workbookBytes,
} from '../../helpers/feedback-form-fixture';
import { InjectedFault, failAtMutation, freshDatabase, snapshotTables, unitInput } from './helpers';

const task = feedbackTask;

/**
 * Business day 2026-11-22. 区市场监管局 (dept) leads r1 (未启动) and r3 (已办结待核验, not on its form), co-handles
 * r2 (led by 城关镇); 城关镇 (town) leads r2 and r4.
 */
async function setup() {
  let tick = 0;
  let n = 0;
  const db = freshDatabase();
  const dl = createDataLayer(db, {
    now: () => new Date(Date.parse('2026-11-22T01:00:00.000Z') + tick++ * 1000),
    newId: () => `id-${++n}`,
  });
  const office = await dl.profiles.create({ name: '王小明', unitName: '联席会议办公室', role: 'office_staff' });
  const town = (await dl.units.create(unitInput('城关镇人民政府', { kind: 'township' }))).id;
  const dept = (await dl.units.create(unitInput('区市场监管局'))).id;
  await db.resolutions.bulkAdd([
    task('r1', dept),
    task('r2', town, { coUnitIds: [dept], state: 'in_progress' }),
    task('r3', dept, { state: 'done_pending_verification' }),
    task('r4', town),
  ]);
  const liaison = await dl.profiles.create({ name: '黄科长', unitName: '区市场监管局', role: 'liaison', unitId: dept });
  await dl.profiles.switchTo(office.id);
  return { db, dl, town, dept, office, liaison };
}
type Setup = Awaited<ReturnType<typeof setup>>;

/** The unit's form as the app exports it (tasks from the repository), opened in exceljs for filling. */
async function exportedForm(s: Setup, unitId: string, formId = 'form-1') {
  const rows = await s.dl.followup.unitOpenTasks(unitId);
  const input = feedbackFormInput({
    formId,
    unitId,
    unitName: unitId === s.dept ? '区市场监管局' : '城关镇人民政府',
    tasks: rows.map((r) => ({
      taskId: r.resolution.id,
      role: r.role,
      content: r.resolution.content,
      ...(r.resolution.issuedOn ? { issuedOn: r.resolution.issuedOn } : {}),
    })),
  });
  return { ...(await openFeedbackForm(input)), taskIds: rows.map((r) => r.resolution.id) };
}

const fill = fillFeedbackRow;
const good = GOOD_FEEDBACK;
const bytesOf = workbookBytes;

async function digest(db: JointDeskDB): Promise<string> {
  return bytesToHex(sha256(utf8ToBytes(JSON.stringify(await snapshotTables(db)))));
}

/** A good form for dept: row 5 = r1 (lead) progress, row 6 = r2 (co) progress. */
async function goodForm(s: Setup) {
  const f = await exportedForm(s, s.dept);
  expect(f.taskIds).toEqual(['r1', 'r2']);
  fill(f.ws, 0, good);
  fill(f.ws, 1, { ...good, 办理情况: '配合开展联合检查 3 次', '完成比例（%）': null, 填报人: '黄科长' });
  return bytesOf(f.wb);
}

describe('feedback form import: a good form', () => {
  it('previews each row, records progress in one go, and a second import of the same form adds nothing', async () => {
    const s = await setup();
    const sheets = await readFeedbackFormWorkbook(await goodForm(s));
    const preview = await s.dl.followup.feedbackForms.previewFeedbackForm(sheets, s.dept);
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    expect(preview.rows.map((r) => [r.row, r.taskId, r.outcome, r.already])).toEqual([
      [5, 'r1', '报送进展（2026年11月20日，完成比例 40%）', false],
      [6, 'r2', '报送进展（2026年11月20日）', false],
    ]);
    expect(preview.toRecord).toBe(2);

    const first = await s.dl.followup.feedbackForms.importFeedbackForm(sheets, s.dept, '反馈表.xlsx');
    expect(first).toEqual({ recorded: 2, skipped: 0, formId: 'form-1' });
    const r1 = (await s.dl.followup.get('r1'))!;
    expect(r1.resolution.state).toBe('in_progress');
    expect(r1.events.map((e) => [e.kind, e.on, e.unitId, e.percent, e.text, e.personName])).toEqual([
      ['progress', '2026-11-20', s.dept, 40, '已完成辖区农贸市场摸底排查', '王小明'],
    ]);
    expect(r1.events[0]!.importKey).toMatch(/^fb:form-1:r1:/);
    const r2 = (await s.dl.followup.get('r2'))!;
    expect(r2.events.map((e) => e.text)).toEqual(['配合开展联合检查 3 次（填报人：黄科长）']);
    const audit = await s.db.audit.orderBy('seq').last();
    expect(audit).toMatchObject({ entity: 'system', entityId: 'feedback-form:form-1', action: 'import' });

    const before = await digest(s.db);
    const again = await s.dl.followup.feedbackForms.previewFeedbackForm(sheets, s.dept);
    expect(again.ok && again.rows.map((r) => r.already)).toEqual([true, true]);
    expect(again.ok && again.toRecord).toBe(0);
    const second = await s.dl.followup.feedbackForms.importFeedbackForm(sheets, s.dept, '反馈表.xlsx');
    expect(second).toEqual({ recorded: 0, skipped: 2, formId: 'form-1' });
    expect(await s.db.taskEvents.count()).toBe(2);
    // Only the audit entry of the second import was added.
    const after = await snapshotTables(s.db);
    expect(after.taskEvents).toHaveLength(2);
    expect(await digest(s.db)).not.toBe(before);
    expect((await s.dl.followup.get('r1'))!.events).toHaveLength(1);
  });

  it('申报办结 recorded by the office is 报送进展 marked 申报办结 (office staff may not 报告办结); by the liaison it is 报告办结', async () => {
    const s = await setup();
    const f = await exportedForm(s, s.dept);
    fill(f.ws, 0, { ...good, 反馈类型: '申报办结', 办理情况: '整治完成，已建立长效机制', '完成比例（%）': 100 });
    const sheets = await readFeedbackFormWorkbook(await bytesOf(f.wb));
    const asOffice = await s.dl.followup.feedbackForms.previewFeedbackForm(sheets, s.dept);
    expect(asOffice.ok && asOffice.rows[0]!.outcome).toMatch(/^记为进展“申报办结”/);
    await s.dl.followup.feedbackForms.importFeedbackForm(sheets, s.dept, 'a.xlsx');
    let r1 = (await s.dl.followup.get('r1'))!;
    expect(r1.resolution.state).toBe('in_progress');
    expect(r1.events.map((e) => [e.kind, e.text])).toEqual([['progress', '申报办结：整治完成，已建立长效机制']]);

    const t = await setup();
    await t.dl.profiles.switchTo(t.liaison.id);
    const g = await exportedForm(t, t.dept);
    fill(g.ws, 0, { ...good, 反馈类型: '申报办结', 办理情况: '整治完成' });
    const sheets2 = await readFeedbackFormWorkbook(await bytesOf(g.wb));
    await t.dl.followup.feedbackForms.importFeedbackForm(sheets2, t.dept, 'b.xlsx');
    r1 = (await t.dl.followup.get('r1'))!;
    expect(r1.resolution.state).toBe('done_pending_verification');
    expect(r1.events.map((e) => [e.kind, e.text])).toEqual([['completion', '整治完成（反馈日期2026年11月20日）']]);
    // A liaison cannot import another unit's form.
    const h = await exportedForm(t, t.town, 'form-town');
    fill(h.ws, 0, good);
    const townSheets = await readFeedbackFormWorkbook(await bytesOf(h.wb));
    await expect(t.dl.followup.feedbackForms.importFeedbackForm(townSheets, t.town, 'c.xlsx')).rejects.toThrow(
      '联络员只能导入本单位的反馈表',
    );
  });
});

type Bad = [name: string, make: (s: Setup) => Promise<Uint8Array>, expected: string];
const badForms: Bad[] = [
  [
    'a form for another unit',
    async (s) => {
      const f = await exportedForm(s, s.town, 'form-town');
      fill(f.ws, 0, good);
      return bytesOf(f.wb);
    },
    '第 2 行“填报单位”列：本表是“城关镇人民政府”的反馈表，不能作为“区市场监管局”的反馈导入',
  ],
  [
    'an edited id',
    async (s) => {
      const f = await exportedForm(s, s.dept);
      fill(f.ws, 0, good);
      fill(f.ws, 1, { ...good, 任务编号: 'r4#0badc0de' });
      return bytesOf(f.wb);
    },
    '第 6 行“任务编号”列：任务编号“r4#0badc0de”已被修改或不属于本表，请使用导出时的原值',
  ],
  [
    'a bad date',
    async (s) => {
      const f = await exportedForm(s, s.dept);
      fill(f.ws, 0, good);
      fill(f.ws, 1, { ...good, 反馈日期: '2026-02-30' });
      return bytesOf(f.wb);
    },
    '第 6 行“反馈日期”列：“2026-02-30”不是有效日期，请按 2026-03-09 的格式填写',
  ],
  [
    'an unknown state',
    async (s) => {
      const f = await exportedForm(s, s.dept);
      fill(f.ws, 0, { ...good, 反馈类型: '已完成' });
      return bytesOf(f.wb);
    },
    '第 5 行“反馈类型”列：“已完成”不是可选的反馈类型，请从下拉列表选择：报送进展、申报办结',
  ],
  [
    'a duplicate row',
    async (s) => {
      const f = await exportedForm(s, s.dept);
      fill(f.ws, 0, good);
      const ref = f.ws.getRow(FEEDBACK_HEADER_ROW + 1).getCell(1).value;
      fill(f.ws, 2, { ...good, 任务编号: ref, 办理情况: '重复的一行' });
      return bytesOf(f.wb);
    },
    '第 7 行“任务编号”列：与第 5 行是同一项任务，每项任务只填一行',
  ],
  [
    'formula cells',
    async (s) => {
      const f = await exportedForm(s, s.dept);
      fill(f.ws, 0, { ...good, 办理情况: { formula: 'C5&"已完成"', result: '议定事项r1已完成' } });
      return bytesOf(f.wb);
    },
    '第 5 行“办理情况”列：不接受公式，请直接填写内容（复制后“选择性粘贴 → 数值”）',
  ],
  [
    'a huge sheet (rows beyond the form)',
    async (s) => {
      const f = await exportedForm(s, s.dept);
      fill(f.ws, 0, good);
      for (let i = 2; i < 520; i++) fill(f.ws, i, { 办理情况: '多余' });
      return bytesOf(f.wb);
    },
    '第 505 行“任务编号”列：行数过多：一张反馈表最多 500 行任务',
  ],
];

describe('feedback form import: bad forms are refused whole', () => {
  it.each(badForms)('%s: the row and column are named, nothing is written', async (_name, make, expected) => {
    const s = await setup();
    const sheets = await readFeedbackFormWorkbook(await make(s));
    const preview = await s.dl.followup.feedbackForms.previewFeedbackForm(sheets, s.dept);
    expect(preview.ok).toBe(false);
    if (preview.ok) return;
    expect(preview.issues.map((i) => `第 ${i.row} 行“${i.column}”列：${i.message}`)).toContain(expected);
    const before = await digest(s.db);
    await expect(s.dl.followup.feedbackForms.importFeedbackForm(sheets, s.dept, 'x.xlsx')).rejects.toThrow(expected);
    expect(await digest(s.db)).toBe(before);
  });

  it('a huge file is refused before it is parsed; nothing is written', async () => {
    const s = await setup();
    const before = await digest(s.db);
    await expect(readFeedbackFormWorkbook(new Uint8Array(MAX_XLSX_BYTES + 1))).rejects.toThrow(
      /文件过大（10\.0 MB）：导入文件不能超过 10 MB/,
    );
    expect(await digest(s.db)).toBe(before);
  });

  it('a task that changed since the preview (claimed done meanwhile) makes the whole import fail', async () => {
    const s = await setup();
    const sheets = await readFeedbackFormWorkbook(await goodForm(s));
    expect((await s.dl.followup.feedbackForms.previewFeedbackForm(sheets, s.dept)).ok).toBe(true);
    await s.db.resolutions.update('r2', { state: 'done_pending_verification' });
    const before = await digest(s.db);
    await expect(s.dl.followup.feedbackForms.importFeedbackForm(sheets, s.dept, 'x.xlsx')).rejects.toThrow(
      '第 6 行“反馈类型”列：该任务已报告办结、等待核验，不能报送进展',
    );
    expect(await digest(s.db)).toBe(before);
  });
});

describe('feedback form import: one transaction', () => {
  it('a fault at any mutation of the import leaves every table as it was', async () => {
    const probe = await setup();
    const probeSheets = await readFeedbackFormWorkbook(await goodForm(probe));
    const stopProbe = failAtMutation(probe.db, Number.POSITIVE_INFINITY);
    await probe.dl.followup.feedbackForms.importFeedbackForm(probeSheets, probe.dept, 'x.xlsx');
    const mutations = stopProbe();
    // 2 tasks (r1 未启动 → 办理中 updated; r2 unchanged) + 2 events + 5 audit entries + the anchor.
    expect(mutations).toBeGreaterThanOrEqual(6);
    for (let k = 1; k <= mutations; k++) {
      const s = await setup();
      const sheets = await readFeedbackFormWorkbook(await goodForm(s));
      const before = await snapshotTables(s.db);
      const stop = failAtMutation(s.db, k);
      await expect(s.dl.followup.feedbackForms.importFeedbackForm(sheets, s.dept, 'x.xlsx')).rejects.toBeInstanceOf(
        InjectedFault,
      );
      stop();
      expect(await snapshotTables(s.db), `fault at mutation ${k} of ${mutations}`).toEqual(before);
    }
  });
});
