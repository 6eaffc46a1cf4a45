import { Extension, type CommandProps } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, TextSelection, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

export interface SearchMatch {
  from: number;
  to: number;
}

export interface FindReplaceState {
  query: string;
  caseSensitive: boolean;
  matches: SearchMatch[];
  /** Index of the current match in `matches`, -1 when none. */
  current: number;
  decorations: DecorationSet;
}

type Meta = { query?: string; caseSensitive?: boolean; current?: number };

export const findReplaceKey = new PluginKey<FindReplaceState>('jdFindReplace');

/** Matches of `query` in every textblock (a match does not cross blocks; marks do not matter). */
export function findMatches(doc: PMNode, query: string, caseSensitive = false): SearchMatch[] {
  if (!query) return [];
  const q = caseSensitive ? query : query.toLowerCase();
  const out: SearchMatch[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    // one character per position: inline leaves (hard breaks) become U+FFFC
    const raw = node.textBetween(0, node.content.size, undefined, '\ufffc');
    const text = caseSensitive ? raw : raw.toLowerCase();
    let i = text.indexOf(q);
    while (i >= 0) {
      out.push({ from: pos + 1 + i, to: pos + 1 + i + q.length });
      i = text.indexOf(q, i + q.length);
    }
    return false;
  });
  return out;
}

function decorate(doc: PMNode, matches: SearchMatch[], current: number): DecorationSet {
  if (matches.length === 0) return DecorationSet.empty;
  return DecorationSet.create(
    doc,
    matches.map((m, i) =>
      Decoration.inline(m.from, m.to, { class: i === current ? 'jd-search-match is-current' : 'jd-search-match' }),
    ),
  );
}

function nearest(matches: SearchMatch[], pos: number): number {
  if (matches.length === 0) return -1;
  const i = matches.findIndex((m) => m.from >= pos);
  return i >= 0 ? i : 0;
}

export function findReplaceState(state: EditorState): FindReplaceState | undefined {
  return findReplaceKey.getState(state);
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    findReplace: {
      setSearchQuery: (query: string, caseSensitive?: boolean) => ReturnType;
      findNext: () => ReturnType;
      findPrevious: () => ReturnType;
      /** Replaces the current match and moves to the next one. */
      replaceCurrent: (replacement: string) => ReturnType;
      /** Replaces every match in one step (one undo); the count is in `storage.findReplace.lastReplaceCount`. */
      replaceAll: (replacement: string) => ReturnType;
      clearSearch: () => ReturnType;
    };
  }
  interface Storage {
    findReplace: FindReplaceStorage;
  }
}

export interface FindReplaceStorage {
  lastReplaceCount: number;
}

export interface FindReplaceOptions {
  /** Ctrl+F / Ctrl+H: the editor opens its panel. */
  onOpen: (mode: 'find' | 'replace') => void;
}

function select(tr: Transaction, m: SearchMatch | undefined): Transaction {
  if (m) tr.setSelection(TextSelection.create(tr.doc, m.from, m.to)).scrollIntoView();
  return tr;
}

/**
 * Find & replace: the query lives in plugin state, matches are decorated (the current one marked), and
 * recomputed when the document changes. Ctrl+F opens find, Ctrl+H replace (through `onOpen`).
 */
export const FindReplace = Extension.create<FindReplaceOptions, FindReplaceStorage>({
  name: 'findReplace',
  addOptions() {
    return { onOpen: () => undefined };
  },
  addStorage() {
    return { lastReplaceCount: 0 };
  },
  addProseMirrorPlugins() {
    return [
      new Plugin<FindReplaceState>({
        key: findReplaceKey,
        state: {
          init: () => ({ query: '', caseSensitive: false, matches: [], current: -1, decorations: DecorationSet.empty }),
          apply(tr, prev, _old, state) {
            const meta = tr.getMeta(findReplaceKey) as Meta | undefined;
            if (!meta && !tr.docChanged) return prev;
            const query = meta?.query ?? prev.query;
            const caseSensitive = meta?.caseSensitive ?? prev.caseSensitive;
            if (!query) {
              return { query, caseSensitive, matches: [], current: -1, decorations: DecorationSet.empty };
            }
            const matches =
              tr.docChanged || meta?.query !== undefined || meta?.caseSensitive !== undefined
                ? findMatches(state.doc, query, caseSensitive)
                : prev.matches;
            let current: number;
            if (meta?.current !== undefined) current = meta.current;
            else if (meta?.query !== undefined) current = nearest(matches, state.selection.from);
            else current = Math.min(prev.current, matches.length - 1);
            if (matches.length === 0) current = -1;
            return { query, caseSensitive, matches, current, decorations: decorate(state.doc, matches, current) };
          },
        },
        props: {
          decorations: (state) => findReplaceKey.getState(state)?.decorations,
        },
      }),
    ];
  },
  addCommands() {
    const step =
      (dir: 1 | -1) =>
      () =>
      ({ state, tr, dispatch }: CommandProps) => {
        const s = findReplaceKey.getState(state);
        if (!s || s.matches.length === 0) return false;
        const n = s.matches.length;
        const current = s.current < 0 ? 0 : (s.current + dir + n) % n;
        if (dispatch) select(tr.setMeta(findReplaceKey, { current }), s.matches[current]);
        return true;
      };
    return {
      setSearchQuery:
        (query, caseSensitive) =>
        ({ tr, dispatch }) => {
          if (dispatch)
            tr.setMeta(findReplaceKey, { query, ...(caseSensitive === undefined ? {} : { caseSensitive }) });
          return true;
        },
      clearSearch:
        () =>
        ({ tr, dispatch }) => {
          if (dispatch) tr.setMeta(findReplaceKey, { query: '' });
          return true;
        },
      findNext: step(1),
      findPrevious: step(-1),
      replaceCurrent:
        (replacement) =>
        ({ state, tr, dispatch }) => {
          const s = findReplaceKey.getState(state);
          if (!s || s.matches.length === 0 || !this.editor.isEditable) return false;
          const i = s.current < 0 ? 0 : s.current;
          const m = s.matches[i]!;
          if (dispatch) {
            if (replacement) tr.insertText(replacement, m.from, m.to);
            else tr.delete(m.from, m.to);
            const after = tr.mapping.map(m.to);
            const next = findMatches(tr.doc, s.query, s.caseSensitive);
            const ni = nearest(next, after);
            tr.setMeta(findReplaceKey, { current: ni });
            select(tr, next[ni]);
          }
          return true;
        },
      replaceAll:
        (replacement) =>
        ({ state, tr, dispatch }) => {
          const s = findReplaceKey.getState(state);
          const matches = s ? findMatches(state.doc, s.query, s.caseSensitive) : [];
          this.storage.lastReplaceCount = 0;
          if (matches.length === 0 || !this.editor.isEditable) return false;
          if (dispatch) {
            for (let i = matches.length - 1; i >= 0; i--) {
              const m = matches[i]!;
              if (replacement) tr.insertText(replacement, m.from, m.to);
              else tr.delete(m.from, m.to);
            }
            this.storage.lastReplaceCount = matches.length;
          }
          return true;
        },
    };
  },
  addKeyboardShortcuts() {
    return {
      'Mod-f': () => {
        this.options.onOpen('find');
        return true;
      },
      'Mod-h': () => {
        this.options.onOpen('replace');
        return true;
      },
    };
  },
});
