import { DeleteOutlined, DownloadOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, List, Popconfirm, Typography, Upload } from 'antd';
import { useState } from 'react';
import { MAX_ATTACHMENTS_PER_OWNER, formatFileSize, type Topic } from '../../../../shared/domain';
import { getDataLayer, useAttachments, usePermissions } from '../../db';
import type { AttachmentMeta } from '../../db/types';
import { getHost } from '../../platform';
import { errorText, formatDateTime, Guarded } from '../../ui';
import { ATTACHMENT_ACCEPT, checkChosenFile } from './attachment-picker';
import { useTopicsText } from './labels';

/** States in which the topic's files still change (the repository refuses the others too). */
const FROZEN: readonly Topic['state'][] = ['merged', 'converted', 'resolved', 'escalated'];

/** 附件: the topic's files; saved through the host, added and removed (each audited) while the topic is open. */
export function AttachmentsCard({ topic }: { topic: Topic }) {
  const { t } = useTopicsText();
  const owner = { type: 'topic' as const, id: topic.id };
  const files = useAttachments(owner);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const editable = !FROZEN.includes(topic.state);
  // Supervisors and the chair read the files; they never add or delete any.
  const may = usePermissions(['attachment.add', 'attachment.remove'] as const);
  const full = (files?.length ?? 0) >= MAX_ATTACHMENTS_PER_OWNER;

  const add = async (chosen: File[]) => {
    setError(undefined);
    setBusy(true);
    try {
      for (const f of chosen) {
        const problem = await checkChosenFile(f);
        if (problem) {
          setError(problem);
          return;
        }
        await getDataLayer().attachments.add(owner, { fileName: f.name, mimeType: f.type, data: f });
      }
    } catch (e) {
      setError(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };

  const save = async (a: AttachmentMeta) => {
    setError(undefined);
    try {
      const { bytes, fileName } = await getDataLayer().attachments.content(a.id);
      const ext = fileName.split('.').pop() ?? '*';
      const result = await getHost().saveFile({
        suggestedName: fileName,
        bytes,
        filters: [{ name: t('topics:attachments.filter'), extensions: [ext] }],
      });
      if (result.saved) await getDataLayer().attachments.recordDownload(a.id);
    } catch (e) {
      setError(errorText(e, t));
    }
  };

  const remove = async (a: AttachmentMeta) => {
    setError(undefined);
    try {
      await getDataLayer().attachments.remove(a.id);
    } catch (e) {
      setError(errorText(e, t));
    }
  };

  return (
    <Card
      title={t('topics:attachments.title', { count: files?.length ?? 0, max: MAX_ATTACHMENTS_PER_OWNER })}
      style={{ marginBottom: 16 }}
      extra={
        editable ? (
          <Guarded right={may['attachment.add']} hide>
            <Upload
              multiple
              accept={ATTACHMENT_ACCEPT}
              showUploadList={false}
              disabled={full || busy}
              beforeUpload={(file, list) => {
                if (file === list[0]) void add(list);
                return Upload.LIST_IGNORE;
              }}
            >
              <Button size="small" icon={<UploadOutlined aria-hidden />} loading={busy} disabled={full}>
                {t('topics:attachments.add')}
              </Button>
            </Upload>
          </Guarded>
        ) : null
      }
    >
      {error ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={error}
          style={{ marginBottom: 12 }}
          closable={{ onClose: () => setError(undefined) }}
        />
      ) : null}
      {files && files.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('topics:attachments.none')} />
      ) : (
        <List
          size="small"
          loading={files === undefined}
          dataSource={files ?? []}
          renderItem={(a) => (
            <List.Item
              actions={[
                <Button
                  key="save"
                  type="link"
                  size="small"
                  icon={<DownloadOutlined aria-hidden />}
                  onClick={() => void save(a)}
                >
                  {t('topics:attachments.save')}
                </Button>,
                ...(editable && may['attachment.remove'].allowed
                  ? [
                      <Popconfirm
                        key="remove"
                        title={t('topics:attachments.removeConfirm', { name: a.fileName })}
                        onConfirm={() => void remove(a)}
                      >
                        <Button type="link" size="small" danger icon={<DeleteOutlined aria-hidden />}>
                          {t('common:actions.delete')}
                        </Button>
                      </Popconfirm>,
                    ]
                  : []),
              ]}
            >
              <List.Item.Meta
                avatar={<PaperClipOutlined aria-hidden />}
                title={a.fileName}
                description={
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatFileSize(a.size)} · {formatDateTime(a.createdAt)}
                  </Typography.Text>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
