import {
  Alert,
  Badge,
  Flex,
  Input,
  Segmented,
  Select,
  Table,
  Tag,
  Typography,
  type InputRef,
  type TableColumnsType,
  type TableProps,
} from 'antd';
import { useMemo, useState, type RefObject } from 'react';
import { useNavigate } from 'react-router-dom';
import {
  TOPIC_STATES,
  effectiveTopic,
  type Topic,
  type TopicCategory,
  type TopicState,
} from '../../../../shared/domain';
import { useTopicView } from '../../db';
import { TOPIC_SEARCH_LIMIT } from '../../db/repositories/topics-page';
import type { TopicListOrder } from '../../db/types';
import { IsoRangePicker, listPagination, unitOptionsByKind, type IsoRange } from '../../ui';
import { useTopicsText } from './labels';
import { TopicStateTag } from './state-tag';
import { TopicsEmpty } from './topics-empty';
import { topicsById, type TopicNames } from './use-topic-names';

const PAGE_SIZE = listPagination(String).pageSize ?? 20;

/** The repository order for the Table's sort state (提交日期 ascending: oldest first; otherwise newest first). */
function orderOf(sorter: Parameters<NonNullable<TableProps<Topic>['onChange']>>[2]): TopicListOrder {
  const s = Array.isArray(sorter) ? sorter[0] : sorter;
  return s?.order === 'ascend' ? 'oldest' : 'newest';
}

export type StateFilter = 'all' | TopicState;

export interface TopicFilters {
  state: StateFilter;
  category?: TopicCategory | undefined;
  unitId?: string | undefined;
  range: IsoRange;
  search: string;
}

export const NO_FILTERS: TopicFilters = { state: 'all', range: {}, search: '' };

export interface TopicListProps {
  names: TopicNames;
  filters: TopicFilters;
  onFilters: (f: TopicFilters) => void;
  onCreate: () => void;
  searchRef: RefObject<InputRef | null>;
}

/**
 * 议题列表: counts per state, filters by state, category, unit, dates and text; a row opens the topic. The table
 * shows one page read by the repository (topics.view: the page through the filter's index, the state tabs counted
 * on the indexes, the total from those counts): the whole table is never loaded to show 20 rows.
 */
export function TopicList({ names, filters, onFilters, onCreate, searchRef }: TopicListProps) {
  const { t, date, stateLabel, categoryLabel, categoryOptions } = useTopicsText();
  const navigate = useNavigate();
  const { state, category, unitId, range, search } = filters;
  const searchText = search.trim() || undefined;
  const [current, setCurrent] = useState(1);
  const [order, setOrder] = useState<TopicListOrder>('newest');
  const others = { category, unitId, from: range.from, to: range.to, search: searchText };
  // One read: the page (through the filter's index) and the state tabs' counts, which follow the other filters so
  // “待审核 3” says how many the list would show.
  const page = useTopicView(
    { ...others, states: state === 'all' ? undefined : [state] },
    { offset: (current - 1) * PAGE_SIZE, limit: PAGE_SIZE },
    order,
  );
  const stateCounts = page?.counts;
  // The page's rows and the topics its merged rows follow (read by id with the page): “已合并至《…》”.
  const byId = useMemo(() => topicsById([...(page?.rows ?? []), ...(page?.linked ?? [])]), [page]);

  const counts = useMemo(() => {
    const c = new Map<StateFilter, number>([['all', stateCounts?.matching ?? 0]]);
    for (const s of TOPIC_STATES) c.set(s, stateCounts?.byState[s] ?? 0);
    return c;
  }, [stateCounts]);

  const unitOptions = useMemo(() => unitOptionsByKind(names.units, t), [names.units, t]);
  // A page emptied by a change (a topic merged, a filter) falls back to the last page there is.
  const lastPage = Math.max(1, Math.ceil((page?.total ?? 0) / PAGE_SIZE));
  // (Set during render, as React advises for state that follows data: no effect, no extra frame.)
  if (page !== undefined && current > lastPage) setCurrent(lastPage);

  if (stateCounts !== undefined && !stateCounts.hasTopics) {
    return <TopicsEmpty hasUnits={names.units.some((u) => !u.archived)} onCreate={onCreate} />;
  }

  // A filter change starts again on the first page.
  const set = (patch: Partial<TopicFilters>) => {
    onFilters({ ...filters, ...patch });
    setCurrent(1);
  };
  const open = (x: Topic) => void navigate(`/topics/${x.id}`);

  const columns: TableColumnsType<Topic> = [
    {
      title: t('topics:field.title'),
      dataIndex: 'title',
      render: (v: string, x) => (
        <Flex gap={6} align="center" wrap>
          {x.urgency === 'urgent' ? (
            <Tag color="red" className="jd-topic-urgent" style={{ marginInlineEnd: 0 }}>
              {t('topics:urgency.urgent')}
            </Tag>
          ) : null}
          <Typography.Link
            onClick={(e) => {
              e.stopPropagation();
              open(x);
            }}
          >
            {v}
          </Typography.Link>
        </Flex>
      ),
    },
    {
      title: t('topics:field.category'),
      dataIndex: 'category',
      width: 120,
      render: (v: TopicCategory) => categoryLabel(v),
    },
    {
      title: t('topics:field.submittingUnitId'),
      dataIndex: 'submittingUnitId',
      width: 200,
      render: (v: string) => names.unit(v),
    },
    {
      title: t('topics:field.submittedOn'),
      dataIndex: 'submittedOn',
      width: 140,
      key: 'submittedOn',
      // Sorted by the repository over the whole list (the table holds one page).
      sorter: true,
      render: (v: string) => date(v),
    },
    {
      title: t('topics:field.state'),
      dataIndex: 'state',
      width: 220,
      render: (_: TopicState, x) => <StateCell topic={x} byId={byId} />,
    },
    {
      title: t('topics:list.complainantColumn'),
      key: 'complainant',
      width: 110,
      // Masked by the repository; the clear name is only on the detail page after an audited reveal.
      render: (_, x) => x.complainant?.name ?? (x.complainant ? t('topics:list.complainantOther') : '—'),
    },
  ];

  const label = (key: StateFilter, text: string) => (
    <span className="jd-topic-state-option" data-state={key} data-count={counts.get(key) ?? 0}>
      {text}
      <Badge
        count={counts.get(key) ?? 0}
        showZero
        overflowCount={999}
        color={key === 'submitted' && (counts.get(key) ?? 0) > 0 ? '#d48806' : '#8c8c8c'}
        style={{ marginInlineStart: 6, boxShadow: 'none' }}
      />
    </span>
  );

  return (
    <>
      <Segmented<StateFilter>
        aria-label={t('topics:list.stateFilter')}
        value={state}
        onChange={(s) => set({ state: s })}
        style={{ marginBottom: 12, flexWrap: 'wrap' }}
        className="jd-topic-states"
        options={[
          { value: 'all', label: label('all', t('topics:list.all')) },
          ...TOPIC_STATES.map((s) => ({ value: s, label: label(s, stateLabel(s)) })),
        ]}
      />
      <Flex wrap gap={12} style={{ marginBottom: 12 }}>
        <Select<TopicCategory>
          aria-label={t('topics:field.category')}
          allowClear
          placeholder={t('topics:list.allCategories')}
          style={{ width: 150 }}
          value={category}
          onChange={(v) => set({ category: v })}
          options={categoryOptions}
        />
        <Select<string>
          aria-label={t('topics:list.unit')}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('topics:list.allUnits')}
          style={{ width: 220 }}
          value={unitId}
          onChange={(v) => set({ unitId: v })}
          options={unitOptions}
        />
        <IsoRangePicker
          aria-label={t('topics:list.dateRange')}
          value={range}
          onChange={(r) => set({ range: r })}
          placeholder={[t('topics:list.from'), t('topics:list.to')]}
        />
        <Input.Search
          ref={searchRef}
          aria-label={t('topics:list.search')}
          allowClear
          placeholder={t('topics:list.searchPlaceholder')}
          style={{ width: 300 }}
          value={search}
          onChange={(e) => set({ search: e.target.value })}
        />
      </Flex>
      {page?.capped || stateCounts?.capped ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          className="jd-topic-search-capped"
          title={t('topics:list.searchCapped', { count: TOPIC_SEARCH_LIMIT })}
        />
      ) : null}
      <Table<Topic>
        rowKey="id"
        size="middle"
        loading={page === undefined || names.loading}
        dataSource={page?.rows ?? []}
        columns={columns}
        rowClassName={(x) => (x.urgency === 'urgent' ? 'jd-topic-row-urgent' : '')}
        locale={{ emptyText: t('topics:list.noMatch') }}
        onRow={(x) => ({ onClick: () => open(x), style: { cursor: 'pointer' } })}
        pagination={{
          ...listPagination((count) => t('topics:list.total', { count })),
          current,
          total: page?.total ?? 0,
        }}
        onChange={(pagination, _filters, sorter, { action }) => {
          if (action === 'sort') {
            setOrder(orderOf(sorter));
            setCurrent(1);
          } else setCurrent(pagination.current ?? 1);
        }}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('topics:list.keyboardHint')}
      </Typography.Text>
    </>
  );
}

/** The state tag; a merged topic also shows the survivor it follows and that topic's state. */
function StateCell({ topic, byId }: { topic: Topic; byId: ReadonlyMap<string, Topic> }) {
  const { t } = useTopicsText();
  if (topic.state !== 'merged') return <TopicStateTag state={topic.state} />;
  const survivor = effectiveTopic(topic, byId);
  const into = topic.mergedIntoTopicId ? byId.get(topic.mergedIntoTopicId) : undefined;
  return (
    <Flex vertical gap={2}>
      <Flex gap={6} align="center">
        <TopicStateTag state="merged" />
        {survivor !== topic ? <TopicStateTag state={survivor.state} /> : null}
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
        {t('topics:detail.mergedInto', { title: into?.title ?? t('topics:unknownTopic') })}
      </Typography.Text>
    </Flex>
  );
}
