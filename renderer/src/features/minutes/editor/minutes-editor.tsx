import type { Editor, JSONContent } from '@tiptap/core';
import { EditorContent, useEditor } from '@tiptap/react';
import { App } from 'antd';
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MinutesDoc, ResolutionAttrs } from '../../../../../shared/editor/document';
import { cleanMinutesDoc } from '../../../../../shared/editor/schema';
import { MinutesEditorContext, type EditorUnit } from './editor-context';
import { minutesExtensions } from './extensions';
import type { PasteRefusal } from './extensions/paste-cleanup';
import { listResolutions, resolutionPositions } from './extensions/resolution';
import { FindReplacePanel } from './find-replace-panel';
import { ShortcutsHelp } from './shortcuts-help';
import { Toolbar } from './toolbar';
import { countDocWords } from './word-count';
import './editor.css';

/** What the minutes page can do with the editor (handed over once through `onReady`). */
export interface MinutesEditorApi {
  /** The Tiptap editor, for the resolutions panel and advanced use. */
  editor: Editor;
  /** Inserts a 议定事项 after the current block, opens its edit form and returns its id ('' when read-only). */
  insertResolution: (attrs?: Partial<Omit<ResolutionAttrs, 'id'>>) => string;
  focus: () => void;
  /** The current document (validates with minutesDocSchema). */
  getJSON: () => MinutesDoc;
  /** All resolutions in document order. */
  resolutions: () => ResolutionAttrs[];
  /** Selects and scrolls to a resolution; false when it is not in the document. */
  selectResolution: (id: string) => boolean;
  updateResolution: (id: string, attrs: Partial<Omit<ResolutionAttrs, 'id'>>) => boolean;
  deleteResolution: (id: string) => boolean;
  /** Opens the inline edit form of a resolution card. */
  editResolution: (id: string) => boolean;
  insertPhrase: (key: string) => boolean;
}

export interface MinutesEditorProps {
  /** Read once, at mount; remount with a new `key` to load another document. */
  content: MinutesDoc;
  readOnly: boolean;
  units: { id: string; name: string; archived?: boolean }[];
  onChange: (doc: MinutesDoc) => void;
  onBlur?: () => void;
  onReady?: (api: MinutesEditorApi) => void;
}

/** Tiptap JSON → MinutesDoc: drops marks a hard break may carry (the contract's hardBreak has none). */
export function toMinutesDoc(json: JSONContent): MinutesDoc {
  const strip = (n: JSONContent): JSONContent => {
    if (n.type === 'hardBreak') return { type: 'hardBreak' };
    return n.content ? { ...n, content: n.content.map(strip) } : n;
  };
  return strip(json) as MinutesDoc;
}

function makeApi(editor: Editor): MinutesEditorApi {
  const scrollTo = (id: string) => {
    const f = resolutionPositions(editor.state.doc).find((x) => x.id === id);
    const dom = f ? editor.view.nodeDOM(f.pos) : null;
    if (dom instanceof HTMLElement) dom.scrollIntoView({ block: 'center', behavior: 'smooth' });
  };
  return {
    editor,
    insertResolution: (attrs) => {
      if (!editor.chain().focus().insertResolution(attrs).run()) return '';
      const id = editor.storage.resolution.lastInsertedId ?? '';
      if (id) editor.storage.resolution.editRequests.request(id);
      return id;
    },
    focus: () => void editor.commands.focus(),
    getJSON: () => toMinutesDoc(editor.getJSON()),
    resolutions: () => listResolutions(editor),
    selectResolution: (id) => {
      const ok = editor.chain().focus().selectResolution(id).run();
      if (ok) scrollTo(id);
      return ok;
    },
    updateResolution: (id, attrs) => editor.commands.updateResolution(id, attrs),
    deleteResolution: (id) => editor.commands.deleteResolution(id),
    editResolution: (id) => {
      if (!editor.isEditable || !editor.commands.selectResolution(id)) return false;
      scrollTo(id);
      editor.storage.resolution.editRequests.request(id);
      return true;
    },
    insertPhrase: (key) => editor.chain().focus().insertStandardPhrase(key).run(),
  };
}

interface BridgeEvents {
  pasteRefused: PasteRefusal;
  openFind: 'find' | 'replace';
  contentError: string;
}

/** Extensions are created once; their callbacks reach the current React handlers through this. */
class ExtensionBridge {
  private handlers: { [K in keyof BridgeEvents]?: (v: BridgeEvents[K]) => void } = {};
  emit<K extends keyof BridgeEvents>(name: K, value: BridgeEvents[K]): void {
    this.handlers[name]?.(value);
  }
  listen(h: { [K in keyof BridgeEvents]: (v: BridgeEvents[K]) => void }): () => void {
    this.handlers = h;
    return () => {
      if (this.handlers === h) this.handlers = {};
    };
  }
}

function WordCount({ editor }: { editor: Editor }) {
  const { t } = useTranslation('minutes');
  const [count, setCount] = useState(() => countDocWords(editor.state.doc));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onUpdate = () => {
      clearTimeout(timer);
      timer = setTimeout(() => setCount(countDocWords(editor.state.doc)), 400);
    };
    editor.on('update', onUpdate);
    return () => {
      clearTimeout(timer);
      editor.off('update', onUpdate);
    };
  }, [editor]);
  return (
    <span className="jd-minutes-wordcount" aria-live="off">
      {t('editor.wordCount', { count })}
    </span>
  );
}

/**
 * The rich-text minutes editor (Tiptap 3). Uncontrolled: `content` is read once, at mount (through
 * cleanMinutesDoc), so a saved draft echoed back by a live query never moves the cursor or reverts typing.
 * To load another document (another minutes, a restored version) remount with a new React `key`.
 * Every change is reported through `onChange` (the page debounces saving).
 * The editor does not re-render on transactions; the toolbar, find bar and word count subscribe themselves.
 */
export const MinutesEditor = memo(function MinutesEditor({
  content,
  readOnly,
  units,
  onChange,
  onBlur,
  onReady,
}: MinutesEditorProps) {
  const { t } = useTranslation('minutes');
  const { message } = App.useApp();
  const [find, setFind] = useState<{ mode: 'find' | 'replace'; count: number } | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const callbacks = useRef({ onChange, onBlur, onReady });
  useEffect(() => {
    callbacks.current = { onChange, onBlur, onReady };
  });
  const [initial] = useState(() => cleanMinutesDoc(content).doc);
  const [bridge] = useState(() => new ExtensionBridge());
  const [extensions] = useState(() =>
    minutesExtensions({
      onPasteRefused: (r) => bridge.emit('pasteRefused', r),
      onOpenFind: (mode) => bridge.emit('openFind', mode),
    }),
  );
  useEffect(
    () =>
      bridge.listen({
        pasteRefused: (r) => void message.warning(t('editor.pasteTooLong', { length: r.length, max: r.max })),
        contentError: (detail) => void message.error(t('editor.contentError', { detail })),
        openFind: (mode) => setFind((f) => ({ mode: readOnly ? 'find' : mode, count: (f?.count ?? 0) + 1 })),
      }),
    [bridge, message, t, readOnly],
  );

  const editor = useEditor({
    extensions,
    content: initial,
    editable: !readOnly,
    immediatelyRender: true,
    shouldRerenderOnTransaction: false,
    enableContentCheck: true,
    editorProps: {
      attributes: {
        class: 'jd-minutes-prose',
        'aria-label': t('editor.label'),
        'aria-multiline': 'true',
        spellcheck: 'false',
      },
    },
    onContentError: ({ error }) => {
      bridge.emit('contentError', error.message);
    },
    onUpdate: ({ editor: e }) => {
      callbacks.current.onChange(toMinutesDoc(e.getJSON()));
    },
    onBlur: () => callbacks.current.onBlur?.(),
  });

  useEffect(() => {
    if (editor && editor.isEditable === readOnly) editor.setEditable(!readOnly, false);
  }, [editor, readOnly]);

  const api = useMemo(() => (editor ? makeApi(editor) : null), [editor]);
  useEffect(() => {
    if (api) callbacks.current.onReady?.(api);
  }, [api]);

  const context = useMemo(() => ({ units: units as readonly EditorUnit[] }), [units]);

  if (!editor || !api) return null;
  return (
    <MinutesEditorContext.Provider value={context}>
      <div className={`jd-minutes-editor${readOnly ? ' is-readonly' : ''}`}>
        {!readOnly && (
          <Toolbar
            editor={editor}
            onInsertResolution={() => api.insertResolution()}
            onFind={() => setFind((f) => ({ mode: 'replace', count: (f?.count ?? 0) + 1 }))}
            onHelp={() => setHelpOpen(true)}
          />
        )}
        {find && (
          <FindReplacePanel
            editor={editor}
            mode={find.mode}
            openCount={find.count}
            readOnly={readOnly}
            onModeChange={(mode) => setFind((f) => ({ mode, count: (f?.count ?? 0) + 1 }))}
            onClose={() => setFind(null)}
          />
        )}
        <div className="jd-minutes-desk">
          <div className="jd-minutes-sheet">
            <EditorContent editor={editor} />
          </div>
        </div>
        <div className="jd-minutes-status">
          {readOnly && <span className="jd-minutes-readonly">{t('editor.readOnly')}</span>}
          <WordCount editor={editor} />
        </div>
        <ShortcutsHelp open={helpOpen} onClose={() => setHelpOpen(false)} />
      </div>
    </MinutesEditorContext.Provider>
  );
});
