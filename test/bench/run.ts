/**
 * Benchmarks (not tests: no thresholds). Speed is reported as ratios, which stay meaningful across
 * machines: how generation and the audit chain scale with size, and how verify compares with build.
 *   npm run bench
 */
import { performance } from 'node:perf_hooks';
import { generateDemoDataset } from '../../shared/demo/generate';
import { sealAuditEntry, verifyAuditChain } from '../../shared/domain/audit-chain';
import { GENESIS_HASH, type AuditEntry } from '../../shared/domain/audit';

function time<T>(fn: () => T, repeat = 3): { ms: number; value: T } {
  let best = Infinity;
  let value!: T;
  for (let i = 0; i < repeat; i++) {
    const t0 = performance.now();
    value = fn();
    best = Math.min(best, performance.now() - t0);
  }
  return { ms: best, value };
}

function buildChain(n: number): AuditEntry[] {
  const out: AuditEntry[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const e = sealAuditEntry({
      seq,
      ts: '2026-11-22T02:00:00.000Z',
      actorId: 'p1',
      actorName: '王丽',
      actorRole: 'office_staff',
      entity: 'unit',
      entityId: `u${seq}`,
      action: 'update',
      before: { name: `单位${seq}`, phone: '13800000000' },
      after: { name: `单位${seq}（改）`, phone: '13800000000' },
      prevHash: prev,
    });
    out.push(e);
    prev = e.hash;
  }
  return out;
}

const rows: [string, string][] = [];
const gen1 = time(() => generateDemoDataset({ seed: 1, scale: 1, today: '2026-11-22' }));
const gen50 = time(() => generateDemoDataset({ seed: 1, scale: 50, today: '2026-11-22' }), 2);
const count = (d: ReturnType<typeof generateDemoDataset>) => Object.values(d).reduce((n, t) => n + t.length, 0);
const perRecord1 = gen1.ms / count(gen1.value);
const perRecord50 = gen50.ms / count(gen50.value);
rows.push([
  'demo generator: cost per record at scale 50 ÷ at scale 1 (≈1 = linear)',
  (perRecord50 / perRecord1).toFixed(2),
]);

const small = time(() => buildChain(10_000), 2);
const large = time(() => buildChain(100_000), 1);
rows.push(['audit chain: sealing 100k ÷ 10 × sealing 10k (≈1 = linear)', (large.ms / (10 * small.ms)).toFixed(2)]);
const verify = time(() => verifyAuditChain(large.value, [{ seq: 100_000, hash: large.value.at(-1)!.hash }]), 2);
if (!verify.value.ok) throw new Error('benchmark chain failed to verify');
rows.push(['audit chain: verify 100k ÷ build 100k', (verify.ms / large.ms).toFixed(2)]);

console.log(`Node ${process.version}, ${new Date().toISOString()}`);
for (const [k, v] of rows) console.log(`${v.padStart(6)}  ${k}`);
