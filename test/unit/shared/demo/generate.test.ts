import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEMO_DEFAULTS, generateDemoDataset } from '../../../../shared/demo/generate';
import { checkDatasetIntegrity, checkDatasetSchemas, DATASET_SCHEMAS } from '../../../../shared/demo/integrity';
import type { Dataset } from '../../../../shared/demo/types';
import { DISPUTE_STATES } from '../../../../shared/domain/dispute';
import { DomainError } from '../../../../shared/domain/errors';
import { minutesDocSchema } from '../../../../shared/editor/schema';
import { MEETING_KINDS, MEETING_STATES } from '../../../../shared/domain/meeting';
import { MINUTES_STATES, RESOLUTION_STATES } from '../../../../shared/domain/minutes';
import { TOPIC_STATES } from '../../../../shared/domain/topic';
import { UNIT_KINDS } from '../../../../shared/domain/unit';

const TODAY = '2026-03-09';
const base = { ...DEMO_DEFAULTS, today: TODAY };

/** Cases chosen around quarter and year boundaries and a leap day. */
const CASES = [
  { seed: 20260309, today: '2026-03-09' },
  { seed: 1, today: '2025-01-01' },
  { seed: 42, today: '2024-12-31' },
  { seed: 7, today: '2026-06-30' },
  { seed: 99, today: '2024-02-29' },
];

const cache = new Map<string, Dataset>();
function gen(seed: number, today: string, scale = 1): Dataset {
  const key = `${seed}|${today}|${scale}`;
  let ds = cache.get(key);
  if (!ds) {
    ds = generateDemoDataset({ seed, today, scale });
    cache.set(key, ds);
  }
  return ds;
}

const addDays = (iso: string, n: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};
/** The last instant of `today` in China Standard Time, as a UTC ISO string. */
const endOfDay = (today: string) => `${today}T15:59:59.999Z`;

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('generateDemoDataset — determinism', () => {
  it('gives a deep-equal dataset for the same options and a different one for another seed', () => {
    const a = generateDemoDataset(base);
    const b = generateDemoDataset(base);
    expect(b).toEqual(a);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    const other = generateDemoDataset({ ...base, seed: base.seed + 1 });
    expect(other.units.map((u) => u.id)).not.toEqual(a.units.map((u) => u.id));
  });

  it('does not depend on the clock, Math.random or crypto', () => {
    const expected = generateDemoDataset(base);
    const boom = () => {
      throw new Error('non-deterministic source used');
    };
    vi.spyOn(Math, 'random').mockImplementation(boom);
    vi.spyOn(globalThis.crypto, 'getRandomValues').mockImplementation(boom);
    vi.spyOn(globalThis.crypto, 'randomUUID').mockImplementation(boom);
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2031-07-01T12:00:00Z'));
    const later = generateDemoDataset(base);
    vi.setSystemTime(new Date('2001-01-01T00:00:00Z'));
    const earlier = generateDemoDataset(base);
    expect(later).toEqual(expected);
    expect(earlier).toEqual(expected);
  });

  it('exports the documented defaults', () => {
    expect(DEMO_DEFAULTS).toEqual({ seed: 20260309, scale: 1 });
  });
});

describe.each(CASES)('generateDemoDataset(seed $seed, today $today)', ({ seed, today }) => {
  const ds = () => gen(seed, today);

  it('passes every shared/domain schema', () => {
    for (const key of Object.keys(DATASET_SCHEMAS) as (keyof Dataset)[]) {
      for (const record of ds()[key]) {
        const r = DATASET_SCHEMAS[key].safeParse(record);
        if (!r.success) throw new Error(`${key} ${record.id}: ${r.error.message}`);
      }
    }
    expect(checkDatasetSchemas(ds())).toEqual([]);
  });

  it('is referentially intact', () => {
    expect(checkDatasetIntegrity(ds())).toEqual([]);
  });

  it('has every topic, dispute, meeting, minutes and resolution state', () => {
    const d = ds();
    expect(new Set(d.topics.map((t) => t.state))).toEqual(new Set(TOPIC_STATES));
    expect(new Set(d.disputes.map((x) => x.state))).toEqual(new Set(DISPUTE_STATES));
    expect(new Set(d.meetings.map((m) => m.state))).toEqual(new Set(MEETING_STATES));
    expect(new Set(d.meetings.map((m) => m.kind))).toEqual(new Set(MEETING_KINDS));
    expect(new Set(d.minutes.map((m) => m.state))).toEqual(new Set(MINUTES_STATES));
    expect(new Set(d.resolutions.map((r) => r.state))).toEqual(new Set(RESOLUTION_STATES));
  });

  it('dates nothing after today except upcoming meetings and deadlines', () => {
    const d = ds();
    const end = endOfDay(today);
    const stamps: [string, string][] = [];
    for (const key of Object.keys(DATASET_SCHEMAS) as (keyof Dataset)[]) {
      for (const r of d[key] as { id: string; createdAt: string; updatedAt?: string }[]) {
        stamps.push([`${key} ${r.id} createdAt`, r.createdAt]);
        if (r.updatedAt !== undefined) {
          stamps.push([`${key} ${r.id} updatedAt`, r.updatedAt]);
          expect(r.updatedAt >= r.createdAt, `${key} ${r.id} updated before created`).toBe(true);
        }
      }
    }
    for (const a of d.attendance) if (a.signedInAt) stamps.push([`attendance ${a.id} signedInAt`, a.signedInAt]);
    for (const [what, ts] of stamps) expect(ts <= end, `${what} = ${ts}`).toBe(true);

    const days: [string, string | undefined][] = [
      ...d.topics.map((t): [string, string] => [`topic ${t.id}`, t.submittedOn]),
      ...d.disputes.flatMap((x) => [
        [`dispute ${x.id} registeredOn`, x.registeredOn] as [string, string],
        [`dispute ${x.id} stateSince`, x.stateSince] as [string, string],
        [`dispute ${x.id} closedOn`, x.closedOn] as [string, string | undefined],
        ...x.rounds.map((r): [string, string] => [`dispute ${x.id} round`, r.date]),
      ]),
      ...d.taskEvents.map((e): [string, string] => [`taskEvent ${e.id}`, e.on]),
      ...d.minutes.map((m): [string, string | undefined] => [`minutes ${m.id}`, m.issuedOn]),
    ];
    for (const [what, day] of days) if (day !== undefined) expect(day <= today, `${what} = ${day}`).toBe(true);

    for (const m of d.meetings) {
      const future = m.startsAt.slice(0, 10) > today;
      expect(future, `${m.title} ${m.startsAt} ${m.state}`).toBe(m.state === 'planning' || m.state === 'notified');
    }
  });

  it('holds a regular meeting in each of the eight quarters before the current one, numbered per year and kind', () => {
    const d = ds();
    const held = d.meetings.filter(
      (m) => m.kind === 'regular' && !['planning', 'notified', 'cancelled'].includes(m.state),
    );
    const [y, mo] = today.split('-').map(Number) as [number, number];
    let qYear = y;
    let qMonth = Math.floor((mo - 1) / 3) * 3 + 1;
    for (let back = 0; back < 8; back++) {
      qMonth -= 3;
      if (qMonth < 1) {
        qMonth += 12;
        qYear -= 1;
      }
      const from = `${qYear}-${String(qMonth).padStart(2, '0')}-01`;
      const to = addDays(
        `${qMonth + 3 > 12 ? qYear + 1 : qYear}-${String(((qMonth + 2) % 12) + 1).padStart(2, '0')}-01`,
        -1,
      );
      expect(
        held.some((m) => m.startsAt.slice(0, 10) >= from && m.startsAt.slice(0, 10) <= to),
        `no regular meeting held in ${from}..${to}`,
      ).toBe(true);
    }

    const byKey = new Map<string, number[]>();
    for (const m of [...d.meetings].sort((a, b) => (a.startsAt < b.startsAt ? -1 : 1))) {
      expect(Number(m.startsAt.slice(0, 4))).toBe(m.year);
      const key = `${m.year}:${m.kind}`;
      byKey.set(key, [...(byKey.get(key) ?? []), m.sequence]);
    }
    for (const seqs of byKey.values()) expect(seqs).toEqual(seqs.map((_, i) => i + 1));
  });
});

describe('generateDemoDataset — the township at scale 1', () => {
  const d = gen(base.seed, TODAY);

  it('has ~15 units of every kind, each with a liaison who is one of its people', () => {
    expect(d.units.length).toBeGreaterThanOrEqual(13);
    expect(d.units.length).toBeLessThanOrEqual(17);
    expect(new Set(d.units.map((u) => u.kind))).toEqual(new Set(UNIT_KINDS));
    expect(d.units.filter((u) => u.kind === 'district_government')).toHaveLength(1);
    expect(d.units.map((u) => u.name)).toEqual(
      expect.arrayContaining(['区市场监督管理局', '区生态环境局', '区人民政府']),
    );
    for (const u of d.units) {
      const contact = d.people.find((p) => p.unitId === u.id && p.name === u.liaisonName);
      expect(contact, u.name).toBeDefined();
      expect(u.liaisonPhone).toMatch(/^1[3-9]\d{9}$/);
      expect(contact?.phone).toBe(u.liaisonPhone);
    }
  });

  it('has ~40 people with the joint-meeting roles', () => {
    expect(d.people.length).toBeGreaterThanOrEqual(35);
    expect(d.people.length).toBeLessThanOrEqual(45);
    const roles = d.people.map((p) => p.role);
    expect(roles.filter((r) => r === 'chief_convener')).toHaveLength(1);
    expect(roles.filter((r) => r === 'convener').length).toBeGreaterThanOrEqual(2);
    expect(roles.filter((r) => r === 'office_staff').length).toBeGreaterThanOrEqual(2);
    expect(roles.filter((r) => r === 'liaison').length).toBeGreaterThanOrEqual(10);
    expect(new Set(d.people.map((p) => p.name)).size).toBe(d.people.length);
  });

  it('has one notified and one planned meeting ahead and one cancelled meeting with a reason', () => {
    expect(d.meetings.filter((m) => m.state === 'notified')).toHaveLength(1);
    expect(d.meetings.filter((m) => m.state === 'planning')).toHaveLength(1);
    const cancelled = d.meetings.filter((m) => m.state === 'cancelled');
    expect(cancelled).toHaveLength(1);
    expect(cancelled[0]?.cancelReason).toBeTruthy();
    expect(d.meetings.filter((m) => m.state !== 'cancelled').every((m) => m.cancelReason === undefined)).toBe(true);
  });

  it('records attendance: present, on leave with a reason, observers, invited for upcoming meetings', () => {
    const statuses = new Set(d.attendance.map((a) => a.status));
    for (const s of ['present', 'leave', 'invited'] as const) expect(statuses.has(s), s).toBe(true);
    expect(d.attendance.some((a) => a.observer)).toBe(true);
    for (const a of d.attendance) {
      if (a.status === 'leave') expect(a.leaveReason).toBeTruthy();
      if (a.status === 'substituted') expect(a.substituteName).toBeTruthy();
    }
    const upcoming = new Set(
      d.meetings.filter((m) => m.state === 'planning' || m.state === 'notified').map((m) => m.id),
    );
    for (const a of d.attendance.filter((x) => upcoming.has(x.meetingId))) expect(a.status).toBe('invited');
    for (const m of d.meetings) {
      if (m.state === 'cancelled' || m.chairPersonId === undefined) continue;
      expect(
        d.attendance.some((a) => a.meetingId === m.id && a.personId === m.chairPersonId),
        m.title,
      ).toBe(true);
    }
  });

  it('has one minutes record per meeting past "held", issued ones numbered, as a Tiptap document', () => {
    const withMinutes = d.meetings.filter((m) => ['drafting', 'signed', 'issued'].includes(m.state));
    expect(d.minutes).toHaveLength(withMinutes.length);
    for (const m of withMinutes) {
      const mins = d.minutes.filter((x) => x.meetingId === m.id);
      expect(mins).toHaveLength(1);
      const expected = m.state === 'drafting' ? ['draft', 'review'] : [m.state];
      expect(expected).toContain(mins[0]?.state);
    }
    for (const mins of d.minutes.filter((x) => x.state === 'issued')) {
      expect(mins.issueNumber).toBeGreaterThan(0);
      const meeting = d.meetings.find((m) => m.id === mins.meetingId);
      expect(mins.issuedOn && meeting && mins.issuedOn >= meeting.startsAt.slice(0, 10)).toBe(true);
    }
    // The minutes model: the template's document (导语, a level-1 heading per agenda item, 出席 lines).
    for (const mins of d.minutes) {
      const doc = minutesDocSchema.parse(mins.content);
      const agenda = d.agendaItems.filter((a) => a.meetingId === mins.meetingId);
      expect(doc.content[0]?.type).toBe('paragraph');
      expect(doc.content.filter((n) => n.type === 'heading' && n.attrs.level === 1)).toHaveLength(agenda.length);
      expect(doc.content.some((n) => n.type === 'attendanceLine' && n.attrs.role === 'present')).toBe(true);
    }
  });

  it('has overdue and nearly due resolutions, with the follow-up that explains each state', () => {
    const open = ['not_started', 'in_progress'];
    const overdue = d.resolutions.filter((r) => r.deadline && r.deadline < TODAY && open.includes(r.state));
    expect(overdue.length).toBeGreaterThan(0);
    expect(
      d.resolutions.some(
        (r) => r.deadline && r.deadline >= TODAY && r.deadline <= addDays(TODAY, 5) && open.includes(r.state),
      ),
    ).toBe(true);
    const eventsOf = (id: string) => d.taskEvents.filter((e) => e.resolutionId === id);
    for (const r of d.resolutions) {
      const ev = eventsOf(r.id);
      if (r.state === 'verified') expect(ev.some((e) => e.kind === 'verification')).toBe(true);
      if (r.cannotComplete) expect(r.cannotComplete.reason).toBeTruthy();
      if (r.extension?.state === 'pending') {
        expect(ev.some((e) => e.kind === 'extension' && e.approved === undefined && e.newDeadline)).toBe(true);
        expect(r.state).toBe('in_progress');
      }
      // Only a draft may still lack its 完成时限 (a node the office has not filled in yet).
      if (r.state !== 'draft') expect(r.deadline !== undefined && r.deadlineRule !== undefined).toBe(true);
      // No resolution of unissued minutes is a task; every issued one is.
      if (r.state === 'draft') expect(r.issuedOn).toBeUndefined();
      else expect(r.issuedOn).toBeTruthy();
    }
    expect(d.resolutions.some((r) => r.extension?.state === 'pending')).toBe(true);
    expect(d.resolutions.some((r) => r.cannotComplete?.escalated)).toBe(true);
    const kinds = new Set(d.taskEvents.map((e) => e.kind));
    expect(kinds).toEqual(new Set(['progress', 'reminder', 'comment', 'extension', 'verification']));
    const minutedMeetings = new Set(
      d.meetings.filter((m) => ['drafting', 'signed', 'issued'].includes(m.state)).map((m) => m.id),
    );
    for (const r of d.resolutions) expect(minutedMeetings.has(r.meetingId)).toBe(true);
  });

  it('keeps topics consistent with their state', () => {
    const byId = new Map(d.topics.map((t) => [t.id, t]));
    const meetings = new Map(d.meetings.map((m) => [m.id, m]));
    const agendaTopic = new Map(d.agendaItems.map((a) => [a.id, a.topicId]));
    const resolvedTopics = new Set(
      d.resolutions.map((r) => (r.agendaItemId ? agendaTopic.get(r.agendaItemId) : undefined)),
    );
    for (const t of d.topics) {
      switch (t.state) {
        case 'merged':
          expect(byId.get(t.mergedIntoTopicId ?? '')?.state).not.toBe('merged');
          break;
        case 'converted':
          expect(d.disputes.find((x) => x.id === t.disputeId)?.relatedTopicId).toBe(t.id);
          break;
        case 'returned':
          expect(t.returnReason).toBeTruthy();
          break;
        case 'scheduled':
          expect(['planning', 'notified']).toContain(meetings.get(t.meetingId ?? '')?.state);
          break;
        case 'resolved':
          expect(resolvedTopics.has(t.id)).toBe(true);
          break;
        case 'deferred':
        case 'escalated':
          expect(resolvedTopics.has(t.id)).toBe(false);
          expect(meetings.get(t.meetingId ?? '')?.state).toBe('issued');
          break;
        default:
          break;
      }
    }
    expect(d.topics.some((t) => t.complainant?.idNumber)).toBe(true);
  });

  it('gives each dispute state its data', () => {
    for (const x of d.disputes) {
      const rounds = x.rounds.map((r) => r.date);
      expect(rounds).toEqual([...rounds].sort());
      if (rounds[0]) expect(rounds[0] >= x.registeredOn).toBe(true);
      expect(x.partyUnitIds).toContain(x.firstHandlingUnitId);
      switch (x.state) {
        case 'registered':
          expect(x.rounds).toHaveLength(0);
          break;
        case 'negotiating':
          expect(x.rounds.length).toBeGreaterThan(0);
          break;
        case 'agreed':
          expect(x.agreement).toBeTruthy();
          break;
        case 'escalated':
          expect(x.escalatedOn && x.escalation).toBeTruthy();
          break;
        case 'designated':
          expect(x.decisionNumber && x.designatedUnitId && x.designatedOn).toBeTruthy();
          break;
        case 'closed':
          expect(x.closedOn).toBeTruthy();
          expect(x.agreement ?? x.decisionNumber).toBeTruthy();
          break;
      }
    }
    expect(new Set(d.disputes.map((x) => x.number)).size).toBe(d.disputes.length);
  });
});

describe('generateDemoDataset — scale', () => {
  it('multiplies meetings, topics, disputes and resolutions, not units or people', () => {
    const one = gen(3, TODAY, 1);
    const five = gen(3, TODAY, 5);
    expect(five.units.length).toBe(one.units.length);
    expect(five.people.length).toBe(one.people.length);
    for (const key of ['meetings', 'topics', 'disputes', 'resolutions', 'minutes', 'agendaItems'] as const) {
      const ratio = five[key].length / one[key].length;
      expect(ratio, key).toBeGreaterThan(3.5);
      expect(ratio, key).toBeLessThan(6.5);
    }
  });

  it('stays valid and intact at benchmark scale', () => {
    const big = gen(11, TODAY, 50);
    expect(big.topics.length).toBeGreaterThan(1500);
    expect(checkDatasetIntegrity(big)).toEqual([]);
    expect(checkDatasetSchemas(big)).toEqual([]);
  });
});

describe('generateDemoDataset — options', () => {
  it.each([
    [{ ...base, today: '2026-02-30' }],
    [{ ...base, today: '09/03/2026' }],
    [{ ...base, scale: 0 }],
    [{ ...base, scale: Number.NaN }],
    [{ ...base, scale: 100_000 }],
    [{ ...base, seed: Number.POSITIVE_INFINITY }],
  ])('rejects %j with a DomainError', (opts) => {
    expect(() => generateDemoDataset(opts)).toThrow(DomainError);
    try {
      generateDemoDataset(opts);
    } catch (e) {
      expect((e as DomainError).code).toBe('validation');
    }
  });
});
