import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Tabs } from 'antd';
import { useState } from 'react';
import { Route, Routes, useNavigate } from 'react-router-dom';
import { ChairReview } from './chair-review';
import { DisputeDetailPage } from './dispute-detail';
import { DisputeFormModal } from './dispute-form-modal';
import { DisputeList } from './dispute-list';
import { useDisputesText } from './labels';
import { LedgerExportButton } from '../ledgers/ledger-export-button';
import { disputeLedgerJob } from './dispute-ledger';
import { useNames } from './use-names';
import { Guarded, Page } from '../../ui';

type Tab = 'list' | 'review';

/**
 * 执法争议 (/disputes/*): the register (/disputes), the chair's review (/disputes/review) and one
 * dispute (/disputes/:id). Routes live here so the shell only mounts `disputes/*`.
 */
export function DisputesPage() {
  return (
    <Routes>
      <Route index element={<DisputesHome tab="list" />} />
      <Route path="review" element={<DisputesHome tab="review" />} />
      <Route path=":id" element={<DisputeDetailPage />} />
    </Routes>
  );
}

function DisputesHome({ tab }: { tab: Tab }) {
  const { t } = useDisputesText();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const names = useNames();
  const [registering, setRegistering] = useState(false);

  return (
    <Page
      title={t('disputes:page.title')}
      description={t('disputes:page.description')}
      extra={
        <>
          <Guarded action="dispute.register" hide>
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setRegistering(true)}>
              {t('disputes:list.register')}
            </Button>
          </Guarded>
          <LedgerExportButton ns="disputes" job={disputeLedgerJob} testId="disputes-ledger-export" />
        </>
      }
    >
      <Tabs
        activeKey={tab}
        onChange={(key) => void navigate(key === 'review' ? '/disputes/review' : '/disputes')}
        items={[
          {
            key: 'list',
            label: t('disputes:page.tabList'),
            children: tab === 'list' ? <DisputeList names={names} onRegister={() => setRegistering(true)} /> : null,
          },
          {
            key: 'review',
            label: t('disputes:page.tabReview'),
            children: tab === 'review' ? <ChairReview names={names} /> : null,
          },
        ]}
      />
      <DisputeFormModal
        open={registering}
        names={names}
        onClose={() => setRegistering(false)}
        onSaved={(d) => {
          setRegistering(false);
          void message.success(t('disputes:form.created', { number: d.number }));
          void navigate(`/disputes/${d.id}`);
        }}
      />
    </Page>
  );
}
