import { describe, expect, it } from 'vitest';
import { createDataLayer } from '../../../renderer/src/db/data-layer';
import type { JointDeskDB } from '../../../renderer/src/db/database';
import type {
  AgendaItem,
  Meeting,
  Minutes,
  Resolution,
  ResolutionState,
  TaskEvent,
  Topic,
  Unit,
} from '../../../shared/domain';
import { freshDatabase } from './helpers';

const T = '2026-01-01T00:00:00.000Z';
/** The business date of the tests: Friday 2026-04-10 (Asia/Shanghai). */
const NOW = new Date('2026-04-10T02:00:00.000Z');

const unit = (id: string, name: string, kind: Unit['kind'] = 'district_department'): Unit =>
  ({ id, name, kind, createdAt: T, updatedAt: T, archived: false }) as unknown as Unit;
const task = (id: string, lead: string, state: ResolutionState, deadline: string, extra: Partial<Resolution> = {}) =>
  ({
    id,
    createdAt: T,
    updatedAt: T,
    meetingId: 'm1',
    content: `议定事项${id}`,
    leadUnitId: lead,
    coUnitIds: [],
    state,
    deadline,
    issuedOn: '2026-01-10',
    ...extra,
  }) as Resolution;
let n = 0;
const ev = (resolutionId: string, kind: TaskEvent['kind'], on: string, approved?: boolean): TaskEvent => ({
  id: `e${++n}`,
  resolutionId,
  kind,
  on,
  text: kind,
  createdAt: `${on}T03:00:00.000Z`,
  ...(approved !== undefined ? { approved } : {}),
});

async function seed(db: JointDeskDB, role: 'office_staff' | 'supervisor' = 'supervisor', filler = 0) {
  const resolutions: Resolution[] = [
    task('q1-on', 'ua', 'verified', '2026-03-31'),
    task('q1-late', 'ua', 'done_pending_verification', '2026-03-31'),
    task('q1-over', 'ub', 'in_progress', '2026-03-16'),
    task('q1-wait', 'ub', 'done_pending_verification', '2026-03-20'),
    task('q2-ext', 'ua', 'in_progress', '2026-04-15', {
      extension: { state: 'approved', requestedOn: '2026-03-18', proposedDeadline: '2026-04-15', reason: '协调' },
    }),
    task('q1-draft', 'ua', 'draft', '2026-02-01'),
  ];
  const events: TaskEvent[] = [
    ev('q1-on', 'completion', '2026-03-31'),
    ev('q1-on', 'verification', '2026-04-02', true),
    ev('q1-late', 'completion', '2026-04-01'),
    ev('q1-over', 'completion', '2026-03-10'),
    ev('q1-over', 'verification', '2026-03-12', false),
    ev('q1-wait', 'completion', '2026-03-19'),
    ev('q2-ext', 'extension', '2026-03-18'),
    ev('q2-ext', 'deadline_change', '2026-03-19', true),
  ];
  // Tasks due in other quarters, with events, that the quarter's read must not touch.
  for (let i = 0; i < filler; i++) {
    const id = `f${i}`;
    resolutions.push(task(id, i % 2 ? 'ua' : 'ub', 'verified', `2025-${String(1 + (i % 12)).padStart(2, '0')}-10`));
    events.push(ev(id, 'progress', '2025-01-20'), ev(id, 'verification', '2025-02-01', true));
  }
  await db.transaction('rw', [db.units, db.resolutions, db.taskEvents, db.profiles, db.settings], async () => {
    await db.units.bulkAdd([unit('ub', '区市场监管局'), unit('ua', '城关镇人民政府', 'township')]);
    await db.resolutions.bulkAdd(resolutions);
    await db.taskEvents.bulkAdd(events);
    await db.profiles.add({ id: 'p1', name: '赵明', unitName: '纪工委', role, createdAt: T });
    await db.settings.put({ key: 'profile.current', value: 'p1' });
  });
}

function countReads(db: JointDeskDB) {
  const reads: Record<string, number> = {};
  for (const t of db.tables)
    t.hook('reading', (obj) => {
      reads[t.name] = (reads[t.name] ?? 0) + 1;
      return obj;
    });
  return reads;
}

describe('home.unitQuarters', () => {
  it('gives each lead unit its quarter figures, in the units’ order, with the ids behind each cell', async () => {
    const db = freshDatabase();
    await seed(db);
    const dl = createDataLayer(db, { now: () => NOW });
    const q1 = await dl.home.unitQuarters({ year: 2026, quarter: 1 });
    expect(q1.today).toBe('2026-04-10');
    expect(q1.quarter).toMatchObject({ start: '2026-01-01', end: '2026-03-31' });
    // Townships before district departments (compareUnits).
    expect(q1.rows.map((r) => r.unitId)).toEqual(['ua', 'ub']);
    expect(q1.rows[0]!.ids).toMatchObject({ due: ['q1-late', 'q1-on'], onTime: ['q1-on'], late: ['q1-late'] });
    expect(q1.rows[0]!.rating).toBe('red');
    expect(q1.rows[1]!.ids).toMatchObject({ overdue: ['q1-over'], onTime: ['q1-wait'], returned: ['q1-over'] });
    expect(q1.total.counts).toMatchObject({ due: 4, onTime: 2, late: 1, overdue: 1, returned: 1, extended: 0 });

    const q2 = await dl.home.unitQuarters({ year: 2026, quarter: 2 });
    expect(q2.rows).toHaveLength(1);
    expect(q2.rows[0]!.ids).toMatchObject({ due: ['q2-ext'], pending: ['q2-ext'], extended: ['q2-ext'] });
  });

  it('reads only the quarter’s tasks and their events, however many tasks other quarters hold', async () => {
    const db = freshDatabase();
    await seed(db, 'supervisor', 2000);
    const dl = createDataLayer(db, { now: () => NOW });
    const reads = countReads(db);
    const q1 = await dl.home.unitQuarters({ year: 2026, quarter: 1 });
    expect(q1.total.counts.due).toBe(4);
    // Five rows have a Q1 deadline (one a draft), their 6 events, the two units.
    expect(reads.resolutions).toBe(5);
    expect(reads.taskEvents).toBe(6);
    expect(reads.units).toBe(2);
  });

  it('a failed verification recorded through the follow-up repository shows as 核验退回 and 逾期未办结', async () => {
    const db = freshDatabase();
    await seed(db);
    const dl = createDataLayer(db, { now: () => NOW });
    await dl.followup.verify('q1-wait', { passed: false, finding: '现场仍有违法建筑未拆除。' });
    const q1 = await dl.home.unitQuarters({ year: 2026, quarter: 1 });
    expect(q1.rows[1]!.ids).toMatchObject({
      onTime: [],
      overdue: ['q1-over', 'q1-wait'],
      returned: ['q1-over', 'q1-wait'],
    });
    expect(q1.rows[1]!.rating).toBe('red');
  });
});

describe('followup.list({ quarterCell }) (the drill-down)', () => {
  it('lists exactly the tasks a cell counts, with the other filters and paging on top', async () => {
    const db = freshDatabase();
    await seed(db, 'supervisor', 50);
    const dl = createDataLayer(db, { now: () => NOW });
    const cell = (unitId: string, figure: 'due' | 'late' | 'returned') => ({ unitId, quarter: '2026Q1', figure });
    const ids = async (f: Parameters<typeof dl.followup.list>[0]) =>
      (await dl.followup.list(f)).rows.map((r) => r.resolution.id).sort();
    expect(await ids({ quarterCell: cell('ua', 'due') })).toEqual(['q1-late', 'q1-on']);
    expect(await ids({ quarterCell: cell('ua', 'late') })).toEqual(['q1-late']);
    expect(await ids({ quarterCell: cell('ub', 'returned') })).toEqual(['q1-over']);
    expect(await ids({ quarterCell: cell('ua', 'due'), states: ['verified'] })).toEqual(['q1-on']);
    const page = await dl.followup.list({ quarterCell: cell('ua', 'due'), limit: 1 });
    expect(page.total).toBe(2);
    expect(page.rows).toHaveLength(1);
    await expect(dl.followup.list({ quarterCell: { unitId: 'ua', quarter: '2026Q9', figure: 'due' } })).rejects.toThrow(
      '季度或统计项不正确',
    );
  });
});

describe('home.readiness, minutesForSignOff, escalations', () => {
  const meeting = (id: string, startsAt: string, state: Meeting['state'], sequence: number): Meeting =>
    ({
      id,
      createdAt: T,
      updatedAt: T,
      kind: 'regular',
      startsAt,
      place: '会议室',
      year: 2026,
      sequence,
      state,
    }) as Meeting;

  async function seedMeetings(db: JointDeskDB) {
    await db.transaction('rw', [db.meetings, db.minutes, db.agendaItems, db.topics, db.attendance], async () => {
      await db.meetings.bulkAdd([
        meeting('m0', '2025-12-20T09:00', 'issued', 4),
        meeting('m1', '2026-03-20T09:00', 'drafting', 1),
        meeting('m2', '2026-04-20T09:30', 'planning', 2),
        meeting('m3', '2026-05-20T09:30', 'planning', 3),
      ]);
      await db.minutes.bulkAdd([
        { id: 'mn0', meetingId: 'm0', state: 'issued', content: {} } as unknown as Minutes,
        { id: 'mn1', meetingId: 'm1', state: 'review', content: { big: 'x'.repeat(1000) } } as unknown as Minutes,
      ]);
      await db.agendaItems.bulkAdd([
        { id: 'a1', meetingId: 'm2', order: 0, kind: 'topic', title: '议题', minutes: 20 } as AgendaItem,
      ]);
      await db.topics.bulkAdd([
        { id: 't1', state: 'submitted', submittedOn: '2026-04-01', title: '待审' } as Topic,
        { id: 't2', state: 'escalated', submittedOn: '2026-02-01', title: '提交党政联席会议的议题' } as Topic,
      ]);
    });
  }

  it('the checklist of the next meeting being prepared', async () => {
    const db = freshDatabase();
    await seed(db, 'office_staff');
    await seedMeetings(db);
    const dl = createDataLayer(db, { now: () => NOW });
    const r = await dl.home.readiness();
    expect(r.next?.id).toBe('m2');
    expect(r.last?.id).toBe('m1');
    const byKey = Object.fromEntries(r.items.map((i) => [i.key, i]));
    expect(byKey.meeting!.status).toBe('done');
    expect(byKey.triage).toMatchObject({ status: 'todo', count: 1 });
    // Tasks are open and the report item is missing; the topic has no presenter.
    expect(byKey.agenda).toMatchObject({ status: 'todo', gaps: ['noReport', 'noPresenter'] });
    expect(byKey.notice!.status).toBe('todo');
    expect(byKey.signIn).toMatchObject({ status: 'todo', count: 0 });
    expect(byKey.minutes).toMatchObject({ status: 'todo', minutesState: 'review' });
    expect(r.todo).toBe(5);

    // Notified, with a list and the report item: those are done.
    await db.meetings.update('m2', { state: 'notified' });
    await db.attendance.add({ id: 'at1', meetingId: 'm2', personId: 'x', observer: false, status: 'invited' } as never);
    await db.agendaItems.add({
      id: 'a2',
      meetingId: 'm2',
      order: 1,
      kind: 'last_resolutions',
      title: '通报',
      minutes: 15,
    } as AgendaItem);
    await db.agendaItems.update('a1', { presenterUnitId: 'ua' });
    const after = Object.fromEntries((await dl.home.readiness()).items.map((i) => [i.key, i.status]));
    expect(after).toMatchObject({ agenda: 'done', notice: 'done', signIn: 'done' });
  });

  it('minutes awaiting sign-off come without their content; escalations list open 不能办结 tasks and topics', async () => {
    const db = freshDatabase();
    await seed(db, 'office_staff');
    await seedMeetings(db);
    await db.resolutions.bulkAdd([
      task('cc1', 'ua', 'in_progress', '2026-05-01', {
        cannotComplete: { reason: '资金', on: '2026-03-01', escalated: false },
      }),
      task('cc2', 'ub', 'in_progress', '2026-05-01', {
        cannotComplete: { reason: '编制', on: '2026-03-05', escalated: true, escalatedOn: '2026-03-06' },
      }),
      task('cc3', 'ub', 'verified', '2026-01-01', {
        cannotComplete: { reason: '旧', on: '2025-12-01', escalated: true },
      }),
    ]);
    const dl = createDataLayer(db, { now: () => NOW });
    const signOff = await dl.home.minutesForSignOff();
    expect(signOff.map((m) => [m.id, m.meeting?.id])).toEqual([['mn1', 'm1']]);
    expect('content' in signOff[0]!).toBe(false);
    const e = await dl.home.escalations();
    expect(e.tasks.map((r) => r.id)).toEqual(['cc2', 'cc1']);
    expect(e.topics.map((t) => t.id)).toEqual(['t2']);
  });
});
