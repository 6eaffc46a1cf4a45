import { describe, expect, it } from 'vitest';
import type { UserRole } from '../../../shared/domain';
import type { MinutesDoc, ResolutionAttrs, TableNode } from '../../../shared/editor/document';
import { implementationReportDocument, packDocx } from '../../../shared/export/docx';
import { reportMeetingName } from '../../../renderer/src/features/meetings/documents/meeting-documents';
import { readDocxParts } from '../../helpers/docx-xml';
import { auditRows, personInput, unitInput, withProfile } from './helpers';

/**
 * Meeting N's minutes template carries the 落实情况通报 of meeting N-1's resolutions: under the report
 * item's heading, a lead paragraph with the figures and the report table, from the same selection the agenda
 * item froze at 已召开.
 */

const meta = { createdAt: '2026-09-01T08:00:00.000Z', updatedAt: '2026-09-01T08:00:00.000Z' };

const res = (id: string, lead: string, extra: Partial<ResolutionAttrs> = {}) => ({
  type: 'resolution' as const,
  attrs: {
    id,
    content: `议定事项${id}`,
    leadUnitId: lead,
    coUnitIds: [],
    deadline: { kind: 'working_days' as const, days: 10 },
    feedback: '',
    ...extra,
  },
});

/** Meeting 1 (20 November) held with one topic; its minutes issued with three resolutions (the clock reads 22 November). */
async function issuedFirstMeeting() {
  const h = await withProfile();
  const town = (await h.dl.units.create(unitInput('城关镇人民政府', { kind: 'township' }))).id;
  const dept = (await h.dl.units.create(unitInput('区市场监管局'))).id;
  const police = (await h.dl.units.create(unitInput('区公安分局'))).id;
  const chair = (await h.dl.people.create(personInput('陈建国', town, { role: 'chief_convener' }))).id;
  const first = await h.dl.meetings.create({
    kind: 'regular',
    startsAt: '2026-11-20T09:00',
    place: '镇政府三楼会议室',
    chairPersonId: chair,
  });
  await h.db.topics.add({
    id: 't1',
    ...meta,
    title: '农贸市场周边占道经营管辖',
    submittingUnitId: dept,
    submittedOn: '2026-09-01',
    category: 'jurisdiction_dispute',
    description: '情况说明。',
    urgency: 'normal',
    relatedUnitIds: [],
    state: 'accepted',
  });
  await h.dl.agenda.addTopic(first.id, 't1');
  await h.dl.meetings.transition(first.id, 'notified');
  await h.dl.meetings.transition(first.id, 'held');

  const profiles: Partial<Record<UserRole, string>> = { office_staff: h.profile.id };
  const become = async (role: UserRole) => {
    if (!profiles[role])
      profiles[role] = (await h.dl.profiles.create({ name: `测试${role}`, unitName: '城关镇', role })).id;
    await h.dl.profiles.switchTo(profiles[role]!);
  };
  const m = await h.dl.minutes.ensureForMeeting(first.id);
  const doc = m.content as MinutesDoc;
  const at = doc.content.findIndex((n) => n.type === 'heading') + 1;
  const nodes = [
    res('r1', dept, { content: '开展农贸市场周边占道经营联合整治', coUnitIds: [town] }),
    res('r2', town, { content: '设置临时疏导摊位' }),
    res('r3', police, { content: '加强早晚高峰交通秩序管控' }),
  ];
  await h.dl.minutes.save(m.id, {
    type: 'doc',
    content: [...doc.content.slice(0, at), ...nodes, ...doc.content.slice(at)],
  });
  await h.dl.minutes.act(m.id, 'submit');
  await become('convener');
  await h.dl.minutes.act(m.id, 'sign');
  await become('office_staff');
  await h.dl.minutes.act(m.id, 'issue');
  return { ...h, town, dept, police, chair, first, become };
}

/** The text of a node as written (paragraphs of a cell on their own lines; no editor numbering). */
function textOf(n: unknown): string {
  const node = n as { type: string; text?: string; content?: unknown[] };
  if (node.type === 'text') return node.text ?? '';
  const parts = (node.content ?? []).map(textOf);
  return parts.join(node.type === 'tableCell' || node.type === 'tableHeader' ? '\n' : '');
}

describe('meeting N’s minutes template: the 落实情况通报 table', () => {
  it('puts the lead paragraph and the table of meeting 1’s resolutions under the report item', async () => {
    const s = await issuedFirstMeeting();
    await s.dl.followup.progress('r1', { on: '2026-11-22', text: '已召开联合整治部署会', percent: 30 });

    const second = await s.dl.meetings.create({
      kind: 'regular',
      startsAt: '2026-12-10T09:00',
      place: '镇政府三楼会议室',
      chairPersonId: s.chair,
    });
    const report = await s.dl.agenda.addStanding(second.id, 'last_resolutions');
    expect(report.title).toBe('通报上次会议议定事项落实情况（共3项，已办结0项）');
    await s.dl.meetings.transition(second.id, 'notified');
    await s.dl.meetings.transition(second.id, 'held');
    const snapshot = (await s.db.agendaItems.get(report.id))?.snapshot;
    expect(snapshot).toMatchObject({ takenOn: '2026-11-22', title: report.title });
    expect(snapshot?.lines).toHaveLength(3);

    const minutes = await s.dl.minutes.ensureForMeeting(second.id);
    const doc = minutes.content as MinutesDoc;
    // the heading leaves the agenda's figures out
    const at = doc.content.findIndex(
      (n) => n.type === 'heading' && textOf(n) === `关于${report.title.replace(/（共\d+项[^（）]*）$/u, '')}`,
    );
    expect(at).toBeGreaterThan(0);
    const [lead, table] = [doc.content[at + 1]!, doc.content[at + 2]!];
    expect(textOf(lead)).toBe(
      '会议听取了上次会议议定事项落实情况通报。截至2026年11月22日，纳入通报的议定事项共3项，其中已核验办结0项（占0%），' +
        '办理中1项，未启动2项。具体情况如下：',
    );
    expect(table.type).toBe('table');
    const rows = (table as TableNode).content.map((row) => row.content.map(textOf));
    expect(rows[0]).toEqual(['序号', '议定事项', '牵头单位', '完成时限', '办理情况', '状态']);
    // In report order: 未启动 first, then 办理中.
    expect(rows.slice(1).map((r) => [r[0], r[1], r[2], r[5]])).toEqual([
      ['1', '设置临时疏导摊位', '城关镇人民政府', '未启动'],
      ['2', '加强早晚高峰交通秩序管控', '区公安分局', '未启动'],
      ['3', '开展农贸市场周边占道经营联合整治', '区市场监管局\n配合：城关镇人民政府', '办理中'],
    ]);
    expect(rows[1]![4]).toBe('暂无进展报告');
    expect(rows[3]![4]).toContain('已召开联合整治部署会（30%）');
    // The stored draft passes the content check as it is (no node quarantined).
    expect((await s.dl.minutes.load(minutes.id)).quarantine).toEqual([]);
  });

  it('with nothing to report: the lead paragraph says so and no table follows; other items stay empty', async () => {
    const s = await issuedFirstMeeting();
    const resolutions = await s.db.resolutions.toArray();
    // Every task verified before meeting 1's day is no news at meeting 2.
    await s.db.resolutions.bulkPut(
      resolutions.map((r) => ({ ...r, state: 'verified' as const, issuedOn: '2026-11-19' })),
    );
    await s.db.taskEvents.bulkPut(
      resolutions.map((r) => ({
        id: `v-${r.id}`,
        resolutionId: r.id,
        kind: 'verification' as const,
        on: '2026-11-19',
        text: '已核验',
        approved: true,
        createdAt: '2026-11-19T02:00:00.000Z',
      })),
    );
    const second = await s.dl.meetings.create({ kind: 'regular', startsAt: '2026-11-21T09:00', place: '会议室' });
    const report = await s.dl.agenda.addStanding(second.id, 'last_resolutions', '通报上次会议议定事项落实情况');
    const summary = await s.dl.agenda.addStanding(second.id, 'summary');
    await s.dl.meetings.transition(second.id, 'notified');
    await s.dl.meetings.transition(second.id, 'held');
    const doc = (await s.dl.minutes.ensureForMeeting(second.id)).content as MinutesDoc;
    const heading = (title: string) =>
      doc.content.findIndex((n) => n.type === 'heading' && textOf(n) === `关于${title}`);
    const at = heading('通报上次会议议定事项落实情况');
    expect(at).toBeGreaterThan(0);
    expect(textOf(doc.content[at + 1]!)).toBe(
      '会议听取了上次会议议定事项落实情况通报。截至2026年11月21日，无需通报的议定事项。',
    );
    expect(doc.content[at + 2]?.type).toBe('heading');
    expect(doc.content.some((n) => n.type === 'table')).toBe(false);
    const after = heading(summary.title);
    expect(doc.content[after + 1]).toEqual({ type: 'paragraph' });
    expect(report.kind).toBe('last_resolutions');
  });

  it('the 会议文件 落实情况通报: the same selection, dated today while the meeting is ahead, saved and audited', async () => {
    const s = await issuedFirstMeeting();
    await s.dl.followup.progress('r1', { on: '2026-11-22', text: '已召开联合整治部署会', percent: 30 });
    const second = await s.dl.meetings.create({ kind: 'regular', startsAt: '2026-12-10T09:00', place: '会议室' });
    const report = await s.dl.agenda.addStanding(second.id, 'last_resolutions');
    const src = await s.dl.documentSettings.meetingSources(second.id);
    expect(src.previousMeeting?.id).toBe(s.first.id);
    // “截至” the day it is written (22 November), not the meeting day ahead; the items are the agenda item's.
    expect(src.report?.selection.on).toBe('2026-11-22');
    expect(src.report?.selection.items.map((i) => i.resolutionId)).toEqual(['r2', 'r3', 'r1']);
    expect(src.standing[report.id]?.lines).toHaveLength(3);

    const office = {
      name: '城关镇综合行政执法协调联席会议办公室',
      jointMeetingName: '城关镇综合行政执法协调联席会议',
      docNumberPrefix: '城执联办',
    };
    const xml = (
      await readDocxParts(
        await packDocx(
          implementationReportDocument({
            office,
            meetingName: reportMeetingName(src, office),
            date: '2026-11-22',
            selection: src.report!.selection,
            unitNames: src.report!.unitNames,
            scheme: 'standard',
          }),
        ),
      )
    )['word/document.xml']!;
    const text = [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('');
    expect(text).toContain('关于城关镇综合行政执法协调联席会议2026年第');
    expect(text).toContain('截至2026年11月22日');
    for (const c of ['设置临时疏导摊位', '加强早晚高峰交通秩序管控', '开展农贸市场周边占道经营联合整治']) {
      expect(text).toContain(c);
    }

    const before = await s.db.audit.count();
    await s.dl.documentSettings.recordExport(second.id, 'report', '落实情况通报-2026年第二次定期联席会议.docx');
    const [entry] = (await auditRows(s.db)).slice(before);
    expect(entry).toMatchObject({ entity: 'meeting', entityId: second.id, action: 'export' });
    expect(entry!.after).toEqual({ document: '落实情况通报', fileName: '落实情况通报-2026年第二次定期联席会议.docx' });
  });
});
