import { readFileSync } from 'node:fs';
import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import {
  assessDispute,
  DEFAULT_STUCK_THRESHOLDS,
  STUCK_SUGGESTIONS,
  type Dispute,
  type StuckReason,
} from '../../../shared/domain';

interface DisputesLocale {
  stuck: { reason: Record<string, string>; suggestion: Record<string, string> };
}
const locale = (lng: string): DisputesLocale =>
  JSON.parse(
    readFileSync(new URL(`../../../renderer/src/i18n/locales/${lng}/disputes.json`, import.meta.url), 'utf8'),
  ) as DisputesLocale;
const zhDisputes = locale('zh-CN');
const enDisputes = locale('en');

/** The chair's review wording of every stuck reason and suggestion, in both languages (issue 11 item 11). */
async function translator(lng: 'zh-CN' | 'en') {
  const i18n = createInstance();
  await i18n.init({
    lng,
    resources: { 'zh-CN': { disputes: zhDisputes }, en: { disputes: enDisputes } },
    interpolation: { escapeValue: false },
  });
  return i18n.t.bind(i18n);
}

const REASONS: StuckReason[] = [
  { code: 'no_negotiation', days: 12 },
  { code: 'no_agreement', days: 315 },
  { code: 'since_last_round', days: 20 },
  { code: 'no_designation', days: 61 },
  { code: 'not_closed', days: 31, state: 'agreed' },
];
const CJK = /[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]/;

describe('stuck reasons and suggestions are worded in each language', () => {
  it('Chinese keeps the official wording', async () => {
    const t = await translator('zh-CN');
    expect(REASONS.map((r) => t(`disputes:stuck.reason.${r.code}`, { days: r.days, state: '协商一致' }))).toEqual([
      '登记已 12 天仍未组织协商',
      '协商已 315 天仍未达成一致',
      '距上次协商已 20 天',
      '提请区政府协调已 61 天未获指定管辖决定',
      '协商一致已 31 天仍未结案',
    ]);
    expect(t('disputes:stuck.suggestion.negotiate_again')).toBe('建议再次组织协商');
  });

  it('English has a sentence for every code, with the days, and no Chinese left', async () => {
    const t = await translator('en');
    for (const r of REASONS) {
      const text = t(`disputes:stuck.reason.${r.code}`, { days: r.days, state: 'agreed' });
      expect(text, r.code).toContain(String(r.days));
      expect(text, r.code).not.toMatch(CJK);
      expect(text, r.code).not.toContain('stuck.reason');
    }
    for (const s of STUCK_SUGGESTIONS) {
      const text = t(`disputes:stuck.suggestion.${s}`);
      expect(text, s).not.toMatch(CJK);
      expect(text, s).not.toContain('stuck.suggestion');
    }
  });

  it('assessDispute gives only codes the locales word', () => {
    const d = {
      state: 'negotiating',
      registeredOn: '2026-01-01',
      stateSince: '2026-01-01',
      rounds: [{ date: '2026-01-02' }],
    } as unknown as Dispute;
    const a = assessDispute(d, '2026-11-12', DEFAULT_STUCK_THRESHOLDS);
    expect(a.reasons.map((r) => r.code)).toEqual(['no_agreement', 'since_last_round']);
    for (const r of a.reasons) expect(Object.keys(enDisputes.stuck.reason)).toContain(r.code);
    expect(Object.keys(zhDisputes.stuck.suggestion).sort()).toEqual([...STUCK_SUGGESTIONS].sort());
  });
});
