import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Flex, Skeleton, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { ROLE_LABELS } from '../../../../shared/domain';
import { useCurrentProfile } from '../../db';
import { attentionBadgeCount, attentionItems, type AttentionKey } from './attention-items';
import { useFollowupText } from './labels';
import { useAttentionCounts } from './use-followup';

const COLOR: Record<AttentionKey, string> = {
  overdue: '#ff4d4f',
  dueSoon: '#fa8c16',
  pendingVerification: '#722ed1',
  pendingExtensions: '#1677ff',
  minutesAwaitingSignOff: '#13c2c2',
};

/**
 * 需要关注 (workbench card): for the current role, 逾期 / 临期 / 待核验 / 延期待审批 / 纪要待签发 with counts, each
 * leading to the list of those items; the role's own items first, the others for information.
 */
export function AttentionCard() {
  const { t } = useFollowupText();
  const navigate = useNavigate();
  const { profile } = useCurrentProfile();
  const counts = useAttentionCounts();
  const items = counts ? attentionItems(counts, profile?.role) : [];
  const nothing = counts !== undefined && items.every((i) => i.count === 0);

  return (
    <Card
      title={
        <Flex gap={8} align="center">
          <BellOutlined aria-hidden />
          {t('followup:attention.title')}
        </Flex>
      }
      extra={
        profile ? (
          <Typography.Text type="secondary">
            {t('followup:attention.forRole', { role: ROLE_LABELS[profile.role] })}
          </Typography.Text>
        ) : null
      }
      style={{ height: '100%' }}
      data-testid="attention-card"
    >
      {counts === undefined ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : (
        <>
          {nothing ? (
            <Typography.Paragraph type="secondary">{t('followup:attention.allClear')}</Typography.Paragraph>
          ) : null}
          <ul className="jd-attention-list" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {items.map((item) => (
              <li key={item.key} data-testid={`attention-${item.key}`} data-count={item.count}>
                <Flex gap={12} align="center" style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}>
                  <Badge
                    count={item.count}
                    showZero
                    overflowCount={999}
                    color={item.count > 0 && item.yours ? COLOR[item.key] : '#bfbfbf'}
                    style={{ minWidth: 32 }}
                  />
                  <Typography.Text strong={item.yours && item.count > 0} style={{ flex: 1 }}>
                    {t(`followup:attention.${item.key}`)}
                    {!item.yours ? (
                      <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 8 }}>
                        {t('followup:attention.others')}
                      </Typography.Text>
                    ) : null}
                  </Typography.Text>
                  <Button type="link" size="small" onClick={() => void navigate(item.to)}>
                    {t('followup:attention.open')}
                  </Button>
                </Flex>
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}

/** The count beside 督办 in the left navigation (what the current role has to deal with), live. */
export function FollowupNavBadge({ collapsed }: { collapsed?: boolean }) {
  const { t } = useFollowupText();
  const { profile } = useCurrentProfile();
  const count = attentionBadgeCount(useAttentionCounts(), profile?.role);
  if (count === 0) return null;
  return (
    <Badge
      count={count}
      overflowCount={99}
      size="small"
      dot={collapsed}
      title={t('followup:attention.navBadge', { count })}
      style={{ marginInlineStart: collapsed ? 0 : 8 }}
      data-testid="followup-nav-badge"
    />
  );
}
