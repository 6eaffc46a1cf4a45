import type { AgendaItem } from '../domain';
import type { BlockNode, DeadlineRule, ParagraphNode, ResolutionNode } from '../editor/document';
import type { UnitKey } from './catalog-units';
import type { GenContext } from './context';
import type { DayNumber } from './dates';
import { formatDay } from './dates';

/**
 * The body of a demo 会议纪要 section, as the office writes it under the template's “关于……” heading
 * (shared/domain/minutes-template.ts builds the rest): 会议听取了… / 会议认为… / 会议议定： with the
 * 议定事项 nodes / 会议要求…
 */

/** A 议定事项 before it is a node: the unit keys are turned into ids by {@link resolutionNode}. */
export interface NodeDraft {
  id: string;
  content: string;
  lead: UnitKey;
  co: readonly UnitKey[];
  deadline: DeadlineRule | null;
  feedback: string;
}

export function paragraph(text: string): ParagraphNode {
  return { type: 'paragraph', content: [{ type: 'text', text }] };
}

export function resolutionNode(ctx: Pick<GenContext, 'units'>, d: NodeDraft): ResolutionNode {
  return {
    type: 'resolution',
    attrs: {
      id: d.id,
      content: d.content,
      leadUnitId: ctx.units[d.lead].id,
      coUnitIds: d.co.filter((k) => k !== d.lead).map((k) => ctx.units[k].id),
      deadline: d.deadline,
      feedback: d.feedback,
    },
  };
}

const WORKING_DAYS_RE = /(\d+)个工作日内/u;

/**
 * The 完成时限 of a decision as its text states it: “N个工作日内” → N working days after issuance; a text
 * with a date (“于{date}前”) → that date; otherwise one of the usual periods in working days.
 */
export function deadlineRuleFor(ctx: Pick<GenContext, 'rng'>, text: string, statedDate?: DayNumber): DeadlineRule {
  if (statedDate !== undefined) return { kind: 'date', date: formatDay(statedDate) };
  const m = WORKING_DAYS_RE.exec(text);
  if (m) return { kind: 'working_days', days: Number(m[1]) };
  return { kind: 'working_days', days: ctx.rng.pick([10, 15, 20, 30]) };
}

const FEEDBACK = ['每月25日前报送办理进展', '办结后3个工作日内书面反馈办理结果', '每两周报送一次办理进展'] as const;

/** 反馈要求: about half of the decisions carry one. */
export function feedbackFor(ctx: Pick<GenContext, 'rng'>): string {
  return ctx.rng.chance(0.5) ? ctx.rng.pick(FEEDBACK) : '';
}

const VIEWS = [
  '会议认为，该事项涉及多个部门职责，须明确牵头单位和配合单位，加强协作配合，依法依规推进处置。',
  '会议认为，相关单位前期做了大量工作，但部门之间衔接不够顺畅，须进一步压实责任、形成合力。',
  '会议认为，该问题群众反映强烈，须坚持依法行政，限时办理，防止问题反弹。',
] as const;

const INSTRUCTION_REQUIREMENT =
  '会议要求：各成员单位要认真学习领会上级部署要求，结合职责抓好贯彻落实，确保各项工作落地见效。';

/** 会议听取了{unit}关于{title}的汇报/通报。 */
function heard(presenter: string, title: string, report: '汇报' | '通报'): string {
  const subject = title.startsWith('关于') ? title.slice(2) : title;
  return `会议听取了${presenter}关于${subject.replace(/(通报|汇报)$/u, '')}的${report}。`;
}

export interface SectionInput {
  item: AgendaItem;
  /** Name of the presenting unit (简称 or full name). */
  presenter: string;
  /** Topic items: deferred / escalated (no decision) or decided (with nodes). */
  outcome?: 'decided' | 'deferred' | 'escalated';
  /** The decisions of the section (topic items and the 工作部署). */
  nodes: readonly ResolutionNode[];
  /** District profile: the matter's background and the proposal after the 汇报 line, and a 会议强调 paragraph. */
  background?: string;
  proposal?: string;
  emphasis?: string;
}

/** The blocks of one section, by agenda item kind. */
export function sectionBlocks(ctx: Pick<GenContext, 'rng'>, s: SectionInput): BlockNode[] {
  const { item, presenter, nodes } = s;
  const decided = (): BlockNode[] => (nodes.length > 0 ? [paragraph('会议议定：'), ...nodes] : []);
  switch (item.kind) {
    case 'instructions':
      return [paragraph(`会议${item.title.replace(/^传达/u, '传达学习了')}。`), paragraph(INSTRUCTION_REQUIREMENT)];
    case 'last_resolutions':
      return [
        paragraph(heard(presenter, '上次会议议定事项落实情况', '通报')),
        paragraph(
          '会议要求：未办结事项的牵头单位要抓紧推进，按期报送办理情况；逾期未办结的，由联席会议办公室督促办理。',
        ),
      ];
    case 'disputes_review':
      return [
        paragraph(heard(presenter, '执法争议协调情况', '通报')),
        paragraph('会议指出：争议解决前，先行处理单位不得停止执法，相关单位要按照协商意见做好衔接。'),
      ];
    case 'summary':
      return [
        paragraph(heard(presenter, '阶段性工作总结及下阶段工作部署', '汇报')),
        ...decided(),
        paragraph('会议要求：各成员单位要加强沟通配合，做好下阶段综合行政执法工作。'),
      ];
    case 'topic': {
      const intro = paragraph(heard(presenter, item.title, '汇报'));
      if (s.outcome === 'deferred') {
        return [intro, paragraph('会议认为，该议题有关情况尚需进一步核实，暂缓研究，顺延至下次会议。')];
      }
      if (s.outcome === 'escalated') {
        return [intro, paragraph('会议认为，该事项在联席会议层面难以解决，提交镇党政联席会议研究决定。')];
      }
      return [
        intro,
        ...(s.background ? [paragraph(s.background)] : []),
        ...(s.proposal ? [paragraph(s.proposal)] : []),
        paragraph(ctx.rng.pick(VIEWS)),
        ...(s.emphasis ? [paragraph(s.emphasis)] : []),
        ...decided(),
        paragraph('会议要求：各相关单位按照职责分工抓好落实，按时限反馈办理情况。'),
      ];
    }
    case 'other':
    default:
      return [paragraph('会议要求：各成员单位按照职责分工抓好落实。')];
  }
}
