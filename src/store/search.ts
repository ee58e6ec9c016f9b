// Reading the pair index: the sentences that may contain a set of terms, and which documents they
// belong to. Callers check the candidates' text unless the answer is exact.
import type Database from 'better-sqlite3';
import { bucketOf, decodeAt, findPostings, intersectSorted, pairsOf, type PairKey } from './pair-index.ts';

export interface Candidates {
  /** Sentence ids, ascending. */
  ids: number[];
  /** True when every candidate is known to contain every term (all terms are 2 characters long). */
  exact: boolean;
}

/** Sentences that have every pair of every term (terms lower case, 2 or more characters each). */
export function candidateSentences(db: Database.Database, terms: string[]): Candidates {
  const keys = new Set<PairKey>();
  for (const t of terms) for (const k of pairsOf(t)) keys.add(k);
  if (!keys.size) return { ids: [], exact: true };
  // each pair's bucket row in every segment, one primary-key read each (CROSS JOIN keeps segments
  // as the outer loop; a plain JOIN scanned the whole index)
  const rowsOf = db.prepare('SELECT p.base, p.postings FROM segments g CROSS JOIN pair_index p ON p.base = g.base AND p.bucket = ? ORDER BY g.base').raw();
  const bySegment = new Map<number, Array<{ key: PairKey; row: Uint8Array }>>();
  for (const key of keys) {
    for (const [base, row] of rowsOf.all(bucketOf(key)) as Array<[number, Uint8Array]>) {
      const list = bySegment.get(base);
      if (list) list.push({ key, row });
      else bySegment.set(base, [{ key, row }]);
    }
  }
  // segment by segment: a segment without one of the pairs is skipped before any postings are
  // decoded, and the shortest postings are decoded first (低空 decides before 经济 is read)
  const ids: number[] = [];
  for (const [base, rows] of [...bySegment].sort((a, b) => a[0] - b[0])) {
    if (rows.length < keys.size) continue;
    const places = rows.map((r) => ({ row: r.row, place: findPostings(r.row, r.key) }));
    if (places.some((p) => !p.place)) continue;
    places.sort((a, b) => a.place!.length - b.place!.length);
    let result: number[] | null = null;
    for (const p of places) {
      const list: number[] = [];
      decodeAt(p.row, p.place!, base, list);
      result = result ? intersectSorted([result, list]) : list;
      if (!result.length) break;
    }
    for (const id of result!) ids.push(id);
  }
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
export function rowsForIds<T>(db: Database.Database, sql: string, ids: number[], raw = false): T[] {
  const statement = raw ? db.prepare(sql).raw() : db.prepare(sql);
  const out: T[] = [];
  const CHUNK = 1000;
  for (let i = 0; i < ids.length; i += CHUNK) for (const row of statement.all(JSON.stringify(ids.slice(i, i + CHUNK))) as T[]) out.push(row);
  return out;
}
