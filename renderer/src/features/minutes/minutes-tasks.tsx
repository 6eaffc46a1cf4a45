import { Card, List, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { RESOLUTION_STATE_LABELS } from '../../../../shared/domain';
import { useMinutesResolutions } from '../../db';
import { formatDisplayDate } from '../../ui';

/** The follow-up tasks the issued minutes created: what, who leads, by when (暂定 when provisional). */
export function MinutesTasks({ minutesId, units }: { minutesId: string; units: { id: string; name: string }[] }) {
  const { t, i18n } = useTranslation('minutesPage');
  const rows = useMinutesResolutions(minutesId)?.filter((r) => r.state !== 'draft');
  if (!rows || rows.length === 0) return null;
  const name = (id: string) => units.find((u) => u.id === id)?.name ?? '';
  return (
    <Card size="small" title={t('tasks.title')} className="jd-minutes-tasks" data-testid="minutes-tasks">
      <Typography.Paragraph type="secondary">{t('tasks.count', { count: rows.length })}</Typography.Paragraph>
      <List
        size="small"
        dataSource={rows}
        renderItem={(r) => (
          <List.Item>
            <List.Item.Meta
              title={r.content}
              description={
                <>
                  {name(r.leadUnitId)} · {t('tasks.deadline')}{' '}
                  {r.deadline ? formatDisplayDate(r.deadline, i18n.language) : '—'}
                  {r.deadlineProvisional ? (
                    <Tooltip title={t('tasks.provisionalHint')}>
                      <Tag color="orange" style={{ marginInlineStart: 4 }}>
                        {t('tasks.provisional')}
                      </Tag>
                    </Tooltip>
                  ) : null}{' '}
                  <Tag>{RESOLUTION_STATE_LABELS[r.state]}</Tag>
                </>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
