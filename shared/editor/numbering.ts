import { chineseNumber } from '../domain/format';
import type { MinutesDoc } from './document';

/**
 * Chinese ordinal of a heading counter: 一 … 十 十一 … 二十一 … (shared/domain's chineseNumber); past 9999, digits.
 */
export function chineseOrdinal(n: number): string {
  return Number.isInteger(n) && n >= 1 && n <= 9999 ? chineseNumber(n) : String(n);
}

/** The number of a heading at `level` with counter `n`: 一、 （一） 1. （1）. */
export function headingLabel(level: 1 | 2 | 3 | 4, n: number): string {
  switch (level) {
    case 1:
      return `${chineseOrdinal(n)}、`;
    case 2:
      return `（${chineseOrdinal(n)}）`;
    case 3:
      return `${n}.`;
    case 4:
      return `（${n}）`;
  }
}

/**
 * Official heading numbers by position: index in `doc.content` → label. Computed (never stored), so
 * reordering renumbers; a heading restarts every deeper counter.
 */
export function headingNumbers(doc: MinutesDoc): Map<number, string> {
  const out = new Map<number, string>();
  const counters = [0, 0, 0, 0];
  doc.content.forEach((node, i) => {
    if (node.type !== 'heading') return;
    const level = node.attrs.level;
    counters[level - 1]! += 1;
    for (let l = level; l < 4; l++) counters[l] = 0;
    out.set(i, headingLabel(level, counters[level - 1]!));
  });
  return out;
}
