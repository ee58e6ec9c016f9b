// Normalisation: turns decoded text into the clean text that every offset in gwr refers to, and keeps
// a map from each normalised offset back to the original. Pure: no I/O.
//
// Stage 1 (characters): HTML comments and zero-width characters removed, line ends unified,
// full-width digits/letters/％/spaces made half-width, radical look-alikes replaced, traditional
// characters converted to simplified when the text is traditional.
// Stage 2 (lines): boilerplate lines (page numbers, watermarks, site navigation) dropped, Markdown
// markup removed (heading levels kept aside), spaces next to Chinese characters closed up, and lines
// broken inside a sentence joined.
import * as OpenCC from 'opencc-js';
import { MappedTextBuilder, composeMaps } from './mapped-text.ts';
import { normalisationData } from './data.ts';

export interface NormaliseOptions {
  /** Treat `#` headings and `**` emphasis as Markdown markup (text and Markdown sources). */
  markdown?: boolean;
}

export interface NormalisedText {
  text: string;
  /** map[i] is the offset in the input of normalised character i; map[text.length] = input.length. */
  map: Int32Array;
  convertedFromTraditional: boolean;
  /** Markdown heading levels by the normalised offset of the heading line's start. */
  headingLevels: Map<number, number>;
  /** Lines dropped as boilerplate, for diagnostics. */
  droppedLines: number;
}

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
/** Chinese characters and the punctuation written with them. */
const CJK = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2014\u2018\u2019\u201c\u201d\u2026\u00b7]/;
const SENTENCE_END = /[。！？!?；;：:…]$/;
const CLOSING = /[”’」』）)】》]$/;
const CONTINUES = /[，,、（(“‘《「『]$/;
/** Numbering that starts a heading or a list item: 一、 （一） 1. 1、 ① 第一部分 */
export const HEADING_NUMBER =
  /^(第[一二三四五六七八九十百零〇]+[部分章节篇]|[一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十百]+[）)]|\d{1,2}[、.．](?!\d)|[（(]\d{1,2}[）)]|[①-⑳])/;

let t2s: ((s: string) => string) | null = null;
function toSimplified(s: string): string {
  const convert = (t2s ??= OpenCC.Converter({ from: 'hk', to: 'cn' }));
  return convert(s);
}

let changedByT2s: Uint8Array | null = null;
/**
 * The Han characters that t2s changes, each converted on its own (once, ~30 ms): telling a text's
 * script by looking them up costs a set lookup per character instead of converting a sample.
 */
function traditionalCharacters(): Uint8Array {
  if (changedByT2s) return changedByT2s;
  const chars: string[] = [];
  for (const [from, to] of [[0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xf900, 0xfaff]]) for (let c = from; c <= to; c++) chars.push(String.fromCharCode(c));
  const converted = toSimplified(chars.join('\n')).split('\n');
  // a flag per code unit: looking up a character costs no string
  changedByT2s = new Uint8Array(65536);
  if (converted.length === chars.length) chars.forEach((ch, i) => converted[i] !== ch && (changedByT2s![ch.charCodeAt(0)] = 1));
  return changedByT2s;
}

/** True when the text is written in traditional characters: a notable share of its Han characters change under t2s. */
export function isTraditional(text: string): boolean {
  // the opening 4,000 characters tell
  const sample = text.length > 4000 ? text.slice(0, 4000) : text;
  const traditional = traditionalCharacters();
  let han = 0;
  let changed = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (!((c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff))) continue; // HAN
    han++;
    if (traditional[c]) changed++;
  }
  return han >= 20 && changed / han > 0.04;
}

function halfWidth(ch: string, prev: string): string {
  const c = ch.charCodeAt(0);
  if ((c >= 0xff10 && c <= 0xff19) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a)) {
    return String.fromCharCode(c - 0xfee0);
  }
  if (ch === '％' || ch === '﹪') return '%';
  if (ch === '．' && /[0-9０-９]/.test(prev)) return '.';
  if (ch === '\u3000' || ch === '\u00a0' || ch === '\t' || (c >= 0x2000 && c <= 0x200a) || ch === '\u202f' || ch === '\u205f') return ' ';
  // Kangxi radicals (2F00–2FDF) and CJK compatibility ideographs decompose to ordinary characters under NFKC.
  if ((c >= 0x2f00 && c <= 0x2fdf) || (c >= 0xf900 && c <= 0xfaff)) return ch.normalize('NFKC');
  return normalisationData.radicals.get(ch) ?? ch;
}

/** Characters that stage 1 changes or drops; everything else is copied in runs. */
const CHANGING = /[\r\t\u00a0\u00ad\u2000-\u200d\u202f\u205f\u2060\u3000\ufeff\uff05\uff0e\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\ufe6a\u2e80-\u2fdf\uf900-\ufaff]/g;
const ZERO_WIDTH = /[\u200b-\u200d\ufeff\u2060\u00ad]/;

/** Stage 1: character-level clean-up. */
function cleanCharacters(input: string, traditional: boolean): { text: string; map: Int32Array } {
  const out = new MappedTextBuilder();
  for (const [from, to] of rangesOutsideComments(input)) {
    const segment = input.slice(from, to);
    if (!traditional) {
      cleanSegment(out, segment, from);
      continue;
    }
    const converted = toSimplified(segment);
    if (converted.length === segment.length) {
      cleanSegment(out, converted, from);
    } else {
      // opencc's t2s is character for character for all but a few phrases; when a range changes
      // length, its characters are mapped to the range's start rather than guessed.
      const scratch = new MappedTextBuilder();
      cleanSegment(scratch, converted, 0);
      out.emit(scratch.finish(0).text, from);
    }
  }
  return out.finish(input.length);
}

/** Writes a segment whose character i stands for source position from + i, cleaned character by character. */
function cleanSegment(out: MappedTextBuilder, segment: string, from: number): void {
  // Most characters stay as they are: copy the runs between the ones that change in one go.
  CHANGING.lastIndex = 0;
  let run = 0;
  for (let m = CHANGING.exec(segment); m; m = CHANGING.exec(segment)) {
    const i = m.index;
    out.copyMapped(segment.slice(run, i), from + run);
    run = i + 1;
    const ch = m[0];
    if (ch === '\r') {
      if (segment[i + 1] !== '\n') out.emit('\n', from + i);
    } else if (!ZERO_WIDTH.test(ch)) {
      const h = halfWidth(ch, out.lastChar());
      if (h === ch) out.copyMapped(ch, from + i);
      else out.emit(h, from + i);
    }
    // zero-width characters and soft hyphens are dropped
  }
  out.copyMapped(segment.slice(run), from + run);
}

/** Ranges of the input that are not inside HTML comments. */
function rangesOutsideComments(input: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let pos = 0;
  while (pos < input.length) {
    const open = input.indexOf('<!--', pos);
    if (open === -1) break;
    const close = input.indexOf('-->', open + 4);
    ranges.push([pos, open]);
    // a comment left open (a stray <!--, or its end broken by wrapping) ends with its line: it does not
    // take the rest of the report with it
    const lineEnd = input.indexOf('\n', open);
    pos = close !== -1 ? close + 3 : lineEnd === -1 ? input.length : lineEnd;
  }
  if (pos < input.length) ranges.push([pos, input.length]);
  return ranges;
}

interface Line {
  start: number;
  end: number;
  /** Markdown heading level, when the line was a `#` heading. */
  heading?: number;
  bold?: boolean;
  drop?: boolean;
  /** The line opened with white space (a paragraph's indent in a PDF's text layer). */
  indented?: boolean;
  /** Since the last line kept: a blank line, and a line dropped (a page number). */
  blankBefore?: boolean;
  droppedBefore?: boolean;
}

function trimRange(text: string, start: number, end: number): [number, number] {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return [start, end];
}

function isHeadingLike(s: string, flags: { heading?: number; bold?: boolean }): boolean {
  if (flags.heading !== undefined || flags.bold) return true;
  if (!HEADING_NUMBER.test(s) || SENTENCE_END.test(s) || /[。！？]/.test(s)) return false;
  // 一、 and （一） headings may be long ("二、展望2023年，我们要乘势而上、接续奋斗，…"); 1. items are short
  return s.length <= (/^[（(]?[一二三四五六七八九十百]/.test(s) || s.startsWith('第') ? 100 : 40);
}

/** Lines repeated three or more times (running headers, watermarks) are boilerplate, except a title at the top. */
function repeatedLines(text: string, lines: Line[]): Set<string> {
  const counts = new Map<string, number>();
  for (const l of lines) {
    const s = text.slice(l.start, l.end);
    if (s.length >= 4 && s.length <= 80) counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  const repeated = new Set<string>();
  const watermark = normalisationData.watermarkHints;
  for (const [s, n] of counts) if (n >= 3 || (n >= 2 && watermark.test(s))) repeated.add(s);
  return repeated;
}

/** Stage 2: line-level clean-up and joining. */
function cleanLines(input: string, opts: NormaliseOptions): { text: string; map: Int32Array; headingLevels: Map<number, number>; dropped: number } {
  // (in steps of their own: one function of all of them was optimised by V8 again and again, each
  // time as a whole)
  const lines = splitLines(input, opts);
  const dropped = dropBoilerplate(input, lines);
  const kept = lines.filter((l) => !l.drop && l.start < l.end && stripEmphasis(input.slice(l.start, l.end)).trim() !== '');
  markGaps(lines, kept);
  return { ...joinLines(input, kept, layoutOf(input, kept)), dropped };
}

/** Marks each kept line with what lies between it and the kept line before (see Line.blankBefore). */
function markGaps(lines: Line[], kept: Line[]): void {
  const isKept = new Set(kept);
  let blank = false;
  let dropped = false;
  for (const l of lines) {
    if (isKept.has(l)) {
      if (blank) l.blankBefore = true;
      if (dropped) l.droppedBefore = true;
      blank = dropped = false;
    } else if (l.drop) dropped = true;
    else blank = true;
  }
}

/** How a text marks its paragraphs: by lines of their own, or, where lines are wrapped, perhaps by an indent. */
interface Layout {
  linesAreParagraphs: boolean;
  /** Lines are wrapped and a paragraph's first line is indented: a line that is not goes on with the one before. */
  indentOpensParagraphs: boolean;
  /**
   * Lines are wrapped at this many characters (most long lines are this long) and blank lines set
   * paragraphs apart: a line after a full one and no blank line goes on with it. Null otherwise.
   */
  blankSeparatedWidth: number | null;
}

/** Indented lines, as a share of all, for an indent to mark where paragraphs open (not every line, as in a text indented throughout). */
const INDENTED_SHARE = { min: 0.03, max: 0.6 };

function layoutOf(input: string, kept: Line[]): Layout {
  const paragraphs = linesAreParagraphs(input, kept);
  const indented = kept.filter((l) => l.indented).length;
  // blank lines set paragraphs apart where most lines that end a sentence have one after them (a line
  // that ends at 。 or ； just where the text was wrapped has none: a third of them at 38 characters)
  let ended = 0;
  let blankAfter = 0;
  for (let i = 0; i + 1 < kept.length; i++) {
    if (kept[i + 1].droppedBefore || !SENTENCE_END.test(stripEmphasis(input.slice(kept[i].start, kept[i].end)))) continue;
    ended++;
    if (kept[i + 1].blankBefore) blankAfter++;
  }
  const blankSeparated = !paragraphs && ended >= BLANK_SEPARATED.min && blankAfter >= ended * BLANK_SEPARATED.share;
  return {
    linesAreParagraphs: paragraphs,
    indentOpensParagraphs: !paragraphs && indented >= kept.length * INDENTED_SHARE.min && indented <= kept.length * INDENTED_SHARE.max,
    blankSeparatedWidth: blankSeparated ? wrapWidth(input, kept) : null,
  };
}

/** Sentence-ended lines followed by a blank line, how many at least and their share of all, for blank lines to mark paragraphs. */
const BLANK_SEPARATED = { min: 10, share: 0.5 };
/** At least this share of the long lines have the most common length in a text wrapped at a width. */
const WRAPPED_AT_WIDTH = 0.5;

/** The length most long lines have, when most do (a text wrapped at a width); null otherwise. */
function wrapWidth(input: string, kept: Line[]): number | null {
  const counts = new Map<number, number>();
  let long = 0;
  for (const l of kept) {
    const n = l.end - l.start;
    if (n < LONG_LINE) continue;
    long++;
    counts.set(n, (counts.get(n) ?? 0) + 1);
  }
  let width = 0;
  for (const [n, c] of counts) if (c > (counts.get(width) ?? 0)) width = n;
  return width && (counts.get(width) ?? 0) >= long * WRAPPED_AT_WIDTH ? width : null;
}

/** The lines of a text, trimmed, with their Markdown heading level, bold titles and rules marked. */
function splitLines(input: string, opts: NormaliseOptions): Line[] {
  const lines: Line[] = [];
  let pos = 0;
  while (pos <= input.length) {
    let nl = input.indexOf('\n', pos);
    if (nl === -1) nl = input.length;
    let [s, e] = trimRange(input, pos, nl);
    const line: Line = { start: s, end: e };
    if (s > pos && s < e) line.indented = true;
    if (opts.markdown) {
      const m = /^(#{1,6})\s+/.exec(input.slice(s, Math.min(e, s + 10)));
      if (m) {
        line.heading = m[1].length;
        line.start = s + m[0].length;
      }
      const body = input.slice(line.start, e);
      if (/^\*\*[^*].*\*\*$/.test(body) && !body.slice(2, -2).includes('**')) line.bold = true;
      if (/^([-*_]\s*){3,}$/.test(body)) line.drop = true;
      if (body.startsWith('> ')) line.start += 2;
    }
    lines.push(line);
    pos = nl + 1;
  }
  return lines;
}

/** Marks page numbers, boilerplate and repeated lines (running headers, watermarks) to be dropped; returns how many. */
function dropBoilerplate(input: string, lines: Line[]): number {
  const boilerplate = normalisationData.boilerplateLines;
  const pageNumber = normalisationData.pageNumberLines;
  const repeated = repeatedLines(input, lines);
  const seenRepeated = new Set<string>();
  let nonBlankSeen = 0;
  let dropped = 0;
  for (const l of lines) {
    if (l.start >= l.end) continue;
    const s = stripEmphasis(input.slice(l.start, l.end));
    nonBlankSeen++;
    // boilerplate is a short line of its own; a long line that contains a watermark phrase is still text
    let drop = l.drop === true || (s.length <= 200 && (pageNumber.some((re) => re.test(s)) || boilerplate.some((re) => re.test(s))));
    if (!drop && repeated.has(input.slice(l.start, l.end))) {
      const keepFirst = nonBlankSeen <= 8 && !normalisationData.watermarkHints.test(s) && !seenRepeated.has(s);
      seenRepeated.add(s);
      drop = !keepFirst;
    }
    if (drop) {
      l.drop = true;
      dropped++;
    }
  }
  return dropped;
}

/** Whether the lines are whole paragraphs (most long lines end a sentence), not a text broken by wrapping. */
function linesAreParagraphs(input: string, kept: Line[]): boolean {
  let longLines = 0;
  let unended = 0;
  for (const l of kept) {
    const t = stripEmphasis(input.slice(l.start, l.end));
    if (t.length < LONG_LINE) continue;
    longLines++;
    if (!SENTENCE_END.test(t)) unended++;
  }
  return unended <= longLines * WRAPPED_SHARE;
}

/** The kept lines written out, those that continue a paragraph joined to it, with the map back to the input. */
function joinLines(input: string, kept: Line[], layout: Layout): { text: string; map: Int32Array; headingLevels: Map<number, number> } {
  const out = new MappedTextBuilder();
  const headingLevels = new Map<number, number>();
  // Whether a line continues the one before is judged on the whole paragraph written so far, so that
  // normalising normalised text changes nothing.
  let first: Line | null = null;
  let paragraph = '';
  let previousLength = 0;
  for (const line of kept) {
    const text = input.slice(line.start, line.end);
    if (first) {
      if (shouldJoin(first, paragraph, line, text, layout, previousLength)) {
        // a word of Latin letters broken by wrapping gets its space back, as in English; one set in
        // Chinese without spaces (单位G / DP能耗) is one word broken where the line was full
        if (/(^|[\s\x21-\x2f\x3a-\x40])[A-Za-z0-9]+$/.test(paragraph) && /^[A-Za-z]/.test(text)) {
          out.emit(' ', line.start);
          paragraph += ' ';
        }
      } else {
        out.emit('\n', line.start - 1);
        first = null;
        paragraph = '';
      }
    }
    if (!first && (line.heading !== undefined || line.bold)) headingLevels.set(out.length, line.heading ?? 0);
    first ??= line;
    paragraph += writeLine(out, input, line.start, line.end, isLetterSpaced(input, line.start, line.end));
    previousLength = line.end - line.start;
  }
  const { text, map } = out.finish(input.length);
  return { text, map, headingLevels };
}

function stripEmphasis(s: string): string {
  return s.replace(/\*\*/g, '');
}

/** Whether line b goes on with the paragraph that opened at line a (aText so far, its last line `previousLength` long). */
function shouldJoin(a: Line, aText: string, b: Line, bText: string, layout: Layout, previousLength: number): boolean {
  const { linesAreParagraphs } = layout;
  if (isHeadingLike(aText, a) || isHeadingLike(stripEmphasis(bText), b)) return false;
  const aPlain = stripEmphasis(aText);
  const bPlain = stripEmphasis(bText);
  // where the layout marks where paragraphs open, a line it does not mark goes on with the paragraph,
  // even after a 。 at the line's end:
  // - an indent opens a paragraph ("…控制在3%左右。" / "PM2.5平均浓度、单位GDP能耗下降率完成省定目标。");
  // - a blank line sets it apart, after a full line ("…钟山区被列为全省主体功能区6个重点开发区之一。" /
  //   "发出“美丽凉都拒绝污染”强音，…"), but not a short line (a signature, a date, a title) nor one that
  //   opens with a label (注1：)
  const laidOutAsContinuing =
    (layout.indentOpensParagraphs && !b.indented) ||
    (layout.blankSeparatedWidth !== null &&
      previousLength >= layout.blankSeparatedWidth &&
      !b.blankBefore &&
      !b.droppedBefore &&
      bPlain.length >= LONG_LINE &&
      !/^[^，。：:]{1,6}[：:]/.test(bPlain));
  if (laidOutAsContinuing && SENTENCE_END.test(aPlain) && !/[：:]$/.test(aPlain) && !opensPartOrItem(bPlain)) return true;
  // a ratio broken at a line end: 三次产业比例调整到7.1：57.5： / 35.4；
  if (/\d[：:]$/.test(aPlain) && /^\d/.test(bPlain) && (/\d[：:]\d+(?:\.\d+)?[：:]$/.test(aPlain) || /^\d+(?:\.\d+)?[：:]\d/.test(bPlain))) return true;
  // in a wrapped text, a line that ends at a ； is a clause of a sentence that goes on ("规模以上工业实现
  // 净利润430.7亿元，增长33.6%；" / "实现增加值2597亿元"), unless what follows opens a part or an item
  if (!linesAreParagraphs && /[；;]$/.test(aPlain) && aPlain.length >= LONG_LINE) return !opensPartOrItem(bPlain);
  if (SENTENCE_END.test(aPlain)) return false;
  // a session line broken before its end: ——2024年1月8日在苏州市吴中区第五届人民代表大会 / 第三次会议上
  if (/日在[^。]*$/.test(aPlain) && !/上$/.test(aPlain) && /^[^。，]{0,20}(会议|大会)上/.test(bPlain)) return true;
  if (CLOSING.test(aPlain) && SENTENCE_END.test(aPlain.slice(0, -1))) return false;
  // a dash opens a session line or a list item, which end their line; one that already holds a sentence
  // ("——经济质效持续提升。全市生产总值达到12556亿元，增") is a paragraph broken by wrapping
  if ((/^[—－-]/.test(aPlain) && !/[。；]/.test(aPlain)) || /^[—－]/.test(bPlain)) return false;
  // in a wrapped text, prose cut off in the middle of a word (…实行集中统 / 一、最严格的规划管理。…) goes on
  // even where the next line happens to open like a numbered part (not after a table row)
  if (HEADING_NUMBER.test(bPlain)) return !linesAreParagraphs && aPlain.length >= LONG_LINE && /[，。]/.test(aPlain) && !/[|｜]/.test(aPlain) && /[\u4e00-\u9fff]$/.test(aPlain);
  if (/^(各位代表|同志们)/.test(bPlain)) return false;
  if (CONTINUES.test(aPlain)) return true;
  // a line that opens with a figure and its unit goes on with the sentence before ("国内生产总值比上年增长" /
  // "10%，其中农业增长8.5%"): no title or heading opens so
  if (FIGURE_OPENING.test(bPlain)) return true;
  // where lines are paragraphs, a short title with no sentence in it is one of its own ("开局之年：奋力
  // 谱写转型发展和精致淮北建设新篇章" above "今年是…"); in a text wrapped at 26 characters (海南 1997),
  // such a line is broken off its sentence
  if (linesAreParagraphs && aPlain.length < UNPUNCTUATED_TITLE && !/[，,、；;]/.test(aPlain)) return false;
  // A line broken by wrapping is long; a title, a speaker line or a list item without punctuation is short.
  return aPlain.length >= LONG_LINE;
}

/** Whether a line starts something of its own: a numbered part or item (一、, （一）, 1.), a dash-led one (——, -) or the address to the deputies. */
const opensPartOrItem = (line: string) => HEADING_NUMBER.test(line) || /^[—－-]/.test(line) || /^(各位代表|同志们)/.test(line);

/** A figure with its unit at the start of a line, then punctuation (see shouldJoin). */
const FIGURE_OPENING = /^\d+(?:\.\d+)? ?(?:%|‰|个百分点|倍|[万亿]?元|万人|万吨|[万亿])[，,、；;。]/;

/** A line this long may be one broken by wrapping. */
const LONG_LINE = 20;
/** A paragraph this short without a comma is a title where lines are paragraphs (see shouldJoin). */
const UNPUNCTUATED_TITLE = 30;
/** At most this share of the long lines may end inside a sentence for the lines to be taken as paragraphs. */
const WRAPPED_SHARE = 0.2;

/** The characters writeLine decides on: * (emphasis), space, [ and 〔 (footnote marks), ．. */
const NEEDS_DECISION = new Uint8Array(65536);
for (const ch of '* [〔．') NEEDS_DECISION[ch.charCodeAt(0)] = 1;

/** The share of a line's characters, and how many at least, that a single space sets apart when the line is letter-spaced. */
const LETTER_SPACED_SHARE = 0.8;
const LETTER_SPACED_MIN = 8;

/**
 * Whether a line has a space between nearly every two characters ("地 区 生 产 总 值 增 长 5 . 5 %", as a
 * PDF layer of letter-spaced type gives it): then even the spaces between digits, points and % go.
 */
function isLetterSpaced(input: string, start: number, end: number): boolean {
  // such a line has a space after its first or second character; most lines are passed over here
  if (input.charCodeAt(start + 1) !== 32 && input.charCodeAt(start + 2) !== 32) return false;
  let spaced = 0;
  let adjacent = 0;
  for (let i = start + 1; i < end; i++) {
    const c = input.charCodeAt(i);
    if (c === 32) continue;
    if (input.charCodeAt(i - 1) !== 32) adjacent++;
    else if (i >= start + 2 && input.charCodeAt(i - 2) !== 32) spaced++;
  }
  return spaced >= LETTER_SPACED_MIN && spaced >= (spaced + adjacent) * LETTER_SPACED_SHARE;
}

/** Copies a line, dropping `**` emphasis and the spaces that PDF and web text put next to Chinese characters. */
function writeLine(out: MappedTextBuilder, input: string, start: number, end: number, letterSpaced = false): string {
  let written = '';
  let i = start;
  // ordinary characters are copied in runs up to the next one that needs a decision (searched for
  // within the line: a regex searched on to the next one in the whole text, for every line)
  while (i < end) {
    let stop = i;
    while (stop < end && !NEEDS_DECISION[input.charCodeAt(stop)]) stop++;
    if (stop > i) {
      out.copy(input, i, stop);
      written += input.slice(i, stop);
      i = stop;
      if (i >= end) break;
    }
    const ch = input[i];
    if (ch === '*' && input[i + 1] === '*') {
      i += 2;
      continue;
    }
    // footnote marks after a word: 国内生产总值[2], 两城三基地〔18〕
    if ((ch === '[' || ch === '〔') && /[\u4e00-\u9fa5）)”]/.test(out.lastChar())) {
      const mark = /^(\[\d{1,3}\]|〔\d{1,3}〕)/.exec(input.slice(i, i + 6));
      if (mark) {
        i += mark[0].length;
        continue;
      }
    }
    if (ch === ' ') {
      let j = i;
      while (j < end && input[j] === ' ') j++;
      const before = out.lastChar();
      const emphasis = j + 1 < end && input[j] === '*' && input[j + 1] === '*';
      const after = emphasis ? (j + 2 < end ? input[j + 2] : '') : j < end ? input[j] : '';
      // spaces at either end of a line (also beside ** marks) and next to Chinese characters go, and
      // one after a decimal point ("增长7. 9%", as some PDF text has it)
      if (after === '' || written === '' || CJK.test(before) || CJK.test(after) || (j - i === 1 && (letterSpaced || (/\d\.$/.test(out.lastChars(2)) && /\d/.test(after))))) {
        i = j;
        continue;
      }
      out.copy(input, i, i + 1);
      written += ' ';
      i = j;
      continue;
    }
    // "1 ．5" once the space is closed up: a full-width point after a digit is a decimal point
    if (ch === '．' && /\d/.test(out.lastChar())) {
      out.emit('.', i);
      written += '.';
    } else {
      out.copy(input, i, i + 1);
      written += ch;
    }
    i++;
  }
  return written;
}

/** A run of digits, points and the letters OCR has for digits, touching no other Latin letter. */
const LOOKALIKE_RUN = (() => {
  const letters = [...normalisationData.digitLookalikes.map.keys()].join('');
  return new RegExp(`(?<![A-Za-z])[0-9.${letters}]*[${letters}][0-9.${letters}]*(?![A-Za-z])`, 'g');
})();

/**
 * Letters read for digits inside a figure ("生产总值增长l0%", "实际利用外资2O.48亿美元") become the digits,
 * one for one, so offsets do not move; a run needs two digits or a unit after it (O3, I5系统 stay).
 */
function digitsForLookalikes(text: string): string {
  const { map, unitAfter } = normalisationData.digitLookalikes;
  return text.replace(LOOKALIKE_RUN, (run: string, at: number) => {
    const digits = run.replace(/[^0-9]/g, '').length;
    if (digits === 0 || (digits < 2 && !unitAfter.test(text.slice(at + run.length, at + run.length + 1)))) return run;
    return run.replace(/[^0-9.]/g, (ch) => map.get(ch) ?? ch);
  });
}

export function normaliseText(input: string, opts: NormaliseOptions = {}): NormalisedText {
  const traditional = isTraditional(input);
  const stage1 = cleanCharacters(input, traditional);
  const stage2 = cleanLines(digitsForLookalikes(stage1.text), opts);
  return {
    text: stage2.text,
    map: composeMaps(stage2.map, stage1.map),
    convertedFromTraditional: traditional,
    headingLevels: stage2.headingLevels,
    droppedLines: stage2.dropped,
  };
}
