/**
 * `npm run test:durability`: the crash-durability test (crash.ts: ≥ 10,000 confirmed writes, ≥ 20 SIGKILLs of the
 * whole Chromium process tree) and the upgrade-kill test (upgrade.ts: SIGKILL during the latest upgrade and during
 * the data upgrade, 5 kills each), one after the other (one Chromium at a time; ports 5441 and 5442). Prints the
 * figures; exits non-zero if a confirmed write was lost or half-applied, the audit chain did not verify, or an
 * upgrade was left half-done or did not complete on restart.
 *
 * Options: --writes N --kills N --seed N (crash), --runs N --audit-rows N --resolution-rows N (upgrade),
 * --only crash|upgrade.
 */
import { printCrashReport, runCrashTest } from './crash';
import { printUpgradeReport, runUpgradeTest } from './upgrade';

function arg(name: string): number | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : undefined;
}
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;

let ok = true;
const t0 = Date.now();
if (only !== 'upgrade') {
  const crash = await runCrashTest({ minWrites: arg('writes'), minKills: arg('kills'), seed: arg('seed') });
  printCrashReport(crash);
  ok &&= crash.ok;
}
if (only !== 'crash') {
  const upgrade = await runUpgradeTest({
    runs: arg('runs'),
    seed: arg('seed'),
    rows: { 'audit-indexes': arg('audit-rows'), 'resolution-rows': arg('resolution-rows') },
  });
  printUpgradeReport(upgrade);
  ok &&= upgrade.ok;
}
console.log(`durability: ${ok ? 'PASS' : 'FAIL'} in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
process.exit(ok ? 0 : 1);
