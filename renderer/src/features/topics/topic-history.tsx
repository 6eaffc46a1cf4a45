import { Empty, Spin, Timeline, Typography } from 'antd';
import { TOPIC_STATES, type AuditEntry, type TopicState } from '../../../../shared/domain';
import { useAuditEntries } from '../../db';
import { formatDateTime } from '../../ui';
import { useTopicsText, type TopicsText } from './labels';

/** 处理经过: the topic's own audit entries (submitted, changed, triaged, looked at), newest first. */
export function TopicHistory({ topicId }: { topicId: string }) {
  const text = useTopicsText();
  const entries = useAuditEntries({ entity: 'topic', entityId: topicId });
  if (entries === undefined) return <Spin />;
  if (entries.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text.t('topics:history.empty')} />;
  return (
    <Timeline
      items={entries.map((e) => ({
        key: e.seq,
        color: e.action === 'reveal' ? 'orange' : 'blue',
        title: (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatDateTime(e.ts)} · {e.actorName}
          </Typography.Text>
        ),
        content: (
          <>
            <Typography.Text>{describe(e, text)}</Typography.Text>
            {e.reason ? (
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                {e.reason}
              </Typography.Text>
            ) : null}
          </>
        ),
      }))}
    />
  );
}

function stateOf(snapshot: unknown): TopicState | undefined {
  const s = (snapshot as { state?: unknown } | null)?.state;
  return typeof s === 'string' && (TOPIC_STATES as readonly string[]).includes(s) ? (s as TopicState) : undefined;
}

function describe(e: AuditEntry, { t, stateLabel }: TopicsText): string {
  switch (e.action) {
    case 'create':
      return t('topics:history.create');
    case 'demo-load':
      return t('topics:history.demo');
    case 'update':
      return t('topics:history.update');
    case 'reveal':
      return t('topics:history.reveal');
    case 'transition': {
      const from = stateOf(e.before);
      const to = stateOf(e.after);
      return from && to
        ? t('topics:history.transition', { from: stateLabel(from), to: stateLabel(to) })
        : t('topics:history.other');
    }
    default:
      return t('topics:history.other');
  }
}
