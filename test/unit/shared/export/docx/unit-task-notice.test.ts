import { test as fcTest } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  packDocx,
  unitNoticeLeadText,
  unitNoticeRows,
  unitTaskNoticeDocument,
  type UnitTaskNoticeInput,
} from '../../../../../shared/export/docx';
import { readDocxParts } from '../../../../helpers/docx-xml';
import { assertWellFormed, eastAsia, hostileString, paragraphs, tableRows } from '../../../../helpers/xml-well-formed';

const office = {
  name: '城关镇综合行政执法协调联席会议办公室',
  jointMeetingName: '城关镇综合行政执法协调联席会议',
};
const input = (o: Partial<UnitTaskNoticeInput> = {}): UnitTaskNoticeInput => ({
  office,
  unitName: '区市场监督管理局',
  date: '2026-11-22',
  feedbackBy: '2026-11-30',
  tasks: [
    {
      content: '开展农贸市场周边占道经营集中整治',
      sourceText: '城关镇综合行政执法协调联席会议2026年第三次会议纪要（2026年第3期）',
      role: 'lead',
      deadlineText: '2026年12月4日前',
      feedbackText: '每周五前报送进展',
    },
    {
      content: '制定夜市管理办法',
      sourceText: '城关镇综合行政执法协调联席会议2026年第三次会议纪要（2026年第3期）',
      role: 'co',
      leadUnitName: '城关镇人民政府',
      deadlineText: '2026年12月31日前',
    },
  ],
  contact: { name: '李明', phone: '0599-5823456' },
  scheme: 'standard',
  ...o,
});

describe('督办任务通知 to one unit', () => {
  it('a 通知: title, 主送 the unit, counts, the task table, the 反馈要求, 附件 and the dated signature', async () => {
    const xml = (await readDocxParts(await packDocx(unitTaskNoticeDocument(input()))))['word/document.xml']!;
    assertWellFormed('document.xml', xml);
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const texts = paragraphs(xml).map((p) => p.text);
    expect(texts[0]).toBe('关于报送城关镇综合行政执法协调联席会议议定事项办理情况的通知');
    expect(eastAsia(paragraphs(xml)[0]!.xml)).toBe('方正小标宋简体');
    expect(texts).toContain('区市场监督管理局：');
    expect(texts).toContain(
      '根据城关镇综合行政执法协调联席会议纪要，截至2026年11月22日，你单位承办的议定事项中尚有2项未办结（其中牵头办理1项、配合办理1项）。为抓好议定事项落实，现将有关事项通知如下：',
    );
    expect(
      texts.some((t) => t.startsWith('（一）请于2026年11月30日前填写随本通知下发的《督办事项办理情况反馈表》')),
    ).toBe(true);
    expect(texts).toContain('联系人：李明，联系电话：0599-5823456。');
    expect(texts).toContain('附件：督办事项办理情况反馈表');
    expect(texts.slice(-2)).toEqual(['城关镇综合行政执法协调联席会议办公室', '2026年11月22日']);
    const rows = tableRows(xml);
    expect(rows).toHaveLength(3);
    expect(rows[0]!.xml).toMatch(/<w:tblHeader\/>/);
    expect(rows[2]!.cells[2]).toBe('配合|（牵头：城关镇人民政府）');
  });

  it('rows: the source under the content, 配合 names the lead unit, the standard 反馈要求 when the minutes gave none', () => {
    expect(unitNoticeRows(input().tasks)).toEqual([
      [
        '1',
        '开展农贸市场周边占道经营集中整治\n（城关镇综合行政执法协调联席会议2026年第三次会议纪要（2026年第3期））',
        '牵头',
        '2026年\n12月4日前',
        '每周五前报送进展',
      ],
      [
        '2',
        '制定夜市管理办法\n（城关镇综合行政执法协调联席会议2026年第三次会议纪要（2026年第3期））',
        '配合\n（牵头：城关镇人民政府）',
        '2026年\n12月31日前',
        '办理时限届满前书面反馈办理情况',
      ],
    ]);
    expect(unitNoticeLeadText(input({ tasks: [] }))).toBe(
      '截至2026年11月22日，你单位承办的城关镇综合行政执法协调联席会议议定事项均已报告办结。',
    );
  });

  fcTest.prop([hostileString], { numRuns: 15 })('hostile text stays well-formed XML', async (hostile) => {
    const doc = unitTaskNoticeDocument(
      input({ unitName: hostile, tasks: [{ ...input().tasks[0]!, content: hostile, feedbackText: hostile }] }),
    );
    assertWellFormed('document.xml', (await readDocxParts(await packDocx(doc)))['word/document.xml']!);
  });
});
