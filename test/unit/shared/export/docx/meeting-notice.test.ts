import { describe, expect, it } from 'vitest';
import {
  BODY_WIDTH,
  breakTitle,
  docNumberText,
  fullMeetingName,
  groupedNames,
  joinOverlap,
  markFit,
  meetingNoticeDocument,
  meetingTimeWithWeekday,
  packDocx,
  sessionFileLabel,
  sessionName,
  spacedWidth,
  widthTwips,
  type MeetingDocInput,
} from '../../../../../shared/export/docx';
import { readDocxParts } from '../../../../helpers/docx-xml';

const input: MeetingDocInput = {
  office: {
    name: '城关镇综合行政执法协调联席会议办公室',
    jointMeetingName: '城关镇综合行政执法协调联席会议',
    docNumberPrefix: '城综执联办',
    contactName: '孙小红',
    contactPhone: '0571-86012345',
  },
  meeting: {
    kind: 'regular',
    year: 2026,
    sequence: 3,
    startsAt: '2026-03-06T09:00',
    place: '镇政府三楼会议室',
    chairName: '王建国',
    chairPost: '镇长',
  },
  agenda: [
    { title: '通报第二次会议议定事项落实情况', presenterUnit: '联席会议办公室', minutes: 10 },
    { title: '研究沿街店铺占道经营整治问题。', presenterUnit: '城关镇综合行政执法队', minutes: 20 },
    { title: '王建国同志讲话' },
  ],
  attendees: [
    { unit: '城关镇人民政府', post: '镇长', name: '王建国', status: '出席' },
    { unit: '区市场监督管理局', post: '副局长', name: '李明', status: '出席' },
    { unit: '城关镇人民政府', post: '副镇长', name: '钱多多', status: '出席' },
    { unit: '区住房和城乡建设局', post: '副局长', name: '陈静', status: '请假', leaveReason: '外出学习' },
    { unit: '区人民政府', post: '办公室副主任', name: '欧阳修远', status: '列席' },
  ],
  noticeDate: '2026-03-02',
  noticeNumber: 3,
  replyDeadline: '2026-03-04T17:00',
};

async function parts(i: MeetingDocInput = input) {
  return readDocxParts(await packDocx(meetingNoticeDocument(i)));
}

/** Each `<w:p>` of the body with its XML and its text. */
function paragraphs(xml: string): { xml: string; text: string }[] {
  return [...xml.matchAll(/<w:p>(.*?)<\/w:p>/gs)].map((m) => ({
    xml: m[1]!,
    text: [...m[1]!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
  }));
}

function find(ps: { xml: string; text: string }[], text: string) {
  const p = ps.find((x) => x.text.includes(text));
  if (!p) throw new Error(`no paragraph with “${text}”`);
  return p;
}

describe('会议通知 mapper (GB/T 9704 通用格式)', () => {
  it('uses A4 with the 37/35/28/26 mm margins and odd/even page numbers', async () => {
    const p = await parts();
    const xml = p['word/document.xml']!;
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(p['word/settings.xml']).toMatch(/<w:evenAndOddHeaders\/>/);
    const footers = Object.entries(p).filter(([k]) => /word\/footer\d+\.xml/.test(k));
    expect(footers).toHaveLength(2);
    for (const [, f] of footers) {
      expect(f).toMatch(/PAGE/);
      expect(f).toMatch(/w:eastAsia="宋体"/);
    }
  });

  it('puts the red 发文机关标志 35 mm into the 版心, condensed to fit one line', async () => {
    const ps = paragraphs((await parts())['word/document.xml']!);
    const mark = ps[0]!;
    expect(mark.text).toBe('城关镇综合行政执法协调联席会议办公室');
    expect(mark.xml).toMatch(/w:before="1984"/);
    expect(mark.xml).toMatch(/w:line="640" w:lineRule="exact"/); // 30 pt + 2 pt
    expect(mark.xml).toMatch(/<w:color w:val="FF0000"\/>/);
    expect(mark.xml).toMatch(/w:eastAsia="方正小标宋简体"/);
    expect(mark.xml).toMatch(/<w:sz w:val="60"\/>/);
    expect(mark.xml).toMatch(/<w:w w:val="77"\/>/);
    expect(mark.xml).toMatch(/<w:jc w:val="center"\/>/);
  });

  it('draws the red rule as the bottom border of the 发文字号, two lines under the mark, zero indents', async () => {
    const ps = paragraphs((await parts())['word/document.xml']!);
    const i = ps.findIndex((p) => p.text === '城综执联办〔2026〕3号');
    expect(i).toBe(3); // mark, two blank lines, number
    expect(ps[1]!.text + ps[2]!.text).toBe('');
    const n = ps[i]!.xml;
    expect(n).toMatch(/<w:pBdr><w:bottom w:val="single" w:color="FF0000" w:sz="12" w:space="6"\/><\/w:pBdr>/);
    expect(n).toMatch(/<w:ind w:left="0" w:right="0" w:firstLine="0"\/>/);
    expect(n).toMatch(/<w:jc w:val="center"\/>/);
    // Title two blank lines under the rule.
    expect(ps[i + 1]!.text + ps[i + 2]!.text).toBe('');
    expect(ps[i + 3]!.text).toBe('关于召开城关镇综合行政执法协调联席会议2026年第三次会议的通知');
  });

  it('breaks the 2号小标宋 title after the joint meeting name', async () => {
    const ps = paragraphs((await parts())['word/document.xml']!);
    const t = find(ps, '关于召开');
    expect(t.xml).toMatch(/<w:br\/><w:t xml:space="preserve">2026年第三次会议的通知<\/w:t>/);
    expect(t.xml).toMatch(/<w:sz w:val="44"\/>/);
    expect(t.xml).toMatch(/w:eastAsia="方正小标宋简体"/);
  });

  it('sets body text in 3号仿宋 on exact 28.95 pt lines, indented two 字, 一级 headings in 黑体', async () => {
    const xml = (await parts())['word/document.xml']!;
    const ps = paragraphs(xml);
    const lead = find(ps, '经研究，定于');
    expect(lead.xml).toMatch(/w:line="579" w:lineRule="exact"/);
    expect(lead.xml).toMatch(/w:firstLine="630" w:firstLineChars="200"/);
    expect(lead.xml).toMatch(/w:eastAsia="仿宋_GB2312"/);
    expect(lead.xml).toMatch(/<w:sz w:val="32"\/>/);
    expect(lead.xml).toMatch(/<w:spacing w:val="-5"\/>/);
    expect(find(ps, '一、会议时间').xml).toMatch(/w:eastAsia="黑体"/);
    expect(find(ps, '联席会议各成员单位：').xml).toMatch(/w:firstLine="0"/);
    // Every text paragraph keeps a line-final ；/。 (LibreOffice drops it without w:overflowPunct).
    for (const p of ps.filter((x) => /[；。：]$/.test(x.text))) expect(p.xml, p.text).toMatch(/<w:overflowPunct\/>/);
    expect(xml).not.toMatch(/lineRule="exactly"/);
    expect(xml).not.toMatch(/lineRule="auto"/);
  });

  it('writes the parts in order: 主送, 导语, the five items, 附件说明, signature, then the 回执 page', async () => {
    const ps = paragraphs((await parts())['word/document.xml']!);
    const texts = ps.map((p) => p.text);
    const order = [
      '联席会议各成员单位：',
      '经研究，定于2026年3月6日（星期五）上午9:00在镇政府三楼会议室召开城关镇综合行政执法协调联席会议2026年第三次会议。现将有关事项通知如下：',
      '一、会议时间',
      '二、会议地点',
      '三、参会人员',
      '四、会议议题',
      '1.通报第二次会议议定事项落实情况；',
      '2.研究沿街店铺占道经营整治问题；',
      '3.王建国同志讲话。',
      '五、有关要求',
      '附件：参会回执',
      '城关镇综合行政执法协调联席会议办公室',
      '2026年3月2日',
      '附件',
      '参会回执',
    ];
    let at = -1;
    for (const t of order) {
      const i = texts.indexOf(t, at + 1);
      expect(i, t).toBeGreaterThan(at);
      at = i;
    }
    expect(find(ps, '1.请各成员单位').text).toBe(
      '1.请各成员单位于2026年3月4日下午5:00前将参会回执（见附件）报送联席会议办公室。',
    );
    expect(find(ps, '联系人：').text).toBe('4.联系人：孙小红，联系电话：0571-86012345。');
    expect(find(ps, '按会议议题准备汇报材料').text).toContain('请联席会议办公室、城关镇综合行政执法队按会议议题');
  });

  it('distinguishes 出席 (invitees, including those who asked for leave) from 列席', async () => {
    const ps = paragraphs((await parts())['word/document.xml']!);
    const present = find(ps, '（一）出席：');
    expect(present.text).toBe(
      '（一）出席：城关镇人民政府镇长王建国、副镇长钱多多；区市场监督管理局副局长李明；区住房和城乡建设局副局长陈静。',
    );
    expect(present.xml).toMatch(/w:eastAsia="楷体_GB2312"/);
    expect(find(ps, '（二）列席：').text).toBe('（二）列席：区人民政府办公室副主任欧阳修远。');
  });

  it('places the unsealed signature: name 右空二字, date starting two 字 right of the name', async () => {
    const ps = paragraphs((await parts())['word/document.xml']!);
    const names = ps.filter((p) => p.text === '城关镇综合行政执法协调联席会议办公室');
    const sig = names[names.length - 1]!;
    const date = find(ps, '2026年3月2日');
    expect(sig.xml).toMatch(/<w:ind w:right="630"\/>/);
    const right = spacedWidth('城关镇综合行政执法协调联席会议办公室') - spacedWidth('2026年3月2日');
    expect(date.xml).toContain(`<w:ind w:right="${right}"/>`);
    expect(date.xml).toMatch(/<w:jc w:val="right"\/>/);
  });

  it('starts the attachment on a new page with 附件 in 黑体 and a full-width 回执 table', async () => {
    const xml = (await parts())['word/document.xml']!;
    const ps = paragraphs(xml);
    const label = ps.find((p) => p.text === '附件')!;
    expect(label.xml).toMatch(/<w:pageBreakBefore\/>/);
    expect(label.xml).toMatch(/w:eastAsia="黑体"/);
    const i = ps.indexOf(label);
    expect(ps[i + 1]!.text).toBe('');
    expect(ps[i + 2]!.text).toBe('参会回执'); // line 3
    const grid = [...xml.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(grid).toHaveLength(5);
    expect(grid.reduce((a, b) => a + b, 0)).toBe(BODY_WIDTH);
    expect(xml).toContain(`<w:tblW w:type="dxa" w:w="${BODY_WIDTH}"/>`);
    for (const h of ['单位', '姓名', '职务', '联系电话', '备注']) expect(ps.some((p) => p.text === h)).toBe(true);
    expect(xml.match(/<w:trHeight w:val="624" w:hRule="exact"\/>/g)).toHaveLength(6);
  });

  it('leaves a blank for a handwritten number when none is given', async () => {
    const ps = paragraphs(
      (await parts({ ...input, noticeNumber: undefined, replyDeadline: undefined }))['word/document.xml']!,
    );
    expect(ps[3]!.text).toBe('城综执联办〔2026〕\u3000\u3000号');
    expect(find(ps, '1.请各成员单位').text).toContain('于会前将参会回执');
  });

  it('records the audit anchor in the file', async () => {
    const p = await parts({ ...input, auditAnchor: { seq: 42, hash: 'cd'.repeat(32) } });
    expect(p['docProps/custom.xml']).toMatch(/JointDeskAuditSeq/);
    expect(p['docProps/custom.xml']).toMatch(/cdcd/);
  });
});

describe('meeting document model', () => {
  it('names sessions per kind in Chinese numerals', () => {
    expect(sessionName(input.meeting)).toBe('2026年第三次会议');
    expect(sessionName({ ...input.meeting, kind: 'special', sequence: 1 })).toBe('2026年第一次专题会议');
    expect(sessionFileLabel(input.meeting)).toBe('2026年第三次定期联席会议');
    expect(sessionFileLabel({ ...input.meeting, kind: 'consultation', sequence: 12 })).toBe(
      '2026年第十二次联动会商会议',
    );
    expect(fullMeetingName(input)).toBe('城关镇综合行政执法协调联席会议2026年第三次会议');
  });

  it('writes 发文字号 with the full year in 〔〕 and no leading zeros', () => {
    expect(docNumberText('城综执联办', 2026, 3)).toBe('城综执联办〔2026〕3号');
    expect(docNumberText(' 城综执联办 ', 2027, 12)).toBe('城综执联办〔2027〕12号');
  });

  it('adds the weekday to the meeting time', () => {
    expect(meetingTimeWithWeekday('2026-03-06T09:00')).toBe('2026年3月6日（星期五）上午9:00');
    expect(meetingTimeWithWeekday('2026-03-08T14:30')).toBe('2026年3月8日（星期日）下午2:30');
  });

  it('breaks titles only between segments, longer line first, and cuts a segment wider than the line', () => {
    expect(breakTitle(['关于召开', '城关镇综合行政执法协调联席会议', '2026年第三次会议', '的通知'])).toEqual([
      '关于召开城关镇综合行政执法协调联席会议',
      '2026年第三次会议的通知',
    ]);
    expect(breakTitle(['短标题', '的通知'])).toEqual(['短标题的通知']);
    const long = '字'.repeat(45);
    const lines = breakTitle([long]);
    expect(lines.join('')).toBe(long);
    for (const l of lines) expect(widthTwips(l, 44, 0)).toBeLessThanOrEqual(BODY_WIDTH);
  });

  it('fits the 发文机关标志: full size when short, condensed when long, never under 60 %', () => {
    expect(markFit('联席会议办公室')).toEqual({ size: 84, scale: 100 });
    expect(markFit('城关镇综合行政执法协调联席会议办公室')).toEqual({ size: 60, scale: 77 });
    const huge = markFit('字'.repeat(40));
    expect(huge.size).toBe(52);
    expect(huge.scale).toBe(60);
  });

  it('does not repeat the end of a unit name that starts the post', () => {
    expect(joinOverlap('城关镇纪工委', '纪工委书记徐华')).toBe('城关镇纪工委书记徐华');
    expect(joinOverlap('城关镇', '镇长王建国')).toBe('城关镇镇长王建国');
    expect(joinOverlap('区人民政府', '办公室副主任欧阳修远')).toBe('区人民政府办公室副主任欧阳修远');
  });

  it('groups invitees by unit in first-appearance order', () => {
    expect(groupedNames(input.attendees.slice(0, 3))).toBe(
      '城关镇人民政府镇长王建国、副镇长钱多多；区市场监督管理局副局长李明',
    );
  });
});
