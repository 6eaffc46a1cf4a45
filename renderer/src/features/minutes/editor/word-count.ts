import type { Node as PMNode } from '@tiptap/pm/model';
import { NODE } from '../../../../../shared/editor/document';

// CJK ideographs (incl. extensions and compatibility), kana, hangul, and full-width/CJK punctuation
const CJK =
  /[\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u3190-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u2018\u2019\u201c\u201d\u2026\u2014]|[\ud840-\ud87f][\udc00-\udfff]/g;

/**
 * 字数 as drafters count it (like Word's 字数): every Chinese character and full-width punctuation mark
 * counts one; each run of other letters/digits (an English word, a number) counts one; spaces and ASCII
 * punctuation do not count.
 */
export function countWords(text: string): number {
  let n = 0;
  const rest = text.replace(CJK, () => {
    n += 1;
    return ' ';
  });
  const words = rest.match(/[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu);
  return n + (words?.length ?? 0);
}

/** The countable text of a document: inline text, plus each resolution's content and feedback and attendance labels. */
export function countableText(doc: PMNode): string {
  const parts: string[] = [];
  doc.descendants((node) => {
    if (node.type.name === NODE.resolution) {
      parts.push(String(node.attrs.content ?? ''), String(node.attrs.feedback ?? ''));
      return false;
    }
    if (node.type.name === NODE.attendanceLine) parts.push(String(node.attrs.label ?? ''));
    if (node.isTextblock) {
      parts.push(node.textContent);
      return false;
    }
    return true;
  });
  return parts.join('\n');
}

export function countDocWords(doc: PMNode): number {
  return countWords(countableText(doc));
}
