import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { auditRows, snapshotTables, unitInput, withProfile } from './helpers';

const PDF = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a, 0x25, 0xe2, 0xe3]);
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

async function setup() {
  const h = await withProfile();
  const town = (await h.dl.units.create(unitInput('城关镇人民政府', { kind: 'township' }))).id;
  const topic = await h.dl.topics.submit({
    title: '农贸市场周边占道经营查处主体不明',
    submittingUnitId: town,
    submittedOn: '2026-11-20',
    category: 'jurisdiction_dispute',
    description: '说明',
    urgency: 'urgent',
    relatedUnitIds: [],
  });
  return { ...h, town, topic, owner: { type: 'topic' as const, id: topic.id } };
}

describe('attachments repository', () => {
  it('stores a Blob, lists metadata only, audits metadata and hash but never the content', async () => {
    const { db, dl, owner } = await setup();
    const start = await db.audit.count();
    const meta = await dl.attachments.add(owner, {
      fileName: 'C:\\材料\\现场照片.PNG',
      mimeType: 'image/png',
      data: new Blob([PNG], { type: 'image/png' }),
    });
    expect(meta).toMatchObject({
      ownerType: 'topic',
      ownerId: owner.id,
      fileName: '现场照片.PNG',
      mimeType: 'image/png',
      size: 12,
    });
    expect(meta).not.toHaveProperty('data');
    const stored = await db.attachments.get(meta.id);
    expect(stored?.data).toBeInstanceOf(Blob);
    expect(await dl.attachments.list(owner)).toEqual([meta]);

    const content = await dl.attachments.content(meta.id);
    expect(content).toEqual({ fileName: '现场照片.PNG', mimeType: 'image/png', bytes: PNG });

    const rows = (await auditRows(db)).slice(start);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ entity: 'attachment', entityId: meta.id, action: 'create', before: null });
    expect(rows[0]?.after).toEqual({ ...meta, sha256: bytesToHex(sha256(PNG)) });
  });

  it('accepts a Uint8Array and takes the MIME type from a Blob when none is given', async () => {
    const { db, dl, owner } = await setup();
    const a = await dl.attachments.add(owner, { fileName: '情况说明.pdf', data: PDF });
    const b = await dl.attachments.add(owner, {
      fileName: '会商记录.pdf',
      data: new Blob([PDF], { type: 'application/pdf' }),
    });
    expect([a.mimeType, b.mimeType]).toEqual(['', 'application/pdf']);
    expect((await dl.attachments.content(a.id)).bytes).toEqual(PDF);
    expect((await db.attachments.get(a.id))?.data).toBeInstanceOf(Blob);
  });

  it('refuses files off the allow-list, too big, or not what their extension says, writing nothing', async () => {
    const { db, dl, owner } = await setup();
    const before = await snapshotTables(db);
    await expect(dl.attachments.add(owner, { fileName: 'setup.exe', data: PDF })).rejects.toThrow(
      /^不支持的文件类型：\.exe，允许：pdf、doc、docx、xls、xlsx、jpg、jpeg、png、txt、ofd、wps/,
    );
    await expect(
      dl.attachments.add(owner, { fileName: '录像.pdf', data: new Uint8Array(20 * 1024 * 1024 + 1) }),
    ).rejects.toThrow(/^文件超过 20 MB 上限：录像\.pdf/);
    await expect(
      dl.attachments.add(owner, { fileName: '报告.pdf', mimeType: 'application/x-msdownload', data: PDF }),
    ).rejects.toThrow(/^文件类型与扩展名不符/);
    await expect(
      dl.attachments.add(owner, { fileName: '报告.pdf', data: new Uint8Array([0x4d, 0x5a, 0x90]) }),
    ).rejects.toThrow('文件内容与扩展名不符：“报告.pdf”不是有效的PDF文件');
    await expect(dl.attachments.add(owner, { fileName: '空.txt', data: new Uint8Array() })).rejects.toThrow(
      '文件为空：空.txt',
    );
    expect(await snapshotTables(db)).toEqual(before);
  });

  it('caps a topic at 10 attachments, also when they come with the submission', async () => {
    const { db, dl, owner, town } = await setup();
    for (let i = 1; i <= 10; i++)
      await dl.attachments.add(owner, { fileName: `材料${i}.txt`, data: new Uint8Array([65 + i]) });
    const before = await snapshotTables(db);
    await expect(dl.attachments.add(owner, { fileName: '材料11.txt', data: new Uint8Array([1]) })).rejects.toThrow(
      '每个议题最多 10 个附件（已有 10 个），请先删除不需要的附件',
    );
    expect(await snapshotTables(db)).toEqual(before);

    const files = Array.from({ length: 11 }, (_, i) => ({ fileName: `附件${i}.txt`, data: new Uint8Array([48 + i]) }));
    const topic = {
      title: '另一议题',
      submittingUnitId: town,
      submittedOn: '2026-11-20',
      category: 'other',
      description: '说明',
      urgency: 'normal',
      relatedUnitIds: [],
    };
    await expect(dl.topics.submit(topic, files)).rejects.toThrow(/最多 10 个附件/);
    expect(await snapshotTables(db)).toEqual(before);

    const t = await dl.topics.submit(topic, files.slice(0, 2));
    expect((await dl.attachments.list({ type: 'topic', id: t.id })).map((a) => a.fileName)).toEqual([
      '附件0.txt',
      '附件1.txt',
    ]);
    const rows = (await auditRows(db)).slice(-3);
    expect(rows.map((r) => [r.entity, r.action])).toEqual([
      ['topic', 'create'],
      ['attachment', 'create'],
      ['attachment', 'create'],
    ]);
    // A bad file refuses the whole submission.
    const count = await db.topics.count();
    await expect(dl.topics.submit(topic, [{ fileName: 'a.js', data: new Uint8Array([1]) }])).rejects.toThrow(/\.js/);
    expect(await db.topics.count()).toBe(count);
  });

  it('removes with a metadata-only delete entry, records downloads, and freezes files of finished topics', async () => {
    const { db, dl, owner, topic } = await setup();
    const a = await dl.attachments.add(owner, { fileName: '情况说明.pdf', data: PDF });
    const b = await dl.attachments.add(owner, { fileName: '照片.png', data: PNG });
    const start = await db.audit.count();
    await dl.attachments.remove(a.id);
    await dl.attachments.recordDownload(b.id);
    const rows = (await auditRows(db)).slice(start);
    expect(rows.map((r) => [r.entity, r.action, r.entityId])).toEqual([
      ['attachment', 'delete', a.id],
      ['attachment', 'export', b.id],
    ]);
    expect(rows[0]?.before).toEqual(a);
    expect(rows[0]?.after).toBeNull();
    expect(JSON.stringify(rows)).not.toMatch(/"data"/);
    expect(await db.attachments.get(a.id)).toBeUndefined();
    await expect(dl.attachments.content(a.id)).rejects.toThrow('找不到该附件');

    const other = await dl.topics.submit({ ...topic, title: '另一议题', complainant: undefined });
    await dl.topics.act(topic.id, { type: 'merge', intoTopicId: other.id });
    await expect(dl.attachments.remove(b.id)).rejects.toThrow(/附件不能再增删/);
    await expect(dl.attachments.add(owner, { fileName: 'x.txt', data: new Uint8Array([1]) })).rejects.toThrow(
      /附件不能再增删/,
    );
    await expect(
      dl.attachments.add({ type: 'topic', id: 'nope' }, { fileName: 'x.txt', data: new Uint8Array([1]) }),
    ).rejects.toThrow('找不到该议题');
  });
});
