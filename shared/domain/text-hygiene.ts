/**
 * One text rule at the schema boundary (RELIABILITY §3, issue: text hygiene). What has no place in a
 * stored text is refused with the field named, never stored as typed and never dropped silently:
 * - lone surrogates (half an emoji; they make every later save fail in canonical JSON),
 * - noncharacters U+FFFE/U+FFFF (they make .docx parts not well-formed),
 * - C0/C1 control characters (except TAB/LF/CR in multi-line text),
 * - bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E/U+200F, U+061C), which can make
 *   "invoice\u202Egpj.pdf" display as "invoicefdp.jpg".
 * Single-line fields (names, titles) also refuse line breaks and tabs.
 */

export type TextKind = 'line' | 'multiline';

const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/u;

/** Why `s` may not be stored (a phrase to follow the field label), or undefined when it is fine. */
export function textProblem(s: string, kind: TextKind): string | undefined {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return '含有无法识别的字符（不完整的表情或生僻字编码），请删除后重新输入';
    }
    if (c >= 0xdc00 && c <= 0xdfff) return '含有无法识别的字符（不完整的表情或生僻字编码），请删除后重新输入';
    if (c === 0xfffe || c === 0xffff) return '含有无效字符（U+FFFE/U+FFFF），请删除后重新输入';
    if (c === 0x09 || c === 0x0a || c === 0x0d) {
      if (kind === 'line') return '不能包含换行或制表符';
      continue;
    }
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) return '含有不可见的控制字符，请删除后重新输入';
  }
  if (BIDI.test(s)) return '含有改变文字方向的控制字符，可能使显示内容与实际不符，请删除后重新输入';
  return undefined;
}

const BIDI_ALL = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/gu;

// eslint-disable-next-line no-control-regex
const CONTROLS_ALL = /[\u0000-\u001f\u007f-\u009f]/gu;

/**
 * A file name as it may be shown: bidirectional and C0/C1 control characters removed, so what the user
 * reads is what the file is (for names stored before the rule, coming from the file system or from inside
 * an imported archive).
 */
export function displayFileName(name: string): string {
  return name.replace(BIDI_ALL, '').replace(CONTROLS_ALL, '');
}
