import { AuditOutlined, DeleteOutlined, EditOutlined } from '@ant-design/icons';
import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { Button, Empty, Modal, Popconfirm, Space, Tooltip, Typography } from 'antd';
import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResolutionAttrs } from '../../../../../shared/editor/document';
import type { EditorUnit } from './editor-context';
import { listResolutions } from './extensions/resolution';
import type { MinutesEditorApi } from './minutes-editor';
import { deadlineLabel, unitLabel } from './resolution-display';
import { ResolutionForm } from './resolution-form';

export interface ResolutionsPanelProps {
  /** From MinutesEditor's `onReady`; null until the editor is ready. */
  api: MinutesEditorApi | null;
  units: readonly EditorUnit[];
  readOnly: boolean;
}

/**
 * All 议定事项 of the document in order: number, content, lead unit, deadline. Clicking one selects it in
 * the text; 编辑 opens the same form as the card; 删除 removes the node (undo restores it with its id).
 */
export const ResolutionsPanel = memo(function ResolutionsPanel({ api, units, readOnly }: ResolutionsPanelProps) {
  const { t } = useTranslation('minutes');
  if (!api) {
    return (
      <section className="jd-resolutions-panel" aria-label={t('panel.title', { count: 0 })}>
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('panel.empty')} />
      </section>
    );
  }
  // one subscription per editor instance (a new editor remounts the list)
  return <PanelBody key={editorKey(api.editor)} api={api} units={units} readOnly={readOnly} />;
});

const editorKeys = new WeakMap<Editor, number>();
let lastEditorKey = 0;
function editorKey(editor: Editor): number {
  let k = editorKeys.get(editor);
  if (k === undefined) {
    k = ++lastEditorKey;
    editorKeys.set(editor, k);
  }
  return k;
}

function PanelBody({ api, units, readOnly }: ResolutionsPanelProps & { api: MinutesEditorApi }) {
  const { t } = useTranslation('minutes');
  const [editing, setEditing] = useState<ResolutionAttrs | null>(null);
  const list = useEditorState({
    editor: api.editor,
    selector: ({ editor }) => listResolutions(editor),
  });

  return (
    <section className="jd-resolutions-panel" aria-label={t('panel.title', { count: list.length })}>
      <div className="jd-resolutions-panel-head">
        <Typography.Text strong>{t('panel.title', { count: list.length })}</Typography.Text>
        {!readOnly && (
          <Button size="small" icon={<AuditOutlined />} onClick={() => api.insertResolution()}>
            {t('panel.insert')}
          </Button>
        )}
      </div>
      {list.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('panel.empty')} />
      ) : (
        <ol className="jd-resolutions-list">
          {list.map((r, i) => (
            <ResolutionItem
              key={r.id}
              item={r}
              index={i}
              api={api}
              units={units}
              readOnly={readOnly}
              onEdit={setEditing}
            />
          ))}
        </ol>
      )}
      <Modal
        open={editing !== null}
        title={t('resolution.formTitle')}
        footer={null}
        onCancel={() => setEditing(null)}
        destroyOnHidden
        width={640}
      >
        {editing && (
          <ResolutionForm
            value={editing}
            units={units}
            autoFocus
            onCancel={() => setEditing(null)}
            onSubmit={(next) => {
              const { id, ...attrs } = next;
              api.updateResolution(id, attrs);
              setEditing(null);
            }}
          />
        )}
      </Modal>
    </section>
  );
}

interface ResolutionItemProps {
  item: ResolutionAttrs;
  index: number;
  api: MinutesEditorApi;
  units: readonly EditorUnit[];
  readOnly: boolean;
  onEdit: (r: ResolutionAttrs) => void;
}

/**
 * One line of the list. Memoised: a 50-page 纪要 has dozens of 议定事项, each with its tooltips and confirm,
 * and the page around the editor re-renders on every autosave state; only a changed item renders again
 * (compared by value: the list's selector hands over new objects whenever any item changed).
 */
const ResolutionItem = memo(function ResolutionItem({
  item: r,
  index,
  api,
  units,
  readOnly,
  onEdit,
}: ResolutionItemProps) {
  const { t } = useTranslation('minutes');
  const deadline = deadlineLabel(t, r.deadline);
  return (
    <li className="jd-resolutions-item">
      <button
        type="button"
        className="jd-resolutions-locate"
        title={t('panel.locate')}
        onClick={() => api.selectResolution(r.id)}
      >
        <span className="jd-resolutions-no">{index + 1}.</span>
        <span className="jd-resolutions-text">
          <span className="jd-resolutions-content">{r.content || t('resolution.emptyContent')}</span>
          <Space size={8} wrap className="jd-resolutions-meta">
            <span>
              {t('resolution.leadUnit')}：{unitLabel(t, units, r.leadUnitId) || t('resolution.notSet')}
            </span>
            <span>{deadline || `${t('resolution.deadline')}：${t('resolution.noDeadline')}`}</span>
          </Space>
        </span>
      </button>
      {!readOnly && (
        <Space size={0} className="jd-resolutions-actions">
          <Tooltip title={t('panel.edit')}>
            <Button
              size="small"
              type="text"
              icon={<EditOutlined />}
              aria-label={t('panel.edit')}
              onClick={() => onEdit(r)}
            />
          </Tooltip>
          <Popconfirm
            title={t('panel.deleteConfirm')}
            okText={t('panel.delete')}
            okButtonProps={{ danger: true }}
            onConfirm={() => api.deleteResolution(r.id)}
          >
            <Button size="small" type="text" danger icon={<DeleteOutlined />}>
              {t('panel.delete')}
            </Button>
          </Popconfirm>
        </Space>
      )}
    </li>
  );
}, sameItem);

function sameItem(a: ResolutionItemProps, b: ResolutionItemProps): boolean {
  return (
    a.index === b.index &&
    a.api === b.api &&
    a.units === b.units &&
    a.readOnly === b.readOnly &&
    a.onEdit === b.onEdit &&
    JSON.stringify(a.item) === JSON.stringify(b.item)
  );
}
