import { describe, expect, it } from 'vitest';
import {
  assertAttachmentAllowed,
  attachmentCountProblem,
  attachmentProblem,
  cleanFileName,
  DomainError,
  fileExtension,
  formatFileSize,
  MAX_ATTACHMENT_BYTES,
} from '../../../shared/domain';

const PDF_HEAD = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37]);
const EXE_HEAD = new Uint8Array([0x4d, 0x5a, 0x90, 0x00]);

describe('attachment rules', () => {
  it('accepts every allowed type, whatever the case of the extension', () => {
    for (const name of [
      'a.pdf',
      'b.DOC',
      'c.docx',
      'd.xls',
      'e.xlsx',
      'f.jpg',
      'g.JPEG',
      'h.png',
      'i.txt',
      'j.ofd',
      'k.wps',
    ]) {
      expect(attachmentProblem({ fileName: name, size: 10 }), name).toBeUndefined();
    }
  });

  it('refuses other types with the allowed list', () => {
    expect(attachmentProblem({ fileName: 'setup.exe', size: 10 })).toBe(
      '不支持的文件类型：.exe，允许：pdf、doc、docx、xls、xlsx、jpg、jpeg、png、txt、ofd、wps（文件：setup.exe）',
    );
    expect(attachmentProblem({ fileName: 'README', size: 10 })).toMatch(/^不支持的文件类型：（无扩展名），允许：/);
    expect(attachmentProblem({ fileName: 'a.pdf.js', size: 10 })).toMatch(/^不支持的文件类型：\.js/);
  });

  it('checks the reported MIME type when there is one', () => {
    expect(attachmentProblem({ fileName: 'a.pdf', mimeType: 'application/pdf', size: 10 })).toBeUndefined();
    expect(attachmentProblem({ fileName: 'a.pdf', mimeType: 'application/octet-stream', size: 10 })).toBeUndefined();
    expect(attachmentProblem({ fileName: 'a.docx', mimeType: 'application/zip', size: 10 })).toBeUndefined();
    expect(attachmentProblem({ fileName: 'a.jpg', mimeType: 'image/jpeg; charset=binary', size: 10 })).toBeUndefined();
    expect(attachmentProblem({ fileName: 'a.pdf', mimeType: 'application/x-msdownload', size: 10 })).toBe(
      '文件类型与扩展名不符：“a.pdf”的类型为 application/x-msdownload，不是 .pdf 文件',
    );
    expect(attachmentProblem({ fileName: 'a.png', mimeType: 'image/jpeg', size: 10 })).toMatch(/不是 \.png 文件/);
  });

  it('caps the size at 20 MB and refuses empty files', () => {
    expect(attachmentProblem({ fileName: 'a.pdf', size: MAX_ATTACHMENT_BYTES })).toBeUndefined();
    expect(attachmentProblem({ fileName: 'a.pdf', size: MAX_ATTACHMENT_BYTES + 1 })).toBe(
      '文件超过 20 MB 上限：a.pdf（20 MB），请压缩或拆分后再上传',
    );
    expect(attachmentProblem({ fileName: 'big.pdf', size: 31 * 1024 * 1024 })).toMatch(
      /^文件超过 20 MB 上限：big\.pdf（31 MB）/,
    );
    expect(attachmentProblem({ fileName: 'a.pdf', size: 0 })).toBe('文件为空：a.pdf');
  });

  it('checks the signature of formats that have a fixed one', () => {
    expect(attachmentProblem({ fileName: 'a.pdf', size: 8, head: PDF_HEAD })).toBeUndefined();
    expect(attachmentProblem({ fileName: 'a.pdf', size: 4, head: EXE_HEAD })).toBe(
      '文件内容与扩展名不符：“a.pdf”不是有效的PDF文件',
    );
    expect(attachmentProblem({ fileName: 'a.docx', size: 4, head: EXE_HEAD })).toMatch(/Word（docx）/);
    // Word and Excel binaries are not sniffed: RTF saved as .doc is common.
    expect(attachmentProblem({ fileName: 'a.doc', size: 5, head: new TextEncoder().encode('{\\rtf') })).toBeUndefined();
    expect(attachmentProblem({ fileName: 'a.txt', size: 4, head: EXE_HEAD })).toBeUndefined();
  });

  it('throws a validation DomainError', () => {
    expect(() => assertAttachmentAllowed({ fileName: 'x.bat', size: 1 })).toThrow(DomainError);
    expect(() => assertAttachmentAllowed({ fileName: 'x.txt', size: 1 })).not.toThrow();
  });

  it('caps the count at 10 per owner', () => {
    expect(attachmentCountProblem(9)).toBeUndefined();
    expect(attachmentCountProblem(10)).toBe('每个议题最多 10 个附件（已有 10 个），请先删除不需要的附件');
    expect(attachmentCountProblem(8, 3)).toMatch(/最多 10 个/);
  });

  it('reads extensions and sizes as the office writes them', () => {
    expect(fileExtension('C:\\材料\\报告.PDF')).toBe('pdf');
    expect(fileExtension('.pdf')).toBe('');
    expect(fileExtension('a.')).toBe('');
    expect(formatFileSize(512)).toBe('512 B');
    expect(formatFileSize(1536)).toBe('1.5 KB');
    expect(formatFileSize(20 * 1024 * 1024)).toBe('20 MB');
  });

  it('cleans file names of folders and control characters', () => {
    expect(cleanFileName('C:\\Users\\a\\情况说明.docx')).toBe('情况说明.docx');
    expect(cleanFileName('../../etc/passwd.txt')).toBe('passwd.txt');
    expect(cleanFileName('a\u0000b?.pdf')).toBe('a_b_.pdf');
    expect(cleanFileName('..')).toBe('附件');
    const long = `${'长'.repeat(300)}.pdf`;
    expect(Array.from(cleanFileName(long))).toHaveLength(200);
    expect(cleanFileName(long).endsWith('.pdf')).toBe(true);
  });
});
