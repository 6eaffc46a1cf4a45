import type { MinutesDoc, ResolutionAttrs } from '../editor/document';
import { DomainError } from './errors';
import type { Action } from './permissions';
import type { Minutes, MinutesState, Resolution, ResolutionState } from './minutes';
import type { AgendaItem } from './meeting';

/**
 * The minutes review flow, once: 起草 →(送审)→ 送审 →(退回修改 | 签发)→ … → 签发 →(印发)→ 已印发 →(更正)→ 起草.
 * Each action names the permission it needs (shared/domain/permissions.ts); repositories check both.
 */
export const MINUTES_ACTIONS = ['submit', 'return', 'sign', 'issue', 'correct'] as const;
export type MinutesAction = (typeof MINUTES_ACTIONS)[number];

export const MINUTES_STATE_LABELS: Record<MinutesState, string> = {
  draft: '起草中',
  review: '送审中',
  signed: '已签发',
  issued: '已印发',
};

/** 议定事项 / 督办任务 main states as the screens and ledgers name them (逾期 is derived, never a state). */
export const RESOLUTION_STATE_LABELS: Record<ResolutionState, string> = {
  draft: '纪要未印发',
  not_started: '未启动',
  in_progress: '办理中',
  done_pending_verification: '已办结待核验',
  verified: '已核验办结',
};

export const MINUTES_ACTION_LABELS: Record<MinutesAction, string> = {
  submit: '送审',
  return: '退回修改',
  sign: '签发',
  issue: '印发',
  correct: '更正',
};

/** From each state, the actions allowed and where they lead (exhaustive: tested cell by cell). */
const NEXT: Record<MinutesState, Partial<Record<MinutesAction, MinutesState>>> = {
  draft: { submit: 'review' },
  review: { return: 'draft', sign: 'signed' },
  signed: { issue: 'issued' },
  issued: { correct: 'draft' },
};

export const MINUTES_ACTION_PERMISSION: Record<MinutesAction, Action> = {
  submit: 'minutes.submit',
  return: 'minutes.return',
  sign: 'minutes.sign',
  issue: 'minutes.issue',
  correct: 'minutes.correct',
};

export function allowedMinutesActions(state: MinutesState): MinutesAction[] {
  return MINUTES_ACTIONS.filter((a) => NEXT[state][a] !== undefined);
}

/** Only a draft's text may change (送审 and later are read-only; 退回修改 and 更正 return to draft). */
export function isMinutesEditable(m: Pick<Minutes, 'state'>): boolean {
  return m.state === 'draft';
}

export interface MinutesTransitionContext {
  /** Business date (YYYY-MM-DD, Asia/Shanghai). */
  on: string;
  at: string;
  actor: { id: string; name: string };
  /** 退回修改: required. 签发: optional note. */
  comment?: string;
  /** 更正: required. */
  reason?: string;
  /** 印发: the 第×期 number for `on`'s year (kept when a correction is re-issued). */
  issueNumber?: number;
}

/** Pure: the minutes after `action`, or DomainError('invalid-transition' | 'validation'). */
export function transitionMinutes(m: Minutes, action: MinutesAction, c: MinutesTransitionContext): Minutes {
  const to = NEXT[m.state][action];
  if (!to) {
    throw new DomainError(
      'invalid-transition',
      `会议纪要处于“${MINUTES_STATE_LABELS[m.state]}”状态，不能${MINUTES_ACTION_LABELS[action]}`,
    );
  }
  const comment = c.comment?.trim();
  const base: Minutes = { ...m, state: to, updatedAt: c.at };
  switch (action) {
    case 'submit':
      return base;
    case 'return': {
      if (!comment) throw new DomainError('validation', '退回修改：请填写修改意见');
      return { ...base, comments: [...(m.comments ?? []), note(c, 'return', comment)] };
    }
    case 'sign': {
      const signed: Minutes = { ...base, signedByProfileId: c.actor.id, signedByName: c.actor.name, signedOn: c.on };
      return comment ? { ...signed, comments: [...(m.comments ?? []), note(c, 'sign', comment)] } : signed;
    }
    case 'issue': {
      const number = m.issueNumber ?? c.issueNumber;
      if (!number) throw new DomainError('validation', '印发：缺少期号');
      return { ...base, issueNumber: number, issueYear: m.issueYear ?? Number(c.on.slice(0, 4)), issuedOn: c.on };
    }
    case 'correct': {
      const reason = c.reason?.trim();
      if (!reason) throw new DomainError('validation', '更正：请填写更正原因');
      const { signedByProfileId: _p, signedByName: _n, signedOn: _o, ...rest } = base;
      return { ...rest, correctionReason: reason, comments: [...(m.comments ?? []), note(c, 'correction', reason)] };
    }
  }
}

function note(c: MinutesTransitionContext, kind: 'return' | 'sign' | 'correction', text: string) {
  return { on: c.at, byProfileId: c.actor.id, byName: c.actor.name, text, kind };
}

/** 第×期: numbered per year over the minutes already issued that year. */
export function nextIssueNumber(issued: readonly Pick<Minutes, 'issueYear' | 'issueNumber'>[], year: number): number {
  let max = 0;
  for (const m of issued)
    if (m.issueYear === year && m.issueNumber !== undefined && m.issueNumber > max) max = m.issueNumber;
  return max + 1;
}

/** A resolution node found in a document, with where it sits. */
export interface PlacedResolution {
  attrs: ResolutionAttrs;
  /** 1-based position among the document's resolutions. */
  index: number;
  /** The agenda item of the section (一、关于……) it is written under, when one can be matched. */
  agendaItemId?: string;
}

function headingText(node: { content?: { type: string; text?: string }[] }): string {
  return (node.content ?? [])
    .map((n) => n.text ?? '')
    .join('')
    .trim();
}

function bareTitle(s: string): string {
  return s
    .replace(/^关于/, '')
    .replace(/[的]?(情况|问题|事项)?$/, '')
    .trim();
}

/**
 * The document's resolution nodes in order, each placed under its section's agenda item: matched by
 * title ("关于" + the agenda title, as the template writes it), otherwise by the section's position
 * among the level-1 headings when the office renamed a heading.
 */
export function placeResolutions(
  doc: MinutesDoc,
  agenda: readonly (Pick<AgendaItem, 'id' | 'title' | 'order'> & { snapshot?: { title: string } })[],
): PlacedResolution[] {
  const ordered = [...agenda].sort((a, b) => a.order - b.order);
  const out: PlacedResolution[] = [];
  let section = -1;
  let sectionItem: string | undefined;
  for (const node of doc.content) {
    if (node.type === 'heading' && node.attrs.level === 1) {
      section += 1;
      const text = bareTitle(headingText(node));
      const byTitle = ordered.find((a) => {
        const t = bareTitle(a.snapshot?.title ?? a.title);
        return t.length > 0 && (t === text || text.includes(t) || t.includes(text));
      });
      sectionItem = byTitle?.id ?? ordered[section]?.id;
    } else if (node.type === 'resolution') {
      out.push({
        attrs: node.attrs,
        index: out.length + 1,
        ...(sectionItem ? { agendaItemId: sectionItem } : {}),
      });
    }
  }
  return out;
}

/** Problems that keep a document from being sent for review or issued (each names the resolution). */
export function resolutionProblems(placed: readonly PlacedResolution[], knownUnitIds: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const p of placed) {
    const who = `第 ${p.index} 项议定事项`;
    if (seen.has(p.attrs.id)) problems.push(`${who}与前面的议定事项编号重复`);
    seen.add(p.attrs.id);
    if (!p.attrs.content.trim()) problems.push(`${who}：请填写议定事项内容`);
    if (!p.attrs.leadUnitId) problems.push(`${who}：请选择牵头单位`);
    else if (!knownUnitIds.has(p.attrs.leadUnitId)) problems.push(`${who}：牵头单位不存在`);
    if (p.attrs.coUnitIds.includes(p.attrs.leadUnitId)) problems.push(`${who}：牵头单位不能同时是配合单位`);
    for (const id of p.attrs.coUnitIds) if (!knownUnitIds.has(id)) problems.push(`${who}：配合单位不存在`);
    if (!p.attrs.deadline) problems.push(`${who}：请填写完成时限`);
  }
  return problems;
}

/** What saving a document does to the resolution records (node ↔ record, applied in one transaction). */
export interface ResolutionSyncPlan {
  add: PlacedResolution[];
  update: { before: Resolution; placed: PlacedResolution }[];
  /** Draft records whose node is gone (deleted or cut). */
  remove: Resolution[];
  /** Issued tasks whose node is gone: a correction may not drop them silently. */
  orphanedTasks: Resolution[];
}

/** The record fields a node determines. */
export function recordFieldsOf(p: PlacedResolution): Pick<
  Resolution,
  'content' | 'leadUnitId' | 'coUnitIds' | 'feedback' | 'agendaItemId'
> & {
  deadlineRule?: Resolution['deadlineRule'];
} {
  return {
    content: p.attrs.content.trim(),
    leadUnitId: p.attrs.leadUnitId,
    coUnitIds: [...p.attrs.coUnitIds],
    ...(p.attrs.feedback.trim() ? { feedback: p.attrs.feedback.trim() } : {}),
    ...(p.agendaItemId ? { agendaItemId: p.agendaItemId } : {}),
    ...(p.attrs.deadline ? { deadlineRule: p.attrs.deadline } : {}),
  };
}

function sameFields(r: Resolution, p: PlacedResolution): boolean {
  const f = recordFieldsOf(p);
  return (
    r.content === f.content &&
    r.leadUnitId === f.leadUnitId &&
    JSON.stringify(r.coUnitIds) === JSON.stringify(f.coUnitIds) &&
    (r.feedback ?? '') === (f.feedback ?? '') &&
    (r.agendaItemId ?? '') === (f.agendaItemId ?? '') &&
    JSON.stringify(r.deadlineRule ?? null) === JSON.stringify(f.deadlineRule ?? null)
  );
}

/**
 * Pure: compares the document's resolution nodes with the minutes' records. Nodes without a record
 * are added, changed ones updated, draft records without a node removed; issued tasks are never
 * removed (they are reported as orphaned so the caller can refuse).
 */
export function planResolutionSync(
  placed: readonly PlacedResolution[],
  records: readonly Resolution[],
): ResolutionSyncPlan {
  const byId = new Map(records.map((r) => [r.id, r]));
  const inDoc = new Set<string>();
  const plan: ResolutionSyncPlan = { add: [], update: [], remove: [], orphanedTasks: [] };
  for (const p of placed) {
    if (inDoc.has(p.attrs.id)) continue; // a duplicate id is refused by resolutionProblems; never two records
    inDoc.add(p.attrs.id);
    const before = byId.get(p.attrs.id);
    if (!before) plan.add.push(p);
    else if (!sameFields(before, p)) plan.update.push({ before, placed: p });
  }
  for (const r of records) {
    if (inDoc.has(r.id)) continue;
    if (r.state === 'draft') plan.remove.push(r);
    else plan.orphanedTasks.push(r);
  }
  return plan;
}
