/**
 * The persisted minutes document: Tiptap JSON (ProseMirror's `toJSON()`), never HTML.
 *
 * This file is the contract between the editor (renderer/src/features/minutes/editor), the template
 * (shared/domain/minutes-template.ts), the 纪要 .docx mapper (shared/export/docx/minutes.ts), the demo
 * generator and the data layer. The zod schema that validates and cleans stored/pasted JSON lives in
 * `./schema.ts`; heading numbering in `./numbering.ts`; the plain-text projection in `./text.ts`.
 */

/** Node type names, exactly as the Tiptap extensions register them. */
export const NODE = {
  doc: 'doc',
  paragraph: 'paragraph',
  /** levels 1–4 → 一、 （一） 1. （1）, numbered by position (computed, never stored). */
  heading: 'heading',
  bulletList: 'bulletList',
  orderedList: 'orderedList',
  listItem: 'listItem',
  table: 'table',
  tableRow: 'tableRow',
  tableHeader: 'tableHeader',
  tableCell: 'tableCell',
  hardBreak: 'hardBreak',
  text: 'text',
  /** 议定事项: an atom block whose attrs mirror a Resolution record (attrs.id = the record's id). */
  resolution: 'resolution',
  /** 出席 / 请假 / 列席 line: bold label, then names; exported with a hanging indent. */
  attendanceLine: 'attendanceLine',
} as const;
export type NodeName = (typeof NODE)[keyof typeof NODE];

export const MARK = { bold: 'bold', italic: 'italic', underline: 'underline', link: 'link' } as const;
export type MarkName = (typeof MARK)[keyof typeof MARK];

export interface TextMark {
  type: MarkName;
  /** Only `link` has attrs: `{ href }` with http/https/mailto. */
  attrs?: { href?: string };
}

export interface TextNode {
  type: 'text';
  text: string;
  marks?: TextMark[];
}

export interface HardBreakNode {
  type: 'hardBreak';
}

export type InlineNode = TextNode | HardBreakNode;

export interface ParagraphNode {
  type: 'paragraph';
  content?: InlineNode[];
}

export type HeadingLevel = 1 | 2 | 3 | 4;

export interface HeadingNode {
  type: 'heading';
  attrs: { level: HeadingLevel };
  content?: InlineNode[];
}

export interface ListItemNode {
  type: 'listItem';
  content: (ParagraphNode | BulletListNode | OrderedListNode)[];
}

export interface BulletListNode {
  type: 'bulletList';
  content: ListItemNode[];
}

export interface OrderedListNode {
  type: 'orderedList';
  attrs?: { start?: number };
  content: ListItemNode[];
}

export interface TableCellNode {
  type: 'tableCell' | 'tableHeader';
  attrs?: { colspan?: number; rowspan?: number; colwidth?: number[] | null };
  content: ParagraphNode[];
}

export interface TableRowNode {
  type: 'tableRow';
  content: TableCellNode[];
}

export interface TableNode {
  type: 'table';
  content: TableRowNode[];
}

/** How a resolution's deadline is set: a fixed date, or N working days after the minutes are issued. */
export type DeadlineRule = { kind: 'date'; date: string } | { kind: 'working_days'; days: number };

/** Attributes of a resolution node: the record's editable fields (the record is the source for tasks). */
export interface ResolutionAttrs {
  /** = Resolution.id. A pasted copy gets a new id (never two nodes with one id). */
  id: string;
  content: string;
  leadUnitId: string;
  coUnitIds: string[];
  deadline: DeadlineRule | null;
  /** 反馈要求, e.g. "每月25日前报送进展". */
  feedback: string;
}

export interface ResolutionNode {
  type: 'resolution';
  attrs: ResolutionAttrs;
}

export type AttendanceRole = 'present' | 'leave' | 'observer';

export interface AttendanceLineNode {
  type: 'attendanceLine';
  /** label: 出席 / 请假 / 列席 (without the colon); text: the names, separated by "、" or "，". */
  attrs: { role: AttendanceRole; label: string };
  content?: InlineNode[];
}

export type BlockNode =
  ParagraphNode | HeadingNode | BulletListNode | OrderedListNode | TableNode | ResolutionNode | AttendanceLineNode;

export interface MinutesDoc {
  type: 'doc';
  content: BlockNode[];
}

/** 办公室 fills these at 印发; they are the document's header/版记, not part of the editable text. */
export interface MinutesHeaderData {
  /** 第×期 */
  issueNumber?: number;
  issueYear?: number;
  issuingOffice: string;
  /** YYYY-MM-DD; the 印发 date (or today's date for a draft preview). */
  date: string;
}
