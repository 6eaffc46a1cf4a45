import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BlockNode, MinutesDoc } from '../../../../../shared/editor/document';
import { minutesDocument, packDocx } from '../../../../../shared/export/docx';

/**
 * Export check with LibreOffice, only where soffice and poppler are installed (CI installs them; a
 * developer machine may not): the 纪要 opens, has 22 lines on a full body page and 28 字 on a full line,
 * page numbers on every page, and the 出席 list and 版记 at the end.
 */
const run = promisify(execFile);

function has(cmd: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const available = has('soffice') && has('pdftotext') && has('pdfinfo');

const para = (text: string): BlockNode => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const long =
  '会议指出，当前沿街店铺占道经营、乱堆乱放等问题在部分路段反复出现，群众反映较为集中，各成员单位要进一步提高认识，压实责任，建立健全长效管理机制。';

const doc: MinutesDoc = {
  type: 'doc',
  content: [
    para('2026年3月6日上午，联席会议第三次会议在镇政府三楼会议室召开。现将会议议定事项纪要如下：'),
    { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: '关于沿街店铺占道经营整治' }] },
    para(long),
    // One-line paragraphs: no widow/orphan moves, so page 2 is a full 22-line body page.
    ...Array.from({ length: 40 }, (_, i) => para(`第${i + 1}项：各成员单位按职责分工落实。`)),
    {
      type: 'resolution',
      attrs: {
        id: 'r1',
        content: '开展第二轮集中整治',
        leadUnitId: 'zf',
        coUnitIds: ['sj'],
        deadline: { kind: 'date', date: '2026-03-20' },
        feedback: '',
      },
    },
    {
      type: 'attendanceLine',
      attrs: { role: 'present', label: '出席' },
      content: [
        { type: 'text', text: '王建国（镇党委副书记、镇长），李明（区市场监督管理局副局长），钱多多（副镇长）' },
      ],
    },
  ],
};

describe.skipIf(!available)('会议纪要 rendered by LibreOffice', () => {
  let dir: string;
  const pages: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'jd-minutes-'));
    const bytes = await packDocx(
      minutesDocument({
        doc,
        header: { issueNumber: 3, issuingOffice: '城关镇综合执法联席会议办公室', date: '2026-03-09' },
        unitNames: { zf: '镇综合行政执法队', sj: '区市场监督管理局' },
        scheme: 'standard',
        distribution: '联席会议各成员单位',
        printedOn: '2026-03-09',
      }),
    );
    const docx = join(dir, 'minutes.docx');
    writeFileSync(docx, bytes);
    await run(
      'soffice',
      [
        `-env:UserInstallation=file://${join(dir, 'profile')}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        docx,
      ],
      { timeout: 120_000 },
    );
    const pdf = join(dir, 'minutes.pdf');
    const { stdout: info } = await run('pdfinfo', [pdf]);
    const count = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
    for (let p = 1; p <= count; p++) {
      const { stdout } = await run('pdftotext', ['-layout', '-f', String(p), '-l', String(p), pdf, '-']);
      pages.push(stdout);
    }
  }, 150_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const lines = (page: string) => page.split('\n').filter((l) => l.trim() !== '');
  const squash = (s: string) => s.replace(/\s+/g, '');

  it('spreads over several pages with “— N —” on each', () => {
    expect(pages.length).toBeGreaterThanOrEqual(3);
    pages.forEach((page, i) => expect(squash(page)).toContain(`—${i + 1}—`));
  });

  it('sets 22 lines on a full body page and 28 字 on a full line', () => {
    const body = lines(pages[1]!).filter((l) => !/^\s*—\s*\d+\s*—\s*$/.test(l));
    expect(body).toHaveLength(22);
    const first = lines(pages[0]!).map(squash);
    expect(first[0]).toBe('城关镇综合执法联席会议纪要');
    expect(first).toContain('第3期');
    // The 28-字 line of the long paragraph (its first line has 26 after the 2-字 indent).
    expect(first.some((l) => [...l].length === 28 && long.includes(l))).toBe(true);
  });

  it('ends with the resolution, the 出席 list and the 版记', () => {
    const all = squash(pages.join(''));
    expect(all).toContain('开展第二轮集中整治，由镇综合行政执法队牵头，区市场监督管理局配合，于3月20日前完成。');
    expect(all).toContain('出席：王建国');
    const last = squash(pages[pages.length - 1]!);
    expect(last).toContain('分送：联席会议各成员单位。');
    expect(last).toContain('城关镇综合执法联席会议办公室2026年3月9日印发');
    expect(all.indexOf('出席：')).toBeLessThan(all.indexOf('分送：'));
  });
});
