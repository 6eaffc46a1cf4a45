import {
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
} from 'antd';
import { useMemo, type RefObject } from 'react';
import { useNavigate } from 'react-router-dom';
import {
  TOPIC_STATES,
  effectiveTopic,
  type Topic,
  type TopicCategory,
  type TopicState,
} from '../../../../shared/domain';
import { useTopics } from '../../db';
import { IsoRangePicker, listPagination, unitOptionsByKind, type IsoRange } from '../../ui';
import { useTopicsText } from './labels';
import { TopicStateTag } from './state-tag';
import { TopicsEmpty } from './topics-empty';
import { topicsById, type TopicNames } from './use-topic-names';

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

/** 议题列表: counts per state, filters by state, category, unit, dates and text; a row opens the topic. */
export function TopicList({ names, filters, onFilters, onCreate, searchRef }: TopicListProps) {
  const { t, date, stateLabel, categoryLabel, categoryOptions } = useTopicsText();
  const navigate = useNavigate();
  const { state, category, unitId, range, search } = filters;
  const searchText = search.trim() || undefined;
  // Counts follow the other filters, so “待审核 3” says how many the list would show.
  const matching = useTopics({ category, unitId, from: range.from, to: range.to, search: searchText });
  // The whole list (merge targets by id, the empty state) is a second read only while a filter narrows `matching`.
  const filtered = Boolean(category || unitId || range.from || range.to || searchText);
  const allWhenFiltered = useTopics({}, filtered);
  const all = filtered ? allWhenFiltered : matching;
  const byId = useMemo(() => topicsById(all), [all]);
  const rows = useMemo(() => (matching ?? []).filter((x) => state === 'all' || x.state === state), [matching, state]);

  const counts = useMemo(() => {
    const c = new Map<StateFilter, number>([['all', matching?.length ?? 0]]);
    for (const x of matching ?? []) c.set(x.state, (c.get(x.state) ?? 0) + 1);
    return c;
  }, [matching]);

  const unitOptions = useMemo(() => unitOptionsByKind(names.units, t), [names.units, t]);

  if (all !== undefined && all.length === 0) {
    return <TopicsEmpty hasUnits={names.units.some((u) => !u.archived)} onCreate={onCreate} />;
  }

  const set = (patch: Partial<TopicFilters>) => onFilters({ ...filters, ...patch });
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
      sorter: (a, b) => a.submittedOn.localeCompare(b.submittedOn),
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
      <Table<Topic>
        rowKey="id"
        size="middle"
        loading={matching === undefined || names.loading}
        dataSource={rows}
        columns={columns}
        rowClassName={(x) => (x.urgency === 'urgent' ? 'jd-topic-row-urgent' : '')}
        locale={{ emptyText: t('topics:list.noMatch') }}
        onRow={(x) => ({ onClick: () => open(x), style: { cursor: 'pointer' } })}
        pagination={listPagination((count) => t('topics:list.total', { count }))}
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
