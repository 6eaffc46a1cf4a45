/**
 * .docx of a 30-page 纪要 + a 200-row 落实情况通报, built and packed in-process (minutesDocument /
 * implementationReportDocument + packDocx, as the export buttons run them), beside pandoc converting the same
 * content from Markdown (headings, paragraphs, the 议定事项 sentences, pipe tables): `pandoc -f markdown -t docx`
 * once per document, spawned as a user would run it. Each side is the median of several runs of both
 * documents. Without pandoc (`/usr/bin/pandoc`, or PANDOC) the rows say so. Called by test/bench/run.ts.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays, type Resolution, type TaskEvent } from '../../shared/domain';
import { selectReportItems, type ReportInput } from '../../shared/domain/implementation-report';
import type { BlockNode, InlineNode, MinutesDoc } from '../../shared/editor/document';
import { headingNumbers } from '../../shared/editor/numbering';
import { resolutionText } from '../../shared/editor/text';
import {
  implementationReportDocument,
  minutesDocument,
  packDocx,
  REPORT_COLUMNS,
  reportLeadText,
  reportRowCells,
  reportTitleLines,
  type ImplementationReportInput,
} from '../../shared/export/docx';
import { measure, ms, ratio, row, type BenchRow } from './lib';
import { buildMinutesFixture, FIXTURE_UNITS, minutesFixtureDocxInput } from './minutes-fixture';

const SECTION = 'Node';
const REPORT_ROWS = 200;
const OFFICE = {
  name: '城关镇综合行政执法协调联席会议办公室',
  jointMeetingName: '城关镇综合行政执法协调联席会议',
  docNumberPrefix: '城综执联办',
};
const TOPICS = ['占道经营整治', '违法建设拆除', '餐饮油烟治理', '渣土运输管理', '户外广告规范', '河道违规养殖清理'];
const PROGRESS = [
  '已组织联合检查，对发现的问题逐项建立台账，明确整改责任人和完成时限。',
  '牵头单位会同配合单位召开专题协调会，形成处置方案，正在按方案推进。',
  '已下达责令改正通知书，当事人已整改大部分问题，剩余问题限期整改。',
  '经复查，整改到位，群众反映的问题已解决，相关台账已销号。',
];

/** A 落实情况通报 of `n` items over the four groups, with progress, extensions and 核验 findings. */
export function reportFixture(n = REPORT_ROWS): ImplementationReportInput {
  const states: Resolution['state'][] = ['not_started', 'in_progress', 'done_pending_verification', 'verified'];
  const units = FIXTURE_UNITS;
  const resolutions: Resolution[] = [];
  const events: TaskEvent[] = [];
  for (let i = 0; i < n; i++) {
    const id = `rep-${String(i).padStart(3, '0')}`;
    const state = states[i % 4]!;
    resolutions.push({
      id,
      createdAt: '2026-03-06T02:00:00.000Z',
      updatedAt: '2026-06-01T02:00:00.000Z',
      meetingId: `m${i % 3}`,
      minutesId: `n${i % 3}`,
      content: `${TOPICS[i % TOPICS.length]!}第${i + 1}项：对辖区内相关点位开展排查，依法查处违法违规行为，建立长效管理机制`,
      leadUnitId: units[i % units.length]!.id,
      coUnitIds: [units[(i + 2) % units.length]!.id, units[(i + 5) % units.length]!.id],
      deadline: addDays('2026-04-01', (i * 5) % 120),
      state,
      issuedOn: '2026-03-09',
      ...(i % 9 === 4
        ? { extension: { state: 'pending', requestedOn: '2026-05-20', proposedDeadline: '2026-07-30', reason: '协调' } }
        : {}),
    } as Resolution);
    if (state !== 'not_started')
      events.push({
        id: `${id}-p`,
        resolutionId: id,
        kind: 'progress',
        on: addDays('2026-04-10', i % 40),
        text: PROGRESS[i % 4]!,
        createdAt: '2026-05-01T02:00:00.000Z',
      } as TaskEvent);
    if (state === 'verified')
      events.push({
        id: `${id}-v`,
        resolutionId: id,
        kind: 'verification',
        on: '2026-05-28',
        text: '经现场核验，整改到位',
        approved: true,
        createdAt: '2026-05-28T02:00:00.000Z',
      } as TaskEvent);
  }
  const minutes: ReportInput['minutes'] = [0, 1, 2].map((k) => ({
    id: `n${k}`,
    meetingId: `m${k}`,
    state: 'issued',
    issuedOn: '2026-03-09',
    issueYear: 2026,
    issueNumber: k + 1,
  }));
  const selection = selectReportItems({
    meeting: { id: 'm9', startsAt: '2026-06-10T09:00' },
    previousMeeting: { id: 'm8', startsAt: '2026-03-06T09:00' },
    resolutions,
    events,
    minutes,
  });
  return {
    office: OFFICE,
    meetingName: `${OFFICE.jointMeetingName}2026年第一次会议`,
    date: '2026-06-08',
    selection,
    unitNames: Object.fromEntries(units.map((u) => [u.id, u.name])),
    scheme: 'standard',
  };
}

const inline = (c: InlineNode[] | undefined) => (c ?? []).map((n) => (n.type === 'text' ? n.text : ' ')).join('');
const cellText = (s: string) => s.replace(/\s+/g, ' ').replace(/\|/g, '\\|');
const pipeTable = (header: string[], body: string[][]) =>
  [
    `| ${header.map(cellText).join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...body.map((r) => `| ${r.map(cellText).join(' | ')} |`),
  ].join('\n');

/** The 纪要's text as Markdown: 版头 lines, numbered headings, paragraphs, 议定事项 sentences, the table. */
export function minutesMarkdown(doc: MinutesDoc, unitNames: Record<string, string>, title: string): string {
  const numbers = headingNumbers(doc);
  const name = (id: string) => unitNames[id] ?? '';
  const out = [`# ${title}`, '', '第1期', '', '城关镇综合行政执法协调联席会议办公室　2026年11月25日', ''];
  doc.content.forEach((b: BlockNode, i) => {
    switch (b.type) {
      case 'heading':
        out.push(`${'#'.repeat(b.attrs.level + 1)} ${numbers.get(i) ?? ''}${inline(b.content)}`);
        break;
      case 'paragraph':
        out.push(inline(b.content));
        break;
      case 'resolution':
        out.push(resolutionText(b.attrs, name, '2026年12月31日'));
        break;
      case 'attendanceLine':
        out.push(`${b.attrs.label}：${inline(b.content)}`);
        break;
      case 'table': {
        const rows = b.content.map((r) => r.content.map((c) => c.content.map((p) => inline(p.content)).join(' ')));
        out.push(pipeTable(rows[0] ?? [], rows.slice(1)));
        break;
      }
      case 'bulletList':
      case 'orderedList':
        for (const item of b.content)
          for (const p of item.content) if (p.type === 'paragraph') out.push(`- ${inline(p.content)}`);
        break;
    }
    out.push('');
  });
  return out.join('\n');
}

/** The 通报's text as Markdown: title, 主送, lead paragraph, one heading + pipe table per group. */
export function reportMarkdown(input: ImplementationReportInput): string {
  const { selection, unitNames } = input;
  const year = input.date.slice(0, 4);
  const out = [`# ${reportTitleLines(input).join('')}`, '', '联席会议各成员单位：', '', reportLeadText(selection), ''];
  let k = 0;
  selection.groups.forEach((g, gi) => {
    if (g.items.length === 0) return;
    out.push(`## ${gi + 1}. ${g.label}事项（${g.items.length}项）`, '');
    const body = g.items.map((item) => reportRowCells(item, ++k, unitNames, year, true).map((p) => p.join(' ')));
    out.push(
      pipeTable(
        REPORT_COLUMNS.map((c) => c.header),
        body,
      ),
      '',
    );
  });
  out.push('## 下一步工作要求', '', '请各牵头单位对照议定事项和完成时限加快推进，及时反馈办理情况。', '');
  out.push(OFFICE.name, '', '2026年6月8日', '');
  return out.join('\n');
}

function pandocPath(): string | undefined {
  const bin = process.env.PANDOC ?? '/usr/bin/pandoc';
  const probe = spawnSync(bin, ['--version'], { encoding: 'utf8' });
  return probe.status === 0 ? bin : undefined;
}

export async function docxVsPandocRows(rows: BenchRow[]): Promise<void> {
  const runs = 5;
  const name = '.docx of a 30-page 纪要 + 200-row 落实情况通报';
  const fixture = buildMinutesFixture({ pages: 30 });
  const minutesInput = minutesFixtureDocxInput(fixture);
  const report = reportFixture();
  const ours = async () => {
    const a = await packDocx(minutesDocument(minutesInput));
    const b = await packDocx(implementationReportDocument(report));
    return a.length + b.length;
  };
  const bytes = await ours();
  const t = await measure('docx ours', ours, runs, { warmup: 1 });
  const what = `${fixture.lines} body lines, ${fixture.resolutions} 议定事项; ${report.selection.items.length} report rows`;
  rows.push(
    row(
      SECTION,
      `${name}, ours (build + pack in-process)`,
      ms(t.median),
      `${what}; ${Math.round(bytes / 1024)} KB; median of ${runs}`,
    ),
  );
  const bin = pandocPath();
  if (!bin) {
    rows.push(row(SECTION, `${name}: ours ÷ pandoc`, 'n/a', 'pandoc not found (apt-get install pandoc); not measured'));
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'jointdesk-pandoc-'));
  try {
    const files = [
      ['minutes', minutesMarkdown(fixture.doc, fixture.unitNames, '城关镇综合行政执法协调联席会议纪要')],
      ['report', reportMarkdown(report)],
    ].map(([base, md]) => {
      const src = join(dir, `${base}.md`);
      writeFileSync(src, md!);
      return { src, out: join(dir, `${base}.docx`) };
    });
    const convert = () => {
      for (const f of files) {
        const r = spawnSync(bin, ['-f', 'markdown', '-t', 'docx', '-o', f.out, f.src], { encoding: 'utf8' });
        if (r.status !== 0) throw new Error(`pandoc failed: ${r.stderr}`);
      }
    };
    const p = await measure('docx pandoc', convert, runs, { warmup: 1 });
    const version = spawnSync(bin, ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0];
    rows.push(
      row(
        SECTION,
        `${name}, pandoc -f markdown -t docx`,
        ms(p.median),
        `${version}; the same text as Markdown (headings, paragraphs, pipe tables), one spawn per document; median of ${runs}`,
      ),
      row(SECTION, `${name}: ours ÷ pandoc`, ratio(t.median, p.median), 'target ≤ 0.5×'),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
