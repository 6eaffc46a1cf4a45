import { ClearOutlined } from '@ant-design/icons';
import { Button, Input, Select, Space, type InputRef } from 'antd';
import { useEffect, useMemo, useRef, useState, type Ref } from 'react';
import type { Meeting, Unit } from '../../../../shared/domain';
import { IsoRangePicker, unitOptionsByKind } from '../../ui';
import { useFollowupText } from './labels';
import { hasActiveFilter, type StateChoice, type TaskFilters, type WarningChoice } from './use-task-filters';

export interface TaskFilterBarProps {
  filters: TaskFilters;
  onChange: (patch: Partial<TaskFilters>) => void;
  onClear: () => void;
  units: readonly Unit[];
  /** Meetings whose minutes created tasks (newest first). */
  meetings: readonly Meeting[];
  searchRef?: Ref<InputRef>;
}

/** 牵头单位, 配合单位, 来源会议, 办理状态 (table only: the board's columns are the states), 预警, 完成时限, search. */
export function TaskFilterBar({ filters: f, onChange, onClear, units, meetings, searchRef }: TaskFilterBarProps) {
  const { t, stateOptions, meetingName } = useFollowupText();
  // Typed text reaches the address (and the query) once the user pauses.
  const [search, setSearch] = useState(f.q ?? '');
  const sent = useRef(f.q);
  useEffect(() => {
    // Only a change from elsewhere (清除筛选, a link) replaces what is being typed.
    if (f.q !== sent.current) {
      sent.current = f.q;
      setSearch(f.q ?? '');
    }
  }, [f.q]);
  useEffect(() => {
    const q = search.trim() || undefined;
    if (q === sent.current) return;
    const timer = setTimeout(() => {
      sent.current = q;
      onChange({ q });
    }, 250);
    return () => clearTimeout(timer);
  }, [search, onChange]);

  const unitOptions = useMemo(
    () =>
      unitOptionsByKind(
        units.filter((u) => !u.archived || u.id === f.lead || u.id === f.co),
        t,
      ),
    [units, f.lead, f.co, t],
  );
  const meetingOptions = useMemo(
    () => meetings.map((m) => ({ value: m.id, label: meetingName(m) })),
    [meetings, meetingName],
  );

  return (
    <Space wrap size={[12, 8]} style={{ marginBottom: 12 }}>
      <Input.Search
        ref={searchRef}
        aria-label={t('followup:list.search')}
        allowClear
        placeholder={t('followup:list.searchPlaceholder')}
        style={{ width: 260 }}
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        onSearch={(v) => {
          sent.current = v.trim() || undefined;
          onChange({ q: sent.current });
        }}
      />
      <Select<string>
        aria-label={t('followup:list.leadUnit')}
        allowClear
        showSearch
        optionFilterProp="label"
        placeholder={t('followup:list.allLeadUnits')}
        style={{ width: 180 }}
        value={f.lead}
        onChange={(v) => onChange({ lead: v })}
        options={unitOptions}
      />
      <Select<string>
        aria-label={t('followup:list.coUnit')}
        allowClear
        showSearch
        optionFilterProp="label"
        placeholder={t('followup:list.allCoUnits')}
        style={{ width: 180 }}
        value={f.co}
        onChange={(v) => onChange({ co: v })}
        options={unitOptions}
      />
      <Select<string>
        aria-label={t('followup:list.meeting')}
        allowClear
        showSearch
        optionFilterProp="label"
        placeholder={t('followup:list.allMeetings')}
        style={{ width: 230 }}
        value={f.meeting}
        onChange={(v) => onChange({ meeting: v })}
        options={meetingOptions}
      />
      {f.view === 'table' ? (
        <Select<StateChoice>
          aria-label={t('followup:list.state')}
          allowClear
          placeholder={t('followup:list.allStates')}
          style={{ width: 170 }}
          value={f.state}
          onChange={(v) => onChange({ state: v })}
          options={[
            { value: 'open', label: t('followup:list.open') },
            { value: 'in_hand', label: t('followup:list.inHand') },
            ...stateOptions,
          ]}
        />
      ) : null}
      <Select<WarningChoice>
        aria-label={t('followup:list.warning')}
        allowClear
        placeholder={t('followup:list.allWarnings')}
        style={{ width: 140 }}
        value={f.warning}
        onChange={(v) => onChange({ warning: v })}
        options={[
          { value: 'due_soon', label: t('followup:warning.dueSoon') },
          { value: 'overdue', label: t('followup:warning.overdue') },
        ]}
      />
      <IsoRangePicker
        aria-label={t('followup:list.dueWindow')}
        placeholder={[t('followup:list.dueFrom'), t('followup:list.dueTo')]}
        value={{ from: f.from, to: f.to }}
        onChange={(r) => onChange({ from: r.from, to: r.to })}
      />
      {hasActiveFilter(f) ? (
        <Button icon={<ClearOutlined aria-hidden />} onClick={onClear}>
          {t('followup:list.clear')}
        </Button>
      ) : null}
    </Space>
  );
}
