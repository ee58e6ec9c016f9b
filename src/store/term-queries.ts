// Term queries over the corpus: every occurrence of a term (found through the sentence pair index,
// then checked on word boundaries), dictionary indices, keyword in context and the spread of a term.
import type Database from 'better-sqlite3';
import type { Level } from '../types.ts';
import { CandidateIndex } from './search.ts';
import { catalog, keptForKey, sectionRoles, type DocRow } from './catalog.ts';
import { documentSentences, sentencesByIds, textsAround, type StoredSentence } from './sentences.ts';
import { documentConditions, type DocumentFilter } from './store.ts';
import { termPositions, addWords, type Dictionary } from '../analysis/words.ts';
import { countTerms, dictionaryVersion, longestFirst, unpackCounts, type DocumentTermCounts } from '../analysis/dictionary-counts.ts';

/** A sentence's section role ('other' outside any section), from the roles of every document's sections. */
function roleOf(roles: Map<number, string[]>, s: StoredSentence): string {
  return (s.section === null ? undefined : roles.get(s.docId)?.[s.section]) ?? 'other';
}

export interface TermHit {
  term: string;
  docId: number;
  /** Offset of the hit in the document's normalised text. */
  start: number;
  end: number;
  role: string;
  sentenceId: number;
}

const keptFilters = new WeakMap<Database.Database, { version: string; value: Map<string, Map<number, DocRow>> }>();
const KEPT_FILTERS = 16;

/**
 * Documents of a filter (work reports only: communiqués are not policy text), by year then id; kept
 * per connection until the database changes, as the catalog is, for the last few filters (every KWIC
 * and index asks for them: ~0.9 ms a call over ../shared/reports). Callers must not change the map.
 */
export function filteredDocuments(db: Database.Database, filter: DocumentFilter): Map<number, DocRow> {
  // (every field of DocumentFilter)
  const key = JSON.stringify([filter.kind, filter.level, filter.region, filter.year]);
  return keptForKey(
    keptFilters,
    db,
    key,
    () => {
      const params: unknown[] = [];
      const where = ["d.kind = 'report'", ...documentConditions(filter, params)];
      const ids = db.prepare(`SELECT d.id FROM documents d WHERE ${where.join(' AND ')} ORDER BY d.year, d.id`).pluck().all(...params) as number[];
      const rows = catalog(db);
      return new Map(ids.map((id) => [id, rows.get(id)!]));
    },
    KEPT_FILTERS,
  );
}

/**
 * Every occurrence of a term in the documents of a filter, by document id then offset. With `limit`,
 * stops once that many are found.
 */
export function termHits(db: Database.Database, term: string, docs: Map<number, DocRow>, limit = Infinity): TermHit[] {
  const wanted = term.replace(/\s+/g, '');
  if (Array.from(wanted).length < 2) throw new Error('a term needs 2 or more characters');
  const candidates = new CandidateIndex(db, [wanted.toLowerCase()]);
  const roles = sectionRoles(db);
  const hits: TermHit[] = [];
  // the documents in id order, their candidates read a hundred at a time (a query a document took
  // longer), until the limit
  for (const chunk of candidates.inChunks([...docs.values()].sort((a, b) => a.id - b.id), 100)) {
    const sentences = sentencesByIds(db, chunk);
    for (const id of chunk.sort((a, b) => a - b)) {
      const s = sentences.get(id);
      if (!s) continue;
      const role = roleOf(roles, s);
      for (const at of termPositions(s.text, wanted)) hits.push({ term: wanted, docId: s.docId, start: s.start + at, end: s.start + at + wanted.length, role, sentenceId: id });
    }
    if (hits.length >= limit) break;
  }
  return hits.length > limit ? hits.slice(0, limit) : hits;
}

export interface IndexRow {
  docId: number;
  region: string;
  code: string | null;
  level: Level | null;
  year: number | null;
  chars: number;
  hits: number;
  /** Hits per 10,000 characters. */
  index: number;
  /** Per section role: hits, characters and index. */
  roles: Record<string, { hits: number; chars: number; index: number }>;
  /** Hits of each term. */
  terms: Record<string, number>;
}

const per10k = (hits: number, chars: number) => (chars ? Math.round((hits / chars) * 1e4 * 1e4) / 1e4 : 0);

/**
 * A dictionary's attention index for each document: hits per 10,000 characters, overall and per
 * section role. Counts stored at ingestion (bundled dictionaries) are read; documents without them
 * (a user's dictionary, a changed one, documents stored before) are counted here through the search index.
 * A row's `terms` is the kept counts' own object (see storedCounts): callers must not change it.
 */
export function dictionaryIndex(db: Database.Database, dictionary: Dictionary, filter: DocumentFilter): IndexRow[] {
  addWords(dictionary.terms);
  const docs = filteredDocuments(db, filter);
  const stored = storedCounts(db, dictionary);
  const missing = new Map([...docs].filter(([id]) => !stored.has(id)));
  const counted = missing.size ? countThroughIndex(db, dictionary, missing) : new Map<number, DocumentTermCounts>();
  return [...docs.values()].map((d) => {
    const c = stored.get(d.id) ?? counted.get(d.id)!;
    const roles: IndexRow['roles'] = {};
    for (const role in c.roles) {
      const r = c.roles[role];
      roles[role] = { hits: r.hits, chars: r.chars, index: per10k(r.hits, r.chars) };
    }
    return { docId: d.id, region: d.region, code: d.code, level: d.level, year: d.year, chars: d.chars, hits: c.hits, index: per10k(c.hits, d.chars), roles, terms: c.terms };
  });
}

const unpacked = new WeakMap<Database.Database, { version: string; value: Map<string, Map<number, DocumentTermCounts>> }>();

/**
 * A bundled dictionary's counts stored at ingestion, by document, unpacked; kept per connection and
 * dictionary version until the database changes, as the catalog is (callers must not change them).
 * Parsing them was half of an index over the corpus, and most of what it left to the garbage
 * collector: after other queries had run, V8 promoted ~3.5 MB a call to the old generation and each
 * call took a 4 ms scavenge (13 ms a call instead of 8).
 */
function storedCounts(db: Database.Database, dictionary: Dictionary): Map<number, DocumentTermCounts> {
  const version = dictionaryVersion(dictionary);
  return keptForKey(unpacked, db, version, () => {
    const counts = new Map<number, DocumentTermCounts>();
    for (const [docId, packed] of db.prepare('SELECT doc_id, counts FROM dictionary_counts WHERE version = ?').raw().all(version) as Array<[number, string]>) {
      counts.set(docId, unpackCounts(packed, dictionary));
    }
    return counts;
  });
}

/** Dictionary counts of some documents, found through the search index (the same rules as countDictionaries). */
function countThroughIndex(db: Database.Database, dictionary: Dictionary, docs: Map<number, DocRow>): Map<number, DocumentTermCounts> {
  const roleChars = new Map<number, Record<string, number>>();
  const roles = sectionRoles(db);
  for (const docId of docs.keys()) {
    const chars: Record<string, number> = {};
    for (const s of documentSentences(db, docId, false)) {
      const role = roleOf(roles, s);
      chars[role] = (chars[role] ?? 0) + (s.end - s.start);
    }
    roleChars.set(docId, chars);
  }
  // each document's hits by term, then counted as ingestion counts them
  const terms = longestFirst(dictionary.terms);
  const hits = new Map<number, Map<string, Array<[number, string]>>>();
  for (const term of terms) {
    for (const h of termHits(db, term, docs)) {
      let ofDoc = hits.get(h.docId);
      if (!ofDoc) hits.set(h.docId, (ofDoc = new Map()));
      const list = ofDoc.get(term);
      if (list) list.push([h.start, h.role]);
      else ofDoc.set(term, [[h.start, h.role]]);
    }
  }
  const counts = new Map<number, DocumentTermCounts>();
  for (const [id, d] of docs) counts.set(id, countTerms(terms, hits.get(id) ?? new Map(), roleChars.get(id) ?? {}, d.chars));
  return counts;
}

export interface KwicLine {
  docId: number;
  region: string;
  year: number | null;
  role: string;
  start: number;
  end: number;
  left: string;
  term: string;
  right: string;
}

/** Keyword in context: each occurrence with `window` characters on each side, across sentence ends. */
export function kwic(db: Database.Database, term: string, window: number, filter: DocumentFilter, limit = Infinity): KwicLine[] {
  const docs = filteredDocuments(db, filter);
  const hits = termHits(db, term, docs, limit);
  const windows = hits.map((h) => ({ id: h.sentenceId, start: Math.max(0, h.start - window), end: Math.min(docs.get(h.docId)!.chars, h.end + window) }));
  // each window cut from the block of the hit's sentence; one beyond it is one substr of the document's
  // text (each loads the whole text: 200 of them were half of a KWIC over the corpus)
  const fromBlocks = textsAround(db, windows);
  const windowOf = db.prepare('SELECT substr(text, ?, ?) FROM document_texts WHERE doc_id = ?').pluck();
  return hits.map((h, i) => {
    const d = docs.get(h.docId)!;
    const { start: leftStart, end: rightEnd } = windows[i];
    const text = fromBlocks[i] ?? (windowOf.get(leftStart + 1, rightEnd - leftStart, h.docId) as string);
    return {
      docId: h.docId,
      region: d.region,
      year: d.year,
      role: h.role,
      start: h.start,
      end: h.end,
      left: text.slice(0, h.start - leftStart).replace(/\n/g, ' '),
      term: text.slice(h.start - leftStart, h.end - leftStart),
      right: text.slice(h.end - leftStart).replace(/\n/g, ' '),
    };
  });
}


export interface Spread {
  term: string;
  first: { docId: number; region: string; level: Level | null; year: number | null; date: string | null } | null;
  documents: number;
  regions: number;
  /** Per year: documents that use the term, documents in the corpus, the share, and regions. */
  byYear: Array<{ year: number; documents: number; corpus: number; share: number; regions: string[] }>;
  byLevel: Record<string, { documents: number; corpus: number; firstYear: number | null }>;
}

/** First appearance and spread of a term across regions and years. */
export function spread(db: Database.Database, term: string, filter: DocumentFilter): Spread {
  const docs = filteredDocuments(db, filter);
  const using = new Set(termHits(db, term, docs).map((h) => h.docId));
  const list = [...docs.values()];
  const users = list.filter((d) => using.has(d.id)).sort((a, b) => (a.year ?? 9999) - (b.year ?? 9999) || (a.date ?? '').localeCompare(b.date ?? ''));
  const years = [...new Set(list.map((d) => d.year).filter((y): y is number => y !== null))].sort();
  const byLevel: Spread['byLevel'] = {};
  for (const d of list) {
    const l = (byLevel[d.level ?? 'unknown'] ??= { documents: 0, corpus: 0, firstYear: null });
    l.corpus++;
    if (using.has(d.id)) {
      l.documents++;
      if (d.year !== null && (l.firstYear === null || d.year < l.firstYear)) l.firstYear = d.year;
    }
  }
  const first = users[0];
  return {
    term,
    first: first ? { docId: first.id, region: first.region, level: first.level, year: first.year, date: first.date } : null,
    documents: users.length,
    regions: new Set(users.map((d) => d.region)).size,
    byYear: years.map((year) => {
      const inYear = list.filter((d) => d.year === year);
      const with_ = inYear.filter((d) => using.has(d.id));
      return { year, documents: with_.length, corpus: inYear.length, share: Math.round((with_.length / inYear.length) * 1e4) / 1e4, regions: [...new Set(with_.map((d) => d.region))] };
    }),
    byLevel,
  };
}
