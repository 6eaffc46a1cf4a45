import { Button, Flex } from 'antd';
import { type CSSProperties, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface FormButtonsProps {
  saving: boolean;
  onCancel: () => void;
  /** Defaults to 保存. */
  submitText?: ReactNode;
  /** A red submit, for a step such as 退回. */
  danger?: boolean;
  style?: CSSProperties;
}

/** 取消 and the submit button inside the <form> (not a modal footer), so Enter in any input submits natively. */
export function FormButtons({ saving, onCancel, submitText, danger, style }: FormButtonsProps) {
  const { t } = useTranslation('common');
  return (
    <Flex justify="end" gap="small" style={style}>
      <Button onClick={onCancel}>{t('common:actions.cancel')}</Button>
      <Button type="primary" danger={danger} htmlType="submit" loading={saving}>
        {submitText ?? t('common:actions.save')}
      </Button>
    </Flex>
  );
}
