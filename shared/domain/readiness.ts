import type { AgendaItem, Meeting } from './meeting';
import type { MinutesState } from './minutes';

/**
 * 会前准备清单 (office staff): what still stands between the office and the next meeting. Pure: the
 * repository reads the few records it needs through indexes and passes them in.
 */

export const READINESS_KEYS = ['meeting', 'triage', 'agenda', 'notice', 'signIn', 'minutes'] as const;
export type ReadinessKey = (typeof READINESS_KEYS)[number];

/** 'na': does not apply (no next meeting to prepare, no earlier meeting whose minutes could be due). */
export type ReadinessStatus = 'done' | 'todo' | 'na';

/** Why the agenda is not complete yet. */
export type AgendaGap = 'noItems' | 'noReport' | 'noDuration' | 'noPresenter';

export interface ReadinessItem {
  key: ReadinessKey;
  status: ReadinessStatus;
  /** triage: topics waiting; signIn: people on the list; agenda: items. */
  count?: number;
  /** agenda only: what is missing (empty when done). */
  gaps?: AgendaGap[];
  /** minutes only: the last meeting's minutes state (absent: not started). */
  minutesState?: MinutesState;
}

export interface ReadinessInput {
  /** The next meeting being prepared (筹备/已通知, today or later), if any. */
  next?: Pick<Meeting, 'id' | 'state' | 'startsAt'>;
  /** Its agenda items. */
  agenda: readonly Pick<AgendaItem, 'kind' | 'minutes' | 'presenterUnitId'>[];
  /** Whether the agenda must report the last meeting's resolutions (tasks are still open). */
  reportRequired: boolean;
  /** People on its attendance list (the sign-in sheet is printed from it). */
  invited: number;
  /** Topics submitted and not yet triaged (待审核). */
  topicsAwaitingTriage: number;
  /** The latest meeting already held before the next one (or before today), with its minutes' state. */
  last?: { meeting: Pick<Meeting, 'id' | 'state' | 'startsAt'>; minutesState?: MinutesState };
}

export interface Readiness {
  items: ReadinessItem[];
  /** Items still to do. */
  todo: number;
}

/** The agenda's gaps: no item, no 落实情况通报 while tasks are open, items without a duration or a presenter. */
export function agendaGaps(input: Pick<ReadinessInput, 'agenda' | 'reportRequired'>): AgendaGap[] {
  const { agenda } = input;
  if (agenda.length === 0) return ['noItems'];
  const gaps: AgendaGap[] = [];
  if (input.reportRequired && !agenda.some((i) => i.kind === 'last_resolutions')) gaps.push('noReport');
  if (agenda.some((i) => i.minutes === undefined)) gaps.push('noDuration');
  if (agenda.some((i) => i.kind === 'topic' && !i.presenterUnitId)) gaps.push('noPresenter');
  return gaps;
}

export function readinessChecklist(input: ReadinessInput): Readiness {
  const { next } = input;
  const items: ReadinessItem[] = [];
  items.push({ key: 'meeting', status: next ? 'done' : 'todo' });
  items.push({
    key: 'triage',
    status: input.topicsAwaitingTriage > 0 ? 'todo' : 'done',
    count: input.topicsAwaitingTriage,
  });
  if (next) {
    const gaps = agendaGaps(input);
    items.push({ key: 'agenda', status: gaps.length > 0 ? 'todo' : 'done', count: input.agenda.length, gaps });
    items.push({ key: 'notice', status: next.state === 'planning' ? 'todo' : 'done' });
    items.push({ key: 'signIn', status: input.invited > 0 ? 'done' : 'todo', count: input.invited });
  } else {
    items.push({ key: 'agenda', status: 'na' }, { key: 'notice', status: 'na' }, { key: 'signIn', status: 'na' });
  }
  const last = input.last;
  items.push(
    last
      ? {
          key: 'minutes',
          status: last.minutesState === 'issued' ? 'done' : 'todo',
          ...(last.minutesState ? { minutesState: last.minutesState } : {}),
        }
      : { key: 'minutes', status: 'na' },
  );
  return { items, todo: items.filter((i) => i.status === 'todo').length };
}
