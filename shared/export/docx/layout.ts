/**
 * GB/T 9704-2012 page and type constants for the `docx` library, from ../shared/DOCX-FORMAT.md §0 and §3.2.
 * All lengths are twips (1/20 pt); font sizes are half-points.
 */

export const PAGE = { width: 11906, height: 16838 } as const; // A4 portrait
export const MARGIN = {
  top: 2098,
  bottom: 1984,
  left: 1587,
  right: 1474,
  header: 851,
  footer: 1440,
  gutter: 0,
} as const;
/** 版心 width: 156 mm. */
export const BODY_WIDTH = PAGE.width - MARGIN.left - MARGIN.right; // 8845
/** Exact line pitch 28.95 pt → 22 lines per page. */
export const LINE = 579;
/** −0.25 pt tracking on 三号 runs → 28 characters per line without a character grid (Option B, §3.5). */
export const TRACK = -5;
/** One 字 at 三号 with tracking, and at 四号. */
export const CH3 = 320 + TRACK;
export const CH4 = 280;
export const SIZE = { chu: 84, xiaochu: 72, yi: 52, er: 44, xiaoer: 36, san: 32, si: 28, xiaosi: 24 } as const;
export const RED = 'FF0000';

export interface RunFonts {
  ascii: string;
  hAnsi: string;
  eastAsia: string;
  cs: string;
  hint: 'eastAsia';
}

const cjk = (eastAsia: string): RunFonts => ({
  ascii: 'Times New Roman',
  hAnsi: 'Times New Roman',
  eastAsia,
  cs: eastAsia,
  hint: 'eastAsia',
});

/** Font scheme (§3.3). Digits and Latin in Times New Roman; `hint: eastAsia` keeps “ ” full width. */
export const FONT = {
  fangsong: cjk('仿宋_GB2312'),
  hei: cjk('黑体'),
  kai: cjk('楷体_GB2312'),
  xbs: cjk('方正小标宋简体'),
  song: { ascii: '宋体', hAnsi: '宋体', eastAsia: '宋体', cs: '宋体', hint: 'eastAsia' } as RunFonts,
} as const;

/**
 * Estimated width of a string in twips (±0.5 字), used to centre 署名 over 日期 (§3.5).
 * CJK characters are one em; ASCII half an em.
 */
export function widthTwips(s: string, halfPt: number = SIZE.san, track = halfPt === SIZE.san ? TRACK : 0): number {
  let w = 0;
  for (const ch of s) {
    const isCjk = /[\u2E80-\uFFEF\u3000-\u303F]/.test(ch);
    w += (isCjk ? halfPt * 10 : halfPt * 5) + track;
  }
  return w;
}

/** Font scheme: `standard` = the 公文 fonts; `windows` = fonts every stock Windows has (.docx has no fallback). */
export type FontScheme = 'standard' | 'windows';

export interface SchemeFonts {
  body: RunFonts;
  title: RunFonts;
  h1: RunFonts;
  h2: RunFonts;
  song: RunFonts;
}

export function schemeFonts(scheme: FontScheme = 'standard'): SchemeFonts {
  if (scheme === 'windows') {
    return { body: cjk('仿宋'), title: cjk('宋体'), h1: cjk('黑体'), h2: cjk('楷体'), song: FONT.song };
  }
  return { body: FONT.fangsong, title: FONT.xbs, h1: FONT.hei, h2: FONT.kai, song: FONT.song };
}
