import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { MinutesDoc } from '../../../shared/editor/document';
import {
  MinutesPrintView,
  markStyle,
  officeDateSides,
  type MinutesPrintData,
} from '../../../renderer/src/features/minutes/print/minutes-print-view';
import { pdfFileName } from '../../../renderer/src/features/minutes/print/print-minutes-button';

const DOC: MinutesDoc = {
  type: 'doc',
  content: [
    { type: 'paragraph', content: [{ type: 'text', text: '2026年3月5日上午，会议在镇政府召开。' }] },
    { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: '关于违法建设的查处' }] },
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: '分工' }] },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: '会议议定：', marks: [{ type: 'bold' }] },
        { type: 'text', text: '<script>alert(1)</script>' },
      ],
    },
    {
      type: 'resolution',
      attrs: {
        id: 'r1',
        content: '东门村违法建设依法拆除',
        leadUnitId: 'u1',
        coUnitIds: ['u2'],
        deadline: { kind: 'date', date: '2026-03-20' },
        feedback: '办结后书面反馈',
      },
    },
    {
      type: 'resolution',
      attrs: {
        id: 'r2',
        content: '汇总落实情况',
        leadUnitId: 'u2',
        coUnitIds: [],
        deadline: { kind: 'working_days', days: 10 },
        feedback: '',
      },
    },
    { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: '其他事项' }] },
    {
      type: 'table',
      content: [
        {
          type: 'tableRow',
          content: [
            { type: 'tableHeader', content: [{ type: 'paragraph', content: [{ type: 'text', text: '单位' }] }] },
            { type: 'tableHeader', content: [{ type: 'paragraph', content: [{ type: 'text', text: '事项' }] }] },
          ],
        },
        {
          type: 'tableRow',
          content: [
            { type: 'tableCell', content: [{ type: 'paragraph', content: [{ type: 'text', text: '执法队' }] }] },
            { type: 'tableCell', content: [{ type: 'paragraph', content: [{ type: 'text', text: '拆除' }] }] },
          ],
        },
      ],
    },
    {
      type: 'attendanceLine',
      attrs: { role: 'present', label: '出席' },
      content: [{ type: 'text', text: '张三、李四' }],
    },
    { type: 'attendanceLine', attrs: { role: 'leave', label: '' }, content: [{ type: 'text', text: '王五' }] },
  ],
};

function data(over: Partial<MinutesPrintData> = {}): MinutesPrintData {
  return {
    doc: DOC,
    header: {
      issuingOffice: '城关镇综合行政执法协调联席会议办公室',
      date: '2026-03-09',
      issueNumber: 3,
      issueYear: 2026,
    },
    unitNames: { u1: '综合执法队', u2: '党政办' },
    distribution: '联席会议各成员单位',
    printedOn: '2026-03-09',
    ...over,
  };
}

const html = (d: MinutesPrintData) => renderToStaticMarkup(<MinutesPrintView data={d} />);

describe('MinutesPrintView', () => {
  it('prints the header: red mark, 第×期, office and date', () => {
    const out = html(data());
    expect(out).toContain('城关镇综合行政执法协调联席会议纪要');
    expect(out).toContain('第3期');
    expect(out).not.toContain('（草稿）');
    expect(out).toContain('2026年3月9日');
  });

  it('marks a draft as the .docx does, and leaves the number blank until 印发', () => {
    const out = html(data({ draft: true, header: { issuingOffice: '某办公室', date: '2026-03-09' } }));
    expect(out).toContain('第\u3000\u3000期（草稿）');
  });

  it('numbers the headings by position and keeps the marks of the text, escaping markup', () => {
    const out = html(data());
    expect(out).toContain('一、关于违法建设的查处');
    expect(out).toContain('（一）分工');
    expect(out).toContain('二、其他事项');
    expect(out).toContain('<strong>会议议定：</strong>');
    expect(out).toContain('&lt;script&gt;');
    expect(out).not.toContain('<script>');
  });

  it('writes resolutions in the official phrasing (date within the year without the year; working days)', () => {
    const out = html(data());
    expect(out).toContain('东门村违法建设依法拆除，由综合执法队牵头，党政办配合，于3月20日前完成。办结后书面反馈。');
    expect(out).toContain('汇总落实情况，由党政办负责，于纪要印发后10个工作日内完成。');
  });

  it('prints tables with their header row in thead and attendance lines with a hanging indent', () => {
    const out = html(data());
    expect(out).toMatch(/<thead><tr><th>.*单位.*<\/th><th>.*事项.*<\/th><\/tr><\/thead>/);
    expect(out).toMatch(/padding-left:5em;text-indent:-3em.*出席：.*张三、李四/);
    expect(out).toContain('请假：</span>王五');
  });

  it('ends with the 版记: 分送 with a full stop, 印发机关 and 印发日期', () => {
    const out = html(data());
    expect(out).toContain('分送：</span>联席会议各成员单位。');
    expect(out).toContain('2026年3月9日印发');
    expect(html(data({ distribution: '' }))).not.toContain('分送');
  });
});

describe('print layout helpers', () => {
  it('fits the 纪要标志 like the .docx (16+ 字 condensed at 30 pt)', () => {
    expect(markStyle('城关镇联席会议纪要')).toEqual({ fontSizePt: 42, scale: 1 });
    const long = markStyle('城关镇综合行政执法协调联席会议纪要');
    expect(long.fontSizePt).toBe(30);
    expect(long.scale).toBeGreaterThanOrEqual(0.75);
    expect(long.scale).toBeLessThan(1);
  });

  it('drops the office / date side spaces when they would crowd the line', () => {
    expect(officeDateSides('城关镇联席会议办公室', '2026年3月9日')).toBe(true);
    expect(officeDateSides('城关镇综合行政执法协调联席会议办公室', '2024年11月21日')).toBe(false);
  });

  it('names the PDF after the export', () => {
    expect(pdfFileName('会议纪要-2026年第三次会议（第5期）.docx')).toBe('会议纪要-2026年第三次会议（第5期）.pdf');
    expect(pdfFileName('a/b:c')).toBe('a_b_c.pdf');
    expect(pdfFileName('  ')).toBe('会议纪要.pdf');
  });
});
