import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { createDataLayer } from '../../../renderer/src/db/data-layer';
import { DomainError, type UserRole } from '../../../shared/domain';
import type { MinutesDoc, ResolutionAttrs } from '../../../shared/editor/document';
import {
  InjectedFault,
  auditRows,
  failAtMutation,
  freshDatabase,
  personInput,
  snapshotTables,
  unitInput,
} from './helpers';

const PDF = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a, 0x25, 0xe2, 0xe3]);
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const EXE = new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]);

const pdf = (fileName = '整治情况.pdf') => ({
  fileName,
  mimeType: 'application/pdf',
  data: new Blob([PDF], { type: 'application/pdf' }),
});
const png = (fileName = '现场照片.png') => ({
  fileName,
  mimeType: 'image/png',
  data: new Blob([PNG], { type: 'image/png' }),
});

/** One issued task r1 (lead 区市场监管局, 配合 城关镇), the business clock on Sunday 2026-11-22. */
async function setup() {
  const day = '2026-11-22';
  let tick = 0;
  let n = 0;
  const db = freshDatabase();
  const dl = createDataLayer(db, {
    now: () => new Date(Date.parse(`${day}T01:00:00.000Z`) + tick++ * 1000),
    newId: () => `id-${++n}`,
  });
  const office = await dl.profiles.create({ name: '王小明', unitName: '联席会议办公室', role: 'office_staff' });
  const town = (await dl.units.create(unitInput('城关镇人民政府', { kind: 'township' }))).id;
  const dept = (await dl.units.create(unitInput('区市场监管局'))).id;
  const chair = (await dl.people.create(personInput('陈建国', town, { role: 'chief_convener' }))).id;
  const profiles: Record<string, string> = { office_staff: office.id };
  const become = async (role: UserRole, unitId?: string) => {
    const key = role === 'office_staff' ? role : `${role}:${unitId ?? ''}`;
    profiles[key] ??= (await dl.profiles.create({ name: `测试${role}`, unitName: '城关镇', role, unitId })).id;
    await dl.profiles.switchTo(profiles[key]);
  };

  const meeting = await dl.meetings.create({
    kind: 'regular',
    startsAt: '2026-11-20T09:00',
    place: '镇政府三楼会议室',
    chairPersonId: chair,
  });
  const stamp = '2026-09-01T08:00:00.000Z';
  await db.topics.add({
    id: 't1',
    createdAt: stamp,
    updatedAt: stamp,
    title: '农贸市场周边占道经营',
    submittingUnitId: dept,
    submittedOn: '2026-09-01',
    category: 'jurisdiction_dispute',
    description: '情况说明。',
    urgency: 'normal',
    relatedUnitIds: [],
    state: 'accepted',
  });
  await dl.agenda.addTopic(meeting.id, 't1');
  await dl.meetings.transition(meeting.id, 'notified');
  await dl.meetings.transition(meeting.id, 'held');
  const m = await dl.minutes.ensureForMeeting(meeting.id);
  const attrs: ResolutionAttrs = {
    id: 'r1',
    content: '开展农贸市场周边占道经营集中整治',
    leadUnitId: dept,
    coUnitIds: [town],
    deadline: { kind: 'working_days', days: 10 },
    feedback: '',
  };
  const doc = m.content as MinutesDoc;
  const at = doc.content.findIndex((x) => x.type === 'heading') + 1;
  await dl.minutes.save(m.id, {
    type: 'doc',
    content: [...doc.content.slice(0, at), { type: 'resolution', attrs }, ...doc.content.slice(at)],
  });
  await dl.minutes.act(m.id, 'submit');
  await become('convener');
  await dl.minutes.act(m.id, 'sign');
  await become('office_staff');
  await dl.minutes.act(m.id, 'issue');
  return { db, dl, town, dept, become };
}

describe('follow-up: files on 报送进展 and 办结报告', () => {
  it('a progress with two files writes the event, the files and the audit in ONE transaction (a fault anywhere: nothing)', async () => {
    const s = await setup();
    await s.become('liaison', s.dept);
    const input = () => ({ on: '2026-11-22', text: '已完成摸底排查', attachments: [pdf(), png()] });
    let k = 1;
    for (; ; k++) {
      const before = await snapshotTables(s.db);
      const undo = failAtMutation(s.db, k);
      let ok = false;
      try {
        await s.dl.followup.progress('r1', input());
        ok = true;
      } catch (e) {
        expect(e, `fault at mutation ${k}`).toBeInstanceOf(InjectedFault);
      }
      const seen = undo();
      if (ok) {
        expect(seen).toBe(k - 1);
        break;
      }
      expect(await snapshotTables(s.db), `fault at mutation ${k}`).toEqual(before);
    }
    // resolution (未启动 → 办理中), event, two files, audit rows
    expect(k - 1).toBeGreaterThanOrEqual(4);

    const task = await s.dl.followup.get('r1');
    expect(task?.resolution.state).toBe('in_progress');
    const event = task!.events.at(-1)!;
    expect(event).toMatchObject({ kind: 'progress', text: '已完成摸底排查', unitId: s.dept });
    const stored = await s.db.attachments.toArray();
    expect(stored.map((a) => [a.ownerType, a.ownerId, a.fileName])).toEqual([
      ['progress', event.id, '整治情况.pdf'],
      ['progress', event.id, '现场照片.png'],
    ]);
    const rows = await auditRows(s.db);
    const files = rows.filter((r) => r.entity === 'attachment');
    expect(files.map((r) => r.action)).toEqual(['create', 'create']);
    expect(files.map((r) => (r.after as { sha256: string }).sha256)).toEqual([
      bytesToHex(sha256(PDF)),
      bytesToHex(sha256(PNG)),
    ]);
    expect(files.every((r) => !('data' in (r.after as object)))).toBe(true);
    // the event's entry and the files' entries are written by the same transaction, one after the other
    const eventSeq = rows.find((r) => r.entity === 'taskEvent' && r.entityId === event.id)!.seq;
    expect(files.map((r) => r.seq)).toEqual([eventSeq + 1, eventSeq + 2]);
    expect((await s.dl.audit.verify()).ok).toBe(true);
  });

  it('a disallowed or disguised file refuses the whole report: no event, no file, no audit entry', async () => {
    const s = await setup();
    await s.become('liaison', s.dept);
    const before = await snapshotTables(s.db);
    const attempts = [
      [pdf(), { fileName: '补丁.exe', mimeType: 'application/x-msdownload', data: new Blob([EXE]) }],
      // an executable renamed to .pdf: caught by the first bytes
      [png(), { fileName: '说明.pdf', mimeType: 'application/pdf', data: new Blob([EXE]) }],
      // 11 files: over the cap of 10
      Array.from({ length: 11 }, (_, i) => pdf(`材料${i + 1}.pdf`)),
    ];
    for (const attachments of attempts) {
      const error = await s.dl.followup
        .progress('r1', { on: '2026-11-22', text: '进展', attachments })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('validation');
    }
    await expect(
      s.dl.followup.progress('r1', {
        on: '2026-11-22',
        text: '进展',
        attachments: Array.from({ length: 11 }, (_, i) => pdf(`材料${i + 1}.pdf`)),
      }),
    ).rejects.toThrow('每次报送最多 10 个附件（选择了 11 个），请减少后重试');
    const claim = await s.dl.followup
      .claimDone('r1', { text: '已办结', attachments: [{ fileName: '办结报告.js', data: new Blob(['x']) }] })
      .catch((e: unknown) => e);
    expect((claim as DomainError).code).toBe('validation');
    expect(await snapshotTables(s.db)).toEqual(before);
  });

  it('a 办结报告 carries its files; the files are listed by event, oldest event first', async () => {
    const s = await setup();
    await s.become('liaison', s.dept);
    await s.dl.followup.progress('r1', { on: '2026-11-22', text: '第一次进展', attachments: [png('照片一.png')] });
    await s.dl.followup.progress('r1', { on: '2026-11-22', text: '没有附件的进展' });
    await s.dl.followup.claimDone('r1', {
      text: '已全部整治到位',
      attachments: [pdf('办结报告.pdf'), png('整治后照片.png')],
    });
    const task = await s.dl.followup.get('r1');
    expect(task?.resolution.state).toBe('done_pending_verification');
    const [first, plain, done] = task!.events;
    expect(done?.kind).toBe('completion');
    const byEvent = await s.dl.followup.eventAttachments('r1');
    expect([...byEvent.keys()]).toEqual([first!.id, done!.id]);
    expect(byEvent.has(plain!.id)).toBe(false);
    expect(byEvent.get(done!.id)!.map((a) => [a.ownerType, a.fileName, a.size])).toEqual([
      ['progress', '办结报告.pdf', PDF.byteLength],
      ['progress', '整治后照片.png', PNG.byteLength],
    ]);
    expect(byEvent.get(done!.id)![0]).not.toHaveProperty('data');
    // the same files through the attachments repository (download path)
    expect(await s.dl.attachments.list({ type: 'progress', id: done!.id })).toEqual(byEvent.get(done!.id));
    expect((await s.dl.attachments.content(byEvent.get(first!.id)![0]!.id)).bytes).toEqual(PNG);
    expect((await s.dl.followup.eventAttachments('no-such-task')).size).toBe(0);
  });

  it('the office may attach to a progress report; a supervisor may not report at all', async () => {
    const s = await setup();
    await s.dl.followup.progress('r1', { on: '2026-11-22', text: '办公室代报', unitId: s.dept, attachments: [pdf()] });
    expect(await s.db.attachments.count()).toBe(1);
    await s.become('supervisor');
    const error = await s.dl.followup
      .progress('r1', { on: '2026-11-22', text: '进展', attachments: [pdf()] })
      .catch((e: unknown) => e);
    expect((error as DomainError).code).toBe('forbidden');
    expect(await s.db.attachments.count()).toBe(1);
  });
});

describe('follow-up: the saved 督办通知单 is audited', () => {
  it('recordNoticeExport writes one export entry on the task with the notice number, event and file name', async () => {
    const s = await setup();
    const { event, noticeNumber } = await s.dl.followup.remind('r1', { text: '请于本周内报送办理进展' });
    const start = (await auditRows(s.db)).length;
    await s.dl.followup.recordNoticeExport('r1', event.id, '督办通知单-2026年第1号.docx');
    const rows = (await auditRows(s.db)).slice(start);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      entity: 'resolution',
      entityId: 'r1',
      action: 'export',
      before: null,
      after: {
        document: '督办通知单',
        fileName: '督办通知单-2026年第1号.docx',
        eventId: event.id,
        notice: noticeNumber,
        on: event.on,
      },
    });
    expect(noticeNumber).toEqual({ year: 2026, number: 1 });
    expect((await s.dl.audit.verify()).ok).toBe(true);
  });

  it('refuses an event that is not a numbered 催办 of this task, writing nothing', async () => {
    const s = await setup();
    const comment = await s.dl.followup.comment('r1', '请抓紧');
    const before = await snapshotTables(s.db);
    for (const [task, eventId] of [
      ['r1', comment.id],
      ['r1', 'no-such-event'],
      ['no-such-task', comment.id],
    ] as const) {
      const error = await s.dl.followup.recordNoticeExport(task, eventId, 'x.docx').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('not-found');
    }
    expect(await snapshotTables(s.db)).toEqual(before);
  });
});
