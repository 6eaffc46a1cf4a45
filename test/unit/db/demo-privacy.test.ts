import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { generateDemoDataset } from '../../../shared/demo/generate';
import { createDataLayer, openDatabase } from '../../../renderer/src/db';

describe('demo data and complainant privacy', () => {
  it('keeps clear complainant data out of the audit trail', async () => {
    const db = openDatabase(`demo-privacy-${Math.random()}`);
    const dl = createDataLayer(db);
    await dl.profiles.create({ name: '王丽', unitName: '城关镇', role: 'office_staff' });
    const ds = generateDemoDataset({ seed: 7, scale: 1, today: '2026-11-22' });
    const withComplainant = ds.topics.filter((t) => t.complainant?.name || t.complainant?.phone);
    expect(withComplainant.length).toBeGreaterThan(0);
    await dl.demo.load(ds);
    const trail = JSON.stringify(await db.audit.toArray());
    // Stored sealed (PII-1): neither the trail nor the topics table holds a clear value.
    const stored = JSON.stringify(await db.topics.toArray());
    for (const t of withComplainant) {
      for (const v of [t.complainant?.name, t.complainant?.phone, t.complainant?.idNumber]) {
        if (!v) continue;
        expect(trail).not.toContain(v);
        expect(stored).not.toContain(v);
      }
    }
    expect(trail).not.toContain('pii1:');
    const rows = await db.topics.bulkGet(withComplainant.map((t) => t.id));
    expect(rows.every((r) => r && !('complainant' in r) && r.complainantSealed?.startsWith('pii1:'))).toBe(true);
    // And each opens to what the generator made.
    const first = withComplainant[0]!;
    expect(await dl.topics.reveal(first.id, '核实')).toEqual(first.complainant);
    db.close();
  });
});
