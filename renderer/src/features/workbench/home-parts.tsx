import { Flex, List, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { chineseNumber, type Quarter } from '../../../../shared/domain';
import { useAppLanguage } from '../../i18n';
import type { TaskRow } from '../followup/use-followup';
import { useFollowupText } from '../followup/labels';
import { WarningTag } from '../followup/task-tags';

/** A small empty state inside a home card: what is (not) there and what to do. */
export function CardEmpty({ title, hint, action }: { title: string; hint: string; action?: ReactNode }) {
  return (
    <Flex vertical gap={4} style={{ padding: '8px 0' }} data-testid="card-empty">
      <Typography.Text>{title}</Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {hint}
      </Typography.Text>
      {action ? <div style={{ marginTop: 4 }}>{action}</div> : null}
    </Flex>
  );
}

/** “共 N 项，显示前 M 项” and a link to the full list, when a card shows only the first rows. */
export function MoreLink({ total, shown, to }: { total: number; shown: number; to: string }) {
  const { t } = useTranslation('home');
  return (
    <Flex justify="space-between" align="center" style={{ marginTop: 8 }}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {total > shown ? t('ofTotal', { count: total, shown }) : ''}
      </Typography.Text>
      <Link to={to}>{t('more')}</Link>
    </Flex>
  );
}

/** Task rows: content (a link to the task), lead unit, deadline, warning. */
export function TaskList({
  rows,
  unitName,
  extra,
  testId,
}: {
  rows: readonly TaskRow[];
  unitName: (id: string) => string;
  extra?: (row: TaskRow) => ReactNode;
  testId?: string;
}) {
  const { t: th } = useTranslation('home');
  const { date, stateLabel } = useFollowupText();
  return (
    <List
      size="small"
      data-testid={testId}
      dataSource={[...rows]}
      rowKey={(r) => r.resolution.id}
      renderItem={(r) => (
        <List.Item data-testid="home-task" extra={<WarningTag warning={r.warning} />}>
          <Flex vertical gap={2} style={{ minWidth: 0 }}>
            <Link to={`/followup/${r.resolution.id}`} style={{ overflowWrap: 'anywhere' }}>
              {r.resolution.content}
            </Link>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {unitName(r.resolution.leadUnitId)} · {stateLabel(r.resolution.state)}
              {r.resolution.deadline ? ` · ${th('chase.deadline', { date: date(r.resolution.deadline) })}` : ''}
            </Typography.Text>
            {extra ? extra(r) : null}
          </Flex>
        </List.Item>
      )}
    />
  );
}

/** A status tag for a checklist item. */
export function StatusTag({ status }: { status: 'done' | 'todo' | 'na' }) {
  const { t } = useTranslation('home');
  return status === 'done' ? (
    <Tag color="success">{t('readiness.done')}</Tag>
  ) : status === 'todo' ? (
    <Tag color="warning">{t('readiness.pending')}</Tag>
  ) : (
    <Tag>{t('readiness.na')}</Tag>
  );
}

/** 2026年第四季度 / Q4 2026. */
export function useQuarterLabel(): (q: Pick<Quarter, 'year' | 'quarter'>) => string {
  const { t } = useTranslation('home');
  const zh = useAppLanguage().startsWith('zh');
  return (q) => t('quarters.quarter', { year: q.year, q: zh ? chineseNumber(q.quarter) : q.quarter });
}
