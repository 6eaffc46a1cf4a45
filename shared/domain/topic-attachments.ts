import { DomainError } from './errors';

/**
 * What may be attached to a topic: the office formats (PDF, Word, Excel, images, text, 版式文件 OFD and
 * WPS documents), each up to 20 MB, at most 10 per topic. Both the form (before upload) and the
 * repository (before storing) apply these rules, so the user sees the same sentence in both places.
 */

/** Allowed extensions, lower case, in the order the messages list them. */
export const ATTACHMENT_EXTENSIONS = [
  'pdf',
  'doc',
  'docx',
  'xls',
  'xlsx',
  'jpg',
  'jpeg',
  'png',
  'txt',
  'ofd',
  'wps',
] as const;
export type AttachmentExtension = (typeof ATTACHMENT_EXTENSIONS)[number];

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
export const MAX_ATTACHMENTS_PER_OWNER = 10;

const ZIP = ['application/zip', 'application/x-zip-compressed'];
const OLE = ['application/vnd.ms-office', 'application/x-ole-storage'];

/**
 * MIME types each extension may arrive with. Browsers and Windows report several for the same file
 * (WPS registers its own), so the lists are generous; a type from another family (an executable, a
 * script, a video) is what they exist to catch.
 */
const MIME_TYPES: Record<AttachmentExtension, readonly string[]> = {
  pdf: ['application/pdf', 'application/x-pdf'],
  doc: ['application/msword', 'application/vnd.ms-word', 'application/kswps', 'application/rtf', 'text/rtf', ...OLE],
  docx: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', ...ZIP],
  xls: ['application/vnd.ms-excel', 'application/x-xls', 'application/kset', 'text/html', ...OLE],
  xlsx: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ...ZIP],
  jpg: ['image/jpeg', 'image/pjpeg'],
  jpeg: ['image/jpeg', 'image/pjpeg'],
  png: ['image/png'],
  txt: ['text/plain'],
  ofd: ['application/ofd', 'application/x-ofd', ...ZIP],
  wps: ['application/kswps', 'application/wps-office.wps', 'application/vnd.ms-works', 'application/msword', ...OLE],
};

/** Reported when the system does not know the type: no information, accepted on the extension. */
const UNKNOWN_MIME = ['', 'application/octet-stream', 'binary/octet-stream', 'application/unknown'];

/**
 * Leading bytes of the formats whose signature is fixed. Word and Excel files are left out on purpose:
 * offices routinely keep RTF text as .doc and HTML tables as .xls, and refusing those would only push
 * staff to rename files.
 */
const SIGNATURES: Partial<Record<AttachmentExtension, { bytes: readonly number[]; name: string }>> = {
  pdf: { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], name: 'PDF' },
  png: { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], name: 'PNG 图片' },
  jpg: { bytes: [0xff, 0xd8, 0xff], name: 'JPEG 图片' },
  jpeg: { bytes: [0xff, 0xd8, 0xff], name: 'JPEG 图片' },
  docx: { bytes: [0x50, 0x4b, 0x03, 0x04], name: 'Word（docx）' },
  xlsx: { bytes: [0x50, 0x4b, 0x03, 0x04], name: 'Excel（xlsx）' },
  ofd: { bytes: [0x50, 0x4b, 0x03, 0x04], name: 'OFD 版式' },
};

/** How many leading bytes {@link attachmentProblem} needs to check a signature. */
export const ATTACHMENT_HEAD_BYTES = 1024;

export interface AttachmentCandidate {
  fileName: string;
  /** As reported by the browser or the OS; empty when unknown. */
  mimeType?: string | undefined;
  size: number;
  /** The first bytes of the content (at least {@link ATTACHMENT_HEAD_BYTES} when available). */
  head?: Uint8Array | undefined;
}

/** `报告.PDF` → `pdf`; `''` when the name has no extension. */
export function fileExtension(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 && dot < base.length - 1 ? base.slice(dot + 1).toLowerCase() : '';
}

export function isAllowedExtension(ext: string): ext is AttachmentExtension {
  return (ATTACHMENT_EXTENSIONS as readonly string[]).includes(ext);
}

/** `3.2 MB`, `512 KB`: how the office reads sizes. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const [n, unit] = bytes < 1024 * 1024 ? [bytes / 1024, 'KB'] : [bytes / (1024 * 1024), 'MB'];
  return `${n >= 10 ? Math.round(n) : Math.round(n * 10) / 10} ${unit}`;
}

const ALLOWED_TEXT = ATTACHMENT_EXTENSIONS.join('、');

/**
 * The Chinese sentence saying why a file cannot be attached, or undefined when it can. Checks, in
 * order: the extension, the reported MIME type, emptiness, the 20 MB cap and — when the first bytes
 * are given — the format's signature (an .exe renamed to .pdf).
 */
export function attachmentProblem(file: AttachmentCandidate): string | undefined {
  const ext = fileExtension(file.fileName);
  if (!isAllowedExtension(ext)) {
    return `不支持的文件类型：${ext ? `.${ext}` : '（无扩展名）'}，允许：${ALLOWED_TEXT}（文件：${file.fileName}）`;
  }
  const mime = (file.mimeType ?? '').trim().toLowerCase().split(';')[0]?.trim() ?? '';
  if (!UNKNOWN_MIME.includes(mime) && !MIME_TYPES[ext].includes(mime)) {
    return `文件类型与扩展名不符：“${file.fileName}”的类型为 ${mime}，不是 .${ext} 文件`;
  }
  if (file.size <= 0) return `文件为空：${file.fileName}`;
  if (file.size > MAX_ATTACHMENT_BYTES) {
    return `文件超过 20 MB 上限：${file.fileName}（${formatFileSize(file.size)}），请压缩或拆分后再上传`;
  }
  const sig = SIGNATURES[ext];
  if (sig && file.head && !startsWith(file.head, sig.bytes)) {
    return `文件内容与扩展名不符：“${file.fileName}”不是有效的${sig.name}文件`;
  }
  return undefined;
}

/**
 * The sentence for one file too many on an owner that already has `existing` attachments; `owner` names
 * what the files belong to (每个议题, 每次报送).
 */
export function attachmentCountProblem(existing: number, adding = 1, owner = '每个议题'): string | undefined {
  if (existing + adding <= MAX_ATTACHMENTS_PER_OWNER) return undefined;
  return existing > 0
    ? `${owner}最多 ${MAX_ATTACHMENTS_PER_OWNER} 个附件（已有 ${existing} 个），请先删除不需要的附件`
    : `${owner}最多 ${MAX_ATTACHMENTS_PER_OWNER} 个附件（选择了 ${adding} 个），请减少后重试`;
}

/** {@link attachmentProblem} as a thrown DomainError('validation'). */
export function assertAttachmentAllowed(file: AttachmentCandidate): void {
  const problem = attachmentProblem(file);
  if (problem) throw new DomainError('validation', problem);
}

/**
 * A file name safe to store and to offer when saving: no folders, no control characters, at most 200
 * characters with the extension kept.
 */
export function cleanFileName(fileName: string): string {
  const base = (fileName.split(/[\\/]/).pop() ?? '')
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_')
    .trim();
  const name = base === '' || base === '.' || base === '..' ? '附件' : base;
  const c = Array.from(name);
  if (c.length <= 200) return name;
  const ext = fileExtension(name);
  const keep = 200 - (ext ? ext.length + 1 : 0);
  return `${c.slice(0, keep).join('')}${ext ? `.${ext}` : ''}`;
}

function startsWith(head: Uint8Array, sig: readonly number[]): boolean {
  return head.length >= sig.length && sig.every((b, i) => head[i] === b);
}
