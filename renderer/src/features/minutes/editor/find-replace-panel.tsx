import { ArrowDownOutlined, ArrowUpOutlined, CloseOutlined } from '@ant-design/icons';
import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { App, Button, Checkbox, Input, Space, Tooltip, type InputRef } from 'antd';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { findReplaceState } from './extensions/find-replace';

export interface FindReplacePanelProps {
  editor: Editor;
  mode: 'find' | 'replace';
  /** Bumped by each Ctrl+F / Ctrl+H so the query field is focused again. */
  openCount: number;
  readOnly: boolean;
  onModeChange: (mode: 'find' | 'replace') => void;
  onClose: () => void;
}

/** Find (Ctrl+F) and replace (Ctrl+H) bar above the sheet. Enter: next, Shift+Enter: previous, Esc: close. */
export function FindReplacePanel({ editor, mode, openCount, readOnly, onModeChange, onClose }: FindReplacePanelProps) {
  const { t } = useTranslation('minutes');
  const { message } = App.useApp();
  const [query, setQuery] = useState(() => findReplaceState(editor.state)?.query ?? '');
  const [replacement, setReplacement] = useState('');
  const [caseSensitive, setCaseSensitive] = useState(false);
  const queryRef = useRef<InputRef>(null);
  const counts = useEditorState({
    editor,
    selector: ({ editor: e }) => {
      const s = findReplaceState(e.state);
      return { total: s?.matches.length ?? 0, current: s?.current ?? -1 };
    },
  });

  useEffect(() => {
    queryRef.current?.focus({ cursor: 'all' });
  }, [openCount, mode]);

  useEffect(() => {
    editor.commands.setSearchQuery(query, caseSensitive);
  }, [editor, query, caseSensitive]);

  useEffect(() => () => void editor.commands.clearSearch(), [editor]);

  const close = () => {
    onClose();
    editor.commands.focus();
  };
  const replaceAll = () => {
    if (editor.commands.replaceAll(replacement)) {
      void message.success(t('find.replaced', { count: editor.storage.findReplace.lastReplaceCount }));
    }
  };
  const keys = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      close();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (e.shiftKey) editor.commands.findPrevious();
      else editor.commands.findNext();
    } else if ((e.ctrlKey || e.metaKey) && (e.key === 'h' || e.key === 'f')) {
      e.preventDefault();
      onModeChange(e.key === 'h' ? 'replace' : 'find');
    }
  };
  const status =
    query === ''
      ? ''
      : counts.total === 0
        ? t('find.none')
        : t('find.count', { current: counts.current + 1, total: counts.total });

  return (
    <div className="jd-find-panel" role="search" aria-label={t('find.title')} onKeyDown={keys}>
      <Space wrap size={6}>
        <Input
          ref={queryRef}
          size="small"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder={t('find.findPlaceholder')}
          aria-label={t('find.find')}
          style={{ width: 200 }}
          allowClear
        />
        <span className="jd-find-count" aria-live="polite">
          {status}
        </span>
        <Tooltip title={`${t('find.previous')}（Shift+Enter）`}>
          <Button
            size="small"
            icon={<ArrowUpOutlined />}
            aria-label={t('find.previous')}
            disabled={counts.total === 0}
            onClick={() => editor.commands.findPrevious()}
          />
        </Tooltip>
        <Tooltip title={`${t('find.next')}（Enter）`}>
          <Button
            size="small"
            icon={<ArrowDownOutlined />}
            aria-label={t('find.next')}
            disabled={counts.total === 0}
            onClick={() => editor.commands.findNext()}
          />
        </Tooltip>
        <Checkbox checked={caseSensitive} onChange={(e) => setCaseSensitive(e.target.checked)}>
          {t('find.caseSensitive')}
        </Checkbox>
        {mode === 'find' && !readOnly && (
          <Button size="small" type="link" onClick={() => onModeChange('replace')}>
            {t('find.showReplace')}
          </Button>
        )}
      </Space>
      {mode === 'replace' && !readOnly && (
        <Space wrap size={6} className="jd-find-replace-row">
          <Input
            size="small"
            value={replacement}
            onChange={(e) => setReplacement(e.target.value)}
            placeholder={t('find.replacePlaceholder')}
            aria-label={t('find.replaceWith')}
            style={{ width: 200 }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                e.stopPropagation();
                editor.commands.replaceCurrent(replacement);
              }
            }}
          />
          <Button
            size="small"
            disabled={counts.total === 0}
            onClick={() => editor.commands.replaceCurrent(replacement)}
          >
            {t('find.replace')}
          </Button>
          <Button size="small" disabled={counts.total === 0} onClick={replaceAll}>
            {t('find.replaceAll')}
          </Button>
        </Space>
      )}
      <Tooltip title={`${t('find.close')}（Esc）`}>
        <Button
          size="small"
          type="text"
          icon={<CloseOutlined />}
          aria-label={t('find.close')}
          onClick={close}
          className="jd-find-close"
        />
      </Tooltip>
    </div>
  );
}
