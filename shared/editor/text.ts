import type { BlockNode, InlineNode, ListItemNode, MinutesDoc, ResolutionAttrs } from './document';
import { headingNumbers } from './numbering';

/**
 * “由××牵头，××、××配合，于×月×日前完成” (no co-units: “由××负责，…”). `deadlineText` is the date as
 * shown (e.g. “2026年3月20日”, with 暂定 when provisional); for a working-day rule before issuance pass ''.
 */
export function resolutionSentence(
  attrs: ResolutionAttrs,
  unitNames: (id: string) => string,
  deadlineText: string,
): string {
  const lead = unitNames(attrs.leadUnitId);
  const co = attrs.coUnitIds.map(unitNames).filter((n) => n.length > 0);
  const who = lead ? (co.length > 0 ? `由${lead}牵头，${co.join('、')}配合` : `由${lead}负责`) : '';
  let when = '';
  if (attrs.deadline?.kind === 'working_days' && !deadlineText) {
    when = `于纪要印发后${attrs.deadline.days}个工作日内完成`;
  } else if (deadlineText) {
    when = `于${deadlineText}前完成`;
  }
  return [who, when].filter(Boolean).join('，');
}

/** A resolution paragraph in the official phrasing: content, then the sentence, ending with 。 */
export function resolutionText(
  attrs: ResolutionAttrs,
  unitNames: (id: string) => string,
  deadlineText: string,
): string {
  const content = attrs.content.trim().replace(/[。；;，,]$/, '');
  const sentence = resolutionSentence(attrs, unitNames, deadlineText);
  const feedback = attrs.feedback.trim().replace(/[。；;]$/, '');
  return [content, sentence].filter(Boolean).join('，') + '。' + (feedback ? `${feedback}。` : '');
}

export function inlineText(content: InlineNode[] | undefined): string {
  return (content ?? []).map((n) => (n.type === 'text' ? n.text : '\n')).join('');
}

function listItems(items: ListItemNode[], ordered: boolean, start: number, depth: number): string[] {
  const out: string[] = [];
  items.forEach((item, i) => {
    const prefix = ordered ? `${start + i}. ` : '• ';
    let first = true;
    for (const child of item.content) {
      if (child.type === 'paragraph') {
        out.push(`${'  '.repeat(depth)}${first ? prefix : ''}${inlineText(child.content)}`);
        first = false;
      } else {
        out.push(
          ...listItems(
            child.content,
            child.type === 'orderedList',
            (child.type === 'orderedList' ? child.attrs?.start : undefined) ?? 1,
            depth + 1,
          ),
        );
      }
    }
  });
  return out;
}

export interface PlainTextOptions {
  unitNames?: (id: string) => string;
  /** Deadline text per resolution id (as shown in the document). */
  deadlineText?: (id: string) => string;
}

function blockLines(node: BlockNode, label: string | undefined, o: Required<PlainTextOptions>): string[] {
  switch (node.type) {
    case 'paragraph':
      return [inlineText(node.content)];
    case 'heading':
      return [`${label ?? ''}${inlineText(node.content)}`];
    case 'bulletList':
      return listItems(node.content, false, 1, 0);
    case 'orderedList':
      return listItems(node.content, true, node.attrs?.start ?? 1, 0);
    case 'table':
      return node.content.map((row) =>
        row.content.map((cell) => cell.content.map((p) => inlineText(p.content)).join(' ')).join('\t'),
      );
    case 'resolution':
      return [resolutionText(node.attrs, o.unitNames, o.deadlineText(node.attrs.id))];
    case 'attendanceLine':
      return [`${node.attrs.label}：${inlineText(node.content)}`];
  }
}

/** The text projection of a minutes document: one line per block (list items and table rows one each). */
export function docToPlainText(doc: MinutesDoc, o: PlainTextOptions = {}): string {
  const opts: Required<PlainTextOptions> = {
    unitNames: o.unitNames ?? ((id) => id),
    deadlineText: o.deadlineText ?? (() => ''),
  };
  const numbers = headingNumbers(doc);
  return doc.content.flatMap((n, i) => blockLines(n, numbers.get(i), opts)).join('\n');
}
