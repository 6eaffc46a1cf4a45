import { describe, expect, it } from 'vitest';
import { ledgerPercent, type LedgerExportProgress } from '../../../../renderer/src/features/ledgers/use-ledger-export';

describe('ledgerPercent (the one progress bar of every 导出台账)', () => {
  it('moves forward through reading, a second read and writing, and is full only when saving', () => {
    const steps: LedgerExportProgress[] = [
      { phase: 'reading', done: 0, total: 4000 },
      { phase: 'reading', done: 2000, total: 4000 },
      { phase: 'reading', done: 4000, total: 4000 },
      { phase: 'events', done: 2000, total: 4000 },
      { phase: 'events', done: 4000, total: 4000 },
      { phase: 'writing', done: 1, total: 100 },
      { phase: 'writing', done: 100, total: 100 },
      { phase: 'saving' },
    ];
    const percents = steps.map(ledgerPercent);
    expect(percents).toEqual([0, 5, 10, 18, 25, 26, 99, 100]);
    for (let i = 1; i < percents.length; i++) expect(percents[i]).toBeGreaterThanOrEqual(percents[i - 1]!);
  });

  it('a read without counts shows a little progress; counts past the total never pass the phase', () => {
    expect(ledgerPercent({ phase: 'reading' })).toBe(5);
    expect(ledgerPercent({ phase: 'writing', done: 0, total: 0 })).toBe(25);
    expect(ledgerPercent({ phase: 'events', done: 9, total: 3 })).toBe(25);
  });
});
