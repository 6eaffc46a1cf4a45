/**
 * `npm run test:durability`: the crash-durability test (crash.ts: ≥ 10,000 confirmed writes, ≥ 20 SIGKILLs of the
 * whole Chromium process tree), its renderer-only variant (≥ 2,000 confirmed writes, ≥ 20 SIGKILLs of the renderer
 * processes alone, the page opened again in the browser that survived), the upgrade-kill test (upgrade.ts: SIGKILL during the latest upgrade and during
 * the data upgrade, 5 kills each) and the corrupted-profile suite (corrupt-profile.ts: the web build on a profile
 * whose IndexedDB files were damaged five ways), one after the other (one Chromium at a time; ports 5441–5443).
 * Prints the figures; exits non-zero if a confirmed write was lost or half-applied, the audit chain did not
 * verify, an upgrade was left half-done or did not complete on restart, or the app started on a damaged profile
 * with a blank page or with data missing and nothing said.
 *
 * Options: --writes N --kills N --seed N (crash), --renderer-writes N (renderer-only variant), --runs N --audit-rows N --resolution-rows N (upgrade),
 * --dist DIR (corrupt: a web build; default dist-web, built when missing), --only crash|renderer|upgrade|corrupt.
 */
import { printCorruptProfileReport, runCorruptProfileTest } from './corrupt-profile';
import { printCrashReport, runCrashTest } from './crash';
import { printUpgradeReport, runUpgradeTest } from './upgrade';

function arg(name: string): number | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : undefined;
}
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;

let ok = true;
const t0 = Date.now();
if (only === undefined || only === 'crash') {
  const crash = await runCrashTest({ minWrites: arg('writes'), minKills: arg('kills'), seed: arg('seed') });
  printCrashReport(crash);
  ok &&= crash.ok;
}
if (only === undefined || only === 'renderer') {
  // Renderer-only kills (the browser and its IndexedDB backend survive): fewer writes, the same checks.
  const renderer = await runCrashTest({
    minWrites: arg('renderer-writes') ?? 2_000,
    minKills: arg('kills'),
    seed: arg('seed'),
    mode: 'renderer',
  });
  printCrashReport(renderer);
  ok &&= renderer.ok;
}
if (only === undefined || only === 'upgrade') {
  const upgrade = await runUpgradeTest({
    runs: arg('runs'),
    seed: arg('seed'),
    rows: { 'audit-indexes': arg('audit-rows'), 'resolution-rows': arg('resolution-rows') },
  });
  printUpgradeReport(upgrade);
  ok &&= upgrade.ok;
}
if (only === undefined || only === 'corrupt') {
  const i = process.argv.indexOf('--dist');
  const corrupt = await runCorruptProfileTest({ dist: i >= 0 ? process.argv[i + 1] : undefined });
  printCorruptProfileReport(corrupt);
  ok &&= corrupt.ok;
}
console.log(`durability: ${ok ? 'PASS' : 'FAIL'} in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
process.exit(ok ? 0 : 1);
