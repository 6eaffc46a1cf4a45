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
    for (const t of withComplainant) {
      if (t.complainant?.name) expect(trail).not.toContain(t.complainant.name);
      if (t.complainant?.phone) expect(trail).not.toContain(t.complainant.phone);
    }
    db.close();
  });
});
