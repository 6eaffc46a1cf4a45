import type { MinutesDoc } from './document';

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** Chinese ordinal for 1–99: 一 … 十 十一 … 二十 二十一 …; larger numbers fall back to digits. */
export function chineseOrdinal(n: number): string {
  if (!Number.isInteger(n) || n < 1) return String(n);
  if (n < 10) return DIGITS[n]!;
  if (n < 100) {
    const tens = Math.floor(n / 10);
    const ones = n % 10;
    return `${tens === 1 ? '' : DIGITS[tens]!}十${ones === 0 ? '' : DIGITS[ones]!}`;
  }
  return String(n);
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
