import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import {
  ATTACHMENT_HEAD_BYTES,
  DomainError,
  attachmentCountProblem,
  attachmentProblem,
  attachmentSchema,
  cleanFileName,
  type Attachment,
} from '../../../../shared/domain';
import { auditedWrite, type AuditWriter, type DataLayerContext } from '../audited-write';
import { guard } from '../permission-guard';
import type { JointDeskDB } from '../database';
import type { AttachmentMeta, AttachmentOwner, AttachmentsRepository, NewAttachment } from '../types';

/**
 * A file checked and read before any transaction opens: IndexedDB transactions commit as soon as
 * they wait on anything that is not a database request, so reading a Blob must happen outside.
 */
export interface PreparedAttachment {
  fileName: string;
  mimeType: string;
  size: number;
  blob: Blob;
  /** SHA-256 of the content, kept in the audit entry so a swapped file can be told apart. */
  sha256: string;
}

/**
 * Checks a file against the allow-list and the 20 MB cap (with the signature of its first bytes) and
 * hashes it. Throws DomainError('validation') with the sentence the form shows too.
 */
export async function prepareAttachment(file: NewAttachment): Promise<PreparedAttachment> {
  const fileName = cleanFileName(file.fileName);
  const mimeType = (file.mimeType ?? (file.data instanceof Blob ? file.data.type : '')).trim().toLowerCase();
  const size = file.data instanceof Uint8Array ? file.data.byteLength : file.data.size;
  // Cheap checks first: a 2 GB video is refused without being read.
  const early = attachmentProblem({ fileName, mimeType, size });
  if (early) throw new DomainError('validation', early);
  const bytes = file.data instanceof Uint8Array ? file.data : new Uint8Array(await file.data.arrayBuffer());
  const problem = attachmentProblem({ fileName, mimeType, size, head: bytes.subarray(0, ATTACHMENT_HEAD_BYTES) });
  if (problem) throw new DomainError('validation', problem);
  // A copy into a fresh buffer: a view may sit on a larger buffer that must not be stored.
  const blob = file.data instanceof Blob ? file.data : new Blob([bytes.slice()], { type: mimeType });
  return { fileName, mimeType, size, blob, sha256: bytesToHex(sha256(bytes)) };
}

/**
 * {@link prepareAttachment} for several files, the count cap checked first (nothing is read when there
 * are too many). For writes that store files with a new owner inside their own transaction.
 */
export async function prepareAttachments(
  files: readonly NewAttachment[] = [],
  owner = '每次报送',
): Promise<PreparedAttachment[]> {
  const tooMany = attachmentCountProblem(0, files.length, owner);
  if (tooMany) throw new DomainError('validation', tooMany);
  const prepared: PreparedAttachment[] = [];
  for (const f of files) prepared.push(await prepareAttachment(f));
  return prepared;
}

/** What the audit trail keeps of an attachment: its metadata and hash, never the content. */
export function attachmentSnapshot(a: AttachmentMeta | Attachment, hash?: string): Record<string, unknown> {
  const { data: _content, ...meta } = a as Attachment;
  return hash ? { ...meta, sha256: hash } : meta;
}

/** Adds one prepared file inside the caller's transaction (which must include `db.attachments`). */
export async function storeAttachment(
  ctx: DataLayerContext,
  audit: AuditWriter,
  owner: AttachmentOwner,
  file: PreparedAttachment,
): Promise<AttachmentMeta> {
  const { db } = ctx;
  const existing = await db.attachments.where('[ownerType+ownerId]').equals([owner.type, owner.id]).count();
  const tooMany = attachmentCountProblem(existing);
  if (tooMany) throw new DomainError('validation', tooMany);
  const record: Attachment = attachmentSchema.parse({
    id: ctx.newId(),
    ownerType: owner.type,
    ownerId: owner.id,
    fileName: file.fileName,
    mimeType: file.mimeType,
    size: file.size,
    createdAt: ctx.now().toISOString(),
    data: file.blob,
  });
  await db.attachments.add(record);
  const meta = withoutData(record);
  audit.record({
    entity: 'attachment',
    entityId: record.id,
    action: 'create',
    before: null,
    after: attachmentSnapshot(meta, file.sha256),
  });
  return meta;
}

export function createAttachmentsRepository(ctx: DataLayerContext): AttachmentsRepository {
  const { db } = ctx;

  return {
    async list(owner) {
      const rows = await db.attachments.where('[ownerType+ownerId]').equals([owner.type, owner.id]).toArray();
      return rows.map(withoutData).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
    },

    async add(owner, file) {
      const prepared = await prepareAttachment(file);
      return auditedWrite(ctx, [db.attachments, ...ownerTables(db)], async (audit) => {
        guard(audit, 'attachment.add');
        await assertOwner(db, owner);
        return storeAttachment(ctx, audit, owner, prepared);
      });
    },

    async remove(id) {
      return auditedWrite(ctx, [db.attachments, ...ownerTables(db)], async (audit) => {
        guard(audit, 'attachment.remove');
        const before = await mustGet(db, id);
        await assertOwner(db, { type: before.ownerType, id: before.ownerId });
        await db.attachments.delete(id);
        audit.record({
          entity: 'attachment',
          entityId: id,
          action: 'delete',
          before: attachmentSnapshot(before),
          after: null,
        });
      });
    },

    async content(id) {
      const a = await mustGet(db, id);
      return { fileName: a.fileName, mimeType: a.mimeType, bytes: await toBytes(a.data) };
    },

    async recordDownload(id) {
      return auditedWrite(ctx, [db.attachments], async (audit) => {
        const a = await mustGet(db, id);
        audit.record({
          entity: 'attachment',
          entityId: id,
          action: 'export',
          before: null,
          after: { ...attachmentSnapshot(a), document: '附件' },
        });
      });
    },
  };
}

/** Tables holding the records attachments can belong to (read to check the owner exists). */
function ownerTables(db: JointDeskDB) {
  return [db.topics, db.disputes, db.resolutions, db.taskEvents];
}

/**
 * The owner exists; a topic's attachments change only while the topic is still being handled (a
 * merged, converted or resolved topic keeps its file as it was when it left the desk).
 */
async function assertOwner(db: JointDeskDB, owner: AttachmentOwner): Promise<void> {
  switch (owner.type) {
    case 'topic': {
      const t = await db.topics.get(owner.id);
      if (!t) throw new DomainError('not-found', '找不到该议题，可能已被删除');
      if (['merged', 'converted', 'resolved', 'escalated'].includes(t.state)) {
        throw new DomainError(
          'invalid-transition',
          '该议题已办结（已合并、转争议、已议定或已提交党政联席会议），附件不能再增删',
        );
      }
      return;
    }
    case 'dispute':
      if (!(await db.disputes.get(owner.id))) throw new DomainError('not-found', '找不到该争议，可能已被删除');
      return;
    case 'resolution':
      if (!(await db.resolutions.get(owner.id))) throw new DomainError('not-found', '找不到该议定事项，可能已被删除');
      return;
    case 'progress':
      if (!(await db.taskEvents.get(owner.id))) throw new DomainError('not-found', '找不到该办理记录，可能已被删除');
      return;
  }
}

async function mustGet(db: JointDeskDB, id: string): Promise<Attachment> {
  const a = await db.attachments.get(id);
  if (!a) throw new DomainError('not-found', '找不到该附件，可能已被删除');
  return a;
}

function withoutData(a: Attachment): AttachmentMeta {
  const { data: _content, ...meta } = a;
  return meta;
}

/** Stored content is a Blob in the app; a Uint8Array or ArrayBuffer also reads back (older imports, tests). */
async function toBytes(data: unknown): Promise<Uint8Array> {
  if (data instanceof Blob) return new Uint8Array(await data.arrayBuffer());
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  throw new DomainError('not-found', '附件内容缺失，无法保存。请删除该附件后重新上传');
}
