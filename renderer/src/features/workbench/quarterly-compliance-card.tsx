import { CheckCircleOutlined, CloseCircleOutlined, ClockCircleOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, List, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import {
  isPreparing,
  addDays,
  chineseNumber,
  quarterCompliance,
  quarterOf,
  type Meeting,
  type Quarter,
} from '../../../../shared/domain';
import { useActiveRuleProfile, useMeetings } from '../../db';
import { useMeetingsText } from '../meetings/labels';
import { todayIso } from '../../ui/format';

/**
 * 季度定期会议: the seeds require at least one regular joint meeting a quarter. Shows the current and
 * the three past quarters, warns when 15 days or fewer are left with none held, and says when the next
 * one is due (and whether it is already scheduled).
 */
export function QuarterlyComplianceCard({ today = todayIso() }: { today?: string }) {
  const { t, zh, officialName, dateTime, date, stateLabel } = useMeetingsText();
  const navigate = useNavigate();
  const meetings = useMeetings();
  const rules = useActiveRuleProfile();
  const required = rules?.values.meetingsPerQuarter ?? 1;

  const quarterLabel = (q: Quarter) =>
    zh
      ? `${q.year}年第${chineseNumber(q.quarter)}季度`
      : t('meetings:compliance.quarter', { year: q.year, q: q.quarter });

  if (meetings === undefined) return <Card title={t('meetings:compliance.title')} loading style={{ height: '100%' }} />;

  const rows = quarterCompliance(meetings, today, { required, warnDays: 15 });
  const current = rows[0]!;
  const next = nextRegular(meetings, today);
  // Due by the end of this quarter until it is met, then by the end of the next one.
  const dueQuarter = current.met ? quarterOf(addDays(current.quarter.end, 1)) : current.quarter;

  return (
    <Card title={t('meetings:compliance.title')} style={{ height: '100%' }} data-testid="quarterly-compliance">
      <Flex vertical gap={12}>
        {current.warn ? (
          <Alert
            type="warning"
            showIcon
            title={t('meetings:compliance.warn', { quarter: quarterLabel(current.quarter), days: current.daysLeft })}
            action={
              next ? undefined : (
                <Button size="small" onClick={() => void navigate('/meetings')}>
                  {t('meetings:compliance.schedule')}
                </Button>
              )
            }
          />
        ) : null}
        <List
          size="small"
          dataSource={rows}
          rowKey={(r) => `${r.quarter.year}-${r.quarter.quarter}`}
          renderItem={(r, i) => (
            <List.Item
              extra={
                r.met ? (
                  <Tag icon={<CheckCircleOutlined aria-hidden />} color="success">
                    {t('meetings:compliance.held', { count: r.held })}
                  </Tag>
                ) : i === 0 ? (
                  <Tag icon={<ClockCircleOutlined aria-hidden />} color={r.warn ? 'warning' : 'processing'}>
                    {t('meetings:compliance.notYet', { days: r.daysLeft })}
                  </Tag>
                ) : (
                  <Tag icon={<CloseCircleOutlined aria-hidden />} color="error">
                    {t('meetings:compliance.missed')}
                  </Tag>
                )
              }
            >
              <Typography.Text strong={i === 0}>
                {quarterLabel(r.quarter)}
                {i === 0 ? t('meetings:compliance.currentSuffix') : ''}
              </Typography.Text>
            </List.Item>
          )}
        />
        <Typography.Paragraph style={{ margin: 0 }}>
          {t('meetings:compliance.due', { quarter: quarterLabel(dueQuarter), date: date(dueQuarter.end) })}
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {next ? (
            <>
              {t('meetings:compliance.next')}
              {/* A real link (href), so Tab reaches it and it opens like any link. */}
              <Link to={`/meetings/${next.id}`}>{officialName(next)}</Link>
              {t('meetings:compliance.nextWhen', { when: dateTime(next.startsAt), state: stateLabel(next.state) })}
            </>
          ) : (
            t('meetings:compliance.noneScheduled')
          )}
        </Typography.Paragraph>
      </Flex>
    </Card>
  );
}

/** The earliest regular meeting still ahead (planning or notified, today or later). */
function nextRegular(meetings: readonly Meeting[], today: string): Meeting | undefined {
  return meetings
    .filter((m) => m.kind === 'regular' && isPreparing(m) && m.startsAt.slice(0, 10) >= today)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt))[0];
}
