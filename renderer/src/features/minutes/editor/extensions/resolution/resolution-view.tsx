import { EditOutlined } from '@ant-design/icons';
import { NodeViewWrapper, type ReactNodeViewProps } from '@tiptap/react';
import { Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResolutionAttrs } from '../../../../../../../shared/editor/document';
import { useMinutesEditorContext } from '../../editor-context';
import { deadlineLabel, unitLabel } from '../../resolution-display';
import { ResolutionForm } from '../../resolution-form';
import type { ResolutionStorage } from './index';

function attrsOf(a: Record<string, unknown>): ResolutionAttrs {
  return {
    id: String(a.id ?? ''),
    content: String(a.content ?? ''),
    leadUnitId: String(a.leadUnitId ?? ''),
    coUnitIds: Array.isArray(a.coUnitIds) ? (a.coUnitIds as string[]) : [],
    deadline: (a.deadline as ResolutionAttrs['deadline']) ?? null,
    feedback: String(a.feedback ?? ''),
  };
}

/** The 议定事项 card; click or Enter (when selected) opens the inline edit form. */
export function ResolutionView({ node, editor, selected, updateAttributes }: ReactNodeViewProps) {
  const { t } = useTranslation('minutes');
  const { units } = useMinutesEditorContext();
  const attrs = attrsOf(node.attrs);
  const storage = (editor.storage as unknown as { resolution: ResolutionStorage }).resolution;
  const [editing, setEditing] = useState(() => storage.editRequests.isPending(attrs.id) && editor.isEditable);

  useEffect(() => {
    storage.editRequests.clear(attrs.id);
    return storage.editRequests.subscribe((id) => {
      if (id === attrs.id && editor.isEditable) {
        storage.editRequests.clear(id);
        setEditing(true);
      }
    });
  }, [storage, attrs.id, editor]);

  const open = () => {
    if (editor.isEditable && !editing) setEditing(true);
  };
  const close = () => {
    setEditing(false);
    // back to the card, selected, so the keyboard user continues where they were
    editor.commands.selectResolution(attrs.id);
    editor.commands.focus();
  };

  const lead = unitLabel(t, units, attrs.leadUnitId);
  const co = attrs.coUnitIds.map((id) => unitLabel(t, units, id)).filter(Boolean);
  const deadline = deadlineLabel(t, attrs.deadline);

  return (
    <NodeViewWrapper
      className={`jd-resolution-card${selected ? ' is-selected' : ''}${editing ? ' is-editing' : ''}`}
      data-resolution-id={attrs.id}
      contentEditable={false}
    >
      {editing ? (
        <ResolutionForm
          value={attrs}
          units={units}
          autoFocus
          onCancel={close}
          onSubmit={(next) => {
            updateAttributes({ ...next, id: attrs.id });
            close();
          }}
        />
      ) : (
        <div
          className="jd-resolution-body"
          role={editor.isEditable ? 'button' : undefined}
          tabIndex={-1}
          aria-label={t('resolution.cardLabel', { content: attrs.content || t('resolution.emptyContent') })}
          onClick={open}
        >
          <div className="jd-resolution-head">
            <Tag color="red" className="jd-resolution-tag">
              {t('resolution.tag')}
            </Tag>
            {editor.isEditable && <EditOutlined className="jd-resolution-edit" aria-hidden />}
          </div>
          <div className={`jd-resolution-content${attrs.content ? '' : ' is-empty'}`}>
            {attrs.content || t('resolution.emptyContent')}
          </div>
          <dl className="jd-resolution-meta">
            <dt>{t('resolution.leadUnit')}</dt>
            <dd>{lead || t('resolution.notSet')}</dd>
            {co.length > 0 && (
              <>
                <dt>{t('resolution.coUnits')}</dt>
                <dd>{co.join('、')}</dd>
              </>
            )}
            <dt>{t('resolution.deadline')}</dt>
            <dd>{deadline || t('resolution.noDeadline')}</dd>
            {attrs.feedback && (
              <>
                <dt>{t('resolution.feedback')}</dt>
                <dd>{attrs.feedback}</dd>
              </>
            )}
          </dl>
        </div>
      )}
    </NodeViewWrapper>
  );
}
