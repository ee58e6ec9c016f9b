// Reading the pair index: the sentences that may contain a set of terms, document by document.
// Callers check the candidates' text unless the answer is exact.
import type Database from 'better-sqlite3';
import { bucketOf, decodeAt, findPostings, intersectSorted, pairsOf, type PairKey } from './pair-index.ts';

/**
 * A list of postings is not decoded when it has more than this many bytes per candidate left (a
 * posting is a byte or two; a candidate checked against its text is a sentence read).
 */
const CHECKED_INSTEAD = 64;

/**
 * The sentences that may contain a set of terms (lower case, 2 or more characters each): those that
 * have every pair of every term, or, when the answer is not exact, the rarer pairs once few
 * candidates are left (see CHECKED_INSTEAD). The index's rows are read at once; a segment's postings
 * are decoded when its sentences are first asked for, so a first page of a common term decodes the
 * few segments of the newest reports, not all of them.
 */
export class CandidateIndex {
  /** True when every candidate is known to contain every term (all terms are 2 characters long). */
  readonly exact: boolean;
  /** Segments that have every pair, ascending by base, with their rows. */
  private readonly segments: Array<{ base: number; rows: Array<{ key: PairKey; row: Uint8Array }> }> = [];
  private readonly decoded = new Map<number, number[]>();

  constructor(db: Database.Database, terms: string[]) {
    this.exact = terms.every((t) => t.length === 2);
    const keys = new Set<PairKey>();
    for (const t of terms) for (const k of pairsOf(t)) keys.add(k);
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
    for (const [base, rows] of [...bySegment].sort((x, y) => x[0] - y[0])) if (keys.size && rows.length === keys.size) this.segments.push({ base, rows });
  }

  get empty(): boolean {
    return !this.segments.length;
  }

  /** Candidates with ids in [start, end), ascending. */
  idsIn(start: number, end: number): number[] {
    // the segment that holds `start`, and any after it that begin before `end` (a document's
    // sentences are in one segment, except in a database migrated from version 4)
    const first = Math.max(0, partitionPoint(this.segments.length, (s) => this.segments[s].base <= start) - 1);
    const out: number[] = [];
    for (let s = first; s < this.segments.length && this.segments[s].base < end; s++) {
      const ids = this.decode(this.segments[s]);
      for (let i = partitionPoint(ids.length, (k) => ids[k] < start); i < ids.length && ids[i] < end; i++) out.push(ids[i]);
    }
    return out;
  }

  /**
   * The candidates of these documents, in the documents' order, about `size` ids at a time: a
   * segment is decoded only when the caller asks for the next chunk, so a caller that has enough
   * stops before the rest is read.
   */
  *inChunks(docs: Iterable<{ sentenceStart: number; sentenceEnd: number }>, size: number): Generator<number[]> {
    let chunk: number[] = [];
    for (const d of docs) {
      for (const id of this.idsIn(d.sentenceStart, d.sentenceEnd)) chunk.push(id);
      if (chunk.length >= size) {
        yield chunk;
        chunk = [];
      }
    }
    if (chunk.length) yield chunk;
  }

  /** A segment's candidates: a segment without one of the pairs is skipped before any postings are
   * decoded, and the shortest postings are decoded first (低空 decides before 经济 is read). */
  private decode(segment: { base: number; rows: Array<{ key: PairKey; row: Uint8Array }> }): number[] {
    const done = this.decoded.get(segment.base);
    if (done) return done;
    let result: number[] = [];
    const places = segment.rows.map((r) => ({ row: r.row, place: findPostings(r.row, r.key) }));
    if (places.every((p) => p.place)) {
      places.sort((a, b) => a.place!.length - b.place!.length);
      let first = true;
      for (const p of places) {
        // a few candidates left and a long list to go: the candidates are checked against their text
        // anyway unless the answer is exact, and reading a few sentences costs less than decoding a
        // common pair's postings (经济 after 低空 in a KWIC of 低空经济)
        if (!first && !this.exact && result.length * CHECKED_INSTEAD < p.place!.length) break;
        const list: number[] = [];
        decodeAt(p.row, p.place!, segment.base, list);
        result = first ? list : intersectSorted([result, list]);
        first = false;
        if (!result.length) break;
      }
    }
    this.decoded.set(segment.base, result);
    return result;
  }
}

/** The first index in [0, n) for which `before` is false; `before` must be true up to some index and false after it. */
export function partitionPoint(n: number, before: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface SentenceRange {
  id: number;
  sentenceStart: number;
  sentenceEnd: number;
}

/** The rows `sql` gives for these ids, a chunk of ids at a time; `sql` takes them as a JSON array: `s.id IN (SELECT value FROM json_each(?))`. */
export function rowsForIds<T>(db: Database.Database, sql: string, ids: number[], raw = false): T[] {
  const statement = raw ? db.prepare(sql).raw() : db.prepare(sql);
  const out: T[] = [];
  const CHUNK = 1000;
  for (let i = 0; i < ids.length; i += CHUNK) for (const row of statement.all(JSON.stringify(ids.slice(i, i + CHUNK))) as T[]) out.push(row);
  return out;
}
