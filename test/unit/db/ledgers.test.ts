import { beforeAll, describe, expect, it, vi } from 'vitest';
import { MEETING_LEDGER_EXPORT_ID, TOPIC_LEDGER_EXPORT_ID } from '../../../renderer/src/db/repositories/ledgers';
import { buildMeetingLedger } from '../../../renderer/src/features/meetings/list/meeting-ledger';
import { buildTopicLedger } from '../../../renderer/src/features/topics/topic-ledger';
import { generateDemoDataset } from '../../../shared/demo/generate';
import type { Dataset } from '../../../shared/demo/types';
import { auditRows, withProfile, type Harness } from './helpers';

const TODAY = '2026-11-22';

describe('ledgers repository (fake-indexeddb, demo township)', () => {
  let h: Harness;
  let ds: Dataset;
  beforeAll(async () => {
    h = await withProfile();
    ds = generateDemoDataset({ seed: 7, scale: 1, today: TODAY });
    await h.dl.demo.load(ds);
  });

  it('议题台账: the rows the list shows for the filter, masked, with meeting, merge, dispute and resolutions', async () => {
    const all = await h.dl.ledgers.topics();
    expect(all.rows.map((r) => r.topic.id)).toEqual((await h.dl.topics.list()).map((t) => t.id));
    expect(all.rows).toHaveLength(ds.topics.length);

    const text = JSON.stringify(all.rows);
    const clear = ds.topics.flatMap((t) => [t.complainant?.name, t.complainant?.phone, t.complainant?.idNumber]);
    expect(clear.filter(Boolean).length).toBeGreaterThan(0);
    for (const c of clear) if (c) expect(text).not.toContain(c);

    const byId = new Map(ds.topics.map((t) => [t.id, t]));
    for (const r of all.rows) {
      const t = byId.get(r.topic.id)!;
      if (t.meetingId) expect(r.meeting).toMatchObject({ id: t.meetingId });
      if (t.state === 'merged') expect(r.mergedInto?.title).toBe(byId.get(t.mergedIntoTopicId!)!.title);
      if (t.state === 'converted') {
        expect(r.disputeNumber).toBe(ds.disputes.find((d) => d.id === t.disputeId)!.number);
      }
      // The issued 议定事项 of the topic's item at the meeting it went to.
      const items = ds.agendaItems.filter((i) => i.topicId === t.id && i.meetingId === t.meetingId).map((i) => i.id);
      const want = ds.resolutions
        .filter(
          (x) => t.state === 'resolved' && x.agendaItemId && items.includes(x.agendaItemId) && x.state !== 'draft',
        )
        .map((x) => x.content)
        .sort();
      expect((r.resolutions ?? []).map((x) => x.content).sort(), t.title).toEqual(want);
    }
    expect(all.rows.some((r) => (r.resolutions ?? []).length > 0)).toBe(true);
  });

  it('a filtered topics ledger reads no table whole and equals the list', async () => {
    const unitId = ds.topics[0]!.submittingUnitId;
    const filters = [
      { unitId },
      { category: ds.topics[0]!.category },
      { states: ['resolved' as const], from: '2026-01-01', to: '2026-12-31' },
      { from: '2026-04-01', to: '2026-06-30' },
    ];
    const lists = await Promise.all(filters.map((f) => h.dl.topics.list(f)));
    const scans = (['topics', 'meetings', 'disputes', 'agendaItems', 'resolutions'] as const).map((t) =>
      vi.spyOn(h.db[t], 'toArray'),
    );
    for (const [i, f] of filters.entries()) {
      const got = await h.dl.ledgers.topics(f);
      expect(
        got.rows.map((r) => r.topic.id),
        JSON.stringify(f),
      ).toEqual(lists[i]!.map((t) => t.id));
      expect(got.rows.length).toBeGreaterThan(0);
    }
    for (const s of scans) expect(s).not.toHaveBeenCalled();
    for (const s of scans) s.mockRestore();
  });

  it('会议台账: attendance, agenda topics, minutes and issued resolutions per meeting, through indexes only', async () => {
    const scans = (['attendance', 'agendaItems', 'minutes', 'resolutions'] as const).map((t) =>
      vi.spyOn(h.db[t], 'toArray'),
    );
    const got = await h.dl.ledgers.meetings();
    for (const s of scans) expect(s).not.toHaveBeenCalled();
    for (const s of scans) s.mockRestore();

    expect(got.rows.map((r) => r.meeting.id)).toEqual((await h.dl.meetings.list()).map((m) => m.id));
    for (const r of got.rows) {
      const id = r.meeting.id;
      expect(r.attendance.length).toBe(ds.attendance.filter((a) => a.meetingId === id).length);
      expect(r.topicCount).toBe(ds.agendaItems.filter((i) => i.meetingId === id && i.kind === 'topic').length);
      expect(r.resolutionCount).toBe(ds.resolutions.filter((x) => x.meetingId === id && x.state !== 'draft').length);
      const minutes = ds.minutes.find((m) => m.meetingId === id);
      expect(r.minutes?.issueNumber).toBe(minutes?.issueNumber);
      expect(r.minutes?.issuedOn).toBe(minutes?.issuedOn);
    }
    expect(got.rows.some((r) => r.resolutionCount > 0 && r.minutes?.issueNumber !== undefined)).toBe(true);
    expect(got.people.size).toBe(ds.people.length);

    const year = got.rows[0]!.meeting.year;
    const ofYear = await h.dl.ledgers.meetings({ year, kind: 'regular' });
    expect(ofYear.rows.length).toBeGreaterThan(0);
    expect(ofYear.rows.every((r) => r.meeting.year === year && r.meeting.kind === 'regular')).toBe(true);
  });

  it('builds both sheets and audits a saved ledger with its file, row count and filter', async () => {
    const topics = await buildTopicLedger(h.dl, { states: ['resolved'] }, TODAY);
    expect(topics.sheets[0]!.title).toBe('议题台账（截至2026年11月22日）');
    expect(topics.rows).toBe(ds.topics.filter((t) => t.state === 'resolved').length);
    const meetings = await buildMeetingLedger(h.dl, {}, TODAY);
    expect(meetings.rows).toBe(ds.meetings.length);

    const before = (await auditRows(h.db)).length;
    await h.dl.ledgers.recordExport('topics', '议题台账-20261122.xlsx', {
      rows: topics.rows,
      filter: { states: ['resolved'] },
    });
    await h.dl.ledgers.recordExport('meetings', '会议台账-20261122.xlsx', { rows: meetings.rows, filter: {} });
    const added = (await auditRows(h.db)).slice(before);
    expect(added.map((e) => [e.entity, e.entityId, e.action, e.actorId])).toEqual([
      ['system', TOPIC_LEDGER_EXPORT_ID, 'export', h.profile.id],
      ['system', MEETING_LEDGER_EXPORT_ID, 'export', h.profile.id],
    ]);
    expect(added[0]!.after).toEqual({
      document: '议题台账',
      fileName: '议题台账-20261122.xlsx',
      rows: topics.rows,
      filter: { states: ['resolved'] },
    });
    expect(added[1]!.after).toMatchObject({ document: '会议台账', rows: ds.meetings.length });
  });
});
