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

/** jieba with its standard dictionary, the policy terms and every dictionary term as single words. */
function jieba(): InstanceType<typeof Jieba> {
  if (!segmenter) {
    segmenter = Jieba.withDict(dict);
    const words = [...dataLines('policy-terms.txt'), ...bundledDictionaries().flatMap((d) => d.terms)];
    segmenter.loadDict(Buffer.from(words.map((w) => (/\s/.test(w) ? w : `${w} 100000 n`)).join('\n')));
  }
  return segmenter;
}

/** Makes sure terms of a user's dictionary are single words too. */
export function addWords(words: string[]): void {
  const fresh = words.filter((w) => !extraWords.has(w));
  if (!fresh.length) return;
  for (const w of fresh) extraWords.add(w);
  jieba().loadDict(Buffer.from(fresh.map((w) => `${w} 100000 n`).join('\n')));
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

/**
 * Word boundaries at many positions of a text, found with one segmentation: `ask` each position
 * with the range of its sentence, `segment` once, then `has` answers whether a word starts there,
 * as segmenting that sentence alone would. Only the runs that hold asked positions are segmented,
 * joined by newlines and cut in one call; jieba cuts each run on its own, so the words are the same
 * as run by run. One call a document instead of one a run took ~40% less time on the corpus's runs
 * (the dictionaries' counts at ingest spend most of their time in jieba).
 */
export class WordBoundaries {
  /** Run start → run end, for the runs to segment. */
  private runs = new Map<number, number>();
  private starts = new Set<number>();
  constructor(private readonly text: string) {}

  /** A position that is a boundary whatever the words: a sentence's edge, or next to a separator. */
  private evident(p: number, from: number, to: number): boolean {
    const t = this.text;
    return p <= from || p >= to || SEPARATOR[t.charCodeAt(p - 1)] === 1 || SEPARATOR[t.charCodeAt(p)] === 1;
  }

  ask(p: number, from: number, to: number): void {
    if (this.evident(p, from, to)) return;
    const t = this.text;
    let start = p - 1;
    while (start > from && !SEPARATOR[t.charCodeAt(start - 1)]) start--;
    if (this.runs.has(start)) return;
    let end = p + 1;
    while (end < to && !SEPARATOR[t.charCodeAt(end)]) end++;
    this.runs.set(start, end);
  }

  segment(): void {
    if (!this.runs.size) return;
    const runs = [...this.runs].sort((a, b) => a[0] - b[0]);
    this.runs.clear();
    const joined = runs.map(([start, end]) => this.text.slice(start, end)).join('\n');
    let run = 0;
    let runAt = 0; // where runs[run] starts in `joined`
    for (const token of tokenize(joined)) {
      while (token.start >= runAt + runs[run][1] - runs[run][0] + 1) {
        runAt += runs[run][1] - runs[run][0] + 1;
        run++;
      }
      if (token.start < runAt + runs[run][1] - runs[run][0]) this.starts.add(runs[run][0] + token.start - runAt);
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
