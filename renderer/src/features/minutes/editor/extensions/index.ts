import { type Node, type Mark, type AnyExtension } from '@tiptap/core';
import { Table, TableCell, TableHeader, TableRow } from '@tiptap/extension-table';
import StarterKit from '@tiptap/starter-kit';
import { isSafeHref } from '../../../../../../shared/editor/schema';
import { AttendanceLine } from './attendance-line';
import { FindReplace, type FindReplaceOptions } from './find-replace';
import { NumberedHeading } from './numbered-heading';
import { PasteCleanup, type PasteCleanupOptions } from './paste-cleanup';
import { Resolution } from './resolution';
import { StandardPhrases } from './standard-phrases';

export interface MinutesExtensionOptions {
  onPasteRefused?: PasteCleanupOptions['onRefused'];
  onOpenFind?: FindReplaceOptions['onOpen'];
  /** Render resolutions with the React card (off for headless tests without React). */
  resolutionNodeView?: boolean;
  makeResolutionId?: () => string;
}

/**
 * The StarterKit narrowed to the document contract (shared/editor/document.ts): no blockquote, code,
 * strike or rule; headings 1–4 top-level only; list items hold paragraphs and lists; ordered lists keep
 * only `start`; links keep only `href` (http/https/mailto), never open on click.
 */
const MinutesKit = StarterKit.extend({
  addExtensions() {
    const base = (this.parent?.() ?? []) as AnyExtension[];
    return base.map((ext) => {
      switch (ext.name) {
        case 'listItem':
          return (ext as Node).extend({ content: 'paragraph (paragraph | bulletList | orderedList)*' });
        case 'orderedList':
          return (ext as Node).extend({
            addAttributes() {
              const { type: _type, ...rest } = (this.parent?.() ?? {}) as Record<string, unknown>;
              return rest;
            },
          });
        case 'link':
          return (ext as Mark).extend({
            addAttributes() {
              const parent = (this.parent?.() ?? {}) as Record<string, unknown>;
              return { href: parent.href };
            },
          });
        default:
          return ext;
      }
    });
  },
});

/** Table cells keep only colspan/rowspan/colwidth (the contract has no cell alignment) and hold paragraphs. */
function contractCell<T extends Node>(cell: T): Node {
  return cell.extend({
    content: 'paragraph+',
    addAttributes() {
      const all = (this.parent?.() ?? {}) as Record<string, unknown>;
      return { colspan: all.colspan, rowspan: all.rowspan, colwidth: all.colwidth };
    },
  });
}

export function minutesExtensions(o: MinutesExtensionOptions = {}): AnyExtension[] {
  return [
    MinutesKit.configure({
      blockquote: false,
      code: false,
      codeBlock: false,
      strike: false,
      horizontalRule: false,
      heading: { levels: [1, 2, 3, 4] },
      link: {
        openOnClick: false,
        autolink: false,
        linkOnPaste: false,
        protocols: [],
        isAllowedUri: (url) => isSafeHref(url),
        HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: null, class: null },
      },
    }),
    Table.configure({ resizable: false, HTMLAttributes: { class: 'jd-table' } }),
    TableRow,
    contractCell(TableHeader),
    contractCell(TableCell),
    NumberedHeading,
    Resolution.configure({
      nodeView: o.resolutionNodeView ?? true,
      ...(o.makeResolutionId ? { makeId: o.makeResolutionId } : {}),
    }),
    AttendanceLine,
    FindReplace.configure({ onOpen: o.onOpenFind ?? (() => undefined) }),
    PasteCleanup.configure({ onRefused: o.onPasteRefused ?? (() => undefined) }),
    StandardPhrases,
  ];
}
