import { Button, Flex } from 'antd';
import { useUnitsText } from '../shared/labels';

/**
 * 取消 / 保存 inside the <form> (not the modal footer) so Enter in any input submits natively.
 */
export function FormFooter({ saving, onCancel }: { saving: boolean; onCancel: () => void }) {
  const { t } = useUnitsText();
  return (
    <Flex justify="end" gap="small" style={{ marginTop: 8 }}>
      <Button onClick={onCancel}>{t('common.cancel')}</Button>
      <Button type="primary" htmlType="submit" loading={saving}>
        {t('common.save')}
      </Button>
    </Flex>
  );
}
