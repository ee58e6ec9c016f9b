// Reading the pair index: the sentences that may contain a set of terms, and which documents they
// belong to. Callers check the candidates' text unless the answer is exact.
import type Database from 'better-sqlite3';
import { bucketOf, decodePostings, intersectSorted, pairsOf, type PairKey } from './pair-index.ts';

export interface Candidates {
  /** Sentence ids, ascending. */
  ids: number[];
  /** True when every candidate is known to contain every term (all terms are 2 characters long). */
  exact: boolean;
}

function postings(db: Database.Database, key: PairKey): number[] {
  const rows = db
    // CROSS JOIN keeps segments as the outer loop: one primary-key lookup per segment (a plain JOIN scanned pair_index)
    .prepare('SELECT p.base, p.postings FROM segments g CROSS JOIN pair_index p ON p.base = g.base AND p.bucket = ? ORDER BY g.base')
    .raw()
    .all(bucketOf(key)) as Array<[number, Uint8Array]>;
  const ids: number[] = [];
  for (const [base, row] of rows) decodePostings(row, base, key, ids);
  return ids;
}

/** Sentences that have every pair of every term (terms lower case, 2 or more characters each). */
export function candidateSentences(db: Database.Database, terms: string[]): Candidates {
  const keys = new Set<PairKey>();
  for (const t of terms) for (const k of pairsOf(t)) keys.add(k);
  if (!keys.size) return { ids: [], exact: true };
  const ids = intersectSorted([...keys].map((k) => postings(db, k)));
  return { ids, exact: terms.every((t) => t.length === 2) };
}

export interface SentenceRange {
  id: number;
  sentenceStart: number;
  sentenceEnd: number;
}

/**
 * Groups ascending sentence ids by the document whose id range holds them; ids of no listed
 * document (other documents, or deleted ones) are dropped. Linear in ids + documents.
 */
export function groupByDocument(ids: number[], documents: SentenceRange[]): Map<number, number[]> {
  const docs = [...documents].sort((a, b) => a.sentenceStart - b.sentenceStart);
  const out = new Map<number, number[]>();
  let d = 0;
  for (const id of ids) {
    while (d < docs.length && docs[d].sentenceEnd <= id) d++;
    if (d === docs.length) break;
    if (id < docs[d].sentenceStart) continue;
    const list = out.get(docs[d].id);
    if (list) list.push(id);
    else out.set(docs[d].id, [id]);
  }
  return out;
}

/** The rows `sql` gives for these ids, a chunk of ids at a time; `sql` takes them as a JSON array: `s.id IN (SELECT value FROM json_each(?))`. */
export function rowsForIds<T>(db: Database.Database, sql: string, ids: number[]): T[] {
  const statement = db.prepare(sql);
  const out: T[] = [];
  const CHUNK = 1000;
  for (let i = 0; i < ids.length; i += CHUNK) out.push(...(statement.all(JSON.stringify(ids.slice(i, i + CHUNK))) as T[]));
  return out;
}
