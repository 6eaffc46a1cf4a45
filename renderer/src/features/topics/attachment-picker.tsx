import { DeleteOutlined, InboxOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, List, Typography, Upload } from 'antd';
import { useState } from 'react';
import {
  ATTACHMENT_EXTENSIONS,
  ATTACHMENT_HEAD_BYTES,
  attachmentCountProblem,
  attachmentProblem,
  formatFileSize,
} from '../../../../shared/domain';
import { useTopicsText } from './labels';

/** `.pdf,.doc,…` for the file chooser, so the dialog offers the allowed types first. */
export const ATTACHMENT_ACCEPT = ATTACHMENT_EXTENSIONS.map((e) => `.${e}`).join(',');

/**
 * The problem with a chosen file, checked in the browser with the same rules the repository applies
 * (the first bytes too, so a renamed .exe is caught before the form is sent).
 */
export async function checkChosenFile(file: File): Promise<string | undefined> {
  const early = attachmentProblem({ fileName: file.name, mimeType: file.type, size: file.size });
  if (early) return early;
  const head = new Uint8Array(await file.slice(0, ATTACHMENT_HEAD_BYTES).arrayBuffer());
  return attachmentProblem({ fileName: file.name, mimeType: file.type, size: file.size, head });
}

export interface AttachmentPickerProps {
  files: readonly File[];
  onChange: (files: File[]) => void;
  /** Attachments the topic already has (counted against the cap of 10). */
  existing?: number;
  /** The rules line under the drop area (default: the topic's). */
  hint?: string;
}

/**
 * 附件 in the intake form: drag or choose files; each is checked at once and a refused file is named
 * with the reason (type, size, count) instead of silently dropped.
 */
export function AttachmentPicker({ files, onChange, existing = 0, hint }: AttachmentPickerProps) {
  const { t } = useTopicsText();
  const [errors, setErrors] = useState<string[]>([]);

  const add = async (chosen: File[]) => {
    const problems: string[] = [];
    const accepted: File[] = [];
    for (const f of chosen) {
      const problem = (await checkChosenFile(f)) ?? attachmentCountProblem(existing + files.length + accepted.length);
      if (problem) problems.push(problem);
      else accepted.push(f);
    }
    setErrors(problems);
    if (accepted.length > 0) onChange([...files, ...accepted]);
  };

  return (
    <Flex vertical gap={8}>
      <Upload.Dragger
        multiple
        accept={ATTACHMENT_ACCEPT}
        showUploadList={false}
        // Files stay in the form until it is sent; nothing is uploaded anywhere.
        beforeUpload={(file, list) => {
          if (file === list[0]) void add(list);
          return Upload.LIST_IGNORE;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined aria-hidden />
        </p>
        <p className="ant-upload-text">{t('topics:attachments.drop')}</p>
        <p className="ant-upload-hint">
          {hint ?? t('topics:attachments.rules', { types: ATTACHMENT_EXTENSIONS.join('、') })}
        </p>
      </Upload.Dragger>
      {errors.length > 0 ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          className="jd-attachment-errors"
          title={errors.length === 1 ? errors[0] : t('topics:attachments.refused', { count: errors.length })}
          description={errors.length > 1 ? errors.map((e) => <div key={e}>{e}</div>) : undefined}
          closable={{ onClose: () => setErrors([]) }}
        />
      ) : null}
      {files.length > 0 ? (
        <List
          size="small"
          bordered
          dataSource={[...files]}
          renderItem={(f, i) => (
            <List.Item
              actions={[
                <Button
                  key="remove"
                  type="text"
                  size="small"
                  icon={<DeleteOutlined aria-hidden />}
                  aria-label={t('topics:attachments.removeNamed', { name: f.name })}
                  onClick={() => onChange(files.filter((_, j) => j !== i))}
                />,
              ]}
            >
              <Typography.Text>
                <PaperClipOutlined aria-hidden /> {f.name}
              </Typography.Text>
              <Typography.Text type="secondary">{formatFileSize(f.size)}</Typography.Text>
            </List.Item>
          )}
        />
      ) : null}
    </Flex>
  );
}
