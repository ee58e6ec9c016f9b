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
    segmenter.loadDict(Buffer.from(addedWords().map((w) => (/\s/.test(w) ? w : `${w} 100000 n`)).join('\n')));
  }
  return segmenter;
}

/** Makes sure terms of a user's dictionary are single words too. */
export function addWords(words: string[]): void {
  const fresh = words.filter((w) => !extraWords.has(w));
  if (!fresh.length) return;
  for (const w of fresh) extraWords.add(w);
  jieba().loadDict(Buffer.from(fresh.map((w) => `${w} 100000 n`).join('\n')));
  prefixes?.addLines(Buffer.from(fresh.join('\n')));
}

const PREFIX = 1;
const WORD = 2;

/**
 * Every word jieba knows and every prefix of one, as 32-bit hashes of their code units in an
 * open-addressing table: no strings are made to look a piece of text up. Two pieces with the same
 * hash only make a piece look like a word when it is not, which costs a segmentation, never a
 * wrong boundary (see WordBoundaries).
 */
class WordPrefixes {
  private keys = new Int32Array(1 << 21);
  private kinds = new Uint8Array(1 << 21);
  private size = 0;
  /** The longest word, in code units. */
  longest = 0;

  static readonly SEED = -2128831035;
  static step(hash: number, code: number): number {
    return Math.imul(hash ^ code, 16777619);
  }

  /**
   * Adds the first field of every line of UTF-8 text ("word frequency tag", or a word alone),
   * decoding the bytes here: making 350,000 strings of jieba's standard dictionary took longer than
   * the table.
   */
  addLines(bytes: Uint8Array): void {
    let h = WordPrefixes.SEED;
    let length = 0;
    let inWord = true;
    const endWord = () => {
      if (!inWord || !length) return;
      this.put(h, WORD);
      this.longest = Math.max(this.longest, length);
    };
    for (let i = 0; i < bytes.length; ) {
      const b = bytes[i];
      if (b === 0x0a || ((b === 0x20 || b === 0x09 || b === 0x0d) && inWord)) {
        endWord();
        inWord = b === 0x0a;
        h = WordPrefixes.SEED;
        length = 0;
        i++;
        continue;
      }
      let code: number;
      if (b < 0x80) code = b, (i += 1);
      else if (b < 0xe0) code = ((b & 0x1f) << 6) | (bytes[i + 1] & 0x3f), (i += 2);
      else if (b < 0xf0) code = ((b & 0x0f) << 12) | ((bytes[i + 1] & 0x3f) << 6) | (bytes[i + 2] & 0x3f), (i += 3);
      else code = ((b & 0x07) << 18) | ((bytes[i + 1] & 0x3f) << 12) | ((bytes[i + 2] & 0x3f) << 6) | (bytes[i + 3] & 0x3f), (i += 4);
      if (!inWord) continue;
      // code units, as the text is read: a character beyond the BMP is a surrogate pair
      const units = code > 0xffff ? [0xd800 + ((code - 0x10000) >> 10), 0xdc00 + ((code - 0x10000) & 0x3ff)] : [code];
      for (const unit of units) {
        if (length) this.put(h, PREFIX);
        h = WordPrefixes.step(h, unit);
        length++;
      }
    }
    endWord();
  }

  /** PREFIX (a prefix of a word), WORD (a word) or 0 for the piece of hash `h`. */
  kind(h: number): number {
    const mask = this.keys.length - 1;
    for (let slot = (h ^ (h >>> 15)) & mask; ; slot = (slot + 1) & mask) {
      const k = this.kinds[slot];
      if (k === 0 || this.keys[slot] === h) return k;
    }
  }

  private put(h: number, kind: number): void {
    if (this.size * 2 > this.keys.length) this.grow();
    const mask = this.keys.length - 1;
    let slot = (h ^ (h >>> 15)) & mask;
    while (this.kinds[slot] !== 0 && this.keys[slot] !== h) slot = (slot + 1) & mask;
    if (this.kinds[slot] === 0) {
      this.size++;
      this.keys[slot] = h;
    }
    this.kinds[slot] |= kind;
  }

  private grow(): void {
    const { keys, kinds } = this;
    this.keys = new Int32Array(keys.length * 2);
    this.kinds = new Uint8Array(kinds.length * 2);
    this.size = 0;
    for (let i = 0; i < keys.length; i++) if (kinds[i]) this.put(keys[i], kinds[i]);
  }
}

let prefixes: WordPrefixes | null = null;

function wordPrefixes(): WordPrefixes {
  if (!prefixes) {
    const table = new WordPrefixes();
    table.addLines(dict);
    table.addLines(Buffer.from([...addedWords(), ...extraWords].join('\n')));
    prefixes = table;
  }
  return prefixes;
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
 * segmenting only the piece between the nearest such positions around it. The pieces of a text are
 * joined by newlines and cut in one call. (On the corpus, the pieces hold a fifth of the characters
 * of the runs around the positions, and the dictionaries' counts at ingest spend most of their time
 * in jieba.)
 */
export class WordBoundaries {
  /** Piece start → piece end, for the pieces to segment. */
  private pieces = new Map<number, number>();
  private starts = new Set<number>();
  private readonly words = wordPrefixes();
  constructor(private readonly text: string) {}

  /** A position that is a boundary whatever the words: a sentence's edge, or next to a separator. */
  private evident(p: number, from: number, to: number): boolean {
    const t = this.text;
    return p <= from || p >= to || SEPARATOR[t.charCodeAt(p - 1)] === 1 || SEPARATOR[t.charCodeAt(p)] === 1;
  }

  /** Whether p, inside the run [start, end), lies between two Chinese characters and inside no word jieba knows. */
  private cut(p: number, start: number, end: number): boolean {
    const t = this.text;
    if (!isHan(t.charCodeAt(p - 1)) || !isHan(t.charCodeAt(p))) return false;
    const words = this.words;
    for (let s = p - 1; s >= start && p - s < words.longest; s--) {
      let h = WordPrefixes.SEED;
      for (let k = s; k < end && k - s < words.longest; k++) {
        h = WordPrefixes.step(h, t.charCodeAt(k));
        const kind = words.kind(h);
        if (kind === 0) break;
        if (k >= p && kind & WORD) return false;
      }
    }
    return true;
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
    if (!this.pieces.size) return;
    const pieces = [...this.pieces].sort((a, b) => a[0] - b[0]);
    this.pieces.clear();
    const joined = pieces.map(([start, end]) => this.text.slice(start, end)).join('\n');
    let piece = 0;
    let pieceAt = 0; // where pieces[piece] starts in `joined`
    for (const token of tokenize(joined)) {
      while (token.start >= pieceAt + pieces[piece][1] - pieces[piece][0] + 1) {
        pieceAt += pieces[piece][1] - pieces[piece][0] + 1;
        piece++;
      }
      if (token.start < pieceAt + pieces[piece][1] - pieces[piece][0]) this.starts.add(pieces[piece][0] + token.start - pieceAt);
    }
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
