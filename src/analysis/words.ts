// Words: jieba segmentation with the bundled policy terms kept whole, stop words, and term matching
// on characters that respects word boundaries. Pure apart from loading data files once.
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { DATA_DIR } from '../data-files.ts';

const require = createRequire(import.meta.url);
const { Jieba } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
const { dict } = require('@node-rs/jieba/dict.js') as { dict: Uint8Array };

export interface Dictionary {
  name: string;
  title: string;
  description: string;
  citation: string;
  terms: string[];
}

function dataLines(file: string): string[] {
  return readFileSync(DATA_DIR + file, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}

/** A dictionary from a YAML or JSON file ({name, description, citation, terms}) or a plain list, one term a line. */
export function parseDictionary(text: string, file: string): Dictionary {
  const ext = extname(file).toLowerCase();
  const base = file.split(/[\\/]/).pop()!.replace(/\.[^.]+$/, '');
  let raw: unknown;
  if (ext === '.yaml' || ext === '.yml' || ext === '.json') {
    try {
      raw = ext === '.json' ? JSON.parse(text) : parseYaml(text);
    } catch (err) {
      throw new Error(`${file}: not valid ${ext === '.json' ? 'JSON' : 'YAML'} (${(err as Error).message.split('\n')[0]})`);
    }
    if (Array.isArray(raw)) raw = { terms: raw };
    if (!raw || typeof raw !== 'object' || !Array.isArray((raw as any).terms)) throw new Error(`${file}: a dictionary needs a "terms" list`);
  } else {
    raw = { terms: text.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#')) };
  }
  const r = raw as Record<string, unknown>;
  const terms = [...new Set((r.terms as unknown[]).map((t) => String(t).trim()).filter(Boolean))];
  if (!terms.length) throw new Error(`${file}: the dictionary has no terms`);
  return {
    name: String(r.name ?? base),
    title: String(r.title ?? r.name ?? base),
    description: String(r.description ?? ''),
    citation: String(r.citation ?? ''),
    terms,
  };
}

let bundled: Dictionary[] | null = null;
export function bundledDictionaries(): Dictionary[] {
  bundled ??= readdirSync(DATA_DIR + 'dictionaries')
    .filter((f) => /\.(ya?ml|json|txt)$/.test(f))
    .sort()
    .map((f) => parseDictionary(readFileSync(DATA_DIR + 'dictionaries/' + f, 'utf8'), f));
  return bundled;
}

/** A bundled dictionary by name, or a user's dictionary file. */
export function loadDictionary(nameOrFile: string, readFile: (f: string) => string = (f) => readFileSync(f, 'utf8')): Dictionary {
  const found = bundledDictionaries().find((d) => d.name === nameOrFile);
  if (found) return found;
  if (!/[./\\]/.test(nameOrFile)) throw new Error(`no bundled dictionary "${nameOrFile}" (bundled: ${bundledDictionaries().map((d) => d.name).join(', ')}); give a file path for your own`);
  let text: string;
  try {
    text = readFile(nameOrFile);
  } catch {
    throw new Error(`${nameOrFile}: cannot be read`);
  }
  return parseDictionary(text, nameOrFile);
}

let segmenter: InstanceType<typeof Jieba> | null = null;
const extraWords = new Set<string>();

/** The words jieba knows besides its standard dictionary: the policy terms and every bundled dictionary's terms. */
function addedWords(): string[] {
  return [...dataLines('policy-terms.txt'), ...bundledDictionaries().flatMap((d) => d.terms)];
}

/** jieba with its standard dictionary, the policy terms and every dictionary term as single words. */
function jieba(): InstanceType<typeof Jieba> {
  if (!segmenter) {
    segmenter = Jieba.withDict(dict);
    segmenter.loadDict(Buffer.from(ownWordLines([...addedWords(), ...extraWords])));
  }
  return segmenter;
}

/** Makes sure terms of a user's dictionary are single words too. */
export function addWords(words: string[]): void {
  const fresh = words.filter((w) => !extraWords.has(w));
  if (!fresh.length) return;
  for (const w of fresh) extraWords.add(w);
  segmenter?.loadDict(Buffer.from(ownWordLines(fresh)));
  table?.addLines(Buffer.from(ownWordLines(fresh)));
}

const PREFIX = 1;
const WORD = 2;
/** Bits of the word table's filter of pieces of two code units: 256 KB, most pieces of two in jieba's dictionary leave seven in eight bits unset. */
const PAIR_FILTER_BITS = 1 << 21;
const pairBit = (a: number, b: number) => Math.imul((a << 16) | b, 0x9e3779b1) >>> (32 - 21);

/**
 * Every word jieba knows, with its frequency, and every prefix of one, keyed by two 32-bit hashes of
 * their code units in an open-addressing table: no strings are made to look a piece of text up, and
 * two pieces with the same pair of hashes (one chance in ~10^13 a lookup) are the only way a piece
 * could pass for a word it is not. With the frequencies, `segment` cuts text as jieba's cut without
 * HMM does, so that ingestion needs no jieba instance (~40 MB) to count the dictionaries' hits.
 */
class WordTable {
  private keys = new Int32Array(1 << 21);
  private keys2 = new Int32Array(1 << 21);
  private kinds = new Uint8Array(1 << 21);
  /** A word's frequency (jieba's are integers, ours 100000). */
  private freqs = new Int32Array(1 << 21);
  private size = 0;
  /** The longest word, in code units. */
  longest = 0;
  /**
   * The longest word that starts with each code unit, in code units: most characters start no word
   * longer than 4, so a position is rarely inside a word that starts far before it (counting the
   * bundled dictionaries in ../shared/reports, 30% of the starts looked back at are passed over).
   */
  readonly longestFrom = new Uint16Array(65536);
  /** The kind of each piece of one code unit: looked up at every start, where the table is a cache miss or more. */
  readonly kindOfUnit = new Uint8Array(65536);
  /**
   * A bit per hash of each piece of two code units: most pieces of two that are looked up (a start's
   * first two characters) are in the table, but a piece whose bit is not set is not, without a look.
   */
  readonly pairBits = new Int32Array(PAIR_FILTER_BITS >> 5);
  /** Sum of the frequencies of all words: jieba's denominator. */
  private total = 0;
  private logTotal = 0;

  static readonly SEED = -2128831035;
  static readonly SEED2 = 0x27d4eb2f;
  static step(hash: number, code: number): number {
    return Math.imul(hash ^ code, 16777619);
  }
  static step2(hash: number, code: number): number {
    return Math.imul((hash + code) | 0, 0x5bd1e995) ^ (hash >>> 13);
  }

  /**
   * Adds every line of UTF-8 text in jieba's dictionary format ("word frequency tag"; a word without
   * a frequency counts 0), a later line of the same word replacing its frequency, as jieba does. The
   * bytes are decoded here: making 350,000 strings of jieba's standard dictionary took longer than
   * the table.
   */
  addLines(bytes: Uint8Array): void {
    let h = WordTable.SEED;
    let h2 = WordTable.SEED2;
    let length = 0;
    let field = 0;
    let freq = 0;
    let first = 0;
    let second = 0;
    const endLine = () => {
      if (length) {
        this.put(h, h2, WORD, freq);
        this.noteShort(length, first, second, WORD);
        this.longest = Math.max(this.longest, length);
        this.longestFrom[first] = Math.max(this.longestFrom[first], Math.min(length, 65535));
      }
      h = WordTable.SEED;
      h2 = WordTable.SEED2;
      length = 0;
      field = 0;
      freq = 0;
    };
    for (let i = 0; i < bytes.length; ) {
      const b = bytes[i];
      if (b === 0x0a) {
        endLine();
        i++;
        continue;
      }
      if (b === 0x20 || b === 0x09 || b === 0x0d) {
        if (field === 0 && length) field = 1;
        else if (field === 1 && freq) field = 2;
        i++;
        continue;
      }
      if (field === 1) {
        if (b >= 0x30 && b <= 0x39) freq = freq * 10 + (b - 0x30);
        i++;
        continue;
      }
      let code: number;
      if (b < 0x80) code = b, (i += 1);
      else if (b < 0xe0) code = ((b & 0x1f) << 6) | (bytes[i + 1] & 0x3f), (i += 2);
      else if (b < 0xf0) code = ((b & 0x0f) << 12) | ((bytes[i + 1] & 0x3f) << 6) | (bytes[i + 2] & 0x3f), (i += 3);
      else code = ((b & 0x07) << 18) | ((bytes[i + 1] & 0x3f) << 12) | ((bytes[i + 2] & 0x3f) << 6) | (bytes[i + 3] & 0x3f), (i += 4);
      if (field !== 0) continue;
      // code units, as the text is read: a character beyond the BMP is a surrogate pair
      const units = code > 0xffff ? [0xd800 + ((code - 0x10000) >> 10), 0xdc00 + ((code - 0x10000) & 0x3ff)] : [code];
      for (const unit of units) {
        if (length) {
          this.put(h, h2, PREFIX, 0);
          this.noteShort(length, first, second, PREFIX);
        } else first = unit;
        if (length === 1) second = unit;
        h = WordTable.step(h, unit);
        h2 = WordTable.step2(h2, unit);
        length++;
      }
    }
    endLine();
    this.logTotal = Math.log(this.total);
  }

  /** Keeps the kind of a piece of one code unit, and the bit of a piece of two. */
  private noteShort(length: number, first: number, second: number, kind: number): void {
    if (length === 1) this.kindOfUnit[first] |= kind;
    else if (length === 2) {
      const bit = pairBit(first, second);
      this.pairBits[bit >>> 5] |= 1 << (bit & 31);
    }
  }

  /** Whether a piece of two code units may be in the table (see pairBits). */
  mayHavePair(a: number, b: number): boolean {
    const bit = pairBit(a, b);
    return (this.pairBits[bit >>> 5] & (1 << (bit & 31))) !== 0;
  }

  private slot(h: number, h2: number): number {
    const mask = this.keys.length - 1;
    let slot = (h ^ (h >>> 15)) & mask;
    while (this.kinds[slot] !== 0 && (this.keys[slot] !== h || this.keys2[slot] !== h2)) slot = (slot + 1) & mask;
    return slot;
  }

  /** PREFIX (a prefix of a word), WORD (a word), both, or 0 for the piece of hashes `h`, `h2`. */
  kind(h: number, h2: number): number {
    return this.kinds[this.slot(h, h2)];
  }

  private put(h: number, h2: number, kind: number, freq: number): void {
    // (at most three quarters full: 2^21 slots hold jieba's dictionary, ~1.1 million words and prefixes)
    if (this.size * 4 > this.keys.length * 3) this.grow();
    const slot = this.slot(h, h2);
    if (this.kinds[slot] === 0) {
      this.size++;
      this.keys[slot] = h;
      this.keys2[slot] = h2;
    }
    if (kind & WORD) {
      this.total += freq - (this.kinds[slot] & WORD ? this.freqs[slot] : 0);
      this.freqs[slot] = freq;
    }
    this.kinds[slot] |= kind;
  }

  private grow(): void {
    const { keys, keys2, kinds, freqs } = this;
    this.keys = new Int32Array(keys.length * 2);
    this.keys2 = new Int32Array(keys.length * 2);
    this.kinds = new Uint8Array(kinds.length * 2);
    this.freqs = new Int32Array(kinds.length * 2);
    for (let i = 0; i < keys.length; i++) {
      if (!kinds[i]) continue;
      const slot = this.slot(keys[i], keys2[i]);
      this.keys[slot] = keys[i];
      this.keys2[slot] = keys2[i];
      this.kinds[slot] = kinds[i];
      this.freqs[slot] = freqs[i];
    }
  }

  /**
   * Adds to `starts` the offset of every token of text[from, to) as `tokenize` cuts it: figures
   * (\d+(?:\.\d+)?%?) first, then jieba's cut without HMM of the rest. (Checked against jieba on the
   * 342,295 sentences of a third of ../shared/reports: the same tokens in every one.)
   */
  segment(text: string, from: number, to: number, starts: Set<number>): void {
    let at = from;
    for (let i = from; i < to; ) {
      if (!isDigit(text.charCodeAt(i))) {
        i++;
        continue;
      }
      // a figure: \d+(?:\.\d+)?%?, read here rather than by a regex over the rest of the text
      let end = i;
      while (end < to && isDigit(text.charCodeAt(end))) end++;
      if (text.charCodeAt(end) === 0x2e && end + 1 < to && isDigit(text.charCodeAt(end + 1))) {
        end++;
        while (end < to && isDigit(text.charCodeAt(end))) end++;
      }
      if (end < to && text.charCodeAt(end) === 0x25) end++;
      this.cut(text, at, i, starts);
      starts.add(i);
      at = i = end;
    }
    this.cut(text, at, to, starts);
  }

  /** jieba's cut without HMM: runs of 汉字 and ASCII word characters by the dictionary, anything else a character at a time. */
  private cut(text: string, from: number, to: number, starts: Set<number>): void {
    for (let i = from; i < to; ) {
      if (inBlock(text, i)) {
        let end = i;
        while (end < to && inBlock(text, end)) end += unitsAt(text, end);
        this.cutBlock(text, i, end, starts);
        i = end;
      } else {
        starts.add(i);
        i += text.charCodeAt(i) === 0x0d && text.charCodeAt(i + 1) === 0x0a ? 2 : unitsAt(text, i);
      }
    }
  }

  /** The most probable path through the words of a block, right to left, as jieba's calc; ties go to the longer word. */
  private cutBlock(text: string, from: number, to: number, starts: Set<number>): void {
    const n = to - from;
    const prob = new Float64Array(n + 1);
    const next = new Int32Array(n + 1);
    for (let i = to - 1; i >= from; i--) {
      // a low surrogate is not where a character starts
      if (isLowSurrogate(text.charCodeAt(i)) && i > from) continue;
      let best = -Infinity;
      let bestEnd = -1;
      let h = WordTable.SEED;
      let h2 = WordTable.SEED2;
      for (let k = i; k < to && k - i < this.longest; k++) {
        const unit = text.charCodeAt(k);
        h = WordTable.step(h, unit);
        h2 = WordTable.step2(h2, unit);
        // (a word ends where a character does)
        if (isHighSurrogate(unit) && k + 1 < to) continue;
        const slot = this.slot(h, h2);
        const kind = this.kinds[slot];
        if (kind === 0) break;
        if (kind & WORD) {
          const p = Math.log(this.freqs[slot]) - this.logTotal + prob[k + 1 - from];
          if (p > best || (p === best && k + 1 > bestEnd)) {
            best = p;
            bestEnd = k + 1;
          }
        }
      }
      if (bestEnd === -1) {
        bestEnd = i + unitsAt(text, i);
        best = -this.logTotal + prob[bestEnd - from];
      }
      prob[i - from] = best;
      next[i - from] = bestEnd;
    }
    // consecutive single ASCII letters or digits make one token, as in jieba
    let asciiRun = false;
    for (let x = from; x < to; ) {
      const y = next[x - from];
      const single = y - x === 1 && isAsciiAlnum(text.charCodeAt(x));
      if (!single || !asciiRun) starts.add(x);
      asciiRun = single;
      x = y;
    }
  }
}

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;
const isAsciiAlnum = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const unitsAt = (text: string, i: number) => (isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1)) ? 2 : 1);

/** Whether the character at i is one jieba segments with the dictionary (its RE_HAN_DEFAULT): 汉字, ASCII letters and digits, +#&._%-. */
function inBlock(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (isHan(c) || isAsciiAlnum(c)) return true;
  if (c === 0x2b || c === 0x23 || c === 0x26 || c === 0x2e || c === 0x5f || c === 0x25 || c === 0x2d) return true;
  // the extensions beyond the BMP (U+20000–U+2FA1F)
  return c >= 0xd840 && c <= 0xd87e && isLowSurrogate(text.charCodeAt(i + 1));
}

let table: WordTable | null = null;

/** Lines of jieba's user-dictionary format for words of our own: each a single word, frequent. */
const ownWordLines = (words: string[]) => words.map((w) => (/\s/.test(w) ? w : `${w} 100000 n`)).join('\n');

function wordTable(): WordTable {
  if (!table) {
    const t = new WordTable();
    t.addLines(dict);
    t.addLines(Buffer.from(ownWordLines([...addedWords(), ...extraWords])));
    table = t;
  }
  return table;
}

export interface Token {
  text: string;
  start: number;
}

/**
 * Tokens with their offsets. Figures are taken out before segmenting (jieba splits 5.5 into 5 . 5)
 * and come back as single tokens.
 */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const j = jieba();
  const figure = /\d+(?:\.\d+)?%?/g;
  let pos = 0;
  const pushWords = (s: string, at: number) => {
    let p = at;
    for (const w of j.cut(s, false)) {
      out.push({ text: w, start: p });
      p += w.length;
    }
  };
  for (let m = figure.exec(text); m; m = figure.exec(text)) {
    if (m.index > pos) pushWords(text.slice(pos, m.index), pos);
    out.push({ text: m[0], start: m.index });
    pos = m.index + m[0].length;
  }
  if (pos < text.length) pushWords(text.slice(pos), pos);
  return out;
}

/** The tags jieba's dictionary gives a verb, a verbal noun, a preposition, an adverb or a conjunction: words that lead an action. */
const ACTION_TAGS = new Set(['v', 'vn', 'p', 'd', 'c']);

let actionWords: Set<string> | null = null;

/**
 * Whether a text opens with a two-character word that leads an action ("加快咸宁高新区发展", "确保拉萨
 * 综合保税区…") rather than a name ("三江新区获批…", "洋浦经济开发区…"), by the tags of jieba's
 * dictionary. (The dictionary's two-character action words, ~35,000, are read once; a jieba instance
 * in the ingest worker, which has none otherwise, took ~60 MB.)
 */
export function opensWithAction(text: string): boolean {
  actionWords ??= twoCharacterWordsTagged(dict, ACTION_TAGS);
  return actionWords.has(text.slice(0, 2));
}

/**
 * The words of two Chinese characters in a jieba dictionary ("word frequency tag" lines, UTF-8) with
 * one of the tags. The bytes are read in place: only the words kept become strings (splitting the
 * 350,000 lines made a million strings, and the ingest worker's peak memory grew by ~40 MB).
 */
function twoCharacterWordsTagged(bytes: Uint8Array, tags: Set<string>): Set<string> {
  const words = new Set<string>();
  const decoder = new TextDecoder();
  for (let start = 0; start < bytes.length; ) {
    let end = bytes.indexOf(0x0a, start);
    if (end === -1) end = bytes.length;
    // two characters of three bytes each, then " frequency tag"
    if (end - start > 8 && bytes[start + 6] === 0x20 && bytes[start] >= 0xe0 && bytes[start + 3] >= 0xe0) {
      const tagStart = bytes.lastIndexOf(0x20, end - 1) + 1;
      let tag = '';
      for (let i = tagStart; i < end && bytes[i] !== 0x0d; i++) tag += String.fromCharCode(bytes[i]);
      if (tags.has(tag)) words.add(decoder.decode(bytes.subarray(start, start + 6)));
    }
    start = end + 1;
  }
  return words;
}

let stopwords: Set<string> | null = null;
export function isContentWord(w: string): boolean {
  stopwords ??= new Set(dataLines('stopwords.txt'));
  return w.length >= 2 && !stopwords.has(w) && /[\u4e00-\u9fa5]/.test(w) && !/^[\d.%]+$/.test(w);
}

/** Word counts of a text: content words only. */
export function wordCounts(text: string, into = new Map<string, number>()): Map<string, number> {
  for (const t of tokenize(text)) if (isContentWord(t.text)) into.set(t.text, (into.get(t.text) ?? 0) + 1);
  return into;
}

/**
 * A character that is a token of its own in jieba, whatever is around it: whitespace, punctuation
 * and symbols, except the + # & . _ % - that jieba keeps inside words (R&D, 5.5%). jieba cuts each
 * run between such characters on its own, so the run around a position decides whether a word
 * starts there. (Segmenting only that run instead of the whole sentence made term queries ~3× faster.)
 */
const SEPARATOR = new Uint8Array(65536);
for (let c = 0; c < 65536; c++) {
  const ch = String.fromCharCode(c);
  // lone surrogates are not separators: an astral character stays inside its run (a run may be too long, never too short)
  if (/[\s\p{P}\p{S}]/u.test(ch) && !'+#&._%-'.includes(ch)) SEPARATOR[c] = 1;
}

const isHan = (c: number) => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);

/**
 * Word boundaries at many positions of a text, found with one segmentation: `ask` each position
 * with the range of its sentence, `segment` once, then `has` answers whether a word starts there,
 * as segmenting that sentence alone would.
 *
 * jieba cuts each run between separators on its own, and inside a run it cuts wherever no word it
 * knows spans the position, whatever the words around: every segmentation passes there, so jieba's
 * best path does too, and its choices on each side depend on that side alone. Such a position
 * between two Chinese characters is a boundary without segmenting; any other is answered by
 * segmenting only the piece between the nearest such positions around it, with the word table's own
 * segmentation (jieba's, see WordTable.segment). (On the corpus, the pieces hold a fifth of the
 * characters of the runs around the positions.)
 */
export class WordBoundaries {
  /** Piece start → piece end, for the pieces to segment. */
  private pieces = new Map<number, number>();
  private starts = new Set<number>();
  private readonly words = wordTable();
  constructor(private readonly text: string) {}

  /** A position that is a boundary whatever the words: a sentence's edge, or next to a separator. */
  private evident(p: number, from: number, to: number): boolean {
    const t = this.text;
    return p <= from || p >= to || SEPARATOR[t.charCodeAt(p - 1)] === 1 || SEPARATOR[t.charCodeAt(p)] === 1;
  }

  /**
   * Per position s, 1 + the end of the longest word jieba knows that starts at s inside its run (s
   * itself when none does); 0 until asked. `cut` asks about the same starts again and again (each
   * position `ask` walks over looks back over the same characters), and each answer is several
   * lookups in a table too large for the processor's caches.
   */
  private wordEnds: Int32Array | null = null;

  /** Whether p, inside the run [start, end), lies between two Chinese characters and inside no word jieba knows. */
  private cut(p: number, start: number, end: number): boolean {
    const t = this.text;
    if (!isHan(t.charCodeAt(p - 1)) || !isHan(t.charCodeAt(p))) return false;
    const ends = (this.wordEnds ??= new Int32Array(t.length + 1));
    const longest = this.words.longest;
    const longestFrom = this.words.longestFrom;
    for (let s = p - 1; s >= start && p - s < longest; s--) {
      // no word that starts with this character reaches past p: nothing to look up
      if (s + longestFrom[t.charCodeAt(s)] <= p) continue;
      if (ends[s] === 0) ends[s] = 1 + this.wordEnd(s, end);
      if (ends[s] - 1 > p) return false;
    }
    return true;
  }

  /** The end of the longest word starting at s that ends by `end`, or s when there is none. */
  private wordEnd(s: number, end: number): number {
    const t = this.text;
    const words = this.words;
    let found = s;
    // the first two code units without the table (see kindOfUnit, pairBits)
    const first = t.charCodeAt(s);
    const one = words.kindOfUnit[first];
    if (one & WORD) found = s + 1;
    if (one === 0 || s + 1 >= end || !words.mayHavePair(first, t.charCodeAt(s + 1))) return found;
    let h = WordTable.step(WordTable.SEED, first);
    let h2 = WordTable.step2(WordTable.SEED2, first);
    for (let k = s + 1; k < end && k - s < words.longest; k++) {
      h = WordTable.step(h, t.charCodeAt(k));
      h2 = WordTable.step2(h2, t.charCodeAt(k));
      const kind = words.kind(h, h2);
      if (kind === 0) break;
      if (kind & WORD) found = k + 1;
    }
    return found;
  }

  ask(p: number, from: number, to: number): void {
    if (this.evident(p, from, to) || this.starts.has(p)) return;
    const t = this.text;
    let start = p - 1;
    while (start > from && !SEPARATOR[t.charCodeAt(start - 1)]) start--;
    let end = p + 1;
    while (end < to && !SEPARATOR[t.charCodeAt(end)]) end++;
    if (this.cut(p, start, end)) {
      this.starts.add(p);
      return;
    }
    let left = p - 1;
    while (left > start && !this.cut(left, start, end)) left--;
    if (this.pieces.has(left)) return;
    let right = p + 1;
    while (right < end && !this.cut(right, start, end)) right++;
    this.pieces.set(left, right);
  }

  segment(): void {
    for (const [start, end] of this.pieces) this.words.segment(this.text, start, end, this.starts);
    this.pieces.clear();
  }

  has(p: number, from: number, to: number): boolean {
    return this.evident(p, from, to) || this.starts.has(p);
  }
}

/**
 * Positions of `term` in `text` (one sentence) that start and end on word boundaries: a multi-word
 * term counts, 印度 inside 印度尼西亚 does not.
 */
export function termPositions(text: string, term: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + 1)) found.push(at);
  if (!found.length) return found;
  const boundaries = new WordBoundaries(text);
  for (const at of found) {
    boundaries.ask(at, 0, text.length);
    boundaries.ask(at + term.length, 0, text.length);
  }
  boundaries.segment();
  return found.filter((at) => boundaries.has(at, 0, text.length) && boundaries.has(at + term.length, 0, text.length));
}

/** Where the tokens of a text start, as `tokenize` cuts them, found without jieba (see WordTable.segment). */
export function tokenStarts(text: string): number[] {
  const starts = new Set<number>();
  wordTable().segment(text, 0, text.length, starts);
  return [...starts].sort((a, b) => a - b);
}
