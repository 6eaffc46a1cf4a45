import { Alert, App, Button, Card, Flex, Form, Input, Popconfirm, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  buildMinutesDraft,
  DEFAULT_MINUTES_WORDING,
  MINUTES_PLACEHOLDER_HINTS,
  MINUTES_PLACEHOLDERS,
  minutesTemplateWordingSchema,
  type MinutesTemplateWording,
} from '../../../../shared/domain/minutes-template';
import { permission, type PermissionResult } from '../../../../shared/domain/permissions';
import { docToPlainText } from '../../../../shared/editor/text';
import { getDataLayer, useCurrentProfile, useMinutesWording } from '../../db';
import { DeniedNotice, Guarded, toUserFacingError, useReportError, zodRule, type UserFacingError } from '../../ui';
import { SAMPLE_MINUTES_INPUT } from './minutes-template-sample';

type WordingKey = keyof MinutesTemplateWording;

const FIELDS: { key: WordingKey; multiline?: boolean; max: number }[] = [
  { key: 'intro', multiline: true, max: 500 },
  { key: 'closing', max: 100 },
  { key: 'presentLabel', max: 10 },
  { key: 'leaveLabel', max: 10 },
  { key: 'observerLabel', max: 10 },
];

function useTemplatePermission(): PermissionResult | undefined {
  const { t } = useTranslation('settings');
  const { loading, profile } = useCurrentProfile();
  if (loading) return undefined;
  return profile
    ? permission(profile.role, 'settings.minutes_template')
    : { allowed: false, reason: t('minutesTemplate.noProfile') };
}

/** The generated draft for the sample meeting, as plain text (导语 first, then sections and attendance lines). */
function previewText(wording: MinutesTemplateWording): string {
  return docToPlainText(buildMinutesDraft({ ...SAMPLE_MINUTES_INPUT, wording }));
}

/** 会议纪要模板: the wording of the generated draft, with the default under each field and a live preview. */
export function MinutesTemplateSection() {
  const wording = useMinutesWording();
  const { t } = useTranslation('settings');
  return (
    <Card id="minutes-template" title={t('minutesTemplate.title')}>
      <Typography.Paragraph type="secondary">{t('minutesTemplate.intro')}</Typography.Paragraph>
      {wording ? <MinutesTemplateForm key={JSON.stringify(wording)} initial={wording} /> : null}
    </Card>
  );
}

function MinutesTemplateForm({ initial }: { initial: MinutesTemplateWording }) {
  const { t } = useTranslation(['settings', 'common']);
  const { message } = App.useApp();
  const reportError = useReportError();
  const [form] = Form.useForm<MinutesTemplateWording>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<UserFacingError | null>(null);
  const may = useTemplatePermission();
  const allowed = may?.allowed === true;
  // While the profile loads nothing is allowed, and there is nothing to say yet.
  const right = may ?? { allowed: false, reason: '' };
  const watched = Form.useWatch([], form) as Partial<MinutesTemplateWording> | undefined;
  const current: MinutesTemplateWording = { ...initial, ...definedOnly(watched ?? {}) };
  const isDefault = (Object.keys(DEFAULT_MINUTES_WORDING) as WordingKey[]).every(
    (k) => initial[k] === DEFAULT_MINUTES_WORDING[k],
  );

  const finish = async (values: MinutesTemplateWording) => {
    setSaving(true);
    setError(null);
    try {
      await getDataLayer().minutesTemplate.save(values);
      void message.success(t('settings:minutesTemplate.saved'));
    } catch (e) {
      setError(toUserFacingError(e, t));
    } finally {
      setSaving(false);
    }
  };

  const reset = () => {
    getDataLayer()
      .minutesTemplate.reset()
      .then(() => void message.success(t('settings:minutesTemplate.resetDone')), reportError);
  };

  const insert = (name: string) => {
    const intro = form.getFieldValue('intro') as string | undefined;
    form.setFieldValue('intro', `${intro ?? ''}{${name}}`);
    void form.validateFields(['intro']);
  };

  return (
    <Flex gap={24} wrap align="flex-start">
      <Form<MinutesTemplateWording>
        form={form}
        name="minutes-template"
        layout="vertical"
        initialValues={initial}
        onFinish={(v) => void finish(v)}
        requiredMark={false}
        disabled={!allowed}
        style={{ flex: '1 1 420px', maxWidth: 640 }}
      >
        {may ? <DeniedNotice right={may} /> : null}
        {FIELDS.map((f) => (
          <Form.Item
            key={f.key}
            name={f.key}
            label={t(`settings:minutesTemplate.fields.${f.key}`)}
            rules={[zodRule(minutesTemplateWordingSchema.shape[f.key])]}
            extra={
              <>
                {f.key === 'intro' ? (
                  <Flex gap={4} wrap style={{ margin: '4px 0' }}>
                    <span>{t('settings:minutesTemplate.placeholders')}</span>
                    {MINUTES_PLACEHOLDERS.map((p) => (
                      <Tooltip key={p} title={MINUTES_PLACEHOLDER_HINTS[p]}>
                        <Tag
                          style={{ cursor: allowed ? 'pointer' : 'default' }}
                          onClick={() => allowed && insert(p)}
                        >{`{${p}}`}</Tag>
                      </Tooltip>
                    ))}
                  </Flex>
                ) : null}
                <div>
                  {t('settings:minutesTemplate.default', {
                    value: DEFAULT_MINUTES_WORDING[f.key] || t('settings:minutesTemplate.emptyDefault'),
                  })}
                </div>
              </>
            }
          >
            {f.multiline ? (
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={f.max} showCount />
            ) : (
              <Input maxLength={f.max} autoComplete="off" style={f.max <= 10 ? { maxWidth: 200 } : undefined} />
            )}
          </Form.Item>
        ))}
        {error ? (
          <Alert type="error" showIcon title={error.message} description={error.detail} style={{ marginBottom: 16 }} />
        ) : null}
        <Flex gap={8}>
          <Guarded right={right}>
            <Button type="primary" htmlType="submit" loading={saving}>
              {t('common:actions.save')}
            </Button>
          </Guarded>
          <Guarded right={right}>
            <Popconfirm
              title={t('settings:minutesTemplate.resetConfirm')}
              okText={t('settings:minutesTemplate.reset')}
              cancelText={t('common:actions.cancel')}
              onConfirm={reset}
              disabled={isDefault}
            >
              <Tooltip title={isDefault ? t('settings:minutesTemplate.alreadyDefault') : undefined}>
                <Button disabled={isDefault}>{t('settings:minutesTemplate.reset')}</Button>
              </Tooltip>
            </Popconfirm>
          </Guarded>
        </Flex>
      </Form>
      <div style={{ flex: '1 1 320px', maxWidth: 560 }}>
        <Typography.Text strong>{t('settings:minutesTemplate.preview')}</Typography.Text>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t('settings:minutesTemplate.previewHint')}
        </Typography.Paragraph>
        <div
          data-testid="minutes-template-preview"
          style={{
            whiteSpace: 'pre-wrap',
            padding: 12,
            border: '1px solid rgba(0,0,0,0.12)',
            borderRadius: 6,
            lineHeight: 1.8,
          }}
        >
          {previewText(current)}
        </div>
      </div>
    </Flex>
  );
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
