import { ApartmentOutlined, AuditOutlined, ClockCircleOutlined, TeamOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Row, Statistic, Typography } from 'antd';
import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import type { UserRole } from '../../../../shared/domain';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import {
  useActiveRuleProfile,
  useAuditEntries,
  useCurrentProfile,
  useIsDatabaseEmpty,
  usePeople,
  useUnits,
} from '../../db';
import { useAppLanguage } from '../../i18n';
import { AttentionCard } from '../followup/attention';
import { formatDisplayDate, formatWeekday, todayIso } from '../../ui/format';
import { Page } from '../../ui/page';
import { AuditStatusCard } from './audit-status-card';
import { DemoDataCard } from './demo-data-card';
import { AfterFirstScreen, FirstScreen } from './first-screen';
import { OfficeHome } from './office-home';

// The office's home is the usual first screen and stays in the main chunk; the other roles' homes (the chair's and
// the supervisor's bring antd's Table) are loaded when such a profile opens the workbench (issue 12).
const ChairHome = lazy(() => import('./chair-home').then((m) => ({ default: m.ChairHome })));
const SupervisorHome = lazy(() => import('./supervisor-home').then((m) => ({ default: m.SupervisorHome })));
const LiaisonHome = lazy(() => import('./liaison-home').then((m) => ({ default: m.LiaisonHome })));

interface StatCardProps {
  title: string;
  icon: ReactNode;
  value: ReactNode;
  hint: ReactNode;
}

function StatCard({ title, icon, value, hint }: StatCardProps) {
  return (
    <Card style={{ height: '100%' }}>
      <Statistic title={title} prefix={icon} value={value as string | number} />
      <div style={{ marginTop: 8 }}>{hint}</div>
    </Card>
  );
}

const ROLE_HOME: Record<UserRole, ComponentType> = {
  office_staff: OfficeHome,
  convener: ChairHome,
  supervisor: SupervisorHome,
  liaison: LiaisonHome,
};

function RoleHome({ role }: { role: UserRole }) {
  const Home = ROLE_HOME[role];
  return (
    <Suspense
      fallback={
        <Col xs={24} lg={12}>
          <Card loading />
        </Col>
      }
    >
      <Home />
    </Suspense>
  );
}

/**
 * 工作台: the current role's own screen first (office: readiness, chasing, the quarterly rule; chair: disputes,
 * sign-off, extensions, escalations; supervisor: the units' quarter table, verification; liaison: its unit's
 * tasks), what needs attention, then what the database holds, the active rules and the audit trail's state.
 */
export function WorkbenchPage() {
  const { t } = useTranslation(['workbench', 'home']);
  const lng = useAppLanguage();
  const { loading, profile } = useCurrentProfile();
  const empty = useIsDatabaseEmpty();
  const today = todayIso();
  const known = !loading && empty !== undefined;
  const placeholder = (
    <Col xs={24} lg={12}>
      <Card loading style={{ height: '100%' }} />
    </Col>
  );

  return (
    <Page
      title={t('greeting', { name: profile?.name ?? '' })}
      description={t('today', { date: formatDisplayDate(today, lng), weekday: formatWeekday(today, lng) })}
    >
      {empty ? <DemoDataCard /> : null}
      {known ? (
        // The office's 会前准备清单 first, the rest after it was painted (first-screen.tsx).
        <FirstScreen waitForPrimary={empty === false && profile?.role === 'office_staff'}>
          {empty === false && profile ? (
            <>
              <Typography.Paragraph type="secondary" data-testid="role-home" data-role={profile.role}>
                {t(`home:role.${profile.role}`)}
              </Typography.Paragraph>
              <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
                <RoleHome role={profile.role} />
                <AfterFirstScreen placeholder={placeholder}>
                  <Col xs={24} lg={12}>
                    <AttentionCard />
                  </Col>
                </AfterFirstScreen>
              </Row>
            </>
          ) : null}
          <AfterFirstScreen>
            <WorkbenchFigures />
          </AfterFirstScreen>
        </FirstScreen>
      ) : null}
    </Page>
  );
}

/** What the database holds, the active rules, the audit trail's state and what to do next. */
function WorkbenchFigures() {
  const { t } = useTranslation(['workbench', 'home']);
  const navigate = useNavigate();
  const units = useUnits();
  const people = usePeople();
  const rules = useActiveRuleProfile();
  const newestAudit = useAuditEntries({ limit: 1 });
  const auditCount = newestAudit === undefined ? undefined : (newestAudit[0]?.seq ?? 0);

  const link = (text: string, to: string) => (
    <Button type="link" size="small" style={{ padding: 0 }} onClick={() => void navigate(to)}>
      {text}
    </Button>
  );

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} sm={12} xl={6}>
        <StatCard
          title={t('stats.units')}
          icon={<ApartmentOutlined />}
          value={units?.length ?? '—'}
          hint={
            units && units.length === 0 ? (
              <Typography.Text type="secondary">
                {t('stats.noUnits')} {link(t('stats.goUnits'), '/units')}
              </Typography.Text>
            ) : (
              link(t('stats.manageUnits'), '/units')
            )
          }
        />
      </Col>
      <Col xs={24} sm={12} xl={6}>
        <StatCard
          title={t('stats.people')}
          icon={<TeamOutlined />}
          value={people?.length ?? '—'}
          hint={
            people && people.length === 0 ? (
              <Typography.Text type="secondary">
                {t('stats.noPeople')} {link(t('stats.goPeople'), '/units')}
              </Typography.Text>
            ) : (
              link(t('stats.managePeople'), '/units')
            )
          }
        />
      </Col>
      <Col xs={24} sm={12} xl={6}>
        <StatCard
          title={t('stats.rules')}
          icon={<ClockCircleOutlined />}
          value={rules?.name ?? '—'}
          hint={link(t('stats.changeRules'), '/settings')}
        />
      </Col>
      <Col xs={24} sm={12} xl={6}>
        <StatCard
          title={t('stats.audit')}
          icon={<AuditOutlined />}
          value={auditCount ?? '—'}
          hint={link(t('stats.viewAudit'), '/settings')}
        />
      </Col>
      <Col xs={24} lg={12}>
        <AuditStatusCard count={auditCount} />
      </Col>
      <Col xs={24} lg={12}>
        <Card title={t('next.title')} style={{ height: '100%' }}>
          <Flex vertical gap={8}>
            <Typography.Paragraph style={{ margin: 0 }}>
              {units && units.length > 0
                ? t('next.unitsDone', { units: units.length, people: people?.length ?? 0 })
                : t('next.units')}
            </Typography.Paragraph>
            <Typography.Paragraph style={{ margin: 0 }}>{t('next.rules')}</Typography.Paragraph>
            <Typography.Paragraph style={{ margin: 0 }}>{t('next.report')}</Typography.Paragraph>
          </Flex>
        </Card>
      </Col>
    </Row>
  );
}
