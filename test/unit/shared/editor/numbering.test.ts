import { describe, expect, it } from 'vitest';
import type { HeadingNode, MinutesDoc } from '../../../../shared/editor/document';
import { chineseOrdinal, headingNumbers } from '../../../../shared/editor/numbering';
import { docToPlainText, resolutionSentence } from '../../../../shared/editor/text';

const h = (level: 1 | 2 | 3 | 4, text: string): HeadingNode => ({
  type: 'heading',
  attrs: { level },
  content: [{ type: 'text', text }],
});

describe('chineseOrdinal', () => {
  it.each([
    [1, '一'],
    [10, '十'],
    [11, '十一'],
    [20, '二十'],
    [21, '二十一'],
    [99, '九十九'],
  ])('%i → %s', (n, s) => expect(chineseOrdinal(n)).toBe(s));
});

describe('headingNumbers', () => {
  it('numbers by position and restarts deeper counters', () => {
    const doc: MinutesDoc = {
      type: 'doc',
      content: [h(1, 'A'), h(2, 'a'), h(3, 'x'), h(4, 'y'), h(2, 'b'), { type: 'paragraph' }, h(1, 'B'), h(2, 'c')],
    };
    expect([...headingNumbers(doc).entries()]).toEqual([
      [0, '一、'],
      [1, '（一）'],
      [2, '1.'],
      [3, '（1）'],
      [4, '（二）'],
      [6, '二、'],
      [7, '（一）'],
    ]);
  });
  it('reordering renumbers', () => {
    const doc: MinutesDoc = { type: 'doc', content: [h(1, 'B'), h(1, 'A')] };
    expect(docToPlainText(doc)).toBe('一、B\n二、A');
  });
});

describe('resolutionSentence', () => {
  const names = (id: string) => ({ a: '镇执法队', b: '区住建局', c: '镇派出所' })[id] ?? '';
  const base = { id: 'r1', content: '开展整治', leadUnitId: 'a', coUnitIds: ['b', 'c'], feedback: '' };
  it('lead and co-units with a date', () => {
    expect(resolutionSentence({ ...base, deadline: { kind: 'date', date: '2026-03-20' } }, names, '3月20日')).toBe(
      '由镇执法队牵头，区住建局、镇派出所配合，于3月20日前完成',
    );
  });
  it('no co-units → 负责; working days before issuance', () => {
    expect(
      resolutionSentence({ ...base, coUnitIds: [], deadline: { kind: 'working_days', days: 10 } }, names, ''),
    ).toBe('由镇执法队负责，于纪要印发后10个工作日内完成');
  });
});
