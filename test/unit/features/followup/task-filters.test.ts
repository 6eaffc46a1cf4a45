import { describe, expect, it } from 'vitest';
import {
  hasActiveFilter,
  parseTaskFilters,
  toRepositoryFilter,
} from '../../../../renderer/src/features/followup/use-task-filters';

const parse = (q: string) => parseTaskFilters(new URLSearchParams(q));

describe('task list filters in the address', () => {
  it('reads every filter and ignores unknown values', () => {
    expect(parse('')).toEqual({ view: 'table', page: 1 });
    expect(
      parse(
        'view=board&state=open&warning=overdue&lead=u1&co=u2&meeting=m1&from=2026-01-01&to=2026-12-31&q=违建&page=3',
      ),
    ).toEqual({
      view: 'board',
      state: 'open',
      warning: 'overdue',
      lead: 'u1',
      co: 'u2',
      meeting: 'm1',
      from: '2026-01-01',
      to: '2026-12-31',
      q: '违建',
      page: 3,
    });
    expect(parse('state=draft&warning=none&from=1.1.2026&page=-2&view=x')).toEqual({ view: 'table', page: 1 });
    expect(parse('extension=pending').extension).toBe('pending');
  });

  it('maps to the repository filter: open = the shared open states; the board leaves the state to its columns', () => {
    const f = parse('state=open&warning=due_soon&lead=u1&from=2026-01-01&q=x&extension=pending');
    expect(toRepositoryFilter(f, { withState: true })).toEqual({
      states: ['not_started', 'in_progress', 'done_pending_verification'],
      warning: ['due_soon'],
      leadUnitId: 'u1',
      dueFrom: '2026-01-01',
      search: 'x',
      pendingExtension: true,
    });
    expect(toRepositoryFilter(parse('state=verified'), { withState: true })).toEqual({ states: ['verified'] });
    // 待办理 = what 本周需催办 on the workbench counts, so its 查看全部 link lists the same tasks.
    expect(toRepositoryFilter(parse('state=in_hand&to=2026-12-06'), { withState: true })).toEqual({
      states: ['not_started', 'in_progress'],
      dueTo: '2026-12-06',
    });
    expect(toRepositoryFilter(parse('state=verified'), { withState: false })).toEqual({});
  });

  it('knows when something narrows the list (not the view or the page)', () => {
    expect(hasActiveFilter(parse('view=board&page=2'))).toBe(false);
    expect(hasActiveFilter(parse('co=u2'))).toBe(true);
  });

  it('reads a cell of the supervisor’s table (unit, quarter, figure together) into the quarterCell filter', () => {
    const f = parse('unit=u1&quarter=2026Q1&figure=late');
    expect(f).toMatchObject({ unit: 'u1', quarter: '2026Q1', figure: 'late' });
    expect(hasActiveFilter(f)).toBe(true);
    expect(toRepositoryFilter(f, { withState: true })).toEqual({
      quarterCell: { unitId: 'u1', quarter: '2026Q1', figure: 'late' },
    });
    // Any part missing or unknown: no cell at all.
    for (const q of [
      'unit=u1&quarter=2026Q1',
      'unit=u1&quarter=2026Q5&figure=late',
      'quarter=2026Q1&figure=late',
      'unit=u1&quarter=2026Q1&figure=x',
    ])
      expect(parse(q).figure).toBeUndefined();
  });
});
