/**
 * A realistic 会议纪要 (MinutesDoc, shared/editor/document.ts) of a wanted length, for benchmarks: an
 * opening paragraph, sections under level-1 headings (关于…) with level-2 sub-headings, official
 * wording (会议听取了… / 会议认为… / 会议议定： + 议定事项 nodes / 会议要求…), one table, and the
 * 出席 / 请假 / 列席 lines at the end. Deterministic for a given seed.
 *
 * Length is counted in body lines of the GB/T 9704 page: 22 lines × 28 characters (PAGE_LINES,
 * LINE_CHARS); `pages: 30` fills 30 × 22 lines by that estimate (the 版头 on page one and the 版记 come
 * on top). A paragraph takes ⌈(2 + chars) / 28⌉ lines (首行缩进二字), a heading one line per 26
 * characters, a table row its tallest cell.
 * Checked once through LibreOffice (docx → PDF): pages 30 → 32 PDF pages, 50 → 53, 1 → 3 (版头 on page
 * one, 版记 on a page of its own).
 */
import type {
  AttendanceLineNode,
  BlockNode,
  HeadingNode,
  MinutesDoc,
  MinutesHeaderData,
  ParagraphNode,
  ResolutionAttrs,
  ResolutionNode,
  TableNode,
} from '../../shared/editor/document';
import { resolutionText } from '../../shared/editor/text';
import type { MinutesDocxInput } from '../../shared/export/docx';

export const PAGE_LINES = 22;
export const LINE_CHARS = 28;

export interface FixtureUnit {
  id: string;
  name: string;
}

/** The member units the 议定事项 name when the caller brings none (ids are the fixture's own). */
export const FIXTURE_UNITS: readonly FixtureUnit[] = [
  { id: 'bench-u-team', name: '镇综合行政执法队' },
  { id: 'bench-u-amr', name: '区市场监督管理局城关市场监督管理所' },
  { id: 'bench-u-nr', name: '区自然资源局城关自然资源所' },
  { id: 'bench-u-eco', name: '区生态环境局执法大队' },
  { id: 'bench-u-housing', name: '区住房和城乡建设局' },
  { id: 'bench-u-police', name: '城关派出所' },
  { id: 'bench-u-agri', name: '镇农业农村办公室' },
  { id: 'bench-u-econ', name: '镇经济发展办公室' },
  { id: 'bench-u-social', name: '镇社会事务办公室' },
];

export interface MinutesFixtureOptions {
  /** Body pages by the 22 × 28 estimate (fractions allowed). */
  pages: number;
  /** Units for the 议定事项 (≥ 2; default FIXTURE_UNITS). In the app, pass the database's units. */
  units?: readonly FixtureUnit[];
  seed?: number;
  /** Prefix of the resolution node ids (one id per node, never repeated). */
  idPrefix?: string;
}

export interface MinutesFixture {
  doc: MinutesDoc;
  unitNames: Record<string, string>;
  /** Body lines by the estimate (≥ pages × PAGE_LINES, less than one block over). */
  lines: number;
  /** Characters of text, resolution sentences included. */
  chars: number;
  resolutions: number;
}

// ---------------------------------------------------------------------------------------------------
// Wording

const TOPICS = [
  '城关农贸市场周边占道经营整治',
  '老旧小区违法建设拆除',
  '餐饮油烟扰民投诉处置',
  '建筑工地渣土运输车辆管理',
  '沿街门店户外广告设置规范',
  '河道两岸违规养殖清理',
  '校园周边流动摊贩治理',
  '废品收购站点消防安全隐患排查',
  '违法占用耕地问题整改',
  '夜间施工噪声扰民投诉办理',
  '共享单车乱停乱放整治',
  '燃气经营场所安全执法检查',
] as const;

const PRESENTERS = [
  '镇综合行政执法队',
  '区市场监督管理局城关市场监督管理所',
  '区自然资源局城关自然资源所',
  '区生态环境局执法大队',
  '城关派出所',
  '镇经济发展办公室',
] as const;

const PROGRESS = [
  '自上次会议以来，牵头单位会同相关部门开展联合检查十二次，出动执法人员一百六十余人次，发放告知书八十余份。',
  '经前期摸排，辖区内共有相关点位四十三处，其中已整改到位二十九处，正在整改十处，尚未启动整改四处。',
  '对群众反映集中的问题，已建立台账，逐项明确责任单位、整改措施和完成时限，实行销号管理。',
  '部分经营户对整治要求理解不到位，存在整改后反弹的情况，需要进一步加强宣传引导和日常巡查。',
  '相关部门在信息共享、案件移送方面已形成初步衔接机制，但在联合执法的时间安排上仍需加强统筹。',
  '社区工作组积极配合入户走访，做好政策解释和矛盾化解工作，未发生群体性事件。',
  '对拒不整改的当事人，已依法下达责令改正通知书，并按程序移送有关部门依法处理。',
  '下一步将结合季节特点，加大早晚时段巡查频次，巩固整治成果，防止问题回潮。',
] as const;

const VIEWS = [
  '会议认为，该事项涉及多个部门职责，须明确牵头单位和配合单位，加强协作配合，依法依规推进处置。',
  '会议认为，相关单位前期做了大量工作，但部门之间衔接不够顺畅，须进一步压实责任、形成合力。',
  '会议认为，该问题群众反映强烈，须坚持依法行政，限时办理，防止问题反弹。',
  '会议认为，要坚持疏堵结合、标本兼治，在依法查处的同时做好服务保障，兼顾群众生活需求。',
] as const;

const DECISIONS = [
  '组织开展为期一个月的集中整治行动，对存量问题逐户建立台账、逐项销号',
  '制定联合执法工作方案，明确检查时段、路线和人员分工，每周至少开展一次联合检查',
  '对已排查出的安全隐患点位逐一下达整改通知，督促当事人限期整改到位',
  '依法拆除违法建设，拆除前做好当事人的告知和疏导工作，拆除后及时清运建筑垃圾',
  '会同社区工作组做好入户宣传，发放告知书，引导经营户规范经营',
  '建立投诉问题快速响应机制，接到投诉后二十四小时内到场处置',
  '对拒不整改的，依法立案查处，并将处理结果向联席会议办公室报告',
] as const;

const REQUIREMENTS = [
  '会议要求：各相关单位按照职责分工抓好落实，按时限反馈办理情况。',
  '会议要求：牵头单位要主动作为、加强统筹，配合单位要密切配合、形成合力，确保议定事项按期办结。',
  '会议要求：各成员单位要加强信息共享，发现问题及时通报，涉及职责交叉的，按照“谁牵头、谁负责”的原则先行处置。',
] as const;

const FEEDBACK = ['每月25日前报送办理进展', '办结后3个工作日内书面反馈办理结果', '每两周报送一次办理进展', ''] as const;

const SUBHEADINGS = ['工作进展情况', '存在的主要问题', '下一步工作安排'] as const;

const PRESENT = [
  '张建国（镇长）',
  '李明华（副镇长）',
  '王丽（镇综合行政执法队）',
  '赵志强（区市场监管所）',
  '孙海涛（区自然资源所）',
  '周晓东（区生态环境执法大队）',
  '吴刚（城关派出所）',
  '郑红梅（镇经发办）',
] as const;

// ---------------------------------------------------------------------------------------------------
// Building blocks

/** mulberry32: small, fast, deterministic. */
function rng(seed: number): { int: (n: number) => number; pick: <T>(xs: readonly T[]) => T } {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(next() * n);
  return { int, pick: (xs) => xs[int(xs.length)]! };
}

const paragraph = (text: string): ParagraphNode => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const heading = (level: 1 | 2, text: string): HeadingNode => ({
  type: 'heading',
  attrs: { level },
  content: [{ type: 'text', text }],
});

function blockText(b: BlockNode, unitName: (id: string) => string): string {
  switch (b.type) {
    case 'resolution':
      return resolutionText(b.attrs, unitName, '');
    case 'table':
      return b.content
        .flatMap((r) => r.content.map((c) => c.content.map((p) => blockText(p, unitName)).join('')))
        .join('');
    case 'paragraph':
    case 'heading':
    case 'attendanceLine':
      return (b.content ?? []).map((n) => (n.type === 'text' ? n.text : '')).join('');
    default:
      return '';
  }
}

/** Body lines a block takes on the 22 × 28 page (see the file comment). */
export function estimateLines(b: BlockNode, unitName: (id: string) => string): number {
  const len = [...blockText(b, unitName)].length;
  switch (b.type) {
    case 'heading':
      return Math.max(1, Math.ceil(len / (LINE_CHARS - 2)));
    case 'attendanceLine':
      return Math.max(1, Math.ceil((len + b.attrs.label.length + 1) / LINE_CHARS));
    case 'table': {
      // Columns split the body width evenly; a row is as tall as its fullest cell.
      const cols = b.content[0]?.content.length ?? 1;
      const perCell = Math.max(2, Math.floor(LINE_CHARS / cols) - 1);
      return b.content.reduce((n, row) => {
        const tallest = Math.max(
          1,
          ...row.content.map((c) =>
            Math.ceil([...c.content.map((p) => blockText(p, unitName)).join('')].length / perCell),
          ),
        );
        return n + tallest;
      }, 0);
    }
    default:
      return Math.max(1, Math.ceil((len + 2) / LINE_CHARS));
  }
}

function progressTable(r: ReturnType<typeof rng>, units: readonly FixtureUnit[], rows: number): TableNode {
  const cell = (text: string, header = false) => ({
    type: header ? ('tableHeader' as const) : ('tableCell' as const),
    content: [paragraph(text)],
  });
  const head = {
    type: 'tableRow' as const,
    content: ['序号', '事项', '牵头单位', '办理情况'].map((t) => cell(t, true)),
  };
  const body = Array.from({ length: rows }, (_, i) => ({
    type: 'tableRow' as const,
    content: [
      cell(String(i + 1)),
      cell(r.pick(TOPICS)),
      cell(units[i % units.length]!.name),
      cell(r.pick(['已办结', '办理中', '已办结待核验', '未启动'])),
    ],
  }));
  return { type: 'table', content: [head, ...body] };
}

// ---------------------------------------------------------------------------------------------------

/** A 纪要 of about `pages` body pages (see the file comment for how a page is counted). */
export function buildMinutesFixture(options: MinutesFixtureOptions): MinutesFixture {
  const units = options.units ?? FIXTURE_UNITS;
  if (units.length < 2) throw new Error('minutes fixture: at least two units');
  const unitNames = Object.fromEntries(units.map((u) => [u.id, u.name]));
  const unitName = (id: string) => unitNames[id] ?? '';
  const r = rng(options.seed ?? 20261202);
  const prefix = options.idPrefix ?? 'bench-res';
  const target = Math.max(1, Math.round(options.pages * PAGE_LINES));

  const attendance: AttendanceLineNode[] = [
    {
      type: 'attendanceLine',
      attrs: { role: 'present', label: '出席' },
      content: [{ type: 'text', text: PRESENT.join('、') }],
    },
    {
      type: 'attendanceLine',
      attrs: { role: 'leave', label: '请假' },
      content: [{ type: 'text', text: '陈立新（镇党委委员、武装部长）' }],
    },
    {
      type: 'attendanceLine',
      attrs: { role: 'observer', label: '列席' },
      content: [{ type: 'text', text: '刘芳（镇司法所所长）、何军（镇纪委副书记）' }],
    },
  ];
  const tail = attendance.reduce((n, b) => n + estimateLines(b, unitName), 0);

  const out: BlockNode[] = [];
  let lines = 0;
  let resolutions = 0;
  let tablePlaced = false;
  const room = () => target - tail - lines;
  /** Adds a block unless the page budget is spent; the first blocks of a section always go in. */
  const add = (b: BlockNode, force = false): boolean => {
    if (!force && room() <= 0) return false;
    out.push(b);
    lines += estimateLines(b, unitName);
    return true;
  };
  const resolution = (): ResolutionNode => {
    resolutions += 1;
    const lead = units[r.int(units.length)]!;
    const co = units.filter((u) => u.id !== lead.id);
    const coUnitIds = Array.from({ length: r.int(3) }, (_, i) => co[(resolutions + i) % co.length]!.id).filter(
      (id, i, all) => all.indexOf(id) === i,
    );
    const deadline: ResolutionAttrs['deadline'] =
      resolutions % 3 === 0
        ? { kind: 'date', date: `2026-12-${String(10 + (resolutions % 18)).padStart(2, '0')}` }
        : { kind: 'working_days', days: r.pick([10, 15, 20, 30]) };
    return {
      type: 'resolution',
      attrs: {
        id: `${prefix}-${resolutions}`,
        content: r.pick(DECISIONS),
        leadUnitId: lead.id,
        coUnitIds,
        deadline,
        feedback: r.pick(FEEDBACK),
      },
    };
  };

  add(
    paragraph(
      '2026年11月20日上午，城关镇综合行政执法协调联席会议在镇政府三楼会议室召开。会议由镇党委副书记、镇长张建国主持，' +
        '联席会议各成员单位负责同志参加会议。会议听取了各议题的汇报，研究了相关事项，形成如下纪要：',
    ),
    true,
  );
  for (let section = 0; room() > 0; section++) {
    const topic = TOPICS[section % TOPICS.length]!;
    add(heading(1, `关于${topic}工作`), true);
    add(paragraph(`会议听取了${PRESENTERS[section % PRESENTERS.length]}关于${topic}工作情况的汇报。`), true);
    if (!tablePlaced) {
      // The one table: 上次会议议定事项落实情况, sized to the document (one row on a short one, eight beyond two pages).
      tablePlaced = add(progressTable(r, units, target > 2 * PAGE_LINES ? 8 : 1), true);
    }
    for (const [i, sub] of SUBHEADINGS.entries()) {
      // Keep room for 会议认为… / 会议议定： + one 议定事项 / 会议要求… (about 8 lines); one sub-heading always.
      if (i > 0 && room() <= 8) break;
      add(heading(2, sub), i === 0);
      for (let k = 0, n = 1 + r.int(3); k < n && ((i === 0 && k === 0) || room() > 8); k++)
        add(paragraph(Array.from({ length: room() < 20 ? 1 : 2 + r.int(3) }, () => r.pick(PROGRESS)).join('')));
    }
    add(paragraph(r.pick(VIEWS)), section === 0);
    if (section === 0 || room() > 0) {
      add(paragraph('会议议定：'), true);
      add(resolution(), true);
      for (let k = 0, n = r.int(3); k < n && room() > 3; k++) add(resolution());
    }
    add(paragraph(r.pick(REQUIREMENTS)), section === 0);
  }
  for (const b of attendance) add(b, true);

  const doc: MinutesDoc = { type: 'doc', content: out };
  const chars = out.reduce((n, b) => n + [...blockText(b, unitName)].length, 0);
  return { doc, unitNames, lines, chars, resolutions };
}

/** The 纪要 .docx input for a fixture, as the app builds it for a draft preview (minutes-document.ts). */
export function minutesFixtureDocxInput(fixture: MinutesFixture, date = '2026-11-25'): MinutesDocxInput {
  const header: MinutesHeaderData = { issuingOffice: '城关镇综合行政执法协调联席会议办公室', date, issueYear: 2026 };
  return {
    doc: fixture.doc,
    header,
    unitNames: fixture.unitNames,
    scheme: 'standard',
    jointMeetingName: '城关镇综合行政执法协调联席会议',
    distribution: '联席会议各成员单位',
    printedBy: header.issuingOffice,
    printedOn: date,
    draft: true,
    auditAnchor: { seq: 1024, hash: 'a'.repeat(64) },
  };
}
