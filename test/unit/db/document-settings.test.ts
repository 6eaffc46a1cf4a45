import { describe, expect, it } from 'vitest';
import { DomainError, type AgendaItem, type Attendance, type Meeting } from '../../../shared/domain';
import { DOCUMENT_OFFICE_KEY, NOTICE_NUMBERS_KEY } from '../../../renderer/src/db/repositories/document-settings';
import { auditRows, withProfile } from './helpers';

const meta = { createdAt: '2026-09-01T08:00:00.000Z', updatedAt: '2026-09-01T08:00:00.000Z' };
const office = {
  name: '城关镇综合行政执法协调联席会议办公室',
  jointMeetingName: '城关镇综合行政执法协调联席会议',
  docNumberPrefix: '城综执联办',
  contactName: '孙小红',
  contactPhone: '0571-86012345',
};

function meeting(id: string, startsAt: string, sequence = 1): Meeting {
  return {
    id,
    ...meta,
    kind: 'regular',
    startsAt,
    place: '镇政府三楼会议室',
    year: Number(startsAt.slice(0, 4)),
    sequence,
    state: 'planning',
  };
}
const agenda = (id: string, meetingId: string, order: number): AgendaItem => ({
  id,
  ...meta,
  meetingId,
  order,
  kind: 'other',
  title: `议程${order}`,
});
const attendance = (id: string, meetingId: string, personId: string): Attendance => ({
  id,
  ...meta,
  meetingId,
  personId,
  observer: false,
  status: 'invited',
});

describe('document settings repository', () => {
  it('has no office until one is saved, then returns it; the save is audited as a settings change', async () => {
    const { db, dl, profile } = await withProfile();
    expect(await dl.documentSettings.office()).toBeUndefined();
    const before = await db.audit.count();
    const saved = await dl.documentSettings.saveOffice({ ...office, contactName: ' 孙小红 ' });
    expect(saved.contactName).toBe('孙小红');
    expect(await dl.documentSettings.office()).toEqual(saved);
    const rows = (await auditRows(db)).slice(before);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      entity: 'settings',
      entityId: DOCUMENT_OFFICE_KEY,
      action: 'update',
      before: null,
      after: saved,
      actorId: profile.id,
    });
  });

  it('refuses an invalid office with a Chinese message naming the field, writing nothing', async () => {
    const { db, dl } = await withProfile();
    const before = await db.audit.count();
    await expect(dl.documentSettings.saveOffice({ ...office, docNumberPrefix: '城综执联办〔2026〕' })).rejects.toThrow(
      '发文字号前缀：发文字号前缀只写机关代字，不含年份、括号和序号',
    );
    await expect(dl.documentSettings.saveOffice({ ...office, name: '' })).rejects.toThrow(/请填写发文机关/);
    await expect(dl.documentSettings.saveOffice({ ...office, contactPhone: '12345' })).rejects.toThrow(/联系电话/);
    expect(await db.settings.get(DOCUMENT_OFFICE_KEY)).toBeUndefined();
    expect(await db.audit.count()).toBe(before);
  });

  it('reads one meeting’s sources: agenda in order, its own attendance, the other meetings of its year', async () => {
    const { db, dl } = await withProfile();
    await db.meetings.bulkAdd([
      meeting('m1', '2026-03-06T09:00'),
      meeting('m2', '2026-06-06T09:00', 2),
      meeting('m0', '2025-12-06T09:00', 4),
    ]);
    await db.agendaItems.bulkAdd([agenda('a2', 'm1', 2), agenda('a1', 'm1', 1), agenda('a3', 'm2', 1)]);
    await db.attendance.bulkAdd([attendance('t1', 'm1', 'p1'), attendance('t2', 'm2', 'p1')]);
    const src = await dl.documentSettings.meetingSources('m1');
    expect(src.meeting.id).toBe('m1');
    expect(src.agenda.map((a) => a.id)).toEqual(['a1', 'a2']);
    expect(src.attendance.map((a) => a.id)).toEqual(['t1']);
    expect(src.yearMeetings.map((m) => m.id)).toEqual(['m2']);
    expect(src.noticeNumbers).toEqual({});
    await expect(dl.documentSettings.meetingSources('nope')).rejects.toMatchObject({ code: 'not-found' });
  });

  it('audits a saved document as a meeting export and remembers the notice number in the same transaction', async () => {
    const { db, dl } = await withProfile();
    await db.meetings.add(meeting('m1', '2026-03-06T09:00'));
    const before = await db.audit.count();
    await dl.documentSettings.recordExport('m1', 'notice', '会议通知-2026年第一次定期联席会议.docx', {
      year: 2026,
      number: 3,
      date: '2026-03-02',
    });
    await dl.documentSettings.recordExport('m1', 'signIn', '签到表-2026年第一次定期联席会议.docx');
    const rows = (await auditRows(db)).slice(before);
    expect(rows.map((r) => [r.entity, r.entityId, r.action])).toEqual([
      ['meeting', 'm1', 'export'],
      ['meeting', 'm1', 'export'],
    ]);
    expect(rows[0]!.after).toEqual({
      document: '会议通知',
      fileName: '会议通知-2026年第一次定期联席会议.docx',
      noticeNumber: { year: 2026, number: 3, date: '2026-03-02' },
    });
    expect(rows[1]!.after).toEqual({ document: '签到表', fileName: '签到表-2026年第一次定期联席会议.docx' });
    expect((await dl.documentSettings.meetingSources('m1')).noticeNumbers).toEqual({
      m1: { year: 2026, number: 3, date: '2026-03-02' },
    });
  });

  it('records nothing for a meeting that is gone', async () => {
    const { db, dl } = await withProfile();
    const before = await db.audit.count();
    const err = await dl.documentSettings
      .recordExport('gone', 'notice', 'x.docx', { year: 2026, number: 1, date: '2026-03-02' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect(await db.audit.count()).toBe(before);
    expect(await db.settings.get(NOTICE_NUMBERS_KEY)).toBeUndefined();
  });
});
