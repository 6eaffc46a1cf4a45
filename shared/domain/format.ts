/**
 * Official Chinese forms of dates and numbers (GB/T 9704-2012 §7.3.5.4: full year, Arabic digits,
 * no zero padding — 2026年3月9日).
 */

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

/** `2026-03-09` (or an ISO date-time) → `2026年3月9日`. Throws on malformed input. */
export function formatChineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) throw new Error(`日期格式不正确：${iso}`);
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
}

/** `2026-03-09T09:30` → `2026年3月9日上午9:30` (下午 from 12:00; 24-hour digits kept as practice writes 下午3:00). */
export function formatChineseDateTime(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})/.exec(iso);
  if (!m) throw new Error(`时间格式不正确：${iso}`);
  const h = Number(m[2]);
  const half = h < 12 ? '上午' : '下午';
  const h12 = h <= 12 ? h : h - 12;
  return `${formatChineseDate(m[1]!)}${half}${h12}:${m[3]}`;
}

/** Chinese numeral for 0–9999: 3 → 三, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五. */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) throw new Error(`不支持的数字：${n}`);
  if (n < 10) return DIGITS[n]!;
  const units = ['', '十', '百', '千'];
  const ds = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  ds.forEach((d, i) => {
    const unit = units[ds.length - 1 - i]!;
    if (d === 0) {
      zero = out !== '';
    } else {
      if (zero) out += '零';
      zero = false;
      out += DIGITS[d]! + unit;
    }
  });
  // 一十二 → 十二 for 10–19
  return n >= 10 && n < 20 ? out.replace(/^一十/, '十') : out;
}

/** 第N次 in Chinese numerals: 3 → 第三次. */
export function ordinalSession(n: number): string {
  return `第${chineseNumber(n)}次`;
}

/** Item numbering of the first level: 1 → 一、 */
export function levelOneMarker(n: number): string {
  return `${chineseNumber(n)}、`;
}
