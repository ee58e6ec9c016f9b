// A dictionary's hits in one document, counted the way the attention index counts them: on word
// boundaries (termPositions), a term inside a longer term of the same dictionary counted once as the
// longer, per section role. Computed for the bundled dictionaries when a document is ingested, so
// an index over the whole corpus reads a row per document instead of searching every term.
import { createHash } from 'node:crypto';
import type { Section } from '../types.ts';
import { SENTENCE_FIELDS } from '../structure/packed.ts';
import { WordBoundaries, type Dictionary } from './words.ts';

export interface DocumentTermCounts {
  hits: number;
  /** Hits of each term that has any. */
  terms: Record<string, number>;
  /** Per section role of the sentences: hits and characters. */
  roles: Record<string, { hits: number; chars: number }>;
}

/** Changes when the way of counting changes, so stored counts of an older way are not used. */
const COUNTING = 'word-boundary-runs/1';

const versions = new WeakMap<Dictionary, string>();

/**
 * Identifies a dictionary's terms (and the way of counting): stored counts are used only for the same
 * version. Kept per dictionary object: ingest asks it for every document.
 */
export function dictionaryVersion(dictionary: Dictionary): string {
  let version = versions.get(dictionary);
  if (!version) {
    version = `${dictionary.name}:${createHash('sha256').update(JSON.stringify([COUNTING, dictionary.terms])).digest('hex').slice(0, 16)}`;
    versions.set(dictionary, version);
  }
  return version;
}

/**
 * The stored form of a document's counts (dictionary_counts.counts): a JSON array
 * `[hits, [role, hits, chars, …], [term index, hits, …]]`, a term by its place in the dictionary's
 * list (which its version fixes). Parsing the counts of every document was a third of a dictionary
 * index over the corpus as objects keyed by the terms; as arrays of numbers it is a third as long.
 */
export type PackedCounts = string;

const termIndexes = new WeakMap<Dictionary, Map<string, number>>();

export function packCounts(counts: DocumentTermCounts, dictionary: Dictionary): PackedCounts {
  let index = termIndexes.get(dictionary);
  if (!index) termIndexes.set(dictionary, (index = new Map(dictionary.terms.map((t, i) => [t, i]))));
  const roles: Array<string | number> = [];
  for (const [role, r] of Object.entries(counts.roles)) roles.push(role, r.hits, r.chars);
  const terms: number[] = [];
  for (const [term, n] of Object.entries(counts.terms)) {
    const i = index.get(term);
    if (i === undefined) throw new Error(`"${term}" is not a term of dictionary ${dictionary.name}`);
    terms.push(i, n);
  }
  return JSON.stringify([counts.hits, roles, terms]);
}

export function unpackCounts(packed: PackedCounts, dictionary: Dictionary): DocumentTermCounts {
  const [hits, roleList, termList] = JSON.parse(packed) as [number, Array<string | number>, number[]];
  const roles: DocumentTermCounts['roles'] = {};
  for (let i = 0; i < roleList.length; i += 3) roles[roleList[i] as string] = { hits: roleList[i + 1] as number, chars: roleList[i + 2] as number };
  const terms: DocumentTermCounts['terms'] = {};
  for (let i = 0; i < termList.length; i += 2) terms[dictionary.terms[termList[i]]] = termList[i + 1];
  return { hits, terms, roles };
}

/** Terms longest first (a stable sort: equal lengths keep the dictionary's order). */
export function longestFirst(terms: string[]): string[] {
  return [...terms].sort((a, b) => b.length - a.length);
}

/** A document's text, its sentences packed (see packSentences) and its sections. */
export type CountInput = { text: string; sentences: Int32Array; sections: Array<Pick<Section, 'role'>> };

/** Bits of TermMatcher's filter of first pairs (a power of 2): 8 KB, in the nearest cache. */
const PAIR_BITS = 1 << 16;

/** Finds every occurrence of a set of terms in one pass over a text. */
class TermMatcher {
  /** Flags the code units that start a term: most characters are passed over without a lookup. */
  private readonly isFirst = new Uint8Array(65536);
  /** The terms, each once: `scan` reports a term by its index here. */
  readonly terms: string[];
  /** Terms of two or more code units (their indexes) by their first two, packed in an int32 (a small integer for V8, where a * 65536 + b above 2^31 was a boxed number). */
  private readonly byStart = new Map<number, number[]>();
  /**
   * A bit per hash of the first two code units of the terms of two or more: a fifth of the
   * characters of the corpus start a term of the bundled dictionaries, and one in nine of them is
   * followed by its second. A bit that is not set spares a lookup in `byStart`.
   */
  private readonly startBits = new Int32Array(PAIR_BITS >> 5);
  /** Terms of one code unit, by it. */
  private readonly single = new Map<number, number[]>();

  constructor(terms: string[]) {
    this.terms = [...new Set(terms)];
    for (const [index, t] of this.terms.entries()) {
      this.isFirst[t.charCodeAt(0)] = 1;
      const map = t.length > 1 ? this.byStart : this.single;
      const key = t.length > 1 ? TermMatcher.key(t, 0) : t.charCodeAt(0);
      if (t.length > 1) this.startBits[TermMatcher.bit(key) >>> 5] |= 1 << (TermMatcher.bit(key) & 31);
      const list = map.get(key);
      if (list) list.push(index);
      else map.set(key, [index]);
    }
  }

  private static key(text: string, at: number): number {
    return (text.charCodeAt(at) << 16) | text.charCodeAt(at + 1);
  }

  private static bit(key: number): number {
    return Math.imul(key, 0x9e3779b1) >>> (32 - Math.log2(PAIR_BITS));
  }

  /** Calls `found` for each occurrence in text[from, to), overlapping ones included, by position. */
  scan(text: string, from: number, to: number, found: (term: number, at: number) => void): void {
    const terms = this.terms;
    const single = this.single.size > 0;
    for (let i = from; i < to; i++) {
      if (!this.isFirst[text.charCodeAt(i)]) continue;
      if (single) {
        const one = this.single.get(text.charCodeAt(i));
        if (one) for (const t of one) found(t, i);
      }
      if (i + 1 >= to) continue;
      const key = TermMatcher.key(text, i);
      const bit = TermMatcher.bit(key);
      if (!(this.startBits[bit >>> 5] & (1 << (bit & 31)))) continue;
      const list = this.byStart.get(key);
      if (list) for (const t of list) if (i + terms[t].length <= to && text.startsWith(terms[t], i)) found(t, i);
    }
  }
}

/** Per set of dictionaries, made once: ingest counts the same set in every document. */
const prepared = new WeakMap<Dictionary[], { matcher: TermMatcher; longestFirst: string[][] }>();

/** Counts of several dictionaries in one document; the text is scanned once for all their terms. */
export function countDictionaries(doc: CountInput, dictionaries: Dictionary[]): DocumentTermCounts[] {
  let ready = prepared.get(dictionaries);
  if (!ready) {
    ready = { matcher: new TermMatcher(dictionaries.flatMap((d) => d.terms)), longestFirst: dictionaries.map((d) => longestFirst(d.terms)) };
    prepared.set(dictionaries, ready);
  }
  const { matcher } = ready;
  const roleChars: Record<string, number> = {};
  const roleOf = (section: number) => (section >= 0 ? doc.sections[section]?.role : undefined) ?? 'other';
  // every occurrence of every term (as the term and its offset, in typed arrays kept between calls:
  // an object each was a tenth of the counting in garbage collection), then the word boundaries of
  // all of them in one segmentation
  const text = doc.text;
  const occurrences = OCCURRENCES;
  occurrences.length = 0;
  const boundaries = new WordBoundaries(text);
  const packed = doc.sentences;
  for (let i = 0; i < packed.length; i += SENTENCE_FIELDS) {
    const from = packed[i + 2];
    const to = packed[i + 3];
    const role = roleOf(packed[i + 1]);
    roleChars[role] = (roleChars[role] ?? 0) + (to - from);
    matcher.scan(text, from, to, (term, at) => {
      occurrences.push(term, at, i);
      boundaries.ask(at, from, to);
      boundaries.ask(at + matcher.terms[term].length, from, to);
    });
  }
  boundaries.segment();
  // hits on word boundaries, by term: [document offset, role]
  const hits = new Map<string, Array<[number, string]>>();
  const list = occurrences.data;
  for (let o = 0; o < occurrences.length; o += 3) {
    const term = matcher.terms[list[o]];
    const at = list[o + 1];
    const i = list[o + 2];
    const from = packed[i + 2];
    const to = packed[i + 3];
    if (!boundaries.has(at, from, to) || !boundaries.has(at + term.length, from, to)) continue;
    const hit: [number, string] = [at, roleOf(packed[i + 1])];
    const termHits = hits.get(term);
    if (termHits) termHits.push(hit);
    else hits.set(term, [hit]);
  }
  return ready.longestFirst.map((terms) => countTerms(terms, hits, roleChars, text.length));
}

/** Int32s that grow: a term's occurrences in a document, three to one (see countDictionaries). */
class Int32Triples {
  data = new Int32Array(3 * 4096);
  length = 0;

  push(a: number, b: number, c: number): void {
    if (this.length + 3 > this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length] = a;
    this.data[this.length + 1] = b;
    this.data[this.length + 2] = c;
    this.length += 3;
  }
}

const OCCURRENCES = new Int32Triples();

/**
 * The offsets covered by a document's counted hits, as stamps in one array kept between calls: a
 * position is taken when it holds the current call's stamp. With a Set of numbers, this was two
 * fifths of counting a document's hits.
 */
let takenStamps = new Int32Array(1 << 16);
let stamp = 0;

/**
 * One dictionary's counts in one document from the hits on word boundaries of its terms (`hits`: by
 * term, each hit's offset in the document and its section role), its terms longest first: a hit that
 * overlaps one already counted is left out, so a term inside a longer term is counted once, as the
 * longer. `roleChars`: the characters of each section role; `textLength`: the document's. (A function
 * of its own rather than the callback above: V8 compiled the loops of a callback made per document anew.)
 */
export function countTerms(terms: string[], hits: Map<string, Array<[number, string]>>, roleChars: Record<string, number>, textLength: number): DocumentTermCounts {
  const counts: DocumentTermCounts = { hits: 0, terms: {}, roles: {} };
  for (const [role, chars] of Object.entries(roleChars)) counts.roles[role] = { hits: 0, chars };
  if (takenStamps.length < textLength) takenStamps = new Int32Array(textLength * 2);
  if (++stamp === 2 ** 31 - 1) {
    takenStamps.fill(0);
    stamp = 1;
  }
  const taken = takenStamps;
  const current = stamp;
  for (const term of terms) {
    const list = hits.get(term);
    if (!list) continue;
    next: for (const [start, role] of list) {
      const end = start + term.length;
      for (let p = start; p < end; p++) if (taken[p] === current) continue next;
      for (let p = start; p < end; p++) taken[p] = current;
      counts.hits++;
      counts.terms[term] = (counts.terms[term] ?? 0) + 1;
      (counts.roles[role] ??= { hits: 0, chars: 0 }).hits++;
    }
  }
  return counts;
}
