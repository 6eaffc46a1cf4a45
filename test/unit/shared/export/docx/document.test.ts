import { describe, expect, it } from 'vitest';
import {
  BODY_WIDTH,
  blankLine,
  body,
  formTable,
  heading,
  officialDocument,
  packDocx,
  sanitizeText,
  signature,
  title,
  toParagraphTexts,
} from '../../../../../shared/export/docx';
import { readDocxParts } from '../../../../helpers/docx-xml';

async function sampleXml() {
  const doc = officialDocument(
    [
      title(['关于召开联席会议的通知']),
      blankLine(),
      heading('一、会议时间', 1),
      body('定于2026年3月9日上午9:00召开。'),
      formTable(
        [
          { header: '序号', share: 0.1 },
          { header: '单位', share: 0.9, align: 'left' },
        ],
        [['1', '区市场监督管理局']],
      ),
      ...signature('城关镇综合行政执法协调联席会议办公室', '2026年3月2日'),
    ],
    { title: '通知', auditAnchor: { seq: 7, hash: 'ab'.repeat(32) } },
  );
  return readDocxParts(await packDocx(doc));
}

describe('officialDocument (GB/T 9704-2012 page)', () => {
  it('sets A4 with 37/35/28/26 mm margins', async () => {
    const parts = await sampleXml();
    const xml = parts['word/document.xml']!;
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/w:top="2098"/);
    expect(xml).toMatch(/w:right="1474"/);
    expect(xml).toMatch(/w:bottom="1984"/);
    expect(xml).toMatch(/w:left="1587"/);
    expect(xml).toMatch(/w:footer="1440"/);
  });

  it('uses exact 28.95 pt lines, never the invalid "exactly"', async () => {
    const parts = await sampleXml();
    const xml = parts['word/document.xml']!;
    expect(xml).toMatch(/w:line="579" w:lineRule="exact"/);
    expect(xml).not.toMatch(/lineRule="exactly"/);
    expect(parts['word/styles.xml']).toMatch(/w:line="579" w:lineRule="exact"/);
  });

  it('names East Asian fonts with the eastAsia hint and sizes in half-points', async () => {
    const parts = await sampleXml();
    const xml = parts['word/document.xml']!;
    expect(xml).toMatch(/w:eastAsia="方正小标宋简体"/);
    expect(xml).toMatch(/w:eastAsia="黑体"/);
    expect(xml).toMatch(/w:eastAsia="仿宋_GB2312"/);
    expect(xml).toMatch(/w:hint="eastAsia"/);
    expect(xml).toMatch(/<w:sz w:val="44"\/>/); // 2号 title
    expect(xml).toMatch(/<w:sz w:val="32"\/>/); // 3号 body
    expect(xml).toMatch(/<w:spacing w:val="-5"\/>/); // tracking → 28 字/line
    expect(parts['word/styles.xml']).toMatch(/w:eastAsia="zh-CN"/);
  });

  it('has odd/even page-number footers “— N —” in 4号宋体', async () => {
    const parts = await sampleXml();
    expect(parts['word/settings.xml']).toMatch(/<w:evenAndOddHeaders\/>/);
    const footers = Object.entries(parts).filter(([p]) => /word\/footer\d+\.xml/.test(p));
    expect(footers).toHaveLength(2);
    for (const [, xml] of footers) {
      expect(xml).toMatch(/PAGE/);
      expect(xml).toMatch(/— <\/w:t>/);
      expect(xml).toMatch(/w:eastAsia="宋体"/);
      expect(xml).toMatch(/<w:sz w:val="28"\/>/);
    }
    const aligns = footers.map(([, xml]) => /<w:jc w:val="(\w+)"/.exec(xml)?.[1]).sort();
    expect(aligns).toEqual(['left', 'right']);
  });

  it('makes tables span the 版心 with widths WPS can read', async () => {
    const xml = (await sampleXml())['word/document.xml']!;
    expect(xml).toMatch(new RegExp(`<w:tblW w:type="dxa" w:w="${BODY_WIDTH}"/>`));
    expect(xml).toMatch(/<w:gridCol w:w="884"\/>/);
    expect(xml).toMatch(/<w:tblLayout w:type="fixed"\/>/);
    expect(xml).toMatch(/<w:tblHeader\/>/);
  });

  it('records the audit anchor as custom properties', async () => {
    const parts = await sampleXml();
    expect(parts['docProps/custom.xml']).toMatch(/JointDeskAuditSeq/);
    expect(parts['docProps/custom.xml']).toMatch(/abab/);
  });
});

describe('text sanitising', () => {
  it('drops characters that make document.xml not well-formed', () => {
    expect(sanitizeText('a\uFFFEb\uFFFFc\u0001d\uD800e')).toBe('abcde');
    expect(sanitizeText('𠮷野家\t\n')).toBe('𠮷野家\t\n');
  });

  it('splits user text into capped paragraphs', () => {
    expect(toParagraphTexts('一\n\n  二 \r\n三')).toEqual(['一', '二', '三']);
    expect(toParagraphTexts('字'.repeat(9000)).map((s) => s.length)).toEqual([4000, 4000, 1000]);
  });
});
