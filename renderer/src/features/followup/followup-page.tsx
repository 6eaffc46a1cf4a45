import { AppstoreOutlined, TableOutlined } from '@ant-design/icons';
import { Button, Flex, Segmented, Skeleton, Tag, type InputRef } from 'antd';
import { useRef } from 'react';
import { Route, Routes, useNavigate } from 'react-router-dom';
import { useMeetings } from '../../db';
import { EmptyState, Page, useListShortcuts } from '../../ui';
import { useFollowupText } from './labels';
import { TaskBoard } from './task-board';
import { TaskFilterBar } from './task-filter-bar';
import { TaskPage } from './task-page';
import { TASK_PAGE_SIZE, TaskTable } from './task-table';
import { useHasTasks, useTaskPage } from './use-followup';
import { toRepositoryFilter, useTaskFilters, type TaskView } from './use-task-filters';
import { useUnitNames } from './use-unit-names';
import { FollowupLedgerButton } from './ledger-button';
import { QuarterCellTag } from './quarter-cell-tag';
import { UnitExchangeButton } from './unit-exchange-modal';

/** 督办 (/followup/*): the tasks as a table or a board (/followup, ?view=board) and one task (/followup/:id). */
export function FollowupPage() {
  return (
    <Routes>
      <Route index element={<FollowupHome />} />
      <Route path=":id" element={<TaskPage />} />
    </Routes>
  );
}

/** Meetings whose minutes exist: the only ones tasks can come from. */
const MINUTED = ['drafting', 'signed', 'issued'] as const;

function FollowupHome() {
  const { t } = useFollowupText();
  const navigate = useNavigate();
  const [filters, update, clear] = useTaskFilters();
  const units = useUnitNames();
  const meetings = useMeetings({ states: MINUTED });
  const hasTasks = useHasTasks();
  const searchRef = useRef<InputRef>(null);
  useListShortcuts({ focusSearch: () => searchRef.current?.focus(), create: () => undefined });

  const table = filters.view === 'table';
  const base = toRepositoryFilter(filters, { withState: table });
  const page = useTaskPage(
    table ? { ...base, offset: (filters.page - 1) * TASK_PAGE_SIZE, limit: TASK_PAGE_SIZE } : null,
  );

  const noMatch = (
    <EmptyState title={t('followup:list.noMatch')} hint={t('followup:list.noMatchHint')}>
      <Button onClick={clear}>{t('followup:list.clear')}</Button>
    </EmptyState>
  );

  return (
    <Page
      title={t('followup:page.title')}
      description={t('followup:page.description')}
      extra={
        hasTasks ? (
          <Flex gap={8}>
            <UnitExchangeButton />
            <FollowupLedgerButton />
          </Flex>
        ) : undefined
      }
    >
      {hasTasks === undefined ? (
        <Skeleton active />
      ) : !hasTasks ? (
        <EmptyState title={t('followup:list.emptyTitle')} hint={t('followup:list.emptyHint')}>
          <Button type="primary" onClick={() => void navigate('/meetings')}>
            {t('followup:list.goMeetings')}
          </Button>
        </EmptyState>
      ) : (
        <>
          <Flex justify="space-between" align="flex-start" gap={12}>
            <div>
              <TaskFilterBar
                filters={filters}
                onChange={update}
                onClear={clear}
                units={units.units}
                meetings={meetings ?? []}
                searchRef={searchRef}
              />
              {filters.extension ? (
                <Tag
                  closable
                  color="blue"
                  onClose={() => update({ extension: undefined })}
                  style={{ marginBottom: 12 }}
                >
                  {t('followup:list.pendingExtensionOnly')}
                </Tag>
              ) : null}
              {filters.figure ? (
                <QuarterCellTag
                  filters={filters}
                  units={units}
                  onClose={() => update({ unit: undefined, quarter: undefined, figure: undefined })}
                />
              ) : null}
            </div>
            <Segmented<TaskView>
              aria-label={t('followup:list.view')}
              value={filters.view}
              onChange={(view) => update({ view })}
              options={[
                { value: 'table', label: t('followup:list.table'), icon: <TableOutlined aria-hidden /> },
                { value: 'board', label: t('followup:list.board'), icon: <AppstoreOutlined aria-hidden /> },
              ]}
            />
          </Flex>
          {table ? (
            <TaskTable
              page={page}
              current={filters.page}
              onPage={(p) => update({ page: p })}
              units={units}
              empty={noMatch}
            />
          ) : (
            <TaskBoard filter={base} units={units} />
          )}
        </>
      )}
    </Page>
  );
}
