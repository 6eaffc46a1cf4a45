import { CheckCircleOutlined, ExclamationCircleOutlined, MinusCircleOutlined } from '@ant-design/icons';
import { Card, Col, Flex, List, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { WARNED_STATES, weekOf, type ReadinessItem } from '../../../../shared/domain';
import { useTaskPage } from '../followup/use-followup';
import { useUnitNames } from '../followup/use-unit-names';
import { useMeetingsText } from '../meetings/labels';
import { todayIso } from '../../ui/format';
import { AfterFirstScreen, useFirstScreenShown } from './first-screen';
import { CardEmpty, MoreLink, StatusTag, TaskList } from './home-parts';
import { QuarterlyComplianceCard } from './quarterly-compliance-card';
import { useReadiness, type HomeReadiness } from './use-home';

const SHOWN = 8;

/** 办公室工作人员: the next meeting's readiness, what to chase this week, the quarterly meeting rule. */
export function OfficeHome() {
  return (
    <>
      <Col xs={24} xl={12}>
        <ReadinessCard />
      </Col>
      {/* After the 会前准备清单 was painted: the start waits for that card alone (first-screen.tsx). */}
      <AfterFirstScreen
        placeholder={
          <Col xs={24} xl={12}>
            <Card loading style={{ height: '100%' }} />
          </Col>
        }
      >
        <Col xs={24} xl={12}>
          <ChaseCard />
        </Col>
        <Col xs={24} lg={12}>
          <QuarterlyComplianceCard />
        </Col>
      </AfterFirstScreen>
    </>
  );
}

const ICON = {
  done: <CheckCircleOutlined style={{ color: '#52c41a' }} aria-hidden />,
  todo: <ExclamationCircleOutlined style={{ color: '#fa8c16' }} aria-hidden />,
  na: <MinusCircleOutlined style={{ color: '#bfbfbf' }} aria-hidden />,
};

function ReadinessCard() {
  const { t } = useTranslation(['home', 'minutesPage']);
  const m = useMeetingsText();
  const r = useReadiness();
  useFirstScreenShown(r !== undefined);
  if (r === undefined) return <Card title={t('readiness.title')} loading style={{ height: '100%' }} />;
  const next = r.next;
  return (
    <Card
      title={t('readiness.title')}
      extra={
        <Typography.Text type={r.todo > 0 ? 'warning' : 'success'}>
          {r.todo > 0 ? t('readiness.todo', { count: r.todo }) : t('readiness.allDone')}
        </Typography.Text>
      }
      style={{ height: '100%' }}
      data-testid="readiness"
    >
      <Typography.Paragraph style={{ marginTop: 0 }}>
        {next ? (
          <>
            {t('readiness.forMeeting')}
            <Link to={`/meetings/${next.id}`}>{m.officialName(next)}</Link>
            {t('readiness.when', { when: m.dateTime(next.startsAt) })}
          </>
        ) : (
          t('readiness.noMeeting')
        )}
      </Typography.Paragraph>
      <List
        size="small"
        dataSource={r.items}
        rowKey="key"
        renderItem={(item) => (
          <List.Item
            data-testid={`readiness-${item.key}`}
            data-status={item.status}
            extra={<StatusTag status={item.status} />}
          >
            <Flex gap={10} align="flex-start">
              <span style={{ marginTop: 3 }}>{ICON[item.status]}</span>
              <Flex vertical gap={2}>
                <ItemTitle item={item} r={r} />
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {detail(item, r, t, m)}
                </Typography.Text>
              </Flex>
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
}

/** The item's name, a link to where it is done while it is to do. */
function ItemTitle({ item, r }: { item: ReadinessItem; r: HomeReadiness }) {
  const { t } = useTranslation('home');
  const label = t(`readiness.item.${item.key}`);
  if (item.status !== 'todo') return <Typography.Text>{label}</Typography.Text>;
  const to =
    item.key === 'meeting'
      ? '/meetings'
      : item.key === 'triage'
        ? '/topics'
        : item.key === 'minutes'
          ? r.last
            ? `/meetings/${r.last.id}/minutes`
            : '/meetings'
          : r.next
            ? `/meetings/${r.next.id}${item.key === 'agenda' ? '/agenda' : item.key === 'signIn' ? '/attendance' : ''}`
            : '/meetings';
  return (
    <Link to={to} style={{ fontWeight: 500 }}>
      {label}
    </Link>
  );
}

function detail(
  item: ReadinessItem,
  r: HomeReadiness,
  t: (k: string, o?: Record<string, unknown>) => string,
  m: ReturnType<typeof useMeetingsText>,
): string {
  if (item.status === 'na') return item.key === 'minutes' ? t('readiness.detail.minutesNa') : t('readiness.detail.na');
  const done = item.status === 'done';
  switch (item.key) {
    case 'meeting':
      return done ? t('readiness.detail.meetingDone') : t('readiness.detail.meetingTodo');
    case 'triage':
      return done ? t('readiness.detail.triageDone') : t('readiness.detail.triageTodo', { count: item.count });
    case 'agenda':
      return done
        ? t('readiness.detail.agendaDone', { count: item.count })
        : (item.gaps ?? []).map((g) => t(`readiness.detail.${g}`)).join(' ');
    case 'notice':
      return done ? t('readiness.detail.noticeDone') : t('readiness.detail.noticeTodo');
    case 'signIn':
      return done ? t('readiness.detail.signInDone', { count: item.count }) : t('readiness.detail.signInTodo');
    case 'minutes': {
      const meeting = r.last ? m.officialName(r.last) : '';
      if (done) return t('readiness.detail.minutesDone', { meeting });
      return item.minutesState
        ? t('readiness.detail.minutesTodo', { meeting, state: t(`minutesPage:state.${item.minutesState}`) })
        : t('readiness.detail.minutesNone', { meeting });
    }
  }
}

function ChaseCard() {
  const { t } = useTranslation('home');
  const { date } = useMeetingsText();
  const units = useUnitNames();
  const week = weekOf(todayIso());
  const page = useTaskPage({ states: [...WARNED_STATES], dueTo: week.end, limit: SHOWN });
  return (
    <Card title={t('chase.title')} style={{ height: '100%' }} data-testid="chase">
      <Typography.Paragraph type="secondary" style={{ marginTop: 0, fontSize: 13 }}>
        {t('chase.hint', { end: date(week.end) })}
      </Typography.Paragraph>
      {page === undefined ? (
        <Skeleton active />
      ) : page.total === 0 ? (
        <CardEmpty title={t('chase.empty')} hint={t('chase.emptyHint')} />
      ) : (
        <>
          <TaskList rows={page.rows} unitName={units.name} />
          <MoreLink total={page.total} shown={page.rows.length} to={`/followup?to=${week.end}&state=in_hand`} />
        </>
      )}
    </Card>
  );
}
