import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import canonicalize from 'canonicalize';
import { describe, expect, it } from 'vitest';
import { generateDemoDataset } from '../../../../shared/demo/generate';
import type { Dataset } from '../../../../shared/demo/types';
import { isStandingItem } from '../../../../shared/domain/agenda-standing';
import { meetingStateForMinutes } from '../../../../shared/domain/meeting-rules';
import { MINUTES_STATES, type Minutes, type Resolution } from '../../../../shared/domain/minutes';
import { placeResolutions, planResolutionSync, resolutionProblems } from '../../../../shared/domain/minutes-rules';
import { isHeldOrLater } from '../../../../shared/domain/state-sets';
import { isWorkingDay, resolveDeadline } from '../../../../shared/domain/working-days';
import type { MinutesDoc } from '../../../../shared/editor/document';
import { minutesDocSchema } from '../../../../shared/editor/schema';

/** Around quarter and year boundaries, a leap day, a today beyond the bundled calendar, and a larger scale. */
const CASES = [
  { seed: 20260309, today: '2026-03-09', scale: 1 },
  { seed: 1, today: '2025-01-01', scale: 1 },
  { seed: 42, today: '2024-12-31', scale: 1 },
  { seed: 7, today: '2026-11-30', scale: 1 },
  { seed: 99, today: '2024-02-29', scale: 1 },
  { seed: 5, today: '2027-03-15', scale: 1 },
  { seed: 4, today: '2027-06-01', scale: 1 },
  { seed: 3, today: '2026-03-09', scale: 5 },
];

const cache = new Map<string, Dataset>();
function gen(seed: number, today: string, scale: number): Dataset {
  const key = `${seed}|${today}|${scale}`;
  let ds = cache.get(key);
  if (!ds) {
    ds = generateDemoDataset({ seed, today, scale });
    cache.set(key, ds);
  }
  return ds;
}

const dayOf = (startsAt: string) => startsAt.slice(0, 10);

describe.each(CASES)('demo minutes (seed $seed, today $today, scale $scale)', ({ seed, today, scale }) => {
  const ds = () => gen(seed, today, scale);
  const recordsOf = (m: Minutes): Resolution[] => ds().resolutions.filter((r) => r.minutesId === m.id);
  const agendaOf = (meetingId: string) => ds().agendaItems.filter((a) => a.meetingId === meetingId);
  const docOf = (m: Minutes) => m.content as MinutesDoc;

  it('stores every minutes content as a valid minutes document, hashed as the repository hashes it', () => {
    for (const m of ds().minutes) {
      const parsed = minutesDocSchema.safeParse(m.content);
      expect(parsed.success, `${m.id}: ${parsed.success ? '' : parsed.error.message}`).toBe(true);
      expect(parsed.data).toEqual(m.content);
      expect(m.contentHash).toBe(bytesToHex(sha256(utf8ToBytes(canonicalize(m.content)!))));
      expect(m.version).toBeGreaterThan(0);
    }
  });

  it('has minutes in every state, one per meeting whose state follows them', () => {
    const d = ds();
    expect(new Set(d.minutes.map((m) => m.state))).toEqual(new Set(MINUTES_STATES));
    const minutesOf = new Map(d.minutes.map((m) => [m.meetingId, m]));
    for (const meeting of d.meetings) {
      const m = minutesOf.get(meeting.id);
      if (m) expect(meeting.state, meeting.title).toBe(meetingStateForMinutes(m.state));
      else expect(['planning', 'notified', 'held', 'cancelled']).toContain(meeting.state);
    }
    expect(d.meetings.some((m) => m.state === 'held' && !minutesOf.has(m.id))).toBe(true);
  });

  it('writes the template: 导语, one “关于……” heading per agenda item in order, then the 出席 lines', () => {
    for (const m of ds().minutes) {
      const agenda = agendaOf(m.meetingId).sort((a, b) => a.order - b.order);
      const doc = docOf(m);
      const headings = doc.content
        .filter((n) => n.type === 'heading')
        .map((n) => (n.content ?? []).map((t) => (t.type === 'text' ? t.text : '')).join(''));
      expect(headings).toEqual(
        agenda.map((a) => {
          const title = a.snapshot?.title ?? a.title;
          return title.startsWith('关于') ? title : `关于${title}`;
        }),
      );
      expect(doc.content[0]?.type).toBe('paragraph');
      expect(doc.content.at(-1)?.type).toBe('attendanceLine');
      const text = JSON.stringify(doc);
      expect(text).toContain('会议听取了');
      // Numbering (一、) is computed by the editor, never written.
      expect(headings.some((h) => /^[一二三四五六七八九十]+、/u.test(h))).toBe(false);
    }
  });

  it('keeps one resolution record per node: the same ids and nothing for the save to add, change or remove', () => {
    for (const m of ds().minutes) {
      const placed = placeResolutions(docOf(m), agendaOf(m.meetingId));
      const records = recordsOf(m);
      expect(placed.map((p) => p.attrs.id).sort()).toEqual(records.map((r) => r.id).sort());
      const plan = planResolutionSync(placed, records);
      expect(plan).toEqual({ add: [], update: [], remove: [], orphanedTasks: [] });
      for (const r of records) expect(r.meetingId).toBe(m.meetingId);
    }
    const minuted = new Set(ds().minutes.map((m) => m.id));
    for (const r of ds().resolutions) expect(minuted.has(r.minutesId ?? '')).toBe(true);
  });

  it('numbers issued minutes 第1期… per year in order of issue, on working days after signing', () => {
    const d = ds();
    const issued = d.minutes.filter((m) => m.state === 'issued');
    const keys = issued.map((m) => `${m.issueYear}-${m.issueNumber}`);
    expect(new Set(keys).size).toBe(keys.length);
    const byYear = new Map<number, Minutes[]>();
    for (const m of issued) {
      expect(m.issuedOn).toBeDefined();
      expect(m.issueYear).toBe(Number(m.issuedOn!.slice(0, 4)));
      byYear.set(m.issueYear!, [...(byYear.get(m.issueYear!) ?? []), m]);
    }
    for (const list of byYear.values()) {
      const sorted = [...list].sort((a, b) => a.issueNumber! - b.issueNumber!);
      expect(sorted.map((m) => m.issueNumber)).toEqual(sorted.map((_, i) => i + 1));
      const days = sorted.map((m) => m.issuedOn!);
      expect(days).toEqual([...days].sort());
    }
    const meetings = new Map(d.meetings.map((m) => [m.id, m]));
    for (const m of d.minutes) {
      const held = dayOf(meetings.get(m.meetingId)!.startsAt);
      if (m.state === 'signed' || m.state === 'issued') {
        expect(m.signedByName).toBeTruthy();
        expect(m.signedOn! >= held && m.signedOn! <= today).toBe(true);
      } else {
        expect(m.signedOn).toBeUndefined();
        expect(m.signedByName).toBeUndefined();
      }
      if (m.state === 'issued') {
        expect(m.issuedOn! >= m.signedOn!).toBe(true);
        expect(isWorkingDay(m.issuedOn!), m.issuedOn).toBe(true);
      } else {
        expect(m.issuedOn).toBeUndefined();
        expect(m.issueNumber).toBeUndefined();
      }
    }
  });

  it('has no resolution problems in minutes sent for review or later; a draft may still be unfinished', () => {
    const units = new Set(ds().units.map((u) => u.id));
    for (const m of ds().minutes) {
      const problems = resolutionProblems(placeResolutions(docOf(m), agendaOf(m.meetingId)), units);
      if (m.state !== 'draft') expect(problems, m.id).toEqual([]);
    }
  });

  it('keeps resolutions of unissued minutes as drafts and turns issued ones into tasks due by the working-day calendar', () => {
    const d = ds();
    const minutes = new Map(d.minutes.map((m) => [m.id, m]));
    const eventsOf = new Map<string, typeof d.taskEvents>();
    for (const e of d.taskEvents) eventsOf.set(e.resolutionId, [...(eventsOf.get(e.resolutionId) ?? []), e]);
    let workingDays = 0;
    for (const r of d.resolutions) {
      const m = minutes.get(r.minutesId!)!;
      const events = eventsOf.get(r.id) ?? [];
      if (m.state !== 'issued') {
        expect(r.state).toBe('draft');
        expect(r.issuedOn).toBeUndefined();
        expect(events).toEqual([]);
        expect(r.deadline).toBe(r.deadlineRule?.kind === 'date' ? r.deadlineRule.date : undefined);
        continue;
      }
      expect(r.state).not.toBe('draft');
      expect(r.issuedOn).toBe(m.issuedOn);
      expect(r.deadlineRule).toBeDefined();
      const due = resolveDeadline(r.deadlineRule!, r.issuedOn!);
      const approved = events.filter((e) => e.kind === 'extension' && e.approved === true).at(-1);
      if (approved) {
        // An approved 延期 moves the due date (and says so on the record).
        expect(r.deadline).toBe(approved.newDeadline);
        expect(r.extension).toMatchObject({ state: 'approved', proposedDeadline: r.deadline });
      } else {
        expect(r.extension?.state).not.toBe('approved');
        expect(r.deadline).toBe(due.date);
        expect(r.deadlineProvisional ?? false).toBe(due.provisional);
      }
      if (r.deadlineRule!.kind === 'working_days') workingDays++;
      for (const e of events) expect(e.on >= r.issuedOn!).toBe(true);
    }
    expect(workingDays).toBeGreaterThan(0);
  });

  it('says 已上会 for topics of held meetings, 已议定 only when the issued minutes hold their resolution', () => {
    const d = ds();
    const meetings = new Map(d.meetings.map((m) => [m.id, m]));
    const minutesOf = new Map(d.minutes.map((m) => [m.meetingId, m]));
    const resolvedItems = new Set(
      d.resolutions.filter((r) => minutesOf.get(r.meetingId)?.state === 'issued').map((r) => r.agendaItemId),
    );
    const topics = new Map(d.topics.map((t) => [t.id, t]));
    for (const item of d.agendaItems) {
      if (item.kind !== 'topic') continue;
      const meeting = meetings.get(item.meetingId)!;
      const topic = topics.get(item.topicId!)!;
      if (!isHeldOrLater(meeting)) continue;
      if (resolvedItems.has(item.id)) expect(topic.state, topic.title).toBe('resolved');
      else if (meeting.state === 'issued') expect(['deferred', 'escalated']).toContain(topic.state);
      else expect(topic.state, topic.title).toBe('discussed');
    }
  });

  it('freezes the standing items of held meetings as of the meeting day', () => {
    const d = ds();
    const meetings = new Map(d.meetings.map((m) => [m.id, m]));
    const registered = new Map(d.disputes.map((x) => [x.number, x.registeredOn]));
    for (const item of d.agendaItems) {
      const meeting = meetings.get(item.meetingId)!;
      if (!isHeldOrLater(meeting) || !isStandingItem(item)) {
        expect(item.snapshot).toBeUndefined();
        continue;
      }
      const day = dayOf(meeting.startsAt);
      expect(item.snapshot).toMatchObject({ takenOn: day, title: item.title });
      if (item.kind === 'disputes_review') {
        for (const line of item.snapshot!.lines) expect(registered.get(line.split(' ')[0]!)! <= day).toBe(true);
      } else if (item.kind !== 'last_resolutions') {
        expect(item.snapshot!.lines).toEqual([]);
      }
    }
  });
});

describe('demo minutes beyond the bundled working-day calendar', () => {
  it('marks a deadline computed into an uncovered year 暂定', () => {
    const d = gen(4, '2027-06-01', 1);
    const provisional = d.resolutions.filter((r) => r.deadlineProvisional);
    expect(provisional.length).toBeGreaterThan(0);
    for (const r of provisional) {
      expect(r.deadlineRule?.kind).toBe('working_days');
      expect(resolveDeadline(r.deadlineRule!, r.issuedOn!).provisional).toBe(true);
    }
  });
});
