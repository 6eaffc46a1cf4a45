import type { Document } from 'docx';
import { formatChineseDate } from '../../domain/format';
import type { Dispute } from '../../domain/dispute';
import { addressee, blankLine, bodyParagraphs, body, heading, signature, title } from './primitives';
import { officialDocument } from './document';
import { breakTitle } from './meeting-doc-model';

export interface DisputeApplicationInput {
  dispute: Dispute;
  /** Unit names by id (parties, first-handling unit). */
  unitNames: ReadonlyMap<string, string>;
  /** Who applies: one of the parties, or the joint-meeting office. */
  applicant: string;
  /** The escalation authority as addressed, e.g. “区人民政府”. */
  authority: string;
  /** Date of the application, YYYY-MM-DD. */
  date: string;
  auditAnchor?: { seq: number; hash: string };
}

/** Drop trailing punctuation so sentences can be joined. */
function trimEnd(s: string): string {
  return s.trim().replace(/[。；;，,.\s]+$/u, '');
}

/**
 * Title lines at 2号 within the 版心, broken at meaning boundaries: after 的 or 、 inside the matter, and
 * before “行政执法争议的申请”, never inside a word when a boundary fits.
 */
function titleLines(matter: string): string[] {
  return breakTitle(['关于提请协调', ...matter.split(/(?<=[的、])/u), '行政执法争议的申请']);
}

/**
 * 行政执法争议协调申请 (提请协调申请) to the district government, in 通用格式: 事项, 协商情况, 争议焦点,
 * 各方理由和依据, and the statement that the first-handling unit keeps enforcing meanwhile.
 */
export function disputeApplicationDocument(input: DisputeApplicationInput): Document {
  const { dispute: d, unitNames } = input;
  const app = d.escalation;
  if (!app) throw new Error('该争议尚未填写提请协调申请内容');
  const name = (id: string) => unitNames.get(id) ?? '（未知单位）';
  const parties = d.partyUnitIds.map(name).join('、');
  const first = name(d.firstHandlingUnitId);
  const roundsText = d.rounds
    .map(
      (r, i) =>
        `${formatChineseDate(r.date)}第${i + 1}次协商（参加：${r.participants}）：${trimEnd(r.content)}${r.outcome ? `；协商结果：${trimEnd(r.outcome)}` : ''}。`,
    )
    .join('\n');

  const children = [
    title(titleLines(d.matter)),
    blankLine(),
    addressee(`${input.authority}：`),
    body(
      `${parties}就${d.matter}产生行政执法争议，经${d.rounds.length}次协商未能达成一致意见。根据行政执法争议协调处理制度，现提请${input.authority}协调，指定管辖。具体情况如下：`,
    ),
    heading('一、争议事项', 1),
    ...bodyParagraphs(app.matter),
    ...(d.place ? [body(`争议地点：${d.place}。`)] : []),
    heading('二、协商情况', 1),
    ...bodyParagraphs(app.negotiation),
    ...bodyParagraphs(roundsText),
    heading('三、争议焦点', 1),
    ...bodyParagraphs(app.focus),
    heading('四、各方理由和依据', 1),
    ...bodyParagraphs(app.reasons),
    ...d.partyUnitIds.flatMap((id) => {
      const pos = d.positions[id]?.trim();
      return pos ? bodyParagraphs(`${name(id)}：${pos}`) : [];
    }),
    heading('五、争议期间执法情况', 1),
    body(`争议期间，先行处理单位${first}未停止执法活动，依法继续履行先行处理职责。`),
    body(`特此申请，请予协调并指定管辖。`),
    blankLine(),
    ...signature(input.applicant, formatChineseDate(input.date)),
  ];
  return officialDocument(children, {
    title: titleLines(d.matter).join(''),
    creator: input.applicant,
    auditAnchor: input.auditAnchor,
  });
}
