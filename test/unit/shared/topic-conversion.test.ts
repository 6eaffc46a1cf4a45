import { describe, expect, it } from 'vitest';
import {
  conversionNeedsOtherParty,
  disputeDraftFromTopic,
  disputeInputSchema,
  disputeTypeForCategory,
  TOPIC_CATEGORIES,
  type Topic,
} from '../../../shared/domain';

const topic = (over: Partial<Topic> = {}): Topic => ({
  id: 't1',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  title: '农贸市场周边占道经营查处主体不明',
  submittingUnitId: 'town',
  submittedOn: '2026-02-01',
  category: 'jurisdiction_dispute',
  description: '说明',
  urgency: 'normal',
  relatedUnitIds: ['dept'],
  state: 'accepted',
  ...over,
});

describe('topic → dispute conversion', () => {
  it('maps categories to dispute types, 管辖权 otherwise', () => {
    const map = Object.fromEntries(TOPIC_CATEGORIES.map((c) => [c, disputeTypeForCategory(c)]));
    expect(map).toEqual({
      jurisdiction_dispute: 'jurisdiction',
      responsibility_boundary: 'responsibility',
      case_transfer: 'transfer',
      enforcement_assistance: 'assistance',
      information_sharing: 'jurisdiction',
      joint_enforcement: 'jurisdiction',
      law_application: 'law_application',
      major_case_lead: 'jurisdiction',
      work_report: 'jurisdiction',
      other: 'jurisdiction',
    });
  });

  it('pre-fills a valid dispute registration from the topic', () => {
    const draft = disputeDraftFromTopic(topic({ relatedUnitIds: ['dept', 'town', 'water'] }), { today: '2026-03-01' });
    expect(draft).toEqual({
      matter: '农贸市场周边占道经营查处主体不明',
      type: 'jurisdiction',
      partyUnitIds: ['town', 'dept', 'water'],
      positions: {},
      firstHandlingUnitId: 'town',
      relatedTopicId: 't1',
      registeredOn: '2026-03-01',
    });
    expect(disputeInputSchema.safeParse(draft).success).toBe(true);
  });

  it('asks for the other party when the topic names only its own unit', () => {
    const lonely = topic({ relatedUnitIds: [] });
    expect(conversionNeedsOtherParty(lonely)).toBe(true);
    expect(conversionNeedsOtherParty(topic())).toBe(false);
    expect(() => disputeDraftFromTopic(lonely, { today: '2026-03-01' })).toThrow(/请选择争议的另一方/);
    expect(() => disputeDraftFromTopic(lonely, { today: '2026-03-01', otherPartyUnitIds: ['town'] })).toThrow(/另一方/);
    expect(disputeDraftFromTopic(lonely, { today: '2026-03-01', otherPartyUnitIds: ['dept'] }).partyUnitIds).toEqual([
      'town',
      'dept',
    ]);
  });
});
