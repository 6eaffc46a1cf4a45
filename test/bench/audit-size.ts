/**
 * Bench rows: how much of a record an audit entry keeps (issue 10, AUD), changed-fields entries vs two
 * whole copies, computed side by side on the same changes (auditPayload with and without changedOnly)
 * over the district demo profile at 1/10: a field edit of every dispute and unit, a state change of every
 * 议定事项, and the creation of every 纪要 (its body kept as a digest). Bytes are JSON of before + after only;
 * every entry also carries ~600 B of its own (seq, time, actor, three hashes).
 */
import { generateDemoDataset } from '../../shared/demo/generate';
import { auditPayload } from '../../shared/domain/audit-payload';
import { row, type BenchRow } from './lib';

const SECTION = 'Node';

function bytes(changes: readonly [unknown, unknown][], changedOnly: boolean): number {
  let n = 0;
  for (const [b, a] of changes) {
    const p = auditPayload(b, a, { changedOnly });
    n += JSON.stringify([p.before, p.after]).length;
  }
  return n;
}

function whole(changes: readonly [unknown, unknown][]): number {
  return changes.reduce((n, [b, a]) => n + JSON.stringify([b, a]).length, 0);
}

export function auditSizeRows(rows: BenchRow[]): void {
  const ds = generateDemoDataset({ seed: 1, scale: 0.1, today: '2026-11-22', profile: 'district-10y' });
  const at = '2026-11-22T02:00:00.000Z';
  const kinds: { name: string; changes: [unknown, unknown][] }[] = [
    {
      name: 'dispute: 争议事项 edited',
      changes: ds.disputes.map((d) => [d, { ...d, matter: `${d.matter}（补充）`, updatedAt: at }]),
    },
    { name: 'unit: phone edited', changes: ds.units.map((u) => [u, { ...u, phone: '0571-88000000', updatedAt: at }]) },
    {
      name: '议定事项: state changed',
      changes: ds.resolutions.map((r) => [r, { ...r, state: 'in_progress', stateSince: '2026-11-22', updatedAt: at }]),
    },
    { name: '纪要: created (whole, body as a digest)', changes: ds.minutes.map((m) => [null, m]) },
  ];
  for (const k of kinds) {
    const full = whole(k.changes);
    const kept = bytes(k.changes, true);
    rows.push(
      row(
        SECTION,
        `audit entry payload, ${k.name}: kept ÷ what was kept before (two whole copies; one for a create)`,
        `${(kept / full).toFixed(3)}×`,
        `${k.changes.length} changes; ${Math.round(full / k.changes.length)} B → ${Math.round(kept / k.changes.length)} B each (before + after JSON); district profile 1/10`,
      ),
    );
  }
}
