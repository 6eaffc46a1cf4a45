import { Empty, Spin, Timeline, Typography } from 'antd';
import { useMemo } from 'react';
import type { DisputeState } from '../../../../shared/domain';
import { useAuditEntries } from '../../db';
import { formatDateTime } from '../../ui';
import { useDisputesText } from './labels';
import { disputeTimeline, type TimelineChange, type TimelineEvent } from './timeline-events';
import type { NameLookup } from './use-names';

const STATE_COLOR: Partial<Record<DisputeState, string>> = {
  agreed: 'green',
  escalated: 'orange',
  designated: 'purple',
  closed: 'gray',
};

/** 处理经过: every recorded event of one dispute from the audit trail, oldest first. */
export function DisputeTimeline({ disputeId, names }: { disputeId: string; names: NameLookup }) {
  const text = useDisputesText();
  const { t } = text;
  const entries = useAuditEntries({ entity: 'dispute', entityId: disputeId });
  const events = useMemo(() => disputeTimeline(entries ?? []), [entries]);

  if (entries === undefined) return <Spin />;
  if (events.length === 0) return <Empty description={t('disputes:timeline.empty')} />;

  return (
    <Timeline
      className="jd-dispute-timeline"
      items={events.map((e) => ({
        key: e.seq,
        color: colorOf(e),
        // Time inside the content, not as antd's title column, which would take half the card's width.
        content: <EventBody event={e} text={text} names={names} />,
      }))}
    />
  );
}

function colorOf(e: TimelineEvent): string {
  const state = e.changes.find((c) => c.kind === 'state');
  return state?.kind === 'state' ? (STATE_COLOR[state.to] ?? 'blue') : 'blue';
}

function EventBody({
  event,
  text,
  names,
}: {
  event: TimelineEvent;
  text: ReturnType<typeof useDisputesText>;
  names: NameLookup;
}) {
  const { t } = text;
  return (
    <div data-testid="timeline-event">
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {formatDateTime(event.ts)}
      </Typography.Text>
      {event.changes.length === 0 ? <div>{t(`disputes:timeline.action.${event.action}`)}</div> : null}
      {event.changes.map((c, i) => (
        <div key={i}>{changeText(c, text, names)}</div>
      ))}
      {event.reason ? (
        <div>
          <Typography.Text type="secondary">{t('disputes:timeline.reason', { reason: event.reason })}</Typography.Text>
        </div>
      ) : null}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('disputes:timeline.actor', {
          name: event.actorName,
          role: t(`common:roles.${event.actorRole}`, event.actorRole),
        })}
      </Typography.Text>
    </div>
  );
}

function changeText(c: TimelineChange, text: ReturnType<typeof useDisputesText>, names: NameLookup): string {
  const { t, date, stateLabel } = text;
  switch (c.kind) {
    case 'created':
      return t('disputes:timeline.created', { number: c.number });
    case 'demo':
      return t('disputes:timeline.demo', { number: c.number });
    case 'state':
      return t('disputes:timeline.state', { from: stateLabel(c.from), to: stateLabel(c.to) });
    case 'round':
      return c.outcome
        ? t('disputes:timeline.roundWithOutcome', { n: c.n, date: date(c.date), outcome: c.outcome })
        : t('disputes:timeline.round', { n: c.n, date: date(c.date) });
    case 'agreement':
      return t('disputes:timeline.agreement', { text: c.text });
    case 'escalated':
      return t('disputes:timeline.escalated', { date: date(c.date) });
    case 'designated':
      return t('disputes:timeline.designated', {
        unit: names.unit(c.unitId),
        number: c.decisionNumber,
        date: date(c.date),
      });
    case 'closed':
      return c.meetingId
        ? t('disputes:timeline.closedWithMeeting', { date: date(c.date), meeting: names.meeting(c.meetingId) })
        : t('disputes:timeline.closed', { date: date(c.date) });
    case 'reopened':
      return t('disputes:timeline.reopened', { reason: c.reason });
    case 'agenda':
      return t('disputes:timeline.agenda', { meeting: names.meeting(c.meetingId) });
    case 'exported':
      return t('disputes:timeline.exported', { name: c.fileName });
    case 'fields':
      return t('disputes:timeline.fields', {
        fields: c.fields.map((f) => t(`disputes:field.${f}`)).join(t('disputes:listSeparator')),
      });
  }
}
