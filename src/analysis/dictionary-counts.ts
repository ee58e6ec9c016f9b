// A dictionary's hits in one document, counted the way the attention index counts them: on word
// boundaries (termPositions), a term inside a longer term of the same dictionary counted once as the
// longer, per section role. Computed for the bundled dictionaries when a document is ingested, so
// an index over the whole corpus reads a row per document instead of searching every term.
import { createHash } from 'node:crypto';
import type { Section, Sentence } from '../types.ts';
import { DocumentBoundaries, type Dictionary } from './words.ts';

export interface DocumentTermCounts {
  hits: number;
  /** Hits of each term that has any. */
  terms: Record<string, number>;
  /** Per section role of the sentences: hits and characters. */
  roles: Record<string, { hits: number; chars: number }>;
}

/** Changes when the way of counting changes, so stored counts of an older way are not used. */
const COUNTING = 'word-boundary-runs/1';

/** Identifies a dictionary's terms (and the way of counting): stored counts are used only for the same version. */
export function dictionaryVersion(dictionary: Dictionary): string {
  return `${dictionary.name}:${createHash('sha256').update(JSON.stringify([COUNTING, dictionary.terms])).digest('hex').slice(0, 16)}`;
}

/** Terms longest first (a stable sort: equal lengths keep the dictionary's order). */
export function longestFirst(terms: string[]): string[] {
  return [...terms].sort((a, b) => b.length - a.length);
}

/**
 * Counts one hit of `term` at `start` unless it overlaps a hit already counted in the same document
 * (`taken`, the offsets that document's counted hits cover). Called with the terms longest first, a
 * term inside a longer term is counted once, as the longer.
 */
export function countHit(counts: DocumentTermCounts, taken: Set<number>, term: string, start: number, role: string): void {
  const end = start + term.length;
  for (let p = start; p < end; p++) if (taken.has(p)) return;
  for (let p = start; p < end; p++) taken.add(p);
  counts.hits++;
  counts.terms[term] = (counts.terms[term] ?? 0) + 1;
  (counts.roles[role] ??= { hits: 0, chars: 0 }).hits++;
}

export type CountInput = { text: string; sentences: Sentence[]; sections: Array<Pick<Section, 'role'>> };

/** Counts of several dictionaries in one document; the text is scanned once for all their terms. */
export function countDictionaries(doc: CountInput, dictionaries: Dictionary[]): DocumentTermCounts[] {
  const terms = [...new Set(dictionaries.flatMap((d) => d.terms))];
  // terms by their first code unit; the flag table skips most characters without a Map lookup
  const byFirst = new Map<number, string[]>();
  const isFirst = new Uint8Array(65536);
  for (const t of terms) {
    const c = t.charCodeAt(0);
    isFirst[c] = 1;
    const list = byFirst.get(c);
    if (list) list.push(t);
    else byFirst.set(c, [t]);
  }
  const roleOf = (s: Sentence) => (s.section !== null ? doc.sections[s.section]?.role : undefined) ?? 'other';
  const roleChars: Record<string, number> = {};
  // every occurrence of every term, then the word boundaries of all of them in one segmentation
  const text = doc.text;
  const occurrences: Array<{ term: string; at: number; sentence: Sentence; role: string }> = [];
  const boundaries = new DocumentBoundaries(text);
  for (const s of doc.sentences) {
    const role = roleOf(s);
    roleChars[role] = (roleChars[role] ?? 0) + (s.end - s.start);
    const found = new Set<string>();
    for (let i = s.start; i < s.end; i++) {
      if (!isFirst[text.charCodeAt(i)]) continue;
      for (const t of byFirst.get(text.charCodeAt(i))!) if (i + t.length <= s.end && text.startsWith(t, i)) found.add(t);
    }
    for (const term of found) {
      for (let at = text.indexOf(term, s.start); at !== -1 && at + term.length <= s.end; at = text.indexOf(term, at + 1)) {
        occurrences.push({ term, at, sentence: s, role });
        boundaries.ask(at, s.start, s.end);
        boundaries.ask(at + term.length, s.start, s.end);
      }
    }
  }
  boundaries.segment();
  // hits on word boundaries, by term: [document offset, role]
  const hits = new Map<string, Array<[number, string]>>();
  for (const { term, at, sentence: s, role } of occurrences) {
    if (!boundaries.has(at, s.start, s.end) || !boundaries.has(at + term.length, s.start, s.end)) continue;
    const list = hits.get(term);
    if (list) list.push([at, role]);
    else hits.set(term, [[at, role]]);
  }
  return dictionaries.map((dictionary) => {
    const counts: DocumentTermCounts = { hits: 0, terms: {}, roles: {} };
    for (const [role, chars] of Object.entries(roleChars)) counts.roles[role] = { hits: 0, chars };
    const taken = new Set<number>();
    for (const term of longestFirst(dictionary.terms)) {
      for (const [start, role] of hits.get(term) ?? []) countHit(counts, taken, term, start, role);
    }
    return counts;
  });
}
