/**
 * Text going into document.xml must be well-formed XML. `docx` strips C0 controls but not U+FFFE/U+FFFF
 * or lone surrogates, which make a file LibreOffice fails on with exit code 0 (RELIABILITY-SECURITY §0.7).
 */
export function sanitizeText(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += s[i]! + s[i + 1]!;
        i++;
      }
      continue; // lone high surrogate
    }
    if (c >= 0xdc00 && c <= 0xdfff) continue; // lone low surrogate
    if (c === 0xfffe || c === 0xffff) continue;
    if (c < 0x20 && c !== 0x09 && c !== 0x0a) continue;
    out += s[i]!;
  }
  return out;
}

/** Very long paragraphs make LibreOffice crawl (200k chars → 14.5 s); split user text into lines, cap each. */
export const MAX_PARAGRAPH_CHARS = 4000;

/** Split user text into paragraphs at line breaks; over-long lines are cut into MAX_PARAGRAPH_CHARS pieces. */
export function toParagraphTexts(s: string): string[] {
  const lines = sanitizeText(s)
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  const out: string[] = [];
  for (const line of lines) {
    for (let i = 0; i < line.length; i += MAX_PARAGRAPH_CHARS) out.push(line.slice(i, i + MAX_PARAGRAPH_CHARS));
  }
  return out;
}
