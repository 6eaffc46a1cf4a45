import { describe, expect, it } from 'vitest';
import { RULE_PRESETS } from '../../../shared/domain';
import { createDataLayer } from '../../../renderer/src/db/data-layer';
import type { DataLayer } from '../../../renderer/src/db/types';
import {
  auditRows,
  deterministicOptions,
  InjectedFault,
  failAtMutation,
  personInput,
  snapshotTables,
  unitInput,
  withProfile,
  type Harness,
} from './helpers';

type Scenario = [name: string, prepare: (h: Harness) => Promise<(dl: DataLayer) => Promise<unknown>>];

const scenarios: Scenario[] = [
  ['units.create', async () => (dl) => dl.units.create(unitInput('甲局'))],
  [
    'units.update',
    async ({ dl }) => {
      const u = await dl.units.create(unitInput('甲局'));
      return (d) => d.units.update(u.id, { liaisonName: '张三' });
    },
  ],
  [
    'units.remove',
    async ({ dl }) => {
      const u = await dl.units.create(unitInput('甲局'));
      return (d) => d.units.remove(u.id);
    },
  ],
  [
    'people.create',
    async ({ dl }) => {
      const u = await dl.units.create(unitInput('甲局'));
      return (d) => d.people.create(personInput('张三', u.id));
    },
  ],
  [
    'profiles.switchTo',
    async ({ dl, profile }) => {
      await dl.profiles.create({ name: '刘主任', unitName: '镇政府', role: 'convener' });
      return (d) => d.profiles.switchTo(profile.id);
    },
  ],
  ['rules.setActive', async () => (dl) => dl.rules.setActive(RULE_PRESETS[2]!.id)],
  [
    'importer.unitsAndPeople',
    async () => (dl) =>
      dl.importer.unitsAndPeople({
        units: [unitInput('甲局'), unitInput('乙局')] as never,
        people: [
          { name: '张三', unitName: '甲局', role: 'member' },
          { name: '李四', unitName: '乙局', role: 'liaison' },
        ],
      }),
  ],
];

describe('audited writes are all-or-nothing', () => {
  it.each(scenarios)('%s: a fault at any mutation leaves every table as it was', async (_name, prepare) => {
    // First run without a fault, to learn how many mutations the write makes.
    const probe = await withProfile();
    const op = await prepare(probe);
    const stopProbe = failAtMutation(probe.db, Number.POSITIVE_INFINITY);
    await op(probe.dl);
    const mutations = stopProbe();
    expect(mutations).toBeGreaterThanOrEqual(3); // record + audit entry + anchor, at least

    for (let k = 1; k <= mutations; k++) {
      const h = await withProfile();
      const run = await prepare(h);
      const before = await snapshotTables(h.db);
      const stop = failAtMutation(h.db, k);
      await expect(run(h.dl)).rejects.toBeInstanceOf(InjectedFault);
      stop();
      expect(await snapshotTables(h.db), `fault at mutation ${k} of ${mutations}`).toEqual(before);
      expect((await h.dl.audit.verify()).ok).toBe(true);
    }
  });

  it('rolls back the record when the audit entry cannot be written', async () => {
    const { db, dl } = await withProfile();
    const head = await dl.audit.head();
    const fail = () => {
      throw new InjectedFault('audit store refused');
    };
    db.audit.hook('creating', fail);
    await expect(dl.units.create(unitInput('甲局'))).rejects.toThrow('audit store refused');
    db.audit.hook('creating').unsubscribe(fail);
    expect(await db.units.count()).toBe(0);
    expect(await dl.audit.head()).toEqual(head);
    expect(await db.audit.count()).toBe(1);
  });

  it('rolls back the record and its audit entry when the anchor cannot be written', async () => {
    const { db, dl } = await withProfile();
    const before = await snapshotTables(db);
    const fail = () => {
      throw new InjectedFault('anchor refused');
    };
    db.settings.hook('updating', fail);
    await expect(dl.units.create(unitInput('甲局'))).rejects.toThrow('anchor refused');
    db.settings.hook('updating').unsubscribe(fail);
    expect(await snapshotTables(db)).toEqual(before);
  });

  it('rolls back when the id source fails inside the transaction', async () => {
    const { db, dl } = await withProfile();
    const unit = await dl.units.create(unitInput('甲局'));
    const before = await snapshotTables(db);
    const failing = createDataLayer(db, {
      newId: () => {
        throw new InjectedFault('no id');
      },
    });
    await expect(failing.people.create(personInput('张三', unit.id))).rejects.toThrow('no id');
    expect(await snapshotTables(db)).toEqual(before);
  });

  it('gives concurrent writes distinct consecutive seqs', async () => {
    const { db, dl } = await withProfile(deterministicOptions());
    await Promise.all(['甲局', '乙局', '丙局', '丁局', '戊局'].map((n) => dl.units.create(unitInput(n))));
    expect((await auditRows(db)).map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect((await dl.audit.verify()).ok).toBe(true);
  });
});
