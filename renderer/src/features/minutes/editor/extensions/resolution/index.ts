import { Node, mergeAttributes, type Editor } from '@tiptap/core';
import { NodeSelection } from '@tiptap/pm/state';
import type { Node as PMNode } from '@tiptap/pm/model';
import { ReactNodeViewRenderer } from '@tiptap/react';
import { NODE, type ResolutionAttrs } from '../../../../../../../shared/editor/document';
import { resolutionAttrsSchema } from '../../../../../../../shared/editor/schema';
import { EditRequests } from './edit-requests';
import { newResolutionId, resolutionIdsPlugin, resolutionPositions } from './ids';
import { ResolutionView } from './resolution-view';

export { newResolutionId, resolutionPositions } from './ids';
export { EditRequests } from './edit-requests';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    resolution: {
      /** Inserts a 议定事项 after the current block (replacing it when it is an empty paragraph) and selects it. */
      insertResolution: (attrs?: Partial<ResolutionAttrs>) => ReturnType;
      /** Writes attrs (the id is kept) of the resolution with `id`. */
      updateResolution: (id: string, attrs: Partial<Omit<ResolutionAttrs, 'id'>>) => ReturnType;
      deleteResolution: (id: string) => ReturnType;
      /** Selects the resolution node and scrolls it into view. */
      selectResolution: (id: string) => ReturnType;
    };
  }
  interface Storage {
    resolution: ResolutionStorage;
  }
}

export interface ResolutionStorage {
  editRequests: EditRequests;
  /** Id of the last resolution `insertResolution` created. */
  lastInsertedId: string | null;
}

export interface ResolutionOptions {
  makeId: () => string;
  /** The node view (off in headless tests that only check the document). */
  nodeView: boolean;
}

export function emptyResolutionAttrs(id: string): ResolutionAttrs {
  return { id, content: '', leadUnitId: '', coUnitIds: [], deadline: null, feedback: '' };
}

export function resolutionAttrsOf(node: PMNode): ResolutionAttrs {
  const a = node.attrs as ResolutionAttrs;
  return {
    id: a.id,
    content: a.content ?? '',
    leadUnitId: a.leadUnitId ?? '',
    coUnitIds: Array.isArray(a.coUnitIds) ? a.coUnitIds : [],
    deadline: a.deadline ?? null,
    feedback: a.feedback ?? '',
  };
}

/** All resolutions of the editor's document, in order. */
export function listResolutions(editor: Editor): ResolutionAttrs[] {
  return resolutionPositions(editor.state.doc).map((f) => resolutionAttrsOf(f.node));
}

function parseAttrs(el: HTMLElement): ResolutionAttrs | false {
  try {
    const parsed = resolutionAttrsSchema.safeParse(JSON.parse(el.getAttribute('data-attrs') ?? 'null'));
    return parsed.success ? parsed.data : false;
  } catch {
    return false;
  }
}

/**
 * 议定事项: an atom block whose attrs are the Resolution record's fields (shared/editor/document.ts
 * ResolutionAttrs). Rendered by a React card; the clipboard form is a div with the attrs as JSON, validated
 * by `resolutionAttrsSchema` when pasted back.
 */
export const Resolution = Node.create<ResolutionOptions, ResolutionStorage>({
  name: NODE.resolution,
  group: 'block',
  atom: true,
  selectable: true,
  draggable: false,
  isolating: true,

  addOptions() {
    return { makeId: newResolutionId, nodeView: true };
  },

  addStorage() {
    return { editRequests: new EditRequests(), lastInsertedId: null };
  },

  addAttributes() {
    // rendered/parsed as one JSON attribute (see renderHTML / parseHTML)
    return {
      id: { default: '', rendered: false },
      content: { default: '', rendered: false },
      leadUnitId: { default: '', rendered: false },
      coUnitIds: { default: [], rendered: false },
      deadline: { default: null, rendered: false },
      feedback: { default: '', rendered: false },
    };
  },

  parseHTML() {
    return [{ tag: 'div[data-type="resolution"]', getAttrs: (el) => parseAttrs(el as HTMLElement) }];
  },

  renderHTML({ node, HTMLAttributes }) {
    const attrs = resolutionAttrsOf(node);
    return [
      'div',
      mergeAttributes(HTMLAttributes, {
        'data-type': 'resolution',
        'data-attrs': JSON.stringify(attrs),
        class: 'jd-resolution',
      }),
      `议定事项：${attrs.content}`,
    ];
  },

  renderText({ node }) {
    return `议定事项：${String(node.attrs.content ?? '')}`;
  },

  addNodeView() {
    return this.options.nodeView
      ? ReactNodeViewRenderer(ResolutionView, {
          className: 'jd-resolution-view',
          // The inline edit form owns its events: ProseMirror must not turn a click on 保存 or a Select into a
          // node selection (Tiptap's default only lets inputs through, so the submit button never fired).
          stopEvent: ({ event }) =>
            event.target instanceof Element && event.target.closest('.jd-resolution-form') !== null,
        })
      : null;
  },

  addProseMirrorPlugins() {
    return [resolutionIdsPlugin(this.options.makeId)];
  },

  addCommands() {
    const find = (doc: PMNode, id: string) => resolutionPositions(doc).find((f) => f.id === id);
    return {
      insertResolution:
        (attrs) =>
        ({ state, tr, dispatch }) => {
          if (!this.editor.isEditable) return false;
          const id = attrs?.id && !find(state.doc, attrs.id) ? attrs.id : this.options.makeId();
          const node = this.type.create({ ...emptyResolutionAttrs(id), ...attrs, id });
          const { $from } = state.selection;
          let at: number;
          if ($from.depth === 0) {
            at = state.selection.from;
          } else {
            const top = $from.node(1);
            const empty = top.type.name === NODE.paragraph && top.content.size === 0;
            at = empty ? $from.before(1) : $from.after(1);
            if (empty && dispatch) tr.delete($from.before(1), $from.after(1));
          }
          if (dispatch) {
            tr.insert(at, node);
            tr.setSelection(NodeSelection.create(tr.doc, at));
            tr.scrollIntoView();
            this.storage.lastInsertedId = id;
          }
          return true;
        },
      updateResolution:
        (id, attrs) =>
        ({ state, tr, dispatch }) => {
          const f = find(state.doc, id);
          if (!f || !this.editor.isEditable) return false;
          if (dispatch) tr.setNodeMarkup(f.pos, undefined, { ...resolutionAttrsOf(f.node), ...attrs, id });
          return true;
        },
      deleteResolution:
        (id) =>
        ({ state, tr, dispatch }) => {
          const f = find(state.doc, id);
          if (!f || !this.editor.isEditable) return false;
          if (dispatch) tr.delete(f.pos, f.pos + f.node.nodeSize);
          return true;
        },
      selectResolution:
        (id) =>
        ({ state, tr, dispatch }) => {
          const f = find(state.doc, id);
          if (!f) return false;
          if (dispatch) tr.setSelection(NodeSelection.create(state.doc, f.pos)).scrollIntoView();
          return true;
        },
    };
  },

  addKeyboardShortcuts() {
    return {
      'Mod-Shift-r': () => {
        if (!this.editor.isEditable) return false;
        const ok = this.editor.commands.insertResolution();
        if (ok && this.storage.lastInsertedId) this.storage.editRequests.request(this.storage.lastInsertedId);
        return ok;
      },
      Enter: () => {
        const sel = this.editor.state.selection;
        if (!(sel instanceof NodeSelection) || sel.node.type.name !== this.name || !this.editor.isEditable)
          return false;
        this.storage.editRequests.request(String(sel.node.attrs.id));
        return true;
      },
    };
  },
});
