import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type DragEndEvent,
} from '@dnd-kit/core';
import {
  arrayMove,
  SortableContext,
  sortableKeyboardCoordinates,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { Alert, Card, Col, Empty, Flex, List, Row, Skeleton, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { isPreparing, type AgendaItem, type Meeting } from '../../../../../shared/domain';
import { getDataLayer, useAgenda, useAgendaProposals, usePermission } from '../../../db';
import type { AgendaItemPatch } from '../../../db/types';
import { DeniedNotice, useReportError } from '../../../ui';
import { useMeetingsText } from '../labels';
import type { MeetingLookups } from '../use-lookups';
import { AddStandingMenu } from './add-standing-menu';
import { AgendaRow } from './agenda-row';
import { BacklogPanel } from './backlog-panel';
import { ProposalsPanel } from './proposals-panel';

/**
 * 议程: proposals and the topic backlog on the left, the agenda on the right. Items are ordered by
 * dragging (mouse, or the handle with Space and the arrow keys) or with the up/down buttons.
 */
export function AgendaBuilder({ meeting, lookups }: { meeting: Meeting; lookups: MeetingLookups }) {
  const { t, time } = useMeetingsText();
  const reportError = useReportError();
  const items = useAgenda(meeting.id);
  const proposals = useAgendaProposals(meeting.id);
  // The order the user just chose, shown until the live query brings the saved one back.
  const [pending, setPending] = useState<string[]>();
  // Only the office builds the agenda: other roles read it, told why once above it.
  const mayEdit = usePermission('agenda.edit');
  const preparing = isPreparing(meeting);
  const editable = preparing && mayEdit.allowed;
  const agenda = getDataLayer().agenda;

  const ordered = useMemo(() => {
    if (!items) return [];
    if (!pending) return items;
    const byId = new Map(items.map((i) => [i.id, i]));
    const out = pending.map((id) => byId.get(id)).filter((i): i is AgendaItem => i !== undefined);
    return out.length === items.length ? out : items;
  }, [items, pending]);
  const titleOf = (id: string | number) => {
    const item = ordered.find((i) => i.id === id);
    return item ? (proposals?.views[item.id]?.title ?? item.title) : '';
  };
  const positionOf = (id: string | number) => String(ordered.findIndex((i) => i.id === id) + 1);

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const run = async (work: () => Promise<unknown>) => {
    try {
      await work();
    } catch (e) {
      reportError(e);
    }
  };

  const saveOrder = async (ids: string[]) => {
    setPending(ids);
    try {
      await agenda.reorder(meeting.id, ids);
    } catch (e) {
      reportError(e);
    } finally {
      setPending(undefined);
    }
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const ids = ordered.map((i) => i.id);
    const from = ids.indexOf(String(active.id));
    const to = ids.indexOf(String(over.id));
    if (from < 0 || to < 0) return;
    void saveOrder(arrayMove(ids, from, to));
  };

  const onMove = (item: AgendaItem, delta: -1 | 1) => {
    const ids = ordered.map((i) => i.id);
    const from = ids.indexOf(item.id);
    const to = from + delta;
    if (from < 0 || to < 0 || to >= ids.length) return;
    void saveOrder(arrayMove(ids, from, to));
  };

  const total = ordered.reduce((sum, i) => sum + (i.minutes ?? 0), 0);
  const untimed = ordered.filter((i) => i.minutes === undefined).length;
  const endsAt = dayjs(meeting.startsAt).add(total, 'minute');
  const required = new Set(proposals?.requiredItemIds ?? []);

  if (items === undefined || proposals === undefined || proposals === null) return <Skeleton active />;

  return (
    <Row gutter={[16, 16]}>
      {editable ? (
        <Col xs={24} xl={9}>
          <Flex vertical gap={16}>
            <ProposalsPanel meeting={meeting} proposals={proposals} onAdd={(work) => void run(work)} />
            <BacklogPanel meeting={meeting} proposals={proposals} lookups={lookups} onAdd={(work) => void run(work)} />
          </Flex>
        </Col>
      ) : null}
      <Col xs={24} xl={editable ? 15 : 24}>
        <Card
          title={t('meetings:agenda.title', { count: ordered.length })}
          extra={
            <Flex align="center" gap={12}>
              <Typography.Text strong data-testid="agenda-total">
                {t('meetings:agenda.total', { minutes: total })}
              </Typography.Text>
              {total > 0 ? (
                <Typography.Text type="secondary">
                  {t('meetings:agenda.endsAt', { time: time(endsAt.format('YYYY-MM-DDTHH:mm')) })}
                </Typography.Text>
              ) : null}
              {editable ? <AddStandingMenu meetingId={meeting.id} onAdd={(work) => void run(work)} /> : null}
            </Flex>
          }
        >
          {!preparing ? (
            <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('meetings:agenda.readOnly')} />
          ) : (
            <DeniedNotice right={mayEdit} style={{ marginBottom: 12 }} />
          )}
          {untimed > 0 && ordered.length > 0 && editable ? (
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
              {t('meetings:agenda.untimed', { count: untimed })}
            </Typography.Paragraph>
          ) : null}
          {ordered.length === 0 ? (
            <Empty description={editable ? t('meetings:agenda.empty') : t('meetings:agenda.emptyReadOnly')} />
          ) : (
            <DndContext
              sensors={sensors}
              collisionDetection={closestCenter}
              onDragEnd={onDragEnd}
              accessibility={{
                // Screen readers hear the item's title and its place, in Chinese, never a UUID.
                screenReaderInstructions: { draggable: t('meetings:agenda.dnd.instructions') },
                announcements: {
                  onDragStart: ({ active }) => t('meetings:agenda.dnd.start', { title: titleOf(active.id) }),
                  onDragOver: ({ active, over }) =>
                    over
                      ? t('meetings:agenda.dnd.over', { title: titleOf(active.id), position: positionOf(over.id) })
                      : t('meetings:agenda.dnd.outside', { title: titleOf(active.id) }),
                  onDragEnd: ({ active, over }) =>
                    over
                      ? t('meetings:agenda.dnd.end', { title: titleOf(active.id), position: positionOf(over.id) })
                      : t('meetings:agenda.dnd.cancel', { title: titleOf(active.id) }),
                  onDragCancel: ({ active }) => t('meetings:agenda.dnd.cancel', { title: titleOf(active.id) }),
                },
              }}
            >
              <SortableContext items={ordered.map((i) => i.id)} strategy={verticalListSortingStrategy}>
                <List
                  aria-label={t('meetings:agenda.listLabel')}
                  dataSource={ordered}
                  rowKey="id"
                  renderItem={(item, index) => (
                    <AgendaRow
                      item={item}
                      index={index}
                      count={ordered.length}
                      editable={editable}
                      required={required.has(item.id)}
                      view={proposals.views[item.id]}
                      lookups={lookups}
                      onMove={onMove}
                      onRemove={(it) => void run(() => agenda.remove(it.id))}
                      onChange={(it, patch: AgendaItemPatch) => void run(() => agenda.update(it.id, patch))}
                    />
                  )}
                />
              </SortableContext>
            </DndContext>
          )}
        </Card>
      </Col>
    </Row>
  );
}
