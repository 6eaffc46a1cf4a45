import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSIONS } from '../../../renderer/src/db/migrations';
import { minutesSchema, resolutionSchema } from '../../../shared/domain';
import { createMigrationHarness, dumpTables } from './migration-harness';

const v1Only = SCHEMA_VERSIONS.filter((v) => v.version === 1);
const T = '2025-06-01T08:00:00.000Z';
const base = { createdAt: T, updatedAt: '2025-07-10T08:00:00.000Z', meetingId: 'm1', leadUnitId: 'u1', coUnitIds: [] };

const rows = {
  meetings: [{ id: 'm1', year: 2025, state: 'issued', kind: 'regular', startsAt: '2025-06-01T01:00:00.000Z' }],
  minutes: [
    {
      id: 'mn1',
      meetingId: 'm1',
      state: 'issued',
      version: 2,
      issueNumber: 3,
      issuedOn: '2025-06-05',
      createdAt: T,
      updatedAt: T,
      content: { type: 'doc', content: [] },
    },
  ],
  resolutions: [
    { ...base, id: 'r-draft', state: 'draft', content: '起草中', deadlineWorkingDays: 5 },
    { ...base, id: 'r-ns', state: 'not_started', content: '未启动', deadline: '2025-08-01' },
    { ...base, id: 'r-ip', state: 'in_progress', content: '办理中', deadline: '2025-08-01', deadlineWorkingDays: 10 },
    { ...base, id: 'r-ext', state: 'extension_requested', content: '延期', deadline: '2025-08-01' },
    { ...base, id: 'r-ext2', state: 'extension_requested', content: '延期无记录' },
    { ...base, id: 'r-cc', state: 'cannot_complete', content: '不能办结', cannotCompleteReason: '职责不清' },
    { ...base, id: 'r-cc2', state: 'cannot_complete', content: '不能办结无原因' },
    { ...base, id: 'r-dpv', state: 'done_pending_verification', content: '待核验' },
    { ...base, id: 'r-v', state: 'verified', content: '已核验' },
  ],
  taskEvents: [
    {
      id: 'e1',
      resolutionId: 'r-ext',
      kind: 'extension',
      on: '2025-07-01',
      text: '旧申请',
      newDeadline: '2025-08-15',
      approved: false,
      createdAt: '2025-07-01T01:00:00.000Z',
    },
    {
      id: 'e2',
      resolutionId: 'r-ext',
      kind: 'extension',
      on: '2025-07-20',
      text: '需要补充调查',
      newDeadline: '2025-09-01',
      createdAt: '2025-07-20T01:00:00.000Z',
    },
  ],
};

describe('Dexie v2 upgrade of minutes and resolutions', () => {
  it('turns every v1 resolution state into a valid v2 row with side records, losing nothing', async () => {
    const h = createMigrationHarness();
    await h.seedAtVersion('v2up', v1Only, rows);
    const db = await h.openCurrent('v2up');
    const dump = await dumpTables(db);
    const byId = new Map((dump.resolutions as Record<string, unknown>[]).map((r) => [r.id, r]));
    expect(byId.size).toBe(rows.resolutions.length);
    for (const r of byId.values()) expect(() => resolutionSchema.parse(r)).not.toThrow();
    for (const m of dump.minutes ?? []) expect(() => minutesSchema.parse(m)).not.toThrow();

    expect(byId.get('r-ext')).toMatchObject({
      state: 'in_progress',
      extension: {
        state: 'pending',
        proposedDeadline: '2025-09-01',
        reason: '需要补充调查',
        requestedOn: '2025-07-20',
      },
    });
    expect(byId.get('r-ext2')).toMatchObject({ state: 'in_progress', extension: { state: 'pending' } });
    expect(byId.get('r-cc')).toMatchObject({
      state: 'in_progress',
      cannotComplete: { reason: '职责不清', escalated: false },
    });
    expect(byId.get('r-cc2')).toMatchObject({ cannotComplete: { reason: '（迁移前未记录原因）' } });
    expect(byId.get('r-draft')).toMatchObject({ state: 'draft', deadlineRule: { kind: 'working_days', days: 5 } });
    expect(byId.get('r-ns')).toMatchObject({ deadlineRule: { kind: 'date', date: '2025-08-01' } });
    expect(byId.get('r-ip')).toMatchObject({
      deadlineRule: { kind: 'working_days', days: 10 },
      deadline: '2025-08-01',
    });
    expect(byId.get('r-dpv')).toMatchObject({
      state: 'done_pending_verification',
      minutesId: 'mn1',
      issuedOn: '2025-06-05',
    });
    expect(byId.get('r-v')).toMatchObject({ state: 'verified', content: '已核验' });
    expect(dump.minutes?.[0]).toMatchObject({ issueYear: 2025, issueNumber: 3 });
    expect(dump.taskEvents).toHaveLength(2);
    // New indexes answer queries.
    expect(await db.resolutions.where('minutesId').equals('mn1').count()).toBe(rows.resolutions.length);
    expect(await db.minutes.where('[issueYear+issueNumber]').equals([2025, 3]).count()).toBe(1);
    db.close();
  });

  it('is idempotent: running the upgrade again changes nothing', async () => {
    const h = createMigrationHarness();
    await h.seedAtVersion('v2idem', v1Only, rows);
    const db = await h.openCurrent('v2idem');
    const first = await dumpTables(db);
    const v2 = SCHEMA_VERSIONS.find((v) => v.version === 2)!;
    await db.transaction('rw', db.tables, async (tx) => v2.upgrade!(tx));
    expect(await dumpTables(db)).toEqual(first);
    db.close();
  });
});
