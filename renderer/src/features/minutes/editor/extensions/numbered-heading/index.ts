import { Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { headingLabel } from '../../../../../../../shared/editor/numbering';
import { NODE, type HeadingLevel } from '../../../../../../../shared/editor/document';

export const numberedHeadingKey = new PluginKey<DecorationSet>('jdNumberedHeading');

/** Official number of every top-level heading, by document position: the same rule as shared/editor's headingNumbers. */
export function headingLabelsOf(doc: PMNode): { pos: number; label: string }[] {
  const out: { pos: number; label: string }[] = [];
  const counters = [0, 0, 0, 0];
  doc.forEach((node, offset) => {
    if (node.type.name !== NODE.heading) return;
    const level = Math.min(4, Math.max(1, Number(node.attrs.level) || 1)) as HeadingLevel;
    counters[level - 1]! += 1;
    for (let l = level; l < 4; l++) counters[l] = 0;
    out.push({ pos: offset, label: headingLabel(level, counters[level - 1]!) });
  });
  return out;
}

function build(doc: PMNode): DecorationSet {
  const decos = headingLabelsOf(doc).map(({ pos, label }) =>
    Decoration.widget(
      pos + 1,
      () => {
        const span = document.createElement('span');
        span.className = 'jd-heading-number';
        span.contentEditable = 'false';
        span.setAttribute('aria-hidden', 'true');
        span.textContent = label;
        return span;
      },
      // same key → ProseMirror reuses the DOM; a changed label redraws
      { side: -1, key: `hn:${label}`, ignoreSelection: true },
    ),
  );
  return DecorationSet.create(doc, decos);
}

/** The computed labels currently shown (for tests and the outline). */
export function shownHeadingLabels(state: EditorState): string[] {
  const set = numberedHeadingKey.getState(state);
  if (!set) return [];
  return set
    .find()
    .sort((a, b) => a.from - b.from)
    .map((d) => String((d.spec as { key?: string }).key ?? '').replace(/^hn:/, ''));
}

/**
 * Headings (levels 1–4) show their official number 一、（一）1.（1） as a non-editable widget before the
 * text. Computed by position on every document change (never stored), so moving a heading renumbers.
 */
export const NumberedHeading = Extension.create({
  name: 'numberedHeading',
  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key: numberedHeadingKey,
        state: {
          init: (_, state) => build(state.doc),
          apply: (tr, old) => (tr.docChanged ? build(tr.doc) : old),
        },
        props: {
          decorations: (state) => numberedHeadingKey.getState(state),
        },
      }),
    ];
  },
});
