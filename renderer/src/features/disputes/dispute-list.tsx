import { Input, Segmented, Select, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { DISPUTE_STATES, type Dispute, type DisputeState, type DisputeType } from '../../../../shared/domain';
import { useDisputes } from '../../db';
import { listPagination } from '../../ui';
import { DisputesEmpty } from './disputes-empty';
import { useDisputesText } from './labels';
import { DisputeStateTag } from './state-tag';
import type { NameLookup } from './use-names';

type StateFilter = 'all' | 'open' | DisputeState;

/** 争议登记簿: counts per state, filters by state, type and text; a row opens the dispute. */
export function DisputeList({ names, onRegister }: { names: NameLookup; onRegister: () => void }) {
  const { t, date, stateLabel, typeLabel, typeOptions } = useDisputesText();
  const navigate = useNavigate();
  const [state, setState] = useState<StateFilter>('all');
  const [type, setType] = useState<DisputeType>();
  const [search, setSearch] = useState('');
  const all = useDisputes();
  const states =
    state === 'all' ? undefined : state === 'open' ? DISPUTE_STATES.filter((s) => s !== 'closed') : [state];
  const searchText = search.trim() || undefined;
  // Unfiltered, the rows are the whole list already read for the counts: no second read.
  const filtered = states !== undefined || type !== undefined || searchText !== undefined;
  const filteredRows = useDisputes({ states, type, search: searchText }, filtered);
  const rows = filtered ? filteredRows : all;

  const counts = useMemo(() => {
    const c = new Map<StateFilter, number>([['all', all?.length ?? 0]]);
    for (const d of all ?? []) c.set(d.state, (c.get(d.state) ?? 0) + 1);
    c.set('open', (all ?? []).filter((d) => d.state !== 'closed').length);
    return c;
  }, [all]);

  if (all !== undefined && all.length === 0) {
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
      sorter: (a, b) => a.registeredOn.localeCompare(b.registeredOn),
      render: (v: string) => date(v),
    },
    {
      title: t('disputes:field.rounds'),
      key: 'rounds',
      width: 90,
      align: 'right',
      sorter: (a, b) => a.rounds.length - b.rounds.length,
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
          onChange={setState}
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
          onChange={setType}
          options={typeOptions}
        />
        <Input.Search
          aria-label={t('disputes:list.search')}
          allowClear
          placeholder={t('disputes:list.searchPlaceholder')}
          style={{ width: 280 }}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
      </Space>
      <Table<Dispute>
        rowKey="id"
        size="middle"
        loading={rows === undefined || names.loading}
        dataSource={rows ?? []}
        columns={columns}
        locale={{ emptyText: t('disputes:list.noMatch') }}
        onRow={(d) => ({ onClick: () => void navigate(`/disputes/${d.id}`), style: { cursor: 'pointer' } })}
        pagination={listPagination((count) => t('disputes:list.total', { count }))}
      />
    </>
  );
}
