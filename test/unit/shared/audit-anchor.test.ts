import { describe, expect, it } from 'vitest';
import { isAuditAnchor } from '../../../shared/domain/audit';

describe('isAuditAnchor (the one check of a stored chain head)', () => {
  it('accepts { seq, hash } and refuses anything else a damaged settings row or manifest may hold', () => {
    expect(isAuditAnchor({ seq: 3, hash: 'ab' })).toBe(true);
    for (const bad of [null, undefined, 3, 'x', {}, { seq: '3', hash: 'ab' }, { seq: 3 }, { hash: 'ab' }, [3, 'ab']])
      expect(isAuditAnchor(bad)).toBe(false);
  });
});
