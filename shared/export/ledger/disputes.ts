import type { Dispute } from '../../domain/dispute';
import { disputeStateLabel } from '../../domain/dispute-rules';
import { formatChineseDate } from '../../domain/format';
import { type LedgerSheet, safeCell } from './cells';

export const DISPUTE_TYPE_LABELS: Record<Dispute['type'], string> = {
  jurisdiction: '管辖权',
  responsibility: '职责边界',
  law_application: '法律适用',
  transfer: '移送受理',
  assistance: '执法协助',
};

/** The result column: what settled the dispute, in the office's words. */
function outcome(d: Dispute, name: (id: string) => string): string {
  if (d.designatedUnitId) return `区政府指定${name(d.designatedUnitId)}管辖（${d.decisionNumber ?? ''}）`;
  if (d.agreement) return `协商一致：${d.agreement}`;
  if (d.state === 'escalated') return '已提请区政府协调';
  return '';
}

/** 执法争议台账: one row per dispute with the columns an office keeps. */
export function disputeLedger(disputes: readonly Dispute[], unitNames: ReadonlyMap<string, string>): LedgerSheet {
  const name = (id: string) => unitNames.get(id) ?? '（未知单位）';
  return {
    name: '执法争议台账',
    columns: [
      { header: '编号', width: 16 },
      { header: '争议事项', width: 36 },
      { header: '争议各方', width: 32 },
      { header: '类型', width: 10 },
      { header: '先行处理单位', width: 20 },
      { header: '登记日期', width: 16 },
      { header: '当前状态', width: 14 },
      { header: '协商次数', width: 10 },
      { header: '处理结果', width: 40 },
      { header: '结案日期', width: 16 },
    ],
    rows: [...disputes]
      .sort((a, b) => a.registeredOn.localeCompare(b.registeredOn) || a.number.localeCompare(b.number))
      .map((d) => [
        safeCell(d.number),
        safeCell(d.matter),
        safeCell(d.partyUnitIds.map(name).join('、')),
        DISPUTE_TYPE_LABELS[d.type],
        safeCell(name(d.firstHandlingUnitId)),
        formatChineseDate(d.registeredOn),
        disputeStateLabel(d.state),
        d.rounds.length,
        safeCell(outcome(d, name)),
        d.closedOn ? formatChineseDate(d.closedOn) : '',
      ]),
  };
}
