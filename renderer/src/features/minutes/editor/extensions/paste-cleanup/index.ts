import { Extension } from '@tiptap/core';
import { Fragment, Slice, type Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { MAX_PASTE_CHARS } from '../../../../../../../shared/editor/schema';
import { sanitizeText } from '../../../../../../../shared/export/docx/text';
import { cleanPastedHtml } from './clean-html';

export { cleanPastedHtml } from './clean-html';

export type PasteRefusal = { reason: 'too_long'; length: number; max: number };

export interface PasteCleanupOptions {
  /** Told when a paste is refused (the editor shows a message). */
  onRefused: (r: PasteRefusal) => void;
  maxChars: number;
}

function cleanText(frag: Fragment): Fragment {
  let changed = false;
  const nodes: PMNode[] = [];
  frag.forEach((n) => {
    let next = n;
    if (n.isText) {
      const t = sanitizeText(n.text ?? '');
      if (t !== n.text) {
        changed = true;
        if (!t) return;
        next = n.type.schema.text(t, n.marks);
      }
    } else if (n.content.size > 0) {
      const inner = cleanText(n.content);
      if (inner !== n.content) {
        changed = true;
        next = n.copy(inner);
      }
    }
    nodes.push(next);
  });
  return changed ? Fragment.fromArray(nodes) : frag;
}

export const pasteCleanupKey = new PluginKey('jdPasteCleanup');

/**
 * Paste hygiene (RELIABILITY §3 ED-2, ED-6): pastes longer than `maxChars` are refused with a message;
 * pasted HTML goes through `cleanPastedHtml` before the schema parses it; pasted text is cleaned of
 * XML-invalid characters.
 */
export const PasteCleanup = Extension.create<PasteCleanupOptions>({
  name: 'pasteCleanup',
  addOptions() {
    return { onRefused: () => undefined, maxChars: MAX_PASTE_CHARS };
  },
  addProseMirrorPlugins() {
    const { maxChars } = this.options;
    const refuse = (length: number) => this.options.onRefused({ reason: 'too_long', length, max: maxChars });
    return [
      new Plugin({
        key: pasteCleanupKey,
        props: {
          handleDOMEvents: {
            paste: (_view, event) => {
              const data = (event as ClipboardEvent).clipboardData;
              if (!data) return false;
              const len = Math.max(data.getData('text/html').length, data.getData('text/plain').length);
              if (len > maxChars) {
                event.preventDefault();
                refuse(len);
                return true;
              }
              return false;
            },
            drop: (_view, event) => {
              const data = (event as DragEvent).dataTransfer;
              if (!data) return false;
              const len = Math.max(data.getData('text/html').length, data.getData('text/plain').length);
              if (len > maxChars) {
                event.preventDefault();
                refuse(len);
                return true;
              }
              return false;
            },
          },
          transformPastedHTML(html) {
            if (html.length > maxChars) {
              refuse(html.length);
              return '';
            }
            return cleanPastedHtml(html);
          },
          transformPastedText(text) {
            if (text.length > maxChars) {
              refuse(text.length);
              return '';
            }
            return sanitizeText(text);
          },
          transformPasted(slice) {
            const content = cleanText(slice.content);
            return content === slice.content ? slice : new Slice(content, slice.openStart, slice.openEnd);
          },
        },
      }),
    ];
  },
});
