import { describe, expect, it } from 'vitest';
import { selectReportItems, type Minutes, type Resolution } from '../../../shared/domain';
import { readMinutesHeaders, readReportSelection } from '../../../renderer/src/db/repositories/agenda-standing';
import { withProfile } from './helpers';

/**
 * The 落实情况通报 reads its minutes' headers from the Dexie v9 index keys (issue 12), never their documents; rows
 * not in that index (not issued, issued without 第×期) are read as records. Either way the headers, their order and
 * the report equal what the whole rows give.
 */
const T = '2026-06-01T08:00:00.000Z';
const minutes = (id: string, meetingId: string, extra: Partial<Minutes>): Minutes =>
  ({
    id,
    createdAt: T,
    updatedAt: T,
    meetingId,
    state: 'issued',
    content: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '正文'.repeat(200) }] }] },
    version: 1,
    ...extra,
  }) as Minutes;
const ROWS = [
  minutes('m1', 'mt1', { issuedOn: '2026-03-05', issueYear: 2026, issueNumber: 3 }),
  minutes('m2', 'mt2', { state: 'draft', issueYear: 2026 }),
  minutes('m3', 'mt3', { issuedOn: '2025-12-01' }),
  // Two rows of one meeting (a draft first by id, then the issued one): the order decides nothing wrong.
  minutes('m5a', 'mt5', { state: 'draft' }),
  minutes('m5b', 'mt5', { issuedOn: '2026-05-06', issueYear: 2026, issueNumber: 5, state: 'review' }),
  minutes('m6', 'mt6', { issuedOn: '2026-05-20', issueYear: 2026, issueNumber: 6 }),
];
const header = (m: Minutes) =>
  Object.fromEntries(
    Object.entries({
      id: m.id,
      meetingId: m.meetingId,
      issuedOn: m.issuedOn,
      issueYear: m.issueYear,
      issueNumber: m.issueNumber,
    }).filter(([, v]) => v !== undefined),
  );

describe('minutes headers for the 落实情况通报 (Dexie v9 index keys)', () => {
  it('equal the whole rows’ fields, in the whole read’s order, inside and outside a transaction', async () => {
    const h = await withProfile();
    await h.db.minutes.bulkPut(ROWS);
    const ids = ['m6', 'gone', 'm2', 'm1', 'm3', 'm1'];
    const meetings = ['mt5', 'mt1', 'mt9'];
    const whole = [
      ...(await h.db.minutes.bulkGet(ids)).filter((m): m is Minutes => m !== undefined),
      ...(await h.db.minutes.where('meetingId').anyOf(meetings).toArray()),
    ].map(header);
    expect(whole.map((m) => m.id)).toEqual(['m6', 'm2', 'm1', 'm3', 'm1', 'm1', 'm5a', 'm5b']);
    const inTx = await h.db.transaction('r', [h.db.minutes], () => readMinutesHeaders(h.db, ids, meetings));
    expect(inTx).toEqual(whole);
    expect(await readMinutesHeaders(h.db, ids, meetings)).toEqual(whole);
    expect(await readMinutesHeaders(h.db, [], [])).toEqual([]);
  });

  it('the report: a task of minutes never issued stays out, numbers come from the index, as with whole rows', async () => {
    const h = await withProfile();
    await h.db.minutes.bulkPut(ROWS);
    const task = (id: string, meetingId: string, extra: Partial<Resolution>): Resolution => ({
      id,
      createdAt: T,
      updatedAt: T,
      meetingId,
      content: `由城关镇牵头开展联合整治${id}。`,
      leadUnitId: 'u1',
      coUnitIds: [],
      state: 'in_progress',
      ...extra,
    });
    const resolutions = [
      task('r1', 'mt1', { minutesId: 'm1', issuedOn: '2026-03-05' }),
      // Its own issue date, but its minutes (a draft) were never issued: not a task.
      task('r2', 'mt2', { minutesId: 'm2', issuedOn: '2026-04-01' }),
      task('r3', 'mt3', { minutesId: 'm3' }),
      // No minutesId: found by meeting (the issued row of mt5).
      task('r5', 'mt5', {}),
      // Its minutesId is gone: the meeting's other minutes row, read by another task, is used.
      task('r6', 'mt6', { minutesId: 'gone-6' }),
      task('r6b', 'mt6', { minutesId: 'm6', state: 'not_started' }),
    ];
    await h.db.resolutions.bulkPut(resolutions);
    const meeting = { id: 'now', startsAt: '2026-06-10T09:00' } as never;
    const tables = [h.db.meetings, h.db.resolutions, h.db.taskEvents, h.db.minutes, h.db.units, h.db.disputes];
    const read = await h.db.transaction('r', tables, () => readReportSelection(h.db, meeting, undefined));
    const whole = selectReportItems({ meeting, resolutions, events: [], minutes: await h.db.minutes.toArray() });
    expect(read.selection).toEqual(whole);
    expect(read.selection.items.map((i) => [i.resolutionId, i.source.issueNumber])).toEqual([
      ['r6b', 6],
      ['r3', undefined],
      ['r1', 3],
      ['r5', 5],
      ['r6', 6],
    ]);
  });
});
