import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Resolution, TaskEvent } from '../../../../../shared/domain';
import { selectReportItems } from '../../../../../shared/domain/implementation-report';
import { implementationReportDocument, packDocx, supervisionNoticeDocument } from '../../../../../shared/export/docx';

/**
 * Export check with LibreOffice, only where soffice and poppler are installed: the 督办通知单 is one page
 * of form plus one page of 反馈单, and the 落实情况通报 lists every selected item with its marks, its table
 * header repeated on the pages a long table runs over.
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

const office = {
  name: '城关镇综合行政执法协调联席会议办公室',
  jointMeetingName: '城关镇综合行政执法协调联席会议',
  docNumberPrefix: '城综执联办',
};

const res = (id: string, o: Partial<Resolution>): Resolution => ({
  id,
  createdAt: '2026-03-06T02:00:00.000Z',
  updatedAt: '2026-03-09T02:00:00.000Z',
  meetingId: 'm1',
  minutesId: 'n1',
  content: `议定事项${id}`,
  leadUnitId: 'zf',
  coUnitIds: ['sj'],
  deadline: '2026-04-30',
  state: 'in_progress',
  issuedOn: '2026-03-09',
  ...o,
});

/** 24 items (6 a group, long enough to run over pages) and a progress report on each. */
const resolutions: Resolution[] = Array.from({ length: 24 }, (_, i) =>
  res(`r${String(i + 1).padStart(2, '0')}`, {
    content: `整治事项${String(i + 1).padStart(2, '0')}`, // one line in its cell: pdftotext keeps it whole
    state: (['not_started', 'in_progress', 'done_pending_verification', 'verified'] as const)[i % 4],
    deadline: i % 3 === 0 ? '2026-05-15' : '2026-07-31',
  }),
);
const events: TaskEvent[] = resolutions.map((r, i) => ({
  id: `e${i}`,
  resolutionId: r.id,
  kind: r.state === 'verified' ? 'verification' : 'progress',
  on: '2026-05-20',
  text: r.state === 'verified' ? '经实地核验，整改到位' : '已完成摸排，正在整改',
  createdAt: '2026-05-20T02:00:00.000Z',
}));

async function toPages(dir: string, name: string, bytes: Uint8Array): Promise<string[]> {
  const docx = join(dir, `${name}.docx`);
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
  const pdf = join(dir, `${name}.pdf`);
  const { stdout: info } = await run('pdfinfo', [pdf]);
  const count = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
  const pages: string[] = [];
  for (let p = 1; p <= count; p++) {
    const { stdout } = await run('pdftotext', ['-layout', '-f', String(p), '-l', String(p), pdf, '-']);
    pages.push(stdout);
  }
  return pages;
}

const squash = (s: string) => s.replace(/\s+/g, '');

describe.skipIf(!available)('督办通知单 and 落实情况通报 rendered by LibreOffice', () => {
  let dir: string;
  let notice: string[] = [];
  let report: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'jd-followup-'));
    notice = await toPages(
      dir,
      'notice',
      await packDocx(
        supervisionNoticeDocument({
          office,
          number: { year: 2026, number: 3 },
          date: '2026-03-09',
          resolution: { content: '开展沿街店铺占道经营第二轮集中整治', deadline: '2026-03-20' },
          leadUnitName: '镇综合行政执法队',
          coUnitNames: ['区市场监督管理局'],
          source: {
            meetingName: '城关镇综合行政执法协调联席会议2026年第一次会议',
            issueText: '2026年第1期',
            itemNumber: 1,
          },
          requirement: '请抓紧推进。',
          contact: { name: '李明', phone: '0571-88886666' },
          scheme: 'standard',
        }),
      ),
    );
    const selection = selectReportItems({
      meeting: { id: 'm2', startsAt: '2026-06-10T09:00' },
      previousMeeting: { id: 'm1', startsAt: '2026-03-06T09:00' },
      resolutions,
      events,
      minutes: [
        { id: 'n1', meetingId: 'm1', state: 'issued', issuedOn: '2026-03-09', issueYear: 2026, issueNumber: 1 },
      ],
    });
    report = await toPages(
      dir,
      'report',
      await packDocx(
        implementationReportDocument({
          office,
          meetingName: '城关镇综合行政执法协调联席会议2026年第一次会议',
          date: '2026-06-08',
          selection,
          unitNames: { zf: '镇综合行政执法队', sj: '区市场监督管理局' },
          scheme: 'standard',
        }),
      ),
    );
  }, 240_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('督办通知单: the form on page 1, the 反馈单 on page 2, “— N —” on each', () => {
    expect(notice).toHaveLength(2);
    const one = squash(notice[0]!);
    for (const s of [
      '议定事项督办通知单',
      '编号：城综执联办督〔2026〕3号',
      '交办日期：2026年3月9日',
      '督办事项来源',
      '签发',
    ]) {
      expect(one).toContain(s);
    }
    expect(squash(notice[1]!)).toContain('督办事项办理情况反馈单');
    expect(squash(notice[1]!)).toContain('反馈日期');
    notice.forEach((p, i) => expect(squash(p)).toContain(`—${i + 1}—`));
  });

  it('落实情况通报: every item listed, 逾期 marked, the header on every page a table runs over', () => {
    const all = squash(report.join(''));
    for (let i = 1; i <= 24; i++) expect(all).toContain(`整治事项${String(i).padStart(2, '0')}`);
    expect(all).toContain('共24项，其中已核验办结6项（占25%）');
    expect(all).toContain('★逾期');
    expect(report.length).toBeGreaterThanOrEqual(3);
    report.forEach((p, i) => expect(squash(p)).toContain(`—${i + 1}—`));
    // Every page holding table rows (a 序号 cell) also shows the header.
    for (const p of report.slice(1, -1)) expect(squash(p)).toContain('序号议定事项牵头单位完成时限办理情况状态');
  });
});
