import { Alert, App, Button, Card, Flex, Form, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FontScheme } from '../../../../../shared/export/docx/layout';
import { meetingDocOfficeSchema, type MeetingDocOffice } from '../../../../../shared/export/docx/meeting-doc-model';
import { getDataLayer, useCurrentProfile, usePeople, usePermission, useUnits } from '../../../db';
import { DeniedNotice, Guarded, todayIso, toUserFacingError, zodRule, type UserFacingError } from '../../../ui';
import { defaultOffice } from './build-doc-input';
import { useDocumentOffice } from './use-document-office';

export interface DocumentSettingsFormProps {
  /** Values shown first (the saved office, or defaults derived from the data). */
  initial: MeetingDocOffice;
  onSaved?: (office: MeetingDocOffice) => void;
  onCancel?: () => void;
}

/**
 * 发文机关 / 联席会议名称 / 发文字号前缀 / 联系人 / 联系电话 / 文件字体, checked as you type against the same
 * schema the data layer enforces. The preview under the fields shows how the notice's header will read.
 */
export function DocumentSettingsForm({ initial, onSaved, onCancel }: DocumentSettingsFormProps) {
  const { t } = useTranslation(['meeting-docs', 'common']);
  const { message } = App.useApp();
  const [form] = Form.useForm<MeetingDocOffice>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<UserFacingError | null>(null);
  const prefix = Form.useWatch('docNumberPrefix', form) ?? initial.docNumberPrefix;
  const shape = meetingDocOfficeSchema.shape;
  // Only the office sets these: other roles see them read-only, told why.
  const may = usePermission('document.settings');

  const finish = async (values: MeetingDocOffice) => {
    setSaving(true);
    setError(null);
    try {
      const saved = await getDataLayer().documentSettings.saveOffice(values);
      void message.success(t('meeting-docs:office.saved'));
      onSaved?.(saved);
    } catch (e) {
      setError(toUserFacingError(e, t));
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <DeniedNotice right={may} />
      <Form<MeetingDocOffice>
        form={form}
        disabled={!may.allowed}
        name="document-office"
        layout="vertical"
        initialValues={{ ...initial, fontScheme: initial.fontScheme ?? 'standard' }}
        onFinish={(v) => void finish(v)}
        requiredMark={false}
        style={{ maxWidth: 640 }}
      >
        <Form.Item
          name="name"
          label={t('meeting-docs:office.name')}
          rules={[zodRule(shape.name)]}
          extra={t('meeting-docs:office.nameHint')}
        >
          <Input maxLength={40} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="jointMeetingName"
          label={t('meeting-docs:office.jointMeetingName')}
          rules={[zodRule(shape.jointMeetingName)]}
        >
          <Input maxLength={40} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="docNumberPrefix"
          label={t('meeting-docs:office.docNumberPrefix')}
          rules={[zodRule(shape.docNumberPrefix)]}
          extra={t('meeting-docs:office.docNumberExample', {
            example: `${prefix ?? ''}〔${todayIso().slice(0, 4)}〕3号`,
          })}
        >
          <Input maxLength={20} autoComplete="off" style={{ maxWidth: 240 }} />
        </Form.Item>
        <Flex gap={16} wrap>
          <Form.Item
            name="contactName"
            label={t('meeting-docs:office.contactName')}
            rules={[zodRule(shape.contactName)]}
          >
            <Input maxLength={20} autoComplete="off" style={{ width: 200 }} />
          </Form.Item>
          <Form.Item
            name="contactPhone"
            label={t('meeting-docs:office.contactPhone')}
            rules={[zodRule(shape.contactPhone)]}
          >
            <Input maxLength={30} autoComplete="off" style={{ width: 220 }} />
          </Form.Item>
        </Flex>
        <Form.Item
          name="fontScheme"
          label={t('meeting-docs:office.fontScheme')}
          rules={[zodRule(shape.fontScheme)]}
          extra={t('meeting-docs:office.fontSchemeHint')}
        >
          <Select<FontScheme>
            style={{ maxWidth: 560 }}
            options={[
              { value: 'standard', label: t('meeting-docs:office.fontSchemeStandard') },
              { value: 'windows', label: t('meeting-docs:office.fontSchemeWindows') },
            ]}
          />
        </Form.Item>
        {error ? (
          <Alert type="error" showIcon title={error.message} description={error.detail} style={{ marginBottom: 16 }} />
        ) : null}
        <Flex gap={8}>
          <Guarded right={may}>
            <Button type="primary" htmlType="submit" loading={saving}>
              {t('meeting-docs:office.save')}
            </Button>
          </Guarded>
          {onCancel ? (
            <Button disabled={false} onClick={onCancel}>
              {t('common:actions.cancel')}
            </Button>
          ) : null}
        </Flex>
      </Form>
    </>
  );
}

/** The saved office, or defaults from the township unit / current profile; `undefined` while loading. */
export function useOfficeInitial(): { office: MeetingDocOffice; saved: boolean } | undefined {
  const saved = useDocumentOffice();
  const units = useUnits({ includeArchived: false });
  const people = usePeople();
  const { loading, profile } = useCurrentProfile();
  if (saved.loading || !units || !people || loading) return undefined;
  if (saved.office) return { office: saved.office, saved: true };
  return { office: defaultOffice(units, profile, people), saved: false };
}

/** 会议文件 section of the settings page. */
export function DocumentSettingsSection() {
  const { t } = useTranslation('meeting-docs');
  const initial = useOfficeInitial();
  return (
    <Card id="meeting-documents" title={t('office.sectionTitle')}>
      <Typography.Paragraph type="secondary">{t('office.sectionHint')}</Typography.Paragraph>
      {initial ? (
        <>
          {!initial.saved ? (
            <Alert type="info" showIcon title={t('office.notSaved')} style={{ marginBottom: 16 }} />
          ) : null}
          {/* Keyed so the form shows the stored values once they change elsewhere (the meeting panel). */}
          <DocumentSettingsForm key={JSON.stringify(initial.office)} initial={initial.office} />
        </>
      ) : null}
    </Card>
  );
}

/**
 * Before a document whose header or 版记 needs the issuing office (纪要, 督办通知单): asks for it once, with
 * the defaults, then calls `onSaved`. One dialog for every screen that issues such a document.
 */
export function OfficeFirstModal({
  open,
  title,
  onSaved,
  onClose,
}: {
  open: boolean;
  title: string;
  onSaved: () => void;
  onClose: () => void;
}) {
  const office = useOfficeInitial();
  return (
    <Modal open={open} title={title} footer={null} onCancel={onClose} destroyOnHidden width={680}>
      {office ? <DocumentSettingsForm initial={office.office} onSaved={onSaved} onCancel={onClose} /> : null}
    </Modal>
  );
}
