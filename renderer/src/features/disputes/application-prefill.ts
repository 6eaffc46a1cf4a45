import { formatChineseDate, type Dispute } from '../../../../shared/domain';

/**
 * Starting texts for the 提请协调申请, drawn from the record and its rounds. They are document
 * content (always Chinese, whatever the interface language); the office edits them before escalating.
 * The document itself lists every round and each party's position after these texts, so the
 * negotiation text is a summary only.
 */
export function applicationPrefill(
  d: Dispute,
  unitName: (id: string) => string,
): {
  matter: string;
  negotiation: string;
  focus: string;
  reasons: string;
} {
  const parties = d.partyUnitIds.map(unitName).join('、');
  const first = d.rounds[0];
  const last = d.rounds[d.rounds.length - 1];
  const span =
    first && last && first.date !== last.date
      ? `${formatChineseDate(first.date)}至${formatChineseDate(last.date)}`
      : first
        ? formatChineseDate(first.date)
        : '';
  const negotiation =
    d.rounds.length > 0
      ? `${span}，${parties}先后进行${d.rounds.length}次协商，未能达成一致意见。`
      : `${parties}经协商未能达成一致意见。`;
  return {
    matter: d.relatedCase ? `${d.matter}（关联案件：${d.relatedCase}）` : d.matter,
    negotiation,
    focus: '',
    reasons: d.partyUnitIds
      .map((id) => {
        const p = d.positions[id]?.trim();
        return p ? `${unitName(id)}认为：${p}` : '';
      })
      .filter((line) => line !== '')
      .join('\n'),
  };
}

/**
 * The document lists each party's position after 各方理由和依据; positions the office already quoted
 * there are left out so the application does not say the same thing twice.
 */
export function positionsNotQuoted(d: Dispute): Dispute['positions'] {
  const reasons = d.escalation?.reasons ?? '';
  return Object.fromEntries(Object.entries(d.positions).filter(([, p]) => !reasons.includes(p.trim())));
}
