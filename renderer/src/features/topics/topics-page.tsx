import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, type InputRef } from 'antd';
import { useRef, useState } from 'react';
import { Route, Routes } from 'react-router-dom';
import { getDataLayer, usePermission } from '../../db';
import { Guarded, Page, todayIso, useListShortcuts } from '../../ui';
import { LedgerExportButton } from '../ledgers/ledger-export-button';
import { useTopicsText } from './labels';
import { TopicDetailPage } from './topic-detail';
import { TopicFormModal } from './topic-form-modal';
import { topicLedgerJob } from './topic-ledger';
import { NO_FILTERS, TopicList, type TopicFilters } from './topic-list';
import { useTopicNames } from './use-topic-names';

/**
 * 议题 (/topics/*): the list with its filters (/topics) and one topic (/topics/:id). Routes live here so
 * the shell only mounts `topics/*`. Filters survive a visit to a topic and back.
 */
export function TopicsPage() {
  const [filters, setFilters] = useState<TopicFilters>(NO_FILTERS);
  return (
    <Routes>
      <Route index element={<TopicsHome filters={filters} onFilters={setFilters} />} />
      <Route path=":id" element={<TopicDetailPage />} />
    </Routes>
  );
}

function TopicsHome({ filters, onFilters }: { filters: TopicFilters; onFilters: (f: TopicFilters) => void }) {
  const { t } = useTopicsText();
  const { message } = App.useApp();
  const names = useTopicNames();
  const [creating, setCreating] = useState(false);
  const searchRef = useRef<InputRef>(null);
  const maySubmit = usePermission('topic.submit').allowed;
  useListShortcuts({ create: () => setCreating(maySubmit), focusSearch: () => searchRef.current?.focus() });

  return (
    <Page
      title={t('topics:page.title')}
      description={t('topics:page.description')}
      extra={
        <Flex gap={8}>
          {/* 议题台账 of what the list shows now (its filters and state tab). */}
          <LedgerExportButton
            ns="topics"
            testId="topics-ledger-export"
            job={(filterName) => topicLedgerJob(getDataLayer(), filters, todayIso(), filterName)}
          />
          {/* Supervisors and the chair never submit topics: no button for them. */}
          <Guarded action="topic.submit" hide>
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
              {t('topics:list.create')}
            </Button>
          </Guarded>
        </Flex>
      }
    >
      <TopicList
        names={names}
        filters={filters}
        onFilters={onFilters}
        onCreate={() => setCreating(true)}
        searchRef={searchRef}
      />
      <TopicFormModal
        open={creating}
        names={names}
        onClose={() => setCreating(false)}
        onSaved={(saved) => {
          setCreating(false);
          // Staff usually enter several submissions in a row: stay on the list, say where the new one is.
          void message.success(t('topics:form.created', { title: saved.title }));
        }}
      />
    </Page>
  );
}
