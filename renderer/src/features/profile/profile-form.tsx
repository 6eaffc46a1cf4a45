import { Alert, Button, Flex, Form, Input, Radio, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { USER_ROLES, userProfileInputSchema, type UserProfileInput } from '../../../../shared/domain/user-profile';
import { useUnits } from '../../db';
import { toUserFacingError, unitOptionsByKind, zodRule } from '../../ui';

export interface ProfileFormProps {
  /** Creates the profile; a thrown DomainError is shown above the buttons. */
  onSubmit: (values: UserProfileInput) => Promise<void>;
  submitText: string;
  onCancel?: () => void;
  autoFocus?: boolean;
  /** `end` in dialogs (buttons at the right, like a modal footer), `start` on a page. */
  actionsAlign?: 'start' | 'end';
}

const EMPTY = { name: '', unitName: '' };

/**
 * 姓名 / 所在单位 / 角色, checked as you type against `userProfileInputSchema` — the same schema the
 * data layer enforces — so the messages under the fields are the ones the domain defines.
 */
export function ProfileForm({ onSubmit, submitText, onCancel, autoFocus, actionsAlign = 'start' }: ProfileFormProps) {
  const { t } = useTranslation(['profile', 'common']);
  const [form] = Form.useForm<UserProfileInput>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<{ message: string; detail?: string } | null>(null);
  const shape = userProfileInputSchema.shape;
  const role = Form.useWatch('role', form);
  const units = useUnits();
  const hasUnits = (units?.length ?? 0) > 0;

  const finish = async (values: UserProfileInput) => {
    setError(null);
    setSubmitting(true);
    try {
      await onSubmit(userProfileInputSchema.parse(values));
      form.resetFields();
    } catch (e) {
      setError(toUserFacingError(e, t));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Form<UserProfileInput>
      form={form}
      layout="vertical"
      initialValues={EMPTY}
      onFinish={(v) => void finish(v)}
      requiredMark={false}
    >
      <Form.Item name="name" label={t('profile:form.name')} rules={[zodRule(shape.name)]}>
        <Input
          autoFocus={autoFocus}
          maxLength={40}
          placeholder={t('profile:form.namePlaceholder')}
          autoComplete="off"
        />
      </Form.Item>
      <Form.Item name="unitName" label={t('profile:form.unitName')} rules={[zodRule(shape.unitName)]}>
        <Input maxLength={80} placeholder={t('profile:form.unitNamePlaceholder')} autoComplete="off" />
      </Form.Item>
      <Form.Item name="role" label={t('profile:form.role')} rules={[zodRule(shape.role)]}>
        <Radio.Group style={{ width: '100%' }}>
          <Space orientation="vertical" size={6}>
            {USER_ROLES.map((role) => (
              <Radio key={role} value={role}>
                <span>{t(`common:roles.${role}`)}</span>
                <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
                  {t(`profile:roleHints.${role}`)}
                </Typography.Text>
              </Radio>
            ))}
          </Space>
        </Radio.Group>
      </Form.Item>
      {role === 'liaison' ? (
        <Form.Item
          name="unitId"
          label={t('profile:form.memberUnit')}
          extra={hasUnits ? t('profile:form.memberUnitHint') : t('profile:form.memberUnitNone')}
          rules={hasUnits ? [{ required: true, message: t('profile:form.memberUnitRequired') }] : []}
        >
          <Select
            showSearch
            optionFilterProp="label"
            disabled={!hasUnits}
            placeholder={t('profile:form.memberUnitPlaceholder')}
            options={unitOptionsByKind(units ?? [], t)}
            onChange={(id: string) => {
              // The unit is usually also where the person works: fill 所在单位 if it is still empty.
              const unit = units?.find((u) => u.id === id);
              if (unit && !form.getFieldValue('unitName')) form.setFieldValue('unitName', unit.name);
            }}
          />
        </Form.Item>
      ) : null}
      {error ? (
        <Alert type="error" showIcon title={error.message} description={error.detail} style={{ marginBottom: 16 }} />
      ) : null}
      <Flex gap={8} justify={actionsAlign === 'end' ? 'flex-end' : 'flex-start'}>
        {onCancel && actionsAlign === 'end' ? <Button onClick={onCancel}>{t('common:actions.cancel')}</Button> : null}
        <Button type="primary" htmlType="submit" loading={submitting}>
          {submitText}
        </Button>
        {onCancel && actionsAlign === 'start' ? <Button onClick={onCancel}>{t('common:actions.cancel')}</Button> : null}
      </Flex>
    </Form>
  );
}
