import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, HolderOutlined, LockOutlined } from '@ant-design/icons';
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { Button, Flex, InputNumber, List, Popconfirm, Select, Space, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { levelOneMarker, type AgendaItem, type StandingItemView } from '../../../../../shared/domain';
import { useMeetingsText } from '../labels';
import type { MeetingLookups } from '../use-lookups';

export interface AgendaRowProps {
  item: AgendaItem;
  index: number;
  count: number;
  editable: boolean;
  required: boolean;
  /** A standing item's title and lines (live, or its snapshot once held); absent for topics. */
  view?: StandingItemView;
  lookups: MeetingLookups;
  onMove: (item: AgendaItem, delta: -1 | 1) => void;
  onRemove: (item: AgendaItem) => void;
  onChange: (
    item: AgendaItem,
    patch: { title?: string; presenterUnitId?: string | null; minutes?: number | null },
  ) => void;
}

/** One agenda item: drag handle, number, title, presenter unit, minutes, move up/down and remove. */
export function AgendaRow(props: AgendaRowProps) {
  const { item, index, count, editable, required, view, lookups, onMove, onRemove, onChange } = props;
  // The title shown is computed with the list under it, so a “（N件）” always matches the list.
  const title = view?.title ?? item.title;
  const { t, zh } = useMeetingsText();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: item.id,
    disabled: !editable,
  });

  const unitOptions = lookups.units
    .filter((u) => !u.archived || u.id === item.presenterUnitId)
    .map((u) => ({ value: u.id, label: u.shortName ?? u.name, search: `${u.name} ${u.shortName ?? ''}` }));

  const number = zh ? levelOneMarker(index + 1) : `${index + 1}.`;
  const kindTag =
    item.kind === 'topic' ? (
      <Tag color="blue">{t('meetings:agenda.kind.topic')}</Tag>
    ) : (
      <Tag>{t(`meetings:agenda.kind.${item.kind}`)}</Tag>
    );

  return (
    <List.Item
      ref={setNodeRef}
      data-testid="agenda-item"
      style={{
        transform: CSS.Transform.toString(transform),
        transition,
        background: isDragging ? '#e8eef7' : undefined,
        position: 'relative',
        zIndex: isDragging ? 1 : undefined,
        paddingInline: 8,
      }}
    >
      <Flex vertical gap={4} style={{ width: '100%' }}>
        <Flex align="center" gap={8} wrap>
          {editable ? (
            <Button
              type="text"
              size="small"
              ref={setActivatorNodeRef}
              icon={<HolderOutlined aria-hidden />}
              aria-label={t('meetings:agenda.dragHandle', { title })}
              style={{ cursor: 'grab' }}
              {...attributes}
              {...listeners}
            />
          ) : null}
          <Typography.Text strong style={{ minWidth: 32 }}>
            {number}
          </Typography.Text>
          <Flex align="center" gap={6} style={{ flex: '1 1 240px', minWidth: 200 }}>
            {editable && item.kind !== 'topic' ? (
              <Typography.Text
                data-testid="agenda-item-title"
                editable={{
                  tooltip: t('meetings:agenda.editTitle'),
                  maxLength: 200,
                  onChange: (v) => {
                    if (v.trim() && v !== title) onChange(item, { title: v });
                  },
                }}
              >
                {title}
              </Typography.Text>
            ) : (
              <Typography.Text data-testid="agenda-item-title">{title}</Typography.Text>
            )}
            {view?.frozen ? (
              <Tooltip title={t('meetings:agenda.frozenHint', { date: view.takenOn })}>
                <Tag icon={<LockOutlined aria-hidden />}>{t('meetings:agenda.frozen')}</Tag>
              </Tooltip>
            ) : null}
            {kindTag}
            {required ? (
              <Tooltip title={t('meetings:agenda.requiredHint')}>
                <Tag icon={<LockOutlined aria-hidden />} color="red">
                  {t('meetings:agenda.required')}
                </Tag>
              </Tooltip>
            ) : null}
          </Flex>
        </Flex>
        {/* Second line, under the title: who reports, how long, and the order and remove buttons. */}
        <Flex align="center" gap={6} wrap style={{ marginLeft: editable ? 72 : 40 }}>
          <Space size={6} wrap>
            <Select
              aria-label={t('meetings:agenda.presenter')}
              size="small"
              style={{ width: 170 }}
              allowClear
              disabled={!editable}
              placeholder={t('meetings:agenda.presenterPlaceholder')}
              showSearch={{ optionFilterProp: 'search' }}
              value={item.presenterUnitId}
              options={unitOptions}
              onChange={(v: string | undefined) => onChange(item, { presenterUnitId: v ?? null })}
            />
            {/* Keyed by the saved value: a save elsewhere (or a refused one) resets what is typed. */}
            <MinutesInput
              key={String(item.minutes)}
              saved={item.minutes}
              disabled={!editable}
              label={t('meetings:agenda.minutes')}
              unit={t('meetings:agenda.minutesUnit')}
              onCommit={(minutes) => onChange(item, { minutes })}
            />
            {editable ? (
              <>
                <Tooltip title={t('meetings:agenda.moveUp')}>
                  <Button
                    size="small"
                    aria-label={t('meetings:agenda.moveUpItem', { title })}
                    icon={<ArrowUpOutlined aria-hidden />}
                    disabled={index === 0}
                    onClick={() => onMove(item, -1)}
                  />
                </Tooltip>
                <Tooltip title={t('meetings:agenda.moveDown')}>
                  <Button
                    size="small"
                    aria-label={t('meetings:agenda.moveDownItem', { title })}
                    icon={<ArrowDownOutlined aria-hidden />}
                    disabled={index === count - 1}
                    onClick={() => onMove(item, 1)}
                  />
                </Tooltip>
                {required ? (
                  <Tooltip title={t('meetings:agenda.requiredHint')}>
                    <Button
                      size="small"
                      aria-label={t('meetings:agenda.remove')}
                      icon={<DeleteOutlined aria-hidden />}
                      disabled
                    />
                  </Tooltip>
                ) : (
                  <Popconfirm
                    title={t('meetings:agenda.removeConfirm')}
                    description={item.kind === 'topic' ? t('meetings:agenda.removeTopicHint') : undefined}
                    okText={t('meetings:agenda.remove')}
                    cancelText={t('common:actions.cancel')}
                    onConfirm={() => onRemove(item)}
                  >
                    <Button
                      size="small"
                      danger
                      aria-label={t('meetings:agenda.removeItem', { title })}
                      icon={<DeleteOutlined aria-hidden />}
                    />
                  </Popconfirm>
                )}
              </>
            ) : null}
          </Space>
        </Flex>
        {view && view.lines.length > 0 ? (
          <Typography.Paragraph
            type="secondary"
            data-testid="agenda-item-lines"
            style={{ margin: `0 0 0 ${editable ? 72 : 40}px`, fontSize: 12 }}
          >
            {item.kind === 'disputes_review' ? t('meetings:agenda.disputesCovered') : null}
            {view.lines.join(t('meetings:listSeparator'))}
          </Typography.Paragraph>
        ) : null}
      </Flex>
    </List.Item>
  );
}

/** The longest an agenda item may take (agendaItemSchema.minutes). */
const MAX_ITEM_MINUTES = 600;

/** 时长: typed freely, saved on Enter or when leaving the field (not on every keystroke: each save is audited). */
function MinutesInput({
  saved,
  disabled,
  label,
  unit,
  onCommit,
}: {
  saved: number | undefined;
  disabled: boolean;
  label: string;
  unit: string;
  onCommit: (minutes: number | null) => void;
}) {
  const { t } = useMeetingsText();
  const [value, setValue] = useState<number | null>(saved ?? null);
  // Out of range or not whole stays as typed, marked, with the allowed range said; it is not saved (never
  // clamped or rounded: no min/max/precision on the input).
  const outOfRange = value !== null && (!Number.isInteger(value) || value < 0 || value > MAX_ITEM_MINUTES);
  const commit = () => {
    if (!outOfRange && value !== (saved ?? null)) onCommit(value);
  };
  return (
    <Tooltip
      open={outOfRange ? true : undefined}
      title={outOfRange ? t('meetings:agenda.minutesRange', { max: MAX_ITEM_MINUTES }) : undefined}
    >
      <InputNumber<number>
        aria-label={label}
        aria-invalid={outOfRange || undefined}
        status={outOfRange ? 'error' : undefined}
        size="small"
        step={5}
        style={{ width: 110 }}
        disabled={disabled}
        suffix={unit}
        value={value}
        onChange={(v) => setValue(v)}
        onBlur={commit}
        onPressEnter={commit}
      />
    </Tooltip>
  );
}
