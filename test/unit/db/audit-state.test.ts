import { describe, expect, it } from 'vitest';
import {
  GENESIS_HASH,
  recordStateHash,
  sealAuditEntry,
  type AuditEntry,
  type Dispute,
  type Meeting,
  type Topic,
} from '../../../shared/domain';
import { verifyAuditTrail } from '../../../renderer/src/db/audit-verify';
import { createDataLayer } from '../../../renderer/src/db/data-layer';
import { SCHEMA_VERSIONS } from '../../../renderer/src/db/migrations';
import { auditRows, personInput, rawWrite, unitInput, withProfile, type Harness } from './helpers';
import { createMigrationHarness } from './migration-harness';

/** A topic, a dispute between two units and a meeting, all written through the app. */
async function office(): Promise<Harness & { topic: Topic; dispute: Dispute; meeting: Meeting; person: string }> {
  const h = await withProfile();
  const town = (await h.dl.units.create(unitInput('城关镇人民政府', { kind: 'township' }))).id;
  const dept = (await h.dl.units.create(unitInput('区市场监管局'))).id;
  const person = (await h.dl.people.create(personInput('陈建国', town, { role: 'chief_convener' }))).id;
  const topic = await h.dl.topics.submit({
    title: '农贸市场周边占道经营查处主体不明',
    submittingUnitId: town,
    submittedOn: '2026-11-20',
    category: 'jurisdiction_dispute',
    description: '说明',
    urgency: 'urgent',
    relatedUnitIds: [dept],
    complainant: { name: '张三', phone: '13800000000' },
  });
  const dispute = await h.dl.disputes.register({
    matter: '占道经营查处主体',
    type: 'jurisdiction',
    partyUnitIds: [town, dept],
    firstHandlingUnitId: town,
    registeredOn: '2026-11-20',
  });
  const meeting = await h.dl.meetings.create({
    kind: 'regular',
    startsAt: '2026-12-09T09:00',
    place: '镇政府三楼会议室',
    chairPersonId: person,
  });
  return { ...h, topic, dispute, meeting, person };
}

describe('record-state hashes (AUD-1/AUD-3)', () => {
  it('every entry of a record kept in a table carries the hash of the row as its write left it', async () => {
    const { db, topic, dispute, meeting } = await office();
    const rows = await auditRows(db);
    for (const [entity, table, id] of [
      ['topic', 'topics', topic.id],
      ['dispute', 'disputes', dispute.id],
      ['meeting', 'meetings', meeting.id],
    ] as const) {
      const newest = rows.filter((e) => e.entity === entity && e.entityId === id).at(-1)!;
      // Whatever the row holds (a topic's complainant data included), the hash is of the row itself.
      expect(newest.stateHash).toBe(recordStateHash(await db.table(table).get(id)));
    }
    expect((await createDataLayer(db).audit.verify()).ok).toBe(true);
  });

  it.each([
    ['topic', 'topics', '议题', (r: Topic) => ({ ...r, title: '改过的标题' })],
    ['dispute', 'disputes', '执法争议', (r: Dispute) => ({ ...r, state: 'closed', closedOn: '2026-11-21' })],
    ['meeting', 'meetings', '会议', (r: Meeting) => ({ ...r, place: '别处' })],
  ] as const)('a %s row edited directly in IndexedDB is named by verify()', async (entity, table, label, edit) => {
    const h = await office();
    const id = h[entity].id;
    const row = await h.db.table(table).get(id);
    await rawWrite(h.db, table, (s) => s.put((edit as (r: unknown) => unknown)(row)));
    const newest = (await auditRows(h.db)).filter((e) => e.entity === entity && e.entityId === id).at(-1)!;
    expect(await h.dl.audit.verify()).toEqual({
      ok: false,
      problem: 'record-edited',
      seq: newest.seq,
      message: `${label}记录（${table} 表，编号 ${id}）与审计记录不符（在本应用之外被修改）`,
      record: { entity, id, table },
    });
  });

  it('a row added or deleted behind the app, or brought back after its deletion, is named', async () => {
    const h = await office();
    const unit = (await h.db.units.toArray())[0]!;
    await rawWrite(h.db, 'units', (s) => s.add({ ...unit, id: 'u-raw', name: '冒出来的单位' }));
    expect(await h.dl.audit.verify()).toMatchObject({
      ok: false,
      problem: 'record-unaudited',
      seq: 0,
      message: '成员单位记录（units 表，编号 u-raw）没有对应的审计记录（在本应用之外被添加）',
      record: { entity: 'unit', id: 'u-raw', table: 'units' },
    });
    await rawWrite(h.db, 'units', (s) => s.delete('u-raw'));
    expect((await h.dl.audit.verify()).ok).toBe(true);

    await rawWrite(h.db, 'people', (s) => s.delete(h.person));
    expect(await h.dl.audit.verify()).toMatchObject({
      ok: false,
      problem: 'record-deleted',
      message: `人员记录（people 表，编号 ${h.person}）按审计记录应当存在，但已不在表中（在本应用之外被删除）`,
    });

    // Deleted through the app, then put back raw.
    const h2 = await withProfile();
    const gone = await h2.dl.units.create(unitInput('区城管局'));
    await h2.dl.units.remove(gone.id);
    expect((await auditRows(h2.db)).at(-1)).toMatchObject({ action: 'delete', stateHash: null });
    await rawWrite(h2.db, 'units', (s) => s.add(gone));
    expect(await h2.dl.audit.verify()).toMatchObject({ ok: false, problem: 'record-unaudited', seq: 3 });
  });

  it('a record written by the app while verification runs is not mistaken for a direct edit', async () => {
    const h = await office();
    let pauses = 0;
    let wrote = false;
    const result = await verifyAuditTrail(h.db, [], undefined, {
      pause: async () => {
        // Pause 1 follows the chain's only chunk; pause 2 the units table: the chain has been read and the
        // record pass is under way when the app writes a meeting (compared next) and a unit (already passed).
        pauses += 1;
        if (pauses !== 2) return;
        wrote = true;
        await h.dl.meetings.update(h.meeting.id, { place: '镇政府一楼会议室' });
        await h.dl.units.create(unitInput('区应急管理局'));
      },
    });
    expect(wrote).toBe(true);
    expect(result).toMatchObject({ ok: true, count: await h.db.audit.count() });
  });

  it('entries written before state hashes are accepted; the check starts at the first one that has it', async () => {
    const { db, dl } = await withProfile();
    const unit = await dl.units.create(unitInput('区司法局'));
    // The same unit as an older release left it: its entries without stateHash, resealed as such.
    let prevHash = GENESIS_HASH;
    const legacy: AuditEntry[] = (await auditRows(db)).map((e) => {
      const { stateHash: _none, ...old } = e;
      const sealed = sealAuditEntry({ ...old, prevHash });
      prevHash = sealed.hash;
      return sealed;
    });
    const h = createMigrationHarness();
    await h.seedAtVersion('legacy', SCHEMA_VERSIONS, {
      units: await db.units.toArray(),
      profiles: await db.profiles.toArray(),
      settings: [
        ...(await db.settings.toArray()).filter((s) => s.key !== 'audit.head'),
        { key: 'audit.head', value: { seq: legacy.length, hash: prevHash } },
      ],
      audit: legacy,
    });
    const old = await h.openCurrent('legacy');
    const oldDl = createDataLayer(old);
    expect((await oldDl.audit.verify()).ok).toBe(true);
    // Nothing vouches for the row's state yet: a raw edit is not detectable.
    await rawWrite(old, 'units', (s) => s.put({ ...unit, liaisonPhone: '1' }));
    expect((await oldDl.audit.verify()).ok).toBe(true);
    // Once the app writes it, its state is on the trail and a raw edit is found.
    await oldDl.units.update(unit.id, { liaisonPhone: '13900000000' });
    expect((await oldDl.audit.verify()).ok).toBe(true);
    await rawWrite(old, 'units', (s) => s.put({ ...unit, liaisonPhone: '2' }));
    expect(await oldDl.audit.verify()).toMatchObject({ ok: false, problem: 'record-edited' });
  });
});
