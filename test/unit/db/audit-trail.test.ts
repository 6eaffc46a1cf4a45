import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { AuditAction, AuditEntry, AuditedEntity } from '../../../shared/domain';
import { auditDayBounds } from '../../../shared/domain/audit-labels';
import type { AuditTrailFilter } from '../../../renderer/src/db/repositories/audit';
import { auditRows, unitInput, withProfile, type Harness } from './helpers';

const ENTITIES: AuditedEntity[] = ['dispute', 'topic', 'unit', 'meeting', 'system'];
const ACTIONS: AuditAction[] = ['create', 'update', 'transition', 'export'];
const ACTORS = ['a1', 'a2', 'a3'];
const N = 3_000;

/** `N` synthetic entries after the harness's own, spread over 2025-01-01 .. about 2026-05 (two a day). */
async function appendSynthetic(h: Harness): Promise<void> {
  const last = (await h.db.audit.orderBy('seq').last())!;
  const start = Date.UTC(2024, 11, 31, 16, 0, 0); // 2025-01-01 00:00 Shanghai
  const rows: AuditEntry[] = [];
  for (let i = 0; i < N; i++) {
    const seq = last.seq + 1 + i;
    rows.push({
      seq,
      // Every 12 hours; i = 1 lands at 12:00 Shanghai, i = 0 at midnight (the day boundary).
      ts: new Date(start + i * 12 * 3600 * 1000).toISOString(),
      actorId: ACTORS[i % 3]!,
      actorName: `人员${i % 3}`,
      actorRole: 'office_staff',
      entity: ENTITIES[i % 5]!,
      entityId: `x${i % 40}`,
      action: ACTIONS[i % 4]!,
      before: null,
      after: { n: i },
      prevHash: '0',
      hash: String(seq),
    });
  }
  await h.db.audit.bulkAdd(rows);
}

/** What a whole-table read and a JavaScript filter give: the reference the indexed pages must equal. */
function expected(all: AuditEntry[], f: AuditTrailFilter): number[] {
  const { fromTs, toTs } = auditDayBounds(f.from, f.to);
  return all
    .filter(
      (e) =>
        (!f.entity || e.entity === f.entity) &&
        (!f.entityId || e.entityId === f.entityId) &&
        (!f.actorId || e.actorId === f.actorId) &&
        (!f.action || e.action === f.action) &&
        (!fromTs || e.ts >= fromTs) &&
        (!toTs || e.ts < toTs),
    )
    .map((e) => e.seq)
    .sort((a, b) => b - a);
}

describe('audit trail: filtered, paged read through indexes', () => {
  let h: Harness;
  let all: AuditEntry[];
  let disputeId: string;
  beforeAll(async () => {
    h = await withProfile();
    const u1 = await h.dl.units.create(unitInput('城关镇综合行政执法队'));
    const u2 = await h.dl.units.create(unitInput('区市场监管局'));
    const d = await h.dl.disputes.register({
      matter: '占道经营查处主体',
      type: 'jurisdiction',
      partyUnitIds: [u1.id, u2.id],
      firstHandlingUnitId: u1.id,
      registeredOn: '2026-11-20',
    });
    disputeId = d.id;
    await appendSynthetic(h);
    all = await auditRows(h.db);
  });

  it('pages through every filter exactly as the whole-table filter, newest first, without reading the table', async () => {
    const toArray = vi.spyOn(h.db.audit, 'toArray');
    const toCollection = vi.spyOn(h.db.audit, 'toCollection');
    const filters: AuditTrailFilter[] = [
      {},
      { entity: 'dispute' },
      { actorId: 'a2' },
      { action: 'transition' },
      { entity: 'topic', actorId: 'a1', action: 'update' },
      { from: '2025-03-09', to: '2025-03-20' },
      { entity: 'unit', from: '2025-06-01', to: '2025-12-31' },
      { entity: 'meeting', entityId: 'x3' },
      { actorId: 'a3', action: 'export', from: '2026-01-01' },
      { from: '2030-01-01' },
    ];
    for (const f of filters) {
      const seqs: number[] = [];
      let before: number | undefined;
      let total: number | undefined;
      let pages = 0;
      do {
        const page = await h.dl.audit.page(f, { beforeSeq: before, limit: 97 });
        expect(page.entries.length).toBeLessThanOrEqual(97);
        seqs.push(...page.entries.map((e) => e.seq));
        before = page.nextBeforeSeq;
        if (pages === 0) total = page.total;
        pages++;
      } while (before !== undefined);
      const want = expected(all, f);
      expect(seqs, JSON.stringify(f)).toEqual(want);
      // A single constraint is counted exactly on its index; a combination is not counted.
      const single = [f.entity, f.actorId, f.action].filter((x) => x !== undefined).length <= 1;
      if (single) expect(total, JSON.stringify(f)).toBe(want.length);
    }
    expect(toArray).not.toHaveBeenCalled();
    expect(toCollection).not.toHaveBeenCalled();
    toArray.mockRestore();
    toCollection.mockRestore();
  });

  it('counts a day in Asia/Shanghai: midnight there belongs to the new day', async () => {
    const page = await h.dl.audit.page({ from: '2025-01-02', to: '2025-01-02' }, { limit: 10 });
    // i = 2 (2025-01-02 00:00) and i = 3 (12:00).
    expect(page.entries.map((e) => (e.after as { n: number }).n)).toEqual([3, 2]);
  });

  it('names the page’s objects from lookups read for that page only, and opens one entry with its references', async () => {
    const page = await h.dl.audit.page({ entity: 'dispute', entityId: disputeId }, { limit: 5 });
    expect(page.entries).toHaveLength(1);
    const d = (await h.dl.disputes.get(disputeId))!;
    expect(page.lookups.disputes.get(disputeId)).toEqual({ number: d.number });
    // Only the dispute itself on a list page; its parties are read when the entry is opened.
    expect(page.lookups.units.size).toBe(0);
    const opened = (await h.dl.audit.entry(page.entries[0]!.seq))!;
    expect([...opened.lookups.units.values()].map((u) => u.name).sort()).toEqual([
      '区市场监管局',
      '城关镇综合行政执法队',
    ]);
  });

  it('records an export of the trail as a system entry', async () => {
    await h.dl.audit.recordExport('审计记录-20261122.xlsx', { rows: 12, filter: '执法争议' });
    const page = await h.dl.audit.page({ entity: 'system', action: 'export' }, { limit: 1 });
    expect(page.entries[0]).toMatchObject({
      entity: 'system',
      entityId: 'audit.trail',
      after: { document: '审计记录', fileName: '审计记录-20261122.xlsx', rows: 12, filter: '执法争议' },
    });
    expect((await h.dl.audit.actors()).map((a) => a.name)).toEqual(['王小明']);
  });
});
