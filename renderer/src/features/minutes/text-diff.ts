import { diffChars, diffLines } from 'diff';

/** One row of a side-by-side diff: left (older) and right (newer) cells, each with highlighted parts. */
export interface DiffPart {
  text: string;
  changed: boolean;
}
export interface DiffRow {
  left: DiffPart[] | null;
  right: DiffPart[] | null;
  kind: 'same' | 'changed' | 'removed' | 'added';
}

/**
 * Side-by-side diff of two text projections: paragraphs (lines) are aligned with `diffLines`; a removed block
 * followed by an added one is paired line by line and refined with `diffChars`, which suits Chinese text
 * (no spaces between words, so a word diff would mark whole sentences).
 */
export function sideBySide(older: string, newer: string): DiffRow[] {
  const rows: DiffRow[] = [];
  const changes = diffLines(older, newer);
  const split = (v: string) => v.replace(/\n$/, '').split('\n');
  for (let i = 0; i < changes.length; i++) {
    const c = changes[i];
    if (!c) continue;
    if (!c.added && !c.removed) {
      for (const line of split(c.value))
        rows.push({ kind: 'same', left: [{ text: line, changed: false }], right: [{ text: line, changed: false }] });
      continue;
    }
    const next = changes[i + 1];
    if (c.removed && next?.added) {
      const a = split(c.value);
      const b = split(next.value);
      for (let k = 0; k < Math.max(a.length, b.length); k++) {
        const l = a[k];
        const r = b[k];
        if (l !== undefined && r !== undefined) {
          const parts = diffChars(l, r);
          rows.push({
            kind: 'changed',
            left: parts.filter((p) => !p.added).map((p) => ({ text: p.value, changed: p.removed })),
            right: parts.filter((p) => !p.removed).map((p) => ({ text: p.value, changed: p.added })),
          });
        } else if (l !== undefined) rows.push({ kind: 'removed', left: [{ text: l, changed: true }], right: null });
        else if (r !== undefined) rows.push({ kind: 'added', left: null, right: [{ text: r, changed: true }] });
      }
      i++;
      continue;
    }
    for (const line of split(c.value)) {
      rows.push(
        c.added
          ? { kind: 'added', left: null, right: [{ text: line, changed: true }] }
          : { kind: 'removed', left: [{ text: line, changed: true }], right: null },
      );
    }
  }
  return rows;
}
