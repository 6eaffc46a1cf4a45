import { Card, Col, Segmented, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OPEN_RESOLUTION_STATES } from '../../../../shared/domain';
import { useCurrentProfile } from '../../db';
import { useTaskPage } from '../followup/use-followup';
import { useUnitNames } from '../followup/use-unit-names';
import { CardEmpty, MoreLink, TaskList } from './home-parts';

const SHOWN = 8;

/** 联络员: the open tasks its unit leads or co-handles, most urgent first (逾期, 临期, by deadline). */
export function LiaisonHome() {
  return (
    <Col xs={24} xl={12}>
      <OwnTasksCard />
    </Col>
  );
}

function OwnTasksCard() {
  const { t } = useTranslation('home');
  const { profile } = useCurrentProfile();
  const units = useUnitNames();
  const [as, setAs] = useState<'lead' | 'co'>('lead');
  const unitId = profile?.unitId;
  const filter = unitId
    ? {
        states: [...OPEN_RESOLUTION_STATES],
        ...(as === 'lead' ? { leadUnitId: unitId } : { coUnitId: unitId }),
        limit: SHOWN,
      }
    : null;
  const page = useTaskPage(filter);
  const title = t('liaison.title');
  if (!unitId)
    return (
      <Card title={title} style={{ height: '100%' }} data-testid="liaison-tasks">
        <CardEmpty title={t('liaison.noUnit')} hint={t('liaison.noUnitHint')} />
      </Card>
    );
  return (
    <Card
      title={title}
      style={{ height: '100%' }}
      data-testid="liaison-tasks"
      extra={
        <Segmented
          size="small"
          value={as}
          onChange={(v) => setAs(v as 'lead' | 'co')}
          options={[
            { value: 'lead', label: t('liaison.lead') },
            { value: 'co', label: t('liaison.co') },
          ]}
        />
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: 0, fontSize: 13 }}>
        {t('liaison.unit', { unit: units.name(unitId) })}
      </Typography.Paragraph>
      {page === undefined ? (
        <Skeleton active />
      ) : page.total === 0 ? (
        <CardEmpty title={t('liaison.empty')} hint={t('liaison.emptyHint')} />
      ) : (
        <>
          <TaskList rows={page.rows} unitName={units.name} />
          <MoreLink
            total={page.total}
            shown={page.rows.length}
            to={`/followup?state=open&${as === 'lead' ? 'lead' : 'co'}=${unitId}`}
          />
        </>
      )}
    </Card>
  );
}
