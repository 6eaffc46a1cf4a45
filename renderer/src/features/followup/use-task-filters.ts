import { useCallback, useMemo } from 'react';
import { useAddressParams } from '../../ui/address-params';
import {
  OPEN_RESOLUTION_STATES,
  WARNED_STATES,
  isQuarterFigure,
  parseQuarterKey,
  type QuarterFigure,
  type ResolutionState,
} from '../../../../shared/domain';
import type { WarningLevel } from '../../db/repositories/followup';
import type { TaskListFilter } from './use-followup';
import { TASK_BOARD_STATES } from './labels';

/**
 * `open` = every state before 已核验办结; `in_hand` = the states a unit still works on (未开始、办理中 — the
 * ones that get deadline warnings, as the workbench's 本周需催办 counts them). Both sets live in shared/domain.
 */
export type StateChoice = 'open' | 'in_hand' | (typeof TASK_BOARD_STATES)[number];
export type WarningChoice = 'due_soon' | 'overdue';
export type TaskView = 'table' | 'board';

/** The list's filters as the address holds them, so the attention list can link to a filtered list. */
export interface TaskFilters {
  view: TaskView;
  state?: StateChoice;
  warning?: WarningChoice;
  lead?: string;
  co?: string;
  meeting?: string;
  from?: string;
  to?: string;
  q?: string;
  /** Only tasks with a 延期申请 waiting for the chair (?extension=pending). */
  extension?: 'pending';
  /** A cell of the supervisor's table (?unit=…&quarter=2026Q1&figure=late): exactly the tasks it counts. */
  unit?: string;
  quarter?: string;
  figure?: QuarterFigure;
  /** 1-based table page. */
  page: number;
}

const STATE_CHOICES: readonly string[] = ['open', 'in_hand', ...TASK_BOARD_STATES];
const WARNING_CHOICES: readonly string[] = ['due_soon', 'overdue'];
const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** Reads the filters from `?state=…&warning=…` (unknown values are ignored). Pure. */
export function parseTaskFilters(params: URLSearchParams): TaskFilters {
  const get = (k: string) => params.get(k)?.trim() || undefined;
  const state = get('state');
  const warning = get('warning');
  const from = get('from');
  const to = get('to');
  const page = Number(params.get('page'));
  return {
    view: params.get('view') === 'board' ? 'board' : 'table',
    ...(state && STATE_CHOICES.includes(state) ? { state: state as StateChoice } : {}),
    ...(warning && WARNING_CHOICES.includes(warning) ? { warning: warning as WarningChoice } : {}),
    ...(get('lead') ? { lead: get('lead') } : {}),
    ...(get('co') ? { co: get('co') } : {}),
    ...(get('meeting') ? { meeting: get('meeting') } : {}),
    ...(from && ISO.test(from) ? { from } : {}),
    ...(to && ISO.test(to) ? { to } : {}),
    ...(get('q') ? { q: get('q') } : {}),
    ...(get('extension') === 'pending' ? { extension: 'pending' as const } : {}),
    // The three together or none (a cell is a unit, a quarter and a figure).
    ...(get('unit') && parseQuarterKey(get('quarter')) && isQuarterFigure(get('figure'))
      ? { unit: get('unit'), quarter: get('quarter'), figure: get('figure') as QuarterFigure }
      : {}),
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

/** The repository filter for the filters (without paging, and without the state for the board). Pure. */
export function toRepositoryFilter(f: TaskFilters, opts: { withState: boolean }): TaskListFilter {
  const states: ResolutionState[] | undefined =
    !opts.withState || !f.state
      ? undefined
      : f.state === 'open'
        ? [...OPEN_RESOLUTION_STATES]
        : f.state === 'in_hand'
          ? [...WARNED_STATES]
          : [f.state];
  const warning: WarningLevel[] | undefined = f.warning ? [f.warning] : undefined;
  return {
    ...(states ? { states } : {}),
    ...(warning ? { warning } : {}),
    ...(f.lead ? { leadUnitId: f.lead } : {}),
    ...(f.co ? { coUnitId: f.co } : {}),
    ...(f.meeting ? { meetingId: f.meeting } : {}),
    ...(f.from ? { dueFrom: f.from } : {}),
    ...(f.to ? { dueTo: f.to } : {}),
    ...(f.q ? { search: f.q } : {}),
    ...(f.extension ? { pendingExtension: true } : {}),
    ...(f.unit && f.quarter && f.figure
      ? { quarterCell: { unitId: f.unit, quarter: f.quarter, figure: f.figure } }
      : {}),
  };
}

/** Whether anything narrows the list (the view and page do not). */
export function hasActiveFilter(f: TaskFilters): boolean {
  return Boolean(
    f.state ?? f.warning ?? f.lead ?? f.co ?? f.meeting ?? f.from ?? f.to ?? f.q ?? f.extension ?? f.figure,
  );
}

/** The filters in the address, and a setter that replaces history (filters are not steps to go back through). */
export function useTaskFilters(): [TaskFilters, (patch: Partial<TaskFilters>) => void, () => void] {
  const [params, change] = useAddressParams();
  const filters = useMemo(() => parseTaskFilters(params), [params]);
  const update = useCallback(
    (patch: Partial<TaskFilters>) =>
      change((next) => {
        for (const [k, v] of Object.entries(patch)) {
          if (v === undefined || v === '' || (k === 'view' && v === 'table') || (k === 'page' && v === 1))
            next.delete(k);
          else next.set(k, String(v));
        }
        // Any change of what is shown starts again at the first page.
        if (!('page' in patch)) next.delete('page');
      }),
    [change],
  );
  const clear = useCallback(
    () =>
      change((now) => {
        const next = new URLSearchParams();
        const view = now.get('view');
        if (view) next.set('view', view);
        return next;
      }),
    [change],
  );
  return [filters, update, clear];
}
