import { Fragment, type CSSProperties, type ReactNode } from 'react';
import { formatChineseDate } from '../../../../../shared/domain/format';
import type {
  AttendanceLineNode,
  AttendanceRole,
  BlockNode,
  BulletListNode,
  InlineNode,
  MinutesDoc,
  MinutesHeaderData,
  OrderedListNode,
  TableNode,
} from '../../../../../shared/editor/document';
import { headingNumbers } from '../../../../../shared/editor/numbering';
import { resolutionText } from '../../../../../shared/editor/text';
import { minutesIssueText, minutesMarkText, resolutionDeadlineText } from '../../../../../shared/export/docx/minutes';
import './minutes-print.css';

export interface MinutesPrintData {
  doc: MinutesDoc;
  header: MinutesHeaderData;
  /** Unit id → name, for the resolutions' 牵头/配合 units (an unknown id prints nothing). */
  unitNames: Record<string, string>;
  /** 纪要标志 without “纪要”; defaults to the issuing office without a trailing 办公室. */
  jointMeetingName?: string;
  /** 分送 names of the 版记; blank → only the 印发 row. */
  distribution?: string;
  /** 印发机关 (defaults to the issuing office). */
  printedBy?: string;
  /** 印发日期, YYYY-MM-DD. */
  printedOn: string;
  /** Not yet issued: “（草稿）” after 第×期, as in the .docx preview. */
  draft?: boolean;
}

const ROLE_LABEL: Record<AttendanceRole, string> = { present: '出席', leave: '请假', observer: '列席' };

/** Characters the printed text must not carry (C0 controls other than tab/newline, which HTML would show). */
function clean(s: string): string {
  return [...s].filter((c) => c.charCodeAt(0) >= 0x20 || c === '\t' || c === '\n').join('');
}

/** Inline content with its marks (links print as their text, hard breaks as line breaks). */
function Inline({ content }: { content: InlineNode[] | undefined }) {
  return (
    <>
      {(content ?? []).map((n, i) => {
        if (n.type === 'hardBreak') return <br key={i} />;
        if (n.type !== 'text' || typeof n.text !== 'string') return null;
        let node: ReactNode = clean(n.text);
        const marks = new Set((n.marks ?? []).map((m) => m.type));
        if (marks.has('underline')) node = <u>{node}</u>;
        if (marks.has('italic')) node = <em>{node}</em>;
        if (marks.has('bold')) node = <strong>{node}</strong>;
        return <Fragment key={i}>{node}</Fragment>;
      })}
    </>
  );
}

function isBlank(content: InlineNode[] | undefined): boolean {
  return (content ?? []).every((n) => n.type === 'text' && clean(n.text ?? '').trim() === '');
}

function listMarker(ordered: boolean, n: number, depth: number): string {
  if (!ordered) return depth === 0 ? '•' : '◦';
  return depth === 0 ? `${n}.` : depth === 1 ? `（${n}）` : `${n})`;
}

/** Lists as 正文 paragraphs with their marker (as in the .docx); each level 2 字 further in. */
function listParagraphs(node: BulletListNode | OrderedListNode, key: string, depth = 0): ReactNode[] {
  const ordered = node.type === 'orderedList';
  const start = ordered ? ((node as OrderedListNode).attrs?.start ?? 1) : 1;
  const out: ReactNode[] = [];
  (node.content ?? []).forEach((item, i) => {
    let first = true;
    (item.content ?? []).forEach((child, j) => {
      const k = `${key}-${i}-${j}`;
      if (child.type === 'paragraph') {
        out.push(
          <p key={k} className="jd-mp-p" style={depth > 0 ? { paddingLeft: `${depth * 2}em` } : undefined}>
            {first ? listMarker(ordered, start + i, depth) : null}
            <Inline content={child.content} />
          </p>,
        );
        first = false;
      } else if (child.type === 'bulletList' || child.type === 'orderedList') {
        out.push(...listParagraphs(child, k, depth + 1));
      }
    });
  });
  return out;
}

/** A bordered table across the 版心: 四号, 黑体 header cells, header row repeated on every page. */
function PrintTable({ node }: { node: TableNode }) {
  const rows = (node.content ?? []).filter((r) => (r.content ?? []).length > 0);
  if (rows.length === 0) return null;
  const span = (n: number | undefined) => Math.max(1, Math.min(63, Math.floor(n ?? 1)));
  const first = rows[0]!.content;
  const widths = first.flatMap((c) =>
    Array.from({ length: span(c.attrs?.colspan) }, (_, k) => c.attrs?.colwidth?.[k] ?? NaN),
  );
  const total = widths.every((w) => w > 0) ? widths.reduce((a, b) => a + b, 0) : 0;
  const headRow = first.every((c) => c.type === 'tableHeader');
  const renderRow = (row: (typeof rows)[number], r: number) => (
    <tr key={r}>
      {row.content.map((c, i) => {
        const Cell = c.type === 'tableHeader' ? 'th' : 'td';
        const rowSpan = span(c.attrs?.rowspan);
        return (
          <Cell
            key={i}
            colSpan={span(c.attrs?.colspan) > 1 ? span(c.attrs?.colspan) : undefined}
            rowSpan={rowSpan > 1 ? Math.min(rowSpan, rows.length - r) : undefined}
          >
            {(c.content ?? []).map((p, j) => (
              <div key={j}>
                <Inline content={p.content} />
              </div>
            ))}
          </Cell>
        );
      })}
    </tr>
  );
  return (
    <table className="jd-mp-table">
      {total > 0 ? (
        <colgroup>
          {widths.map((w, i) => (
            <col key={i} style={{ width: `${(w / total) * 100}%` }} />
          ))}
        </colgroup>
      ) : null}
      {headRow ? <thead>{renderRow(rows[0]!, 0)}</thead> : null}
      <tbody>{rows.slice(headRow ? 1 : 0).map((row, r) => renderRow(row, r + (headRow ? 1 : 0)))}</tbody>
    </table>
  );
}

/** 出席/请假/列席 (GB §10.3): 黑体 label 左空二字, names in 仿宋, wrapped lines under the first name. */
function AttendanceLine({ node }: { node: AttendanceLineNode }) {
  const label = clean(node.attrs?.label ?? '')
    .trim()
    .replace(/[：:]+$/u, '');
  const text = `${label || ROLE_LABEL[node.attrs?.role] || ROLE_LABEL.present}：`;
  const hanging = [...text].length;
  const style: CSSProperties = { paddingLeft: `${2 + hanging}em`, textIndent: `-${hanging}em` };
  return (
    <p className="jd-mp-attendance" style={style}>
      <span className="jd-mp-hei">{text}</span>
      <Inline content={node.content} />
    </p>
  );
}

function Body({ data }: { data: MinutesPrintData }) {
  const { doc } = data;
  const numbers = headingNumbers(doc);
  const unitName = (id: string) => data.unitNames[id] ?? '';
  const out: ReactNode[] = [];
  let previous: BlockNode['type'] | undefined;
  doc.content.forEach((node, i) => {
    const key = String(i);
    switch (node.type) {
      case 'paragraph':
        out.push(
          isBlank(node.content) ? (
            <div key={key} className="jd-mp-blank" />
          ) : (
            <p key={key} className="jd-mp-p">
              <Inline content={node.content} />
            </p>
          ),
        );
        break;
      case 'heading': {
        const level = node.attrs.level;
        out.push(
          <div key={key} role="heading" aria-level={level + 1} className={`jd-mp-h jd-mp-h${level}`}>
            {numbers.get(i) ?? ''}
            <Inline content={node.content} />
          </div>,
        );
        break;
      }
      case 'bulletList':
      case 'orderedList':
        out.push(...listParagraphs(node, key));
        break;
      case 'table':
        out.push(<PrintTable key={key} node={node} />);
        break;
      case 'resolution':
        out.push(
          <p key={key} className="jd-mp-p jd-mp-resolution" data-resolution-id={node.attrs.id}>
            {clean(resolutionText(node.attrs, unitName, resolutionDeadlineText(node.attrs, data.header.date)))}
          </p>,
        );
        break;
      case 'attendanceLine':
        // GB §10.3: one blank line between the body and the 出席/请假/列席 lists.
        if (previous !== undefined && previous !== 'attendanceLine') {
          out.push(<div key={`${key}-gap`} className="jd-mp-blank" />);
        }
        out.push(<AttendanceLine key={key} node={node} />);
        break;
      default:
        return; // a node type this view does not know (stored by a newer version): skipped, as in the .docx
    }
    previous = node.type;
  });
  return <>{out}</>;
}

/** Estimated width in 字 (CJK 1, Latin and digits ½), as the .docx's widthTwips. */
function ems(s: string): number {
  return [...s].reduce((w, ch) => w + (/[\u2E80-\uFFEF]/.test(ch) ? 1 : 0.5), 0);
}

/**
 * The office / date line's side spaces (左空一字 / 右空一字), dropped as in the .docx when fewer than
 * 1.5 字 would be left between the two (28 字 a line); under 1 字 the date wraps to its own line.
 */
export function officeDateSides(office: string, date: string): boolean {
  return 28 - ems(office) - ems(date) - 2 >= 1.5;
}

/**
 * The size and horizontal condensing of the 纪要标志 so it fits the 版心 on one line, as the .docx
 * does (`markFit`: 42/36/30/26 pt, condensed to at least 75 %, else 60 % at 26 pt): CJK 1 em, Latin ½ em.
 */
export function markStyle(text: string): { fontSizePt: number; scale: number } {
  const room = 0.95 * 156 * (72 / 25.4); // pt
  const width = (size: number) => [...text].reduce((w, ch) => w + (/[\u2E80-\uFFEF]/.test(ch) ? size : size / 2), 0);
  let last = { fontSizePt: 26, scale: 1 };
  for (const size of [42, 36, 30, 26]) {
    const w = width(size);
    if (w <= room) return { fontSizePt: size, scale: 1 };
    const scale = Math.floor((room / w) * 100) / 100;
    last = { fontSizePt: size, scale: Math.max(0.6, scale) };
    if (scale >= 0.75) return last;
  }
  return last;
}

/**
 * 会议纪要 as an official document in HTML/CSS for printing (GB/T 9704-2012 §10.3, the .docx's layout):
 * A4 with the 37/26/35/28 mm margins, red 纪要标志 35 mm below the 版心 top, 第×期, office / date line
 * over the red rule, numbered 层次标题, 正文 左空二字 at 28.95 pt (22 lines a page), 议定事项 in the official
 * phrasing, tables, 出席/请假/列席 with hanging indents, the 版记 at the end and “— N —” page numbers.
 */
export function MinutesPrintView({ data }: { data: MinutesPrintData }) {
  const mark = minutesMarkText(data);
  const issue = minutesIssueText(data.header, data.draft);
  const { fontSizePt, scale } = markStyle(mark);
  const printedBy = data.printedBy?.trim() || data.header.issuingOffice;
  const names = clean(data.distribution ?? '').trim();
  const distribution = names ? (/[。.]$/.test(names) ? names : `${names.replace(/[，,；;、]$/, '')}。`) : '';
  return (
    <article className="jd-minutes-print" data-testid="minutes-print">
      <header>
        <div className="jd-mp-mark" style={{ fontSize: `${fontSizePt}pt`, lineHeight: `${fontSizePt + 2}pt` }}>
          <span style={scale < 1 ? { transform: `scaleX(${scale})` } : undefined}>{mark}</span>
        </div>
        <div className="jd-mp-blank" />
        <div className="jd-mp-issue">{issue}</div>
        <div
          className="jd-mp-office-date"
          style={
            officeDateSides(data.header.issuingOffice, formatChineseDate(data.header.date))
              ? undefined
              : { padding: '0 0 6pt' }
          }
        >
          <span>{clean(data.header.issuingOffice).trim()}</span>
          <span>{formatChineseDate(data.header.date)}</span>
        </div>
        <div className="jd-mp-blank" />
        <div className="jd-mp-blank" />
      </header>
      <main>
        <Body data={data} />
      </main>
      <footer className="jd-mp-imprint">
        {distribution ? (
          <div className="jd-mp-imprint-row jd-mp-distribution">
            <span>分送：</span>
            {distribution}
          </div>
        ) : null}
        <div className="jd-mp-imprint-row jd-mp-printed">
          <span>{clean(printedBy)}</span>
          <span>{`${formatChineseDate(data.printedOn)}印发`}</span>
        </div>
      </footer>
    </article>
  );
}
