import {
  AuditOutlined,
  BoldOutlined,
  DownOutlined,
  ItalicOutlined,
  MessageOutlined,
  OrderedListOutlined,
  QuestionCircleOutlined,
  RedoOutlined,
  SearchOutlined,
  TableOutlined,
  UnderlineOutlined,
  UndoOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { Button, Divider, Dropdown, Select, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { STANDARD_PHRASES } from '../../../../../shared/domain/minutes-phrases';
import { EDITOR_SHORTCUTS, type EditorShortcut } from './editor-shortcuts';

type BlockType = 'paragraph' | 'heading1' | 'heading2' | 'heading3' | 'heading4' | 'other';

export interface ToolbarProps {
  editor: Editor;
  onInsertResolution: () => void;
  onFind: () => void;
  onHelp: () => void;
  disabled?: boolean;
}

function blockTypeOf(editor: Editor): BlockType {
  for (const level of [1, 2, 3, 4] as const) if (editor.isActive('heading', { level })) return `heading${level}`;
  return editor.isActive('paragraph') ? 'paragraph' : 'other';
}

/**
 * The editor's toolbar. Subscribes to the editor through `useEditorState`, so it re-renders only when a
 * shown state changes (not on every keystroke).
 */
export function Toolbar({ editor, onInsertResolution, onFind, onHelp, disabled }: ToolbarProps) {
  const { t } = useTranslation('minutes');
  const s = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      underline: e.isActive('underline'),
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
      inTable: e.isActive('table'),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
      block: blockTypeOf(e),
      editable: e.isEditable,
    }),
  });
  const off = disabled || !s.editable;
  const tip = (label: string, key?: EditorShortcut) =>
    key ? t('toolbar.withShortcut', { label, keys: EDITOR_SHORTCUTS[key] }) : label;
  const chain = () => editor.chain().focus();

  const btn = (
    label: string,
    icon: ReactNode,
    onClick: () => void,
    o: { key?: EditorShortcut; active?: boolean; enabled?: boolean } = {},
  ) => (
    <Tooltip title={tip(label, o.key)} mouseEnterDelay={0.4}>
      <Button
        type={o.active ? 'primary' : 'text'}
        ghost={o.active}
        size="small"
        icon={icon}
        aria-label={label}
        aria-pressed={o.active === undefined ? undefined : o.active}
        aria-keyshortcuts={o.key ? EDITOR_SHORTCUTS[o.key].replace(/Ctrl/g, 'Control') : undefined}
        disabled={off || o.enabled === false}
        // keep the editor's selection: focus stays in the text
        onMouseDown={(e) => e.preventDefault()}
        onClick={onClick}
      />
    </Tooltip>
  );

  const setBlock = (v: BlockType) => {
    if (v === 'paragraph') chain().setParagraph().run();
    else if (v !== 'other')
      chain()
        .setHeading({ level: Number(v.slice(-1)) as 1 | 2 | 3 | 4 })
        .run();
  };

  const tableItems = [
    { key: 'insert', label: t('toolbar.insertTable'), disabled: s.inTable },
    { type: 'divider' as const },
    { key: 'addRowAfter', label: t('toolbar.addRowAfter'), disabled: !s.inTable },
    { key: 'addColumnAfter', label: t('toolbar.addColumnAfter'), disabled: !s.inTable },
    { key: 'deleteRow', label: t('toolbar.deleteRow'), disabled: !s.inTable },
    { key: 'deleteColumn', label: t('toolbar.deleteColumn'), disabled: !s.inTable },
    { key: 'deleteTable', label: t('toolbar.deleteTable'), disabled: !s.inTable, danger: true },
  ];
  const onTable = (key: string) => {
    const c = chain();
    if (key === 'insert') c.insertTable({ rows: 3, cols: 3, withHeaderRow: false }).run();
    else if (key === 'addRowAfter') c.addRowAfter().run();
    else if (key === 'addColumnAfter') c.addColumnAfter().run();
    else if (key === 'deleteRow') c.deleteRow().run();
    else if (key === 'deleteColumn') c.deleteColumn().run();
    else if (key === 'deleteTable') c.deleteTable().run();
  };

  return (
    <div className="jd-minutes-toolbar" role="toolbar" aria-label={t('toolbar.label')}>
      {btn(t('toolbar.undo'), <UndoOutlined />, () => chain().undo().run(), { key: 'undo', enabled: s.canUndo })}
      {btn(t('toolbar.redo'), <RedoOutlined />, () => chain().redo().run(), { key: 'redo', enabled: s.canRedo })}
      <Divider orientation="vertical" />
      {btn(t('toolbar.bold'), <BoldOutlined />, () => chain().toggleBold().run(), { key: 'bold', active: s.bold })}
      {btn(t('toolbar.italic'), <ItalicOutlined />, () => chain().toggleItalic().run(), {
        key: 'italic',
        active: s.italic,
      })}
      {btn(t('toolbar.underline'), <UnderlineOutlined />, () => chain().toggleUnderline().run(), {
        key: 'underline',
        active: s.underline,
      })}
      <Divider orientation="vertical" />
      <Tooltip title={t('toolbar.blockType')} mouseEnterDelay={0.4}>
        <Select<BlockType>
          size="small"
          aria-label={t('toolbar.blockType')}
          placeholder={t('toolbar.blockType')}
          value={s.block === 'other' ? undefined : s.block}
          onChange={setBlock}
          disabled={off}
          style={{ width: 150 }}
          popupMatchSelectWidth={false}
          options={(['paragraph', 'heading1', 'heading2', 'heading3', 'heading4'] as const).map((v) => ({
            value: v,
            label: tip(t(`toolbar.${v}`), v),
          }))}
          labelRender={({ value }) => t(`toolbar.${String(value)}`)}
        />
      </Tooltip>
      {btn(t('toolbar.bulletList'), <UnorderedListOutlined />, () => chain().toggleBulletList().run(), {
        key: 'bulletList',
        active: s.bulletList,
      })}
      {btn(t('toolbar.orderedList'), <OrderedListOutlined />, () => chain().toggleOrderedList().run(), {
        key: 'orderedList',
        active: s.orderedList,
      })}
      <Dropdown disabled={off} trigger={['click']} menu={{ items: tableItems, onClick: ({ key }) => onTable(key) }}>
        <Tooltip title={t('toolbar.table')} mouseEnterDelay={0.4}>
          <Button type="text" size="small" aria-label={t('toolbar.table')} aria-haspopup="menu" disabled={off}>
            <TableOutlined />
            <DownOutlined style={{ fontSize: 10 }} />
          </Button>
        </Tooltip>
      </Dropdown>
      <Divider orientation="vertical" />
      <Tooltip title={tip(t('toolbar.insertResolution'), 'insertResolution')} mouseEnterDelay={0.4}>
        <Button
          size="small"
          icon={<AuditOutlined />}
          aria-label={t('toolbar.insertResolution')}
          aria-keyshortcuts="Control+Shift+R"
          disabled={off}
          onMouseDown={(e) => e.preventDefault()}
          onClick={onInsertResolution}
        >
          {t('toolbar.insertResolution')}
        </Button>
      </Tooltip>
      <Dropdown
        disabled={off}
        trigger={['click']}
        menu={{
          items: STANDARD_PHRASES.map((p) => ({ key: p.key, label: p.label, title: p.text })),
          onClick: ({ key }) => chain().insertStandardPhrase(key).run(),
        }}
      >
        <Tooltip title={t('toolbar.phrases')} mouseEnterDelay={0.4}>
          <Button
            size="small"
            icon={<MessageOutlined />}
            aria-label={t('toolbar.phrases')}
            aria-haspopup="menu"
            disabled={off}
          >
            {t('toolbar.phrases')}
            <DownOutlined style={{ fontSize: 10 }} />
          </Button>
        </Tooltip>
      </Dropdown>
      <span className="jd-minutes-toolbar-spacer" />
      {btn(t('toolbar.findReplace'), <SearchOutlined />, onFind, { key: 'find' })}
      <Tooltip title={t('toolbar.help')} mouseEnterDelay={0.4}>
        <Button
          type="text"
          size="small"
          icon={<QuestionCircleOutlined />}
          aria-label={t('toolbar.help')}
          onClick={onHelp}
        />
      </Tooltip>
    </div>
  );
}
