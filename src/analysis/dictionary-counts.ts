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

/** Finds every occurrence of a set of terms in one pass over a text. */
class TermMatcher {
  /** Flags the code units that start a term: most characters are passed over without a lookup. */
  private readonly isFirst = new Uint8Array(65536);
  /** Terms of two or more code units by their first two, packed in an int32 (a small integer for V8, where a * 65536 + b above 2^31 was a boxed number). */
  private readonly byStart = new Map<number, string[]>();
  /** Terms of one code unit, by it. */
  private readonly single = new Map<number, string[]>();

  constructor(terms: string[]) {
    for (const t of new Set(terms)) {
      this.isFirst[t.charCodeAt(0)] = 1;
      const map = t.length > 1 ? this.byStart : this.single;
      const key = t.length > 1 ? TermMatcher.key(t, 0) : t.charCodeAt(0);
      const list = map.get(key);
      if (list) list.push(t);
      else map.set(key, [t]);
    }
  }

  private static key(text: string, at: number): number {
    return (text.charCodeAt(at) << 16) | text.charCodeAt(at + 1);
  }

  /** Calls `found` for each occurrence in text[from, to), overlapping ones included, by position. */
  scan(text: string, from: number, to: number, found: (term: string, at: number) => void): void {
    const single = this.single.size > 0;
    for (let i = from; i < to; i++) {
      if (!this.isFirst[text.charCodeAt(i)]) continue;
      if (single) {
        const one = this.single.get(text.charCodeAt(i));
        if (one) for (const t of one) found(t, i);
      }
      if (i + 1 >= to) continue;
      const list = this.byStart.get(TermMatcher.key(text, i));
      if (list) for (const t of list) if (i + t.length <= to && text.startsWith(t, i)) found(t, i);
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
  // every occurrence of every term, then the word boundaries of all of them in one segmentation
  const text = doc.text;
  const occurrences: Array<{ term: string; at: number; from: number; to: number; role: string }> = [];
  const boundaries = new WordBoundaries(text);
  const packed = doc.sentences;
  for (let i = 0; i < packed.length; i += SENTENCE_FIELDS) {
    const section = packed[i + 1];
    const from = packed[i + 2];
    const to = packed[i + 3];
    const role = (section >= 0 ? doc.sections[section]?.role : undefined) ?? 'other';
    roleChars[role] = (roleChars[role] ?? 0) + (to - from);
    matcher.scan(text, from, to, (term, at) => {
      occurrences.push({ term, at, from, to, role });
      boundaries.ask(at, from, to);
      boundaries.ask(at + term.length, from, to);
    });
  }
  boundaries.segment();
  // hits on word boundaries, by term: [document offset, role]
  const hits = new Map<string, Array<[number, string]>>();
  for (const { term, at, from, to, role } of occurrences) {
    if (!boundaries.has(at, from, to) || !boundaries.has(at + term.length, from, to)) continue;
    const list = hits.get(term);
    if (list) list.push([at, role]);
    else hits.set(term, [[at, role]]);
  }
  return ready.longestFirst.map((terms) => countTerms(terms, hits, roleChars, text.length));
}

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
