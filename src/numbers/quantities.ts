// Figures as written in reports: 1150亿元, 5.5%, 3.34万亿元, 1,234万人, 6%-6.5%, 4.5%至5%, 百分之七,
// 两万人, 三分之二, 0.5个百分点. Pure: finds and parses, and never throws.
import { readDataFile } from '../data-files.ts';
import { parseChineseNumber } from './chinese.ts';
import { StartIndexedPattern } from '../text-search.ts';

export type UnitFamily = 'money' | 'persons' | 'mass' | 'percent' | 'households' | 'count' | 'area' | 'length' | 'energy' | 'containers' | 'multiple';

export interface Quantity {
  /** Offsets of the figure (numbers, scale and unit) in the text searched. */
  start: number;
  end: number;
  value: number;
  /** Upper bound of a range, else null. */
  value2: number | null;
  /** Unit as written, with its scale: 亿元, 万人, %, 个百分点; '' when there is none. */
  unit: string;
  /** The unit without its scale: 元, 人, %, … */
  baseUnit: string;
  family: UnitFamily | null;
  /** Multiplier of the scale written in the unit (万 → 1e4); 1 when none. */
  scale: number;
  text: string;
}

interface UnitsFile {
  scales: Record<string, number>;
  families: Record<UnitFamily, string[]>;
}

const unitsData = (() => {
  const raw = readDataFile<UnitsFile>('units.yaml');
  const unitFamily = new Map<string, UnitFamily>();
  for (const [family, units] of Object.entries(raw.families) as Array<[UnitFamily, string[]]>) for (const u of units) unitFamily.set(u, family);
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\%]/g, '\\$&');
  const byLength = (a: string, b: string) => b.length - a.length;
  const units = [...unitFamily.keys()].sort(byLength).map(escape).join('|');
  const scales = Object.keys(raw.scales).sort(byLength).map(escape).join('|');
  return { scales: raw.scales, unitFamily, unitsPattern: units, scalesPattern: scales };
})();

// thousands separated by commas, or by spaces as some old sources print them ("2 311.43亿元")
const ARABIC = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?: \d{3})+(?:\.\d+)?(?![\d ])|\d+(?:\.\d+)?`;
const CHINESE = String.raw`[零〇一二两三四五六七八九十百千]+(?:点[零〇一二三四五六七八九]+)?`;
const SCALE = `(?:${unitsData.scalesPattern})`;
const UNIT = `(?:${unitsData.unitsPattern})`;
const DASH = String.raw`\s*(?:-|—|–|－|~|～|至|到)\s*`;
/** More than the figure: 多, 余. */
const APPROX = '多|余';

// One figure: an Arabic number (or Chinese numerals when a scale, unit or 百分之 makes them a number),
// optionally a range to a second figure.
// (多 or 余 may follow the number or its scale, "320多亿元", "110余万人", "3亿多美元": the figure as written)
// (" %": "城镇登记失业率4.6 %左右", "24611 元", "1.2 亿元" — a space before the unit or scale, as some sources
// and PDF text layers print it)
// (thousands separated by full-width commas, as in "人均可支配收入26，530元" and the communiqués of the
// 1980s, only right before a scale or a unit: elsewhere "，" is a clause's end)
const WIDE_THOUSANDS = String.raw`\d{1,3}(?:，\d{3})+(?:\.\d+)?(?=${SCALE}|${UNIT})`;
// (searched only from the characters a figure can start with: 百 of 百分之, an ASCII digit, a Chinese numeral)
const FIGURE = new StartIndexedPattern(
  new RegExp(
    String.raw`(百分之)?(${WIDE_THOUSANDS}|${ARABIC}|${CHINESE}分之${CHINESE}|${CHINESE})(${APPROX})?( ?${SCALE})?(${APPROX})?( ?${UNIT}| %)?` +
      String.raw`(?:${DASH}(百分之)?(${ARABIC}|${CHINESE})(${SCALE})?(${UNIT}| %)?)?`,
  ),
  [...'百0123456789零〇一二两三四五六七八九十千'],
);

/** Units that follow Chinese numerals in set phrases (两个维护, 三项制度, 四个全面) rather than in figures. */
const WORD_UNITS = new Set(['个', '项', '名', '批', '条', '位', '种', '门', '本', '部', '次', '起', '张', '倍', '年']);

function parseNumber(s: string): number | null {
  if (/^[\d,，. ]+$/.test(s)) {
    const v = Number(s.replace(/[,， ]/g, ''));
    return Number.isFinite(v) ? v : null;
  }
  return parseChineseNumber(s)?.value ?? null;
}

export function unitFamily(unit: string): UnitFamily | null {
  if (!unit) return null;
  const base = stripScale(unit).base;
  return unitsData.unitFamily.get(base) ?? null;
}

/** The scales, longest first (so 万亿 is taken before 万). */
const SCALES_LONGEST_FIRST = Object.entries(unitsData.scales).sort((a, b) => b[0].length - a[0].length);

export function stripScale(unit: string): { scale: number; base: string } {
  for (const [s, f] of SCALES_LONGEST_FIRST) {
    if (unit.startsWith(s) && unit.length > s.length) return { scale: f, base: unit.slice(s.length) };
  }
  if (unit.startsWith('亿美元')) return { scale: 1e8, base: '美元' };
  return { scale: 1, base: unit };
}

/** The value in the unit's base (亿元 → 元), for comparing figures written with different scales. */
export function toBase(value: number, unit: string | null): number {
  if (!unit) return value;
  if (unit === '亿美元') return value * 1e8;
  return value * stripScale(unit).scale;
}

/** Finds every figure in text[from, to). */
export function findQuantities(text: string, from = 0, to = text.length): Quantity[] {
  const out: Quantity[] = [];
  const slice = text.slice(from, to);
  for (let m = FIGURE.find(slice); m; m = FIGURE.next(slice, m)) {
    const [, pct1, n1, approx1 = '', spacedScale1 = '', approx2 = '', spacedUnit1 = '', pct2, n2, scale2 = '', spacedUnit2 = ''] = m;
    const scale1 = spacedScale1.trim();
    const unit1 = spacedUnit1.trim();
    const unit2 = spacedUnit2.trim();
    const chinese1 = !/\d/.test(n1);
    const percent1 = Boolean(pct1);
    // Chinese numerals are a figure only with a scale, a unit, 百分之 or 分之: "一是", "三大", "两个确立",
    // "四项机制" are words.
    if (chinese1 && !percent1 && !scale1 && !n1.includes('分之') && (!unit1 || WORD_UNITS.has(unit1))) continue;
    const start = from + m.index;
    // not a figure: ranks (第3位), years (2023年), parts of identifiers (G60, 5G, C919), counts of
    // thresholds (跨越两个千亿元台阶), and digits after $, the residue of a botched replacement that
    // lost the digits around a point ("２５$1.$2１亿元": the figure cannot be read)
    const before = text[start - 1] ?? '';
    if (before === '第' || before === '个' || before === '$' || /[A-Za-z]/.test(before)) continue;
    const after = text[from + m.index + m[0].length] ?? '';
    if (/^[A-Za-z]/.test(after) && !unit1 && !unit2) continue;
    let v1 = parseNumber(n1);
    if (v1 === null) continue;
    let v2: number | null = null;
    let end = start + m[0].length;
    // "地方一般公共预算收入增长-16.8%": a minus sign written before a figure, after a word (between two
    // figures a dash is a range's)
    const negative = n2 === undefined && !percent1 && /\d/.test(n1) && MINUS.has(before) && !/[\d.%‰A-Za-z)）]/.test(text[start - 2] ?? '');
    if (negative) v1 = -v1;
    let unit = scale1 + unit1;
    if (n2 !== undefined) {
      v2 = parseNumber(n2);
      const rangeUnit = scale2 + unit2;
      const plausible = v2 !== null && v2 > v1 && (rangeUnit === '' || unit === '' || rangeUnit === unit || unit1 === unit2) && !(chinese1 && !/\d/.test(n2) && !pct2 && !rangeUnit);
      if (!plausible) {
        // not a range: keep only the first figure
        v2 = null;
        end = start + (pct1 ?? '').length + n1.length + approx1.length + spacedScale1.length + approx2.length + spacedUnit1.length;
      } else if (!unit) {
        unit = rangeUnit;
      }
    }
    let percent = percent1 || Boolean(pct2 && v2 !== null);
    if (percent && !unit) unit = '%';
    if (!unit && /^ ?年/.test(text.slice(end, end + 2)) && Number.isInteger(v1) && v1 >= 1949 && v1 <= 2100) continue;
    if (unit === '年' || unit1 === '年') continue;
    // dates: the month and day of 2024年1月16日 are not figures
    if (!unit && v2 === null && Number.isInteger(v1) && v1 >= 1 && v1 <= 31 && /^[月日号]/.test(text.slice(end, end + 1))) continue;
    if (n1.includes('分之') && !percent) {
      // 三分之二: a fraction, as a percentage
      v1 = v1 * 100;
      unit = unit || '%';
      percent = true;
    }
    const { scale, base } = stripScale(unit);
    // (the sign is part of the figure's text)
    const figureStart = negative ? start - 1 : start;
    out.push({
      start: figureStart,
      end,
      value: round(v1),
      value2: v2 === null ? null : round(v2),
      unit,
      baseUnit: base,
      family: unitsData.unitFamily.get(base) ?? null,
      scale,
      text: text.slice(figureStart, end),
    });
  }
  return out;
}

/** Minus signs: ASCII, full-width and U+2212 (not the dash —, which is punctuation). */
const MINUS = new Set(['-', '－', '−']);

function round(v: number): number {
  return Math.round(v * 1e9) / 1e9;
}

