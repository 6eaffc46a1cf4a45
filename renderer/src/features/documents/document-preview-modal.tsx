import { FileWordOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Modal, Spin } from 'antd';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getHost, type SaveFileResult } from '../../platform';
import { toUserFacingError, useReportError, type UserFacingError } from '../../ui';

export interface DocumentPreviewModalProps {
  open: boolean;
  /** Modal title, e.g. 提请协调申请预览. */
  title: string;
  /** Suggested file name including `.docx`. */
  fileName: string;
  /** Builds the document; called each time the modal opens, so the preview shows current data. */
  build: () => Promise<Uint8Array>;
  onClose: () => void;
  /** After the host saved the file (the modal then closes). */
  onSaved?: (result: SaveFileResult) => void;
}

type Phase =
  | { kind: 'building' }
  /** `pages`: the rendered preview (its styles inside), placed into the modal's body once it is mounted. */
  | { kind: 'ready'; bytes: Uint8Array; pages: HTMLElement }
  | { kind: 'failed'; error: UserFacingError };

/**
 * Shows a generated .docx as it will print (docx-preview renders the real file, not a re-layout of our
 * data), then saves exactly those bytes through the host adapter. The office checks before it files.
 */
export function DocumentPreviewModal({ open, title, fileName, build, onClose, onSaved }: DocumentPreviewModalProps) {
  const { t } = useTranslation(['documents', 'common']);
  const { message } = App.useApp();
  const reportError = useReportError();
  const [phase, setPhase] = useState<Phase>({ kind: 'building' });
  const [saving, setSaving] = useState(false);
  const bodyRef = useRef<HTMLDivElement>(null);
  // The latest build function without re-running the effect each render (callers pass inline closures).
  const buildRef = useRef(build);
  useEffect(() => {
    buildRef.current = build;
  });

  useEffect(() => {
    if (!open) return;
    let cancelled = false;
    void (async () => {
      try {
        const bytes = await buildRef.current();
        if (cancelled) return;
        const { renderAsync } = await import('docx-preview');
        // Rendered off the page into its own element (styles included), so a render that was overtaken
        // (the modal reopened, the language switched) never mixes into the one shown, and the preview does
        // not depend on the modal's body being mounted yet when the file is ready.
        const pages = document.createElement('div');
        await renderAsync(bytes.slice().buffer, pages, undefined, {
          className: 'jd-docx',
          inWrapper: true,
          ignoreLastRenderedPageBreak: true,
          breakPages: true,
        });
        if (!cancelled) setPhase({ kind: 'ready', bytes, pages });
      } catch (e) {
        if (!cancelled) setPhase({ kind: 'failed', error: toUserFacingError(e, t) });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [open, t]);

  // Back to "building" on the way out, so the next opening starts with the spinner, not the old file.
  // Places the rendered preview once the body is there (the render that placed it is the current one).
  useLayoutEffect(() => {
    const body = bodyRef.current;
    if (!body) return;
    if (phase.kind === 'ready') body.replaceChildren(phase.pages);
    else body.replaceChildren();
  }, [phase]);

  const close = () => {
    setPhase({ kind: 'building' });
    onClose();
  };

  const save = async () => {
    if (phase.kind !== 'ready') return;
    setSaving(true);
    try {
      const result = await getHost().saveFile({
        suggestedName: fileName,
        bytes: phase.bytes,
        filters: [{ name: t('documents:docxFilter'), extensions: ['docx'] }],
      });
      if (result.saved) {
        void message.success(
          result.path ? t('documents:savedTo', { path: result.path }) : t('documents:saved', { name: fileName }),
        );
        onSaved?.(result);
        close();
      }
    } catch (e) {
      reportError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={
        <Flex gap={8} align="center">
          <FileWordOutlined aria-hidden />
          {title}
        </Flex>
      }
      width={960}
      onCancel={close}
      destroyOnHidden
      mask={{ closable: false }}
      footer={
        <Flex justify="space-between" align="center" gap={12}>
          <span
            title={fileName}
            style={{ color: 'rgba(0,0,0,0.55)', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
          >
            {t('documents:fileName', { name: fileName })}
          </span>
          <Flex gap={8}>
            <Button onClick={close}>{t('common:actions.cancel')}</Button>
            <Button
              type="primary"
              icon={<SaveOutlined aria-hidden />}
              disabled={phase.kind !== 'ready'}
              loading={saving}
              onClick={() => void save()}
            >
              {t('common:actions.save')}
            </Button>
          </Flex>
        </Flex>
      }
    >
      {phase.kind === 'failed' ? (
        <Alert
          type="error"
          showIcon
          title={t('documents:failed')}
          description={phase.error.detail ? `${phase.error.message}（${phase.error.detail}）` : phase.error.message}
        />
      ) : null}
      <Spin spinning={phase.kind === 'building'} description={t('documents:building')}>
        <div
          ref={bodyRef}
          className="jd-docx-preview"
          role="document"
          aria-label={title}
          aria-busy={phase.kind === 'building'}
          style={{
            maxHeight: '70vh',
            minHeight: 240,
            overflow: 'auto',
            background: '#e8eaed',
            borderRadius: 4,
            display: phase.kind === 'failed' ? 'none' : undefined,
          }}
        />
      </Spin>
    </Modal>
  );
}
