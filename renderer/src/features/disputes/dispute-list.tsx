import { Input, Segmented, Select, Space, Table, Typography, type TableColumnsType, type TableProps } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { DISPUTE_STATES, type Dispute, type DisputeState, type DisputeType } from '../../../../shared/domain';
import { useDisputePage, useDisputeStateCounts } from '../../db';
import type { DisputeListOrder } from '../../db/types';
import { listPagination } from '../../ui';
import { DisputesEmpty } from './disputes-empty';
import { useDisputesText } from './labels';
import { DisputeStateTag } from './state-tag';
import type { NameLookup } from './use-names';

type StateFilter = 'all' | 'open' | DisputeState;

const PAGE_SIZE = listPagination(String).pageSize ?? 20;

/** The repository order for the Table's sort state (registeredOn / rounds columns; none: newest first). */
function orderOf(sorter: Parameters<NonNullable<TableProps<Dispute>['onChange']>>[2]): DisputeListOrder {
  const s = Array.isArray(sorter) ? sorter[0] : sorter;
  if (!s?.order) return 'newest';
  if (s.columnKey === 'rounds') return s.order === 'ascend' ? 'rounds-asc' : 'rounds-desc';
  return s.order === 'ascend' ? 'oldest' : 'newest';
}

/**
 * 争议登记簿: counts per state (state index), filters by state, type and text; a row opens the dispute. The table
 * shows one page read by the repository (disputes.page): the whole register is never loaded to show 20 rows.
 */
export function DisputeList({ names, onRegister }: { names: NameLookup; onRegister: () => void }) {
  const { t, date, stateLabel, typeLabel, typeOptions } = useDisputesText();
  const navigate = useNavigate();
  const [state, setState] = useState<StateFilter>('all');
  const [type, setType] = useState<DisputeType>();
  const [search, setSearch] = useState('');
  const [current, setCurrent] = useState(1);
  const [order, setOrder] = useState<DisputeListOrder>('newest');
  const states =
    state === 'all' ? undefined : state === 'open' ? DISPUTE_STATES.filter((s) => s !== 'closed') : [state];
  const searchText = search.trim() || undefined;
  const page = useDisputePage(
    { states, type, search: searchText },
    { offset: (current - 1) * PAGE_SIZE, limit: PAGE_SIZE },
    order,
  );
  // While the next page is read, useLiveQuery keeps the last one in place (no flash of an empty table).
  const shown = page;
  const byState = useDisputeStateCounts();
  // A filter change starts again on the first page.
  const filterTo =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setCurrent(1);
    };

  const counts = useMemo(() => {
    const entries = Object.entries(byState ?? {}) as [DisputeState, number][];
    const c = new Map<StateFilter, number>(entries);
    c.set(
      'all',
      entries.reduce((n, [, v]) => n + v, 0),
    );
    c.set(
      'open',
      entries.reduce((n, [s, v]) => (s === 'closed' ? n : n + v), 0),
    );
    return c;
  }, [byState]);

  if (byState !== undefined && counts.get('all') === 0) {
    return <DisputesEmpty hasUnits={names.units.some((u) => !u.archived)} onRegister={onRegister} />;
  }

  const columns: TableColumnsType<Dispute> = [
    {
      title: t('disputes:field.number'),
      dataIndex: 'number',
      width: 170,
      render: (v: string, d) => (
        <Typography.Link
          onClick={(e) => {
            e.stopPropagation();
            void navigate(`/disputes/${d.id}`);
          }}
        >
          {v}
        </Typography.Link>
      ),
    },
    { title: t('disputes:field.matter'), dataIndex: 'matter' },
    {
      title: t('disputes:field.partyUnitIds'),
      key: 'parties',
      render: (_, d) => d.partyUnitIds.map(names.unit).join(t('disputes:listSeparator')),
    },
    { title: t('disputes:field.type'), dataIndex: 'type', width: 100, render: (v: DisputeType) => typeLabel(v) },
    {
      title: t('disputes:field.firstHandlingUnitId'),
      dataIndex: 'firstHandlingUnitId',
      render: (v: string) => names.unit(v),
    },
    {
      title: t('disputes:field.state'),
      dataIndex: 'state',
      width: 140,
      render: (v: DisputeState) => <DisputeStateTag state={v} />,
    },
    {
      title: t('disputes:field.registeredOn'),
      dataIndex: 'registeredOn',
      width: 140,
      key: 'registeredOn',
      // Sorted by the repository over the whole list (the table holds one page).
      sorter: true,
      render: (v: string) => date(v),
    },
    {
      title: t('disputes:field.rounds'),
      key: 'rounds',
      width: 90,
      align: 'right',
      sorter: true,
      render: (_, d) => d.rounds.length,
    },
  ];

  const label = (key: StateFilter, text: string) => `${text} ${counts.get(key) ?? 0}`;

  return (
    <>
      <Space wrap size={12} style={{ marginBottom: 12 }}>
        <Segmented<StateFilter>
          aria-label={t('disputes:list.stateFilter')}
          value={state}
          onChange={filterTo(setState)}
          options={[
            { value: 'all', label: label('all', t('disputes:list.all')) },
            { value: 'open', label: label('open', t('disputes:list.open')) },
            ...DISPUTE_STATES.map((s) => ({ value: s, label: label(s, stateLabel(s)) })),
          ]}
        />
        <Select<DisputeType>
          aria-label={t('disputes:field.type')}
          allowClear
          placeholder={t('disputes:list.allTypes')}
          style={{ width: 140 }}
          value={type}
          onChange={filterTo(setType)}
          options={typeOptions}
        />
        <Input.Search
          aria-label={t('disputes:list.search')}
          allowClear
          placeholder={t('disputes:list.searchPlaceholder')}
          style={{ width: 280 }}
          value={search}
          onChange={(e) => filterTo(setSearch)(e.target.value)}
        />
      </Space>
      <Table<Dispute>
        rowKey="id"
        size="middle"
        loading={shown === undefined || names.loading}
        dataSource={shown?.rows ?? []}
        columns={columns}
        locale={{ emptyText: t('disputes:list.noMatch') }}
        onRow={(d) => ({ onClick: () => void navigate(`/disputes/${d.id}`), style: { cursor: 'pointer' } })}
        pagination={{
          ...listPagination((count) => t('disputes:list.total', { count })),
          current,
          total: shown?.total ?? 0,
        }}
        onChange={(pagination, _filters, sorter, { action }) => {
          if (action === 'sort') {
            setOrder(orderOf(sorter));
            setCurrent(1);
          } else setCurrent(pagination.current ?? 1);
        }}
      />
    </>
  );
}
