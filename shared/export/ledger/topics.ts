import type { Meeting } from '../../domain/meeting';
import { meetingOfficialName } from '../../domain/meeting-names';
import type { Resolution } from '../../domain/minutes';
import type { Topic, TopicCategory } from '../../domain/topic';
import { maskedTopic } from '../../domain/topic-privacy';
import { TOPIC_STATE_LABELS } from '../../domain/topic-rules';
import { dateCell, type LedgerSheet, safeCell } from './cells';

export const TOPIC_LEDGER_SHEET = '议题台账';

/** 类别 as the office files it (the same words as the topics screen). */
export const TOPIC_CATEGORY_LABELS: Record<TopicCategory, string> = {
  jurisdiction_dispute: '管辖争议',
  responsibility_boundary: '职责边界',
  case_transfer: '案件移送',
  enforcement_assistance: '执法协助',
  information_sharing: '信息共享',
  joint_enforcement: '联合执法',
  law_application: '法律适用',
  major_case_lead: '重大案件线索',
  work_report: '工作汇报',
  other: '其他',
};

const URGENCY_LABELS: Record<Topic['urgency'], string> = { normal: '一般', urgent: '紧急' };

/** One topic as the ledger needs it: the topic and what it led to, read by the caller. */
export interface LedgerTopic {
  /** Masked again here whatever the caller passes: a ledger never carries clear complainant data. */
  topic: Topic;
  /** The meeting it was put on (已排入议程 and later). */
  meeting?: Pick<Meeting, 'year' | 'sequence' | 'kind'>;
  /** The topic it was merged into (已合并). */
  mergedInto?: Pick<Topic, 'title'>;
  /** 编号 of the dispute it became (转争议). */
  disputeNumber?: string;
  /** The issued 议定事项 of its agenda item (已议定). */
  resolutions?: readonly Pick<Resolution, 'content'>[];
}

/** 处理结果: what became of the topic, in the office's words ('' while it is still on its way). */
function outcome(x: LedgerTopic): string {
  const t = x.topic;
  switch (t.state) {
    case 'returned':
      return t.returnReason ? `退回：${t.returnReason}` : '退回';
    case 'merged':
      return x.mergedInto ? `并入《${x.mergedInto.title}》办理` : '并入其他议题办理';
    case 'converted':
      return x.disputeNumber ? `转为执法争议（${x.disputeNumber}）` : '转为执法争议';
    case 'resolved': {
      const items = (x.resolutions ?? []).map((r) => r.content.trim()).filter((c) => c !== '');
      return items.length > 0 ? `会议议定${items.length}项：${items.join('；')}` : '会议已议定';
    }
    case 'deferred':
      return '暂缓，转下次会议研究';
    case 'escalated':
      return '提交党政联席会议研究';
    default:
      return '';
  }
}

/** 投诉举报人 as a ledger may show it: the masked forms only (RELIABILITY PII-2). */
function complainantText(t: Topic): string {
  const c = maskedTopic(t).complainant;
  if (!c) return '';
  return [c.name, c.phone].filter((v): v is string => !!v).join(' ');
}

/** Ledger order: oldest submission first, then time of entry and id (a stable 序号). */
function topicOrder(a: LedgerTopic, b: LedgerTopic): number {
  return (
    a.topic.submittedOn.localeCompare(b.topic.submittedOn) ||
    a.topic.createdAt.localeCompare(b.topic.createdAt) ||
    a.topic.id.localeCompare(b.topic.id)
  );
}

/** 议题台账: one row per topic with the columns an office files; complainant data masked. */
export function topicLedger(topics: readonly LedgerTopic[], unitNames: ReadonlyMap<string, string>): LedgerSheet {
  const name = (id: string) => unitNames.get(id) ?? '（未知单位）';
  return {
    name: TOPIC_LEDGER_SHEET,
    columns: [
      { header: '序号', width: 7 },
      { header: '议题名称', width: 36 },
      { header: '提交单位', width: 20 },
      { header: '相关单位', width: 28 },
      { header: '类别', width: 12 },
      { header: '紧急程度', width: 9 },
      { header: '提交日期', width: 16, kind: 'date' },
      { header: '当前状态', width: 14 },
      { header: '上会会议', width: 26 },
      { header: '处理结果', width: 44 },
      { header: '合并至', width: 28 },
      { header: '投诉举报人（已脱敏）', width: 22 },
    ],
    rows: [...topics].sort(topicOrder).map((x, i) => {
      const t = x.topic;
      return [
        i + 1,
        safeCell(t.title),
        safeCell(name(t.submittingUnitId)),
        safeCell(t.relatedUnitIds.map(name).join('、')),
        TOPIC_CATEGORY_LABELS[t.category],
        URGENCY_LABELS[t.urgency],
        dateCell(t.submittedOn),
        TOPIC_STATE_LABELS[t.state],
        x.meeting ? meetingOfficialName(x.meeting) : '',
        safeCell(outcome(x)),
        x.mergedInto ? safeCell(x.mergedInto.title) : '',
        safeCell(complainantText(t)),
      ];
    }),
  };
}
