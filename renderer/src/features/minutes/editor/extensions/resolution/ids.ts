import type { Node as PMNode, Slice } from '@tiptap/pm/model';
import { Fragment, Slice as PMSlice } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { NODE } from '../../../../../../../shared/editor/document';

/** A new resolution id (the same form as the data layer's record ids). */
export function newResolutionId(): string {
  return crypto.randomUUID();
}

/**
 * Positions of every resolution node by id, in document order. Resolutions are top-level blocks only
 * (list items hold paragraphs and lists, table cells paragraphs), so this is one pass over the top level.
 */
export function resolutionPositions(doc: PMNode): { id: string; pos: number; node: PMNode }[] {
  const out: { id: string; pos: number; node: PMNode }[] = [];
  doc.forEach((node, pos) => {
    if (node.type.name === NODE.resolution) out.push({ id: String(node.attrs.id ?? ''), pos, node });
  });
  return out;
}

export const resolutionIdsKey = new PluginKey('jdResolutionIds');

/**
 * Never two resolution nodes with one id (RELIABILITY: a pasted or duplicated resolution gets a fresh id).
 * - `appendTransaction`: after any change, an id that occurs twice keeps its node where the node already
 *   was before the change (mapped), every other occurrence (and an empty id) gets a fresh one.
 * - `transformPasted`: a pasted resolution whose id still exists in the document is a copy → fresh id.
 *   (Cut and paste keeps the id: the source is gone by then.)
 */
export function resolutionIdsPlugin(makeId: () => string = newResolutionId): Plugin {
  return new Plugin({
    key: resolutionIdsKey,
    appendTransaction(trs: readonly Transaction[], oldState: EditorState, newState: EditorState) {
      if (!trs.some((tr) => tr.docChanged)) return null;
      const found = resolutionPositions(newState.doc);
      if (found.length === 0) return null;
      const byId = new Map<string, number[]>();
      found.forEach((f, i) => {
        const list = byId.get(f.id);
        if (list) list.push(i);
        else byId.set(f.id, [i]);
      });
      const fix: number[] = [];
      let oldPos: Map<string, number> | null = null;
      for (const [id, idx] of byId) {
        if (id === '') {
          fix.push(...idx);
          continue;
        }
        if (idx.length < 2) continue;
        if (!oldPos) {
          oldPos = new Map();
          for (const f of resolutionPositions(oldState.doc)) if (!oldPos.has(f.id)) oldPos.set(f.id, f.pos);
        }
        let keep = idx[0]!;
        const before = oldPos.get(id);
        if (before !== undefined) {
          let mapped = before;
          for (const tr of trs) mapped = tr.mapping.map(mapped, 1);
          const hit = idx.find((i) => found[i]!.pos === mapped);
          if (hit !== undefined) keep = hit;
        }
        fix.push(...idx.filter((i) => i !== keep));
      }
      if (fix.length === 0) return null;
      const tr = newState.tr;
      for (const i of fix) {
        const f = found[i]!;
        tr.setNodeMarkup(f.pos, undefined, { ...f.node.attrs, id: makeId() });
      }
      return tr;
    },
    props: {
      transformPasted(slice: Slice, view) {
        const existing = new Set(resolutionPositions(view.state.doc).map((f) => f.id));
        if (existing.size === 0) return slice;
        const remap = (frag: Fragment): Fragment => {
          let changed = false;
          const nodes: PMNode[] = [];
          frag.forEach((node) => {
            let n = node;
            if (node.type.name === NODE.resolution) {
              if (existing.has(String(node.attrs.id))) {
                n = node.type.create({ ...node.attrs, id: makeId() }, null, node.marks);
                changed = true;
              }
            } else if (node.childCount > 0 && !node.isTextblock) {
              const inner = remap(node.content);
              if (inner !== node.content) {
                n = node.copy(inner);
                changed = true;
              }
            }
            nodes.push(n);
          });
          return changed ? Fragment.fromArray(nodes) : frag;
        };
        const content = remap(slice.content);
        return content === slice.content ? slice : new PMSlice(content, slice.openStart, slice.openEnd);
      },
    },
  });
}
