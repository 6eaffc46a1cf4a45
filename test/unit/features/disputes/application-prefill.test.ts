import { describe, expect, it } from 'vitest';
import type { Dispute } from '../../../../shared/domain';
import { applicationPrefill, positionsNotQuoted } from '../../../../renderer/src/features/disputes/application-prefill';

const names = new Map([
  ['u1', '城关镇人民政府'],
  ['u2', '区市场监督管理局'],
]);
const name = (id: string) => names.get(id) ?? '?';

const d: Dispute = {
  id: 'd1',
  createdAt: '2026-10-09T02:00:00.000Z',
  updatedAt: '2026-10-09T02:00:00.000Z',
  number: '争〔2026〕1号',
  matter: '农贸市场周边占道经营的查处主体',
  type: 'jurisdiction',
  partyUnitIds: ['u1', 'u2'],
  positions: { u1: '属市场监管职责', u2: '属市容管理' },
  firstHandlingUnitId: 'u1',
  relatedCase: '城关综执罚〔2026〕12号',
  registeredOn: '2026-10-09',
  state: 'negotiating',
  stateSince: '2026-10-15',
  rounds: [
    { date: '2026-10-15', participants: 'a', content: 'b' },
    { date: '2026-11-02', participants: 'a', content: 'c' },
  ],
};

describe('applicationPrefill', () => {
  it('drafts the application from the record and its rounds', () => {
    expect(applicationPrefill(d, name)).toEqual({
      matter: '农贸市场周边占道经营的查处主体（关联案件：城关综执罚〔2026〕12号）',
      negotiation: '2026年10月15日至2026年11月2日，城关镇人民政府、区市场监督管理局先后进行2次协商，未能达成一致意见。',
      focus: '',
      reasons: '城关镇人民政府认为：属市场监管职责\n区市场监督管理局认为：属市容管理',
    });
  });

  it('words a single round by its date and leaves out parties without a position', () => {
    const one = { ...d, relatedCase: undefined, rounds: [d.rounds[0]!], positions: { u2: '属市容管理' } };
    expect(applicationPrefill(one, name)).toMatchObject({
      matter: '农贸市场周边占道经营的查处主体',
      negotiation: '2026年10月15日，城关镇人民政府、区市场监督管理局先后进行1次协商，未能达成一致意见。',
      reasons: '区市场监督管理局认为：属市容管理',
    });
  });
});

describe('positionsNotQuoted', () => {
  it('keeps only the positions the application text does not already quote', () => {
    const escalated = {
      ...d,
      escalation: { matter: 'm', negotiation: 'n', focus: 'f', reasons: '城关镇人民政府认为：属市场监管职责' },
    };
    expect(positionsNotQuoted(escalated)).toEqual({ u2: '属市容管理' });
  });
});
