import { describe, expect, it } from 'vitest';
import { attentionBadgeCount, attentionItems } from '../../../../renderer/src/features/followup/attention-items';

const counts = { dueSoon: 2, overdue: 3, pendingVerification: 4, pendingExtensions: 1, minutesAwaitingSignOff: 5 };

describe('attention list per role', () => {
  it('puts what the role deals with first, by the permission rule', () => {
    const keys = (role: Parameters<typeof attentionItems>[1]) =>
      attentionItems(counts, role).map((i) => `${i.key}${i.yours ? '*' : ''}`);
    expect(keys('supervisor')).toEqual([
      'overdue*',
      'dueSoon*',
      'pendingVerification*',
      'pendingExtensions',
      'minutesAwaitingSignOff',
    ]);
    expect(keys('convener')).toEqual([
      'overdue*',
      'dueSoon*',
      'pendingExtensions*',
      'minutesAwaitingSignOff*',
      'pendingVerification',
    ]);
    expect(keys('liaison').slice(0, 2)).toEqual(['overdue*', 'dueSoon*']);
  });

  it('leaves out others’ items that have nothing, never the role’s own', () => {
    const none = { ...counts, pendingVerification: 0, minutesAwaitingSignOff: 0 };
    expect(attentionItems(none, 'office_staff').map((i) => i.key)).toEqual(['overdue', 'dueSoon', 'pendingExtensions']);
    expect(attentionItems({ ...none, overdue: 0 }, 'office_staff')[0]).toMatchObject({ key: 'overdue', count: 0 });
  });

  it('badge = the sum of the role’s own items; 0 while loading or without a profile', () => {
    expect(attentionBadgeCount(counts, 'supervisor')).toBe(3 + 2 + 4);
    expect(attentionBadgeCount(counts, 'convener')).toBe(3 + 2 + 1 + 5);
    expect(attentionBadgeCount(undefined, 'convener')).toBe(0);
    expect(attentionBadgeCount(counts, undefined)).toBe(0);
  });

  it('links each item to its filtered list', () => {
    const to = Object.fromEntries(attentionItems(counts, 'convener').map((i) => [i.key, i.to]));
    expect(to).toMatchObject({
      overdue: '/followup?warning=overdue',
      dueSoon: '/followup?warning=due_soon',
      pendingExtensions: '/followup?extension=pending',
      pendingVerification: '/followup?state=done_pending_verification',
    });
  });
});
