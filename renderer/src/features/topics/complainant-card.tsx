import { EyeInvisibleOutlined, EyeOutlined, LockOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Flex, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { Complainant, Topic } from '../../../../shared/domain';
import { getDataLayer } from '../../db';
import { errorText, Guarded } from '../../ui';
import { useTopicsText } from './labels';

const FIELDS: (keyof Complainant)[] = ['name', 'phone', 'idNumber', 'address'];

/**
 * 投诉举报人信息: masked as the repository hands it out. “查看” asks for an optional reason and only
 * shows the clear values once the reveal — and with it the audit entry — has been written. Leaving the
 * page (or “隐藏”) forgets them.
 */
export function ComplainantCard({ topic }: { topic: Topic }) {
  const { t } = useTopicsText();
  // Kept with the topic it belongs to: moving to another topic must not carry revealed data over.
  const [revealed, setRevealed] = useState<{ topicId: string; data: Complainant }>();
  const [asking, setAsking] = useState(false);
  const clear = revealed?.topicId === topic.id ? revealed.data : undefined;
  const setClear = (data: Complainant | undefined) => setRevealed(data ? { topicId: topic.id, data } : undefined);

  const masked = topic.complainant;
  if (!masked) return null;
  const shown = clear ?? masked;

  return (
    <Card
      title={
        <span>
          <LockOutlined aria-hidden /> {t('topics:field.complainant')}
        </span>
      }
      className="jd-complainant-card"
      style={{ marginBottom: 16 }}
      extra={
        clear ? (
          <Button size="small" icon={<EyeInvisibleOutlined aria-hidden />} onClick={() => setClear(undefined)}>
            {t('topics:complainant.hide')}
          </Button>
        ) : (
          <Guarded action="topic.reveal_complainant">
            <Button size="small" icon={<EyeOutlined aria-hidden />} onClick={() => setAsking(true)}>
              {t('topics:complainant.reveal')}
            </Button>
          </Guarded>
        )
      }
    >
      <Descriptions column={2} size="small" data-revealed={clear ? 'true' : 'false'}>
        {FIELDS.filter((k) => masked[k]).map((k) => (
          <Descriptions.Item key={k} label={t(`topics:complainant.${k}`)}>
            <Typography.Text className="jd-complainant-value">{shown[k]}</Typography.Text>
          </Descriptions.Item>
        ))}
      </Descriptions>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {clear ? t('topics:complainant.revealedNote') : t('topics:complainant.maskedNote')}
      </Typography.Text>
      <RevealModal
        open={asking}
        topic={topic}
        onClose={() => setAsking(false)}
        onRevealed={(c) => {
          setAsking(false);
          setClear(c);
        }}
      />
    </Card>
  );
}

function RevealModal({
  open,
  topic,
  onClose,
  onRevealed,
}: {
  open: boolean;
  topic: Topic;
  onClose: () => void;
  onRevealed: (c: Complainant) => void;
}) {
  const { t } = useTopicsText();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const reveal = async () => {
    setBusy(true);
    setError(undefined);
    try {
      onRevealed(await getDataLayer().topics.reveal(topic.id, reason));
      setReason('');
    } catch (e) {
      setError(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('topics:complainant.revealTitle')}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Flex justify="end" gap="small">
          <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
          <Button type="primary" loading={busy} icon={<EyeOutlined aria-hidden />} onClick={() => void reveal()}>
            {t('topics:complainant.revealConfirm')}
          </Button>
        </Flex>
      }
    >
      <Typography.Paragraph>{t('topics:complainant.revealWarning')}</Typography.Paragraph>
      <Form layout="vertical" onFinish={() => void reveal()}>
        <Form.Item label={t('topics:complainant.reason')} htmlFor="jd-reveal-reason">
          <Input
            id="jd-reveal-reason"
            value={reason}
            maxLength={200}
            autoFocus
            placeholder={t('topics:complainant.reasonPlaceholder')}
            onChange={(e) => setReason(e.target.value)}
          />
        </Form.Item>
      </Form>
      {error ? <Alert type="error" showIcon title={error} /> : null}
    </Modal>
  );
}
