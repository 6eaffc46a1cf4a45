import { describe, expect, it } from 'vitest';
import { addStandingSnapshots } from '../../../../shared/demo/build-snapshots';
import { generateDemoDataset } from '../../../../shared/demo/generate';
import type { AgendaItem, Meeting, Resolution, ResolutionState, TaskEvent } from '../../../../shared/domain';
import { standingReport } from '../../../../shared/domain/agenda-standing';
import { selectReportItems } from '../../../../shared/domain/implementation-report';
import { isHeldOrLater } from '../../../../shared/domain/state-sets';

/**
 * The frozen 落实情况通报 of every held demo meeting is the selection over EVERY issued resolution rewound to
 * the meeting day (the rule as build-snapshots.ts states it), although the generator rewinds only the ones a
 * report can still list and reuses a rewind until something about it moved.
 */

/** The reference: `r` as it stood at the end of `day` from its events dated up to it (no shortcuts). */
function rewoundOn(r: Resolution, all: readonly TaskEvent[], day: string): Resolution {
  const past = all
    .filter((e) => e.on <= day)
    .sort((a, b) => a.on.localeCompare(b.on) || a.createdAt.localeCompare(b.createdAt));
  let state: ResolutionState = 'not_started';
  for (const e of past) {
    if (e.kind === 'progress' && state === 'not_started') state = 'in_progress';
    if (e.kind === 'completion') state = 'done_pending_verification';
    if (e.kind === 'verification') state = e.approved === false ? 'in_progress' : 'verified';
  }
  const { extension, cannotComplete, ...rest } = r;
  return {
    ...rest,
    state,
    ...(extension && extension.requestedOn <= day
      ? { extension: extension.decidedOn && extension.decidedOn > day ? { ...extension, state: 'pending' } : extension }
      : {}),
    ...(cannotComplete && cannotComplete.on <= day ? { cannotComplete } : {}),
  };
}

function referenceLines(
  ds: {
    meetings: readonly Meeting[];
    resolutions: readonly Resolution[];
    taskEvents: readonly TaskEvent[];
    minutes?: Parameters<typeof selectReportItems>[0]['minutes'];
    units?: readonly { id: string; name: string }[];
  },
  meetingId: string,
): string[] {
  const held = ds.meetings.filter(isHeldOrLater).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const i = held.findIndex((m) => m.id === meetingId);
  const meeting = held[i]!;
  const day = meeting.startsAt.slice(0, 10);
  const rewound: Resolution[] = [];
  const events: TaskEvent[] = [];
  for (const r of ds.resolutions) {
    if (r.state === 'draft' || !r.issuedOn || r.issuedOn > day || r.meetingId === meeting.id) continue;
    const own = ds.taskEvents.filter((e) => e.resolutionId === r.id);
    events.push(...own.filter((e) => e.on <= day));
    rewound.push(rewoundOn(r, own, day));
  }
  const selection = selectReportItems({
    meeting,
    ...(held[i - 1] ? { previousMeeting: held[i - 1] } : {}),
    resolutions: rewound,
    events,
    minutes: ds.minutes ?? [],
  });
  return standingReport(selection, Object.fromEntries((ds.units ?? []).map((u) => [u.id, u.name]))).lines;
}

describe('standing snapshots of the demo (build-snapshots.ts)', () => {
  it.each([
    { seed: 3, today: '2026-03-09', scale: 5, profile: 'township' as const },
    { seed: 20260309, today: '2026-11-22', scale: 0.2, profile: 'district-10y' as const },
  ])('freeze the report every resolution rewound to the day gives (seed $seed, $profile)', (opts) => {
    const ds = generateDemoDataset(opts);
    const meetings = new Map(ds.meetings.map((m) => [m.id, m]));
    let checked = 0;
    let lines = 0;
    for (const item of ds.agendaItems) {
      if (item.kind !== 'last_resolutions' || !isHeldOrLater(meetings.get(item.meetingId)!)) continue;
      expect(item.snapshot?.lines, item.meetingId).toEqual(referenceLines(ds, item.meetingId));
      checked++;
      lines += item.snapshot!.lines.length;
    }
    expect(checked).toBeGreaterThan(5);
    expect(lines).toBeGreaterThan(50);
  });

  it('keeps listing a task verified long ago that a later 核验未通过 reopened', () => {
    const meeting = (id: string, on: string) => ({ id, startsAt: `${on}T09:00`, state: 'held' }) as unknown as Meeting;
    const meetings = [
      meeting('m1', '2025-01-10'),
      meeting('m2', '2025-03-10'),
      meeting('m3', '2025-06-10'),
      meeting('m4', '2025-09-10'),
    ];
    const agendaItems = meetings.map(
      (m) =>
        ({
          id: `a-${m.id}`,
          meetingId: m.id,
          kind: 'last_resolutions',
          title: '通报上次会议议定事项落实情况',
          updatedAt: '2024-01-01T00:00:00.000Z',
        }) as unknown as AgendaItem,
    );
    const task = (id: string, content: string) =>
      ({
        id,
        meetingId: 'm0',
        state: 'in_progress',
        issuedOn: '2025-01-02',
        content,
        leadUnitId: 'u1',
        coUnitIds: [],
        deadline: '2025-12-31',
        updatedAt: '2025-07-01T00:00:00.000Z',
      }) as unknown as Resolution;
    const event = (id: string, resolutionId: string, on: string, approved: boolean) =>
      ({
        id,
        resolutionId,
        kind: 'verification',
        on,
        approved,
        text: approved ? '核验通过' : '核验未通过',
        createdAt: `${on}T10:00:00.000Z`,
      }) as unknown as TaskEvent;
    const resolutions = [
      task('r1', '整治占道经营'),
      { ...task('r2', '清理违规广告牌'), state: 'verified' } as Resolution,
    ];
    const taskEvents = [
      event('e1', 'r1', '2025-01-20', true),
      event('e2', 'r1', '2025-07-01', false),
      event('e3', 'r2', '2025-01-20', true),
    ];
    addStandingSnapshots({ meetings, agendaItems, disputes: [], resolutions, taskEvents });

    const linesOf = (id: string) => agendaItems.find((a) => a.meetingId === id)!.snapshot!.lines;
    for (const m of meetings)
      expect(linesOf(m.id), m.id).toEqual(referenceLines({ meetings, resolutions, taskEvents }, m.id));
    // m3 (N-1 = m2, both verified before it): neither is news. m4: r1's 核验未通过 of 07-01 reopened it.
    expect(linesOf('m3')).toEqual([]);
    expect(linesOf('m4')).toHaveLength(1);
    expect(linesOf('m4')[0]).toContain('整治占道经营');
    expect(linesOf('m4')[0]).toContain('办理中');
  });
});
