// Chinese numerals: 一千二百, 两万, 二〇二四, 十二, 三分之二, 百分之五.

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, '○': 0, Ｏ: 0, 一: 1, 壹: 1, 二: 2, 贰: 2, 两: 2, 三: 3, 叁: 3, 四: 4, 肆: 4,
  五: 5, 伍: 5, 六: 6, 陆: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };

export const CHINESE_NUMERAL_CHARS = '零〇○一壹二贰两三叁四肆五伍六陆七柒八捌九玖十拾百佰千仟万亿';

/** An integer written in Chinese numerals, or null when the string is not one. */
export function parseChineseInteger(s: string): number | null {
  if (!s) return null;
  let hasUnit = false;
  for (const ch of s) {
    if (!(ch in DIGITS) && !(ch in SMALL_UNITS) && ch !== '万' && ch !== '亿') return null;
    if (!(ch in DIGITS)) hasUnit = true;
  }
  if (!hasUnit) {
    // digit by digit, as in years: 二〇二四
    return Number([...s].map((c) => DIGITS[c]).join(''));
  }
  let total = 0;
  let section = 0;
  let digit = 0;
  for (const ch of s) {
    if (ch in DIGITS) {
      digit = DIGITS[ch];
    } else if (ch in SMALL_UNITS) {
      section += (digit || 1) * SMALL_UNITS[ch];
      digit = 0;
    } else if (ch === '万') {
      total += (section + digit || 1) * 1e4;
      section = 0;
      digit = 0;
    } else if (ch === '亿') {
      total = (total + section + digit || 1) * 1e8;
      section = 0;
      digit = 0;
    }
  }
  return total + section + digit;
}

/** A number in Chinese numerals, including fractions (三分之二 → 0.666…) and percents (百分之五 → 5, percent). */
export function parseChineseNumber(s: string): { value: number; percent: boolean } | null {
  const pct = /^百分之(.+)$/.exec(s);
  if (pct) {
    const v = parseChineseDecimal(pct[1]);
    return v === null ? null : { value: v, percent: true };
  }
  const frac = /^(.+)分之(.+)$/.exec(s);
  if (frac) {
    const den = parseChineseInteger(frac[1]);
    const num = parseChineseDecimal(frac[2]);
    if (den === null || num === null || den === 0) return null;
    return { value: num / den, percent: false };
  }
  const v = parseChineseDecimal(s);
  return v === null ? null : { value: v, percent: false };
}

/** 三点五 → 3.5; otherwise an integer. */
function parseChineseDecimal(s: string): number | null {
  const dot = s.indexOf('点');
  if (dot === -1) return parseChineseInteger(s);
  const int = parseChineseInteger(s.slice(0, dot));
  const frac = s.slice(dot + 1);
  if (int === null || !frac || [...frac].some((c) => !(c in DIGITS))) return null;
  return Number(`${int}.${[...frac].map((c) => DIGITS[c]).join('')}`);
}
