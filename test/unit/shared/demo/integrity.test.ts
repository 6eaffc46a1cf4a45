import { describe, expect, it } from 'vitest';
import { generateDemoDataset } from '../../../../shared/demo/generate';
import { checkDatasetIntegrity, checkDatasetSchemas } from '../../../../shared/demo/integrity';
import type { Dataset } from '../../../../shared/demo/types';

const fresh = (): Dataset => generateDemoDataset({ seed: 5, scale: 1, today: '2026-03-09' });

describe('checkDatasetIntegrity', () => {
  it('returns no problems for generated datasets of several seeds', () => {
    for (const seed of [2, 3, 4, 1234567, 20260309]) {
      expect(checkDatasetIntegrity(generateDemoDataset({ seed, scale: 1, today: '2025-11-20' }))).toEqual([]);
    }
  });

  it('reports a person whose unit does not exist', () => {
    const ds = fresh();
    const p = ds.people[3]!;
    p.unitId = 'no-such-unit';
    expect(checkDatasetIntegrity(ds)).toEqual([`people ${p.id}.unitId → missing units no-such-unit`]);
  });

  it('reports dangling references from resolutions, task events, topics and disputes', () => {
    const ds = fresh();
    const r = ds.resolutions[0]!;
    r.coUnitIds = [...r.coUnitIds, 'ghost-unit'];
    ds.taskEvents[0]!.resolutionId = 'ghost-resolution';
    const merged = ds.topics.find((t) => t.state === 'merged')!;
    merged.mergedIntoTopicId = 'ghost-topic';
    const agreed = ds.disputes.find((d) => d.agreementMeetingId)!;
    agreed.agreementMeetingId = 'ghost-meeting';
    const problems = checkDatasetIntegrity(ds);
    expect(problems).toContain(`resolutions ${r.id}.coUnitIds → missing units ghost-unit`);
    expect(problems.some((p) => p.includes('resolutionId → missing resolutions ghost-resolution'))).toBe(true);
    expect(problems).toContain(`topics ${merged.id}.mergedIntoTopicId → missing topics ghost-topic`);
    expect(problems).toContain(`disputes ${agreed.id}.agreementMeetingId → missing meetings ghost-meeting`);
    expect(problems).toHaveLength(4);
  });

  it('reports duplicate ids, an agenda item of another meeting and a first-handling unit outside the parties', () => {
    const ds = fresh();
    ds.units.push({ ...ds.units[0]! });
    const r = ds.resolutions.find((x) => x.agendaItemId)!;
    const foreign = ds.agendaItems.find((a) => a.meetingId !== r.meetingId)!;
    r.agendaItemId = foreign.id;
    const d = ds.disputes[0]!;
    d.firstHandlingUnitId = ds.units.find((u) => !d.partyUnitIds.includes(u.id))!.id;
    const problems = checkDatasetIntegrity(ds);
    expect(problems).toContain(`units: duplicate id ${ds.units[0]!.id}`);
    expect(problems).toContain(`resolutions ${r.id}.agendaItemId belongs to another meeting (${foreign.meetingId})`);
    expect(problems).toContain(`disputes ${d.id}.firstHandlingUnitId is not a party`);
  });

  it('reports a second minutes record for one meeting', () => {
    const ds = fresh();
    const copy = { ...ds.minutes[0]!, id: 'second-minutes' };
    ds.minutes.push(copy);
    expect(checkDatasetIntegrity(ds)).toEqual([
      `minutes second-minutes: meeting ${copy.meetingId} has more than one minutes record`,
    ]);
  });
});

describe('checkDatasetSchemas', () => {
  it('names the record and field that fail their schema', () => {
    const ds = fresh();
    const u = ds.units[0]!;
    u.liaisonPhone = '12345';
    expect(checkDatasetSchemas(ds)).toEqual([
      `units ${u.id}: liaisonPhone 电话号码格式不正确（手机号 11 位，或带区号的座机号，如 0599-1234567；可含空格或短横线）`,
    ]);
  });
});
