// The corpus database (SQLite through better-sqlite3). Every document is written in one transaction,
// so a crash never leaves half a document; documents are deduplicated by the hash of their text.
import Database from 'better-sqlite3';
import type { AnalysedDocument, DocumentKind, DocumentMetadata, Level, Paragraph, Section, SectionRole, Sentence } from '../types.ts';
import { migrate } from './schema.ts';
import { buildBuckets, queryTerms, type PairOccurrences } from './pair-index.ts';
import { CandidateIndex, type SentenceRange } from './search.ts';
import { collectPairs, prepareBatch, sentenceCount, type PreparedBatch, type PreparedDocument } from './prepare.ts';
import { PARAGRAPH_FIELDS, SENTENCE_FIELDS } from '../structure/packed.ts';
import { writeExtraction } from './figures.ts';
import { restoreOriginal } from '../normalize/mapped-text.ts';
import { blobInt32, int32Blob } from './blobs.ts';
import { BulkInsert } from './bulk-insert.ts';
import { documentSentences, sentenceBlocks, sentencesByIds } from './sentences.ts';
import type { Extraction } from '../extract/extract.ts';

/** A packed section number: -1 stands for none. */
const orNull = (n: number): number | null => (n < 0 ? null : n);

export const DEFAULT_DB = 'gwr.db';

export function resolveDbPath(flag?: string): string {
  return flag || process.env.GWR_DB || DEFAULT_DB;
}

export interface DocumentSummary extends DocumentMetadata {
  id: number;
  title: string | null;
  chars: number;
  sections: number;
  path: string;
  format: string;
  encoding: string;
  source: string | null;
  warnings: string[];
  addedAt: string;
}

export interface SectionRow {
  index: number;
  parent: number | null;
  level: number;
  number: string;
  title: string;
  role: SectionRole;
  start: number;
  end: number;
}

export interface DocumentDetail extends DocumentSummary {
  attributes: Record<string, string>;
  sectionList: SectionRow[];
  sentenceCount: number;
}

export interface DocumentFilter {
  kind?: DocumentKind;
  level?: Level;
  year?: number;
  /** Matches province, city or county, full or short name (苏州 finds 苏州市). */
  region?: string;
}

export interface SearchHit {
  docId: number;
  title: string | null;
  region: string;
  level: Level | null;
  year: number | null;
  sentenceId: number;
  sentence: string;
  /** Offsets of the first matched term in the document's normalised text. */
  start: number;
  end: number;
  sectionIndex: number | null;
  sectionTitle: string | null;
  sectionRole: SectionRole | null;
  /** Text around the hit: `before` + `match` + `after`. */
  before: string;
  match: string;
  after: string;
}

export interface AddResult {
  id: number;
  duplicate: boolean;
}

const SUMMARY_COLUMNS = `d.id, d.kind, d.title, d.province, d.city, d.county, d.level, d.code, d.year, d.date, d.meeting,
  d.speaker, d.speaker_title AS speakerTitle, d.chars, d.path, d.format, d.encoding, d.source, d.warnings,
  d.added_at AS addedAt, (SELECT count(*) FROM sections s WHERE s.doc_id = d.id) AS sections`;

function toSummary(row: Record<string, unknown>): DocumentSummary {
  return { ...(row as unknown as DocumentSummary), warnings: JSON.parse(row.warnings as string) };
}

export function regionName(d: { province: string | null; city: string | null; county: string | null; level: Level | null }): string {
  if (d.level === 'national') return '全国';
  return [d.province, d.city !== d.province ? d.city : null, d.county].filter(Boolean).join('') || '(unknown)';
}

/**
 * SQL conditions on documents `d` for a filter, with their parameters appended to `params`. With
 * `ownReportsOnly`, a region means that region's own reports (a city's, not its counties').
 */
export function documentConditions(filter: DocumentFilter, params: unknown[], ownReportsOnly = false): string[] {
  const where: string[] = [];
  if (filter.kind) {
    where.push('d.kind = ?');
    params.push(filter.kind);
  }
  if (filter.level) {
    where.push('d.level = ?');
    params.push(filter.level);
  }
  if (filter.year !== undefined) {
    where.push('d.year = ?');
    params.push(filter.year);
  }
  const r = filter.region;
  if (r === '全国' || r === '国务院') where.push("d.level = 'national'");
  else if (r) {
    where.push(
      ownReportsOnly
        ? '(d.county LIKE ? OR (d.county IS NULL AND d.city LIKE ?) OR (d.county IS NULL AND d.city IS NULL AND d.province LIKE ?))'
        : '(d.province LIKE ? OR d.city LIKE ? OR d.county LIKE ?)',
    );
    params.push(`${r}%`, `${r}%`, `${r}%`);
  }
  return where;
}

const BUSY_TIMEOUT_MS = 15_000;

/** Switches to WAL. A new database may be switched by another process at the same moment, and
 * SQLite answers that with SQLITE_BUSY without calling the busy handler, so wait and retry here. */
function enableWal(db: Database.Database): void {
  const started = Date.now();
  for (;;) {
    try {
      db.pragma('journal_mode = WAL');
      return;
    } catch (e) {
      if ((e as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() - started > BUSY_TIMEOUT_MS) throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
    }
  }
}

/** A document of a batch written without savepoints failed: the batch is written again with them. */
class DocumentWriteError extends Error {
  constructor(readonly cause: Error) {
    super(cause.message);
  }
}

export class Store {
  readonly db: Database.Database;

  /** With `readonly`, the file must exist and already be migrated (the server's query workers). */
  constructor(readonly path: string, opts: { readonly?: boolean } = {}) {
    if (opts.readonly) {
      this.db = new Database(path, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
      // queries read pages all over the file: mapped, they are read from the OS cache without a copy
      // (not for writers: pages they touch would count in the ingest's resident memory)
      this.db.pragma('mmap_size = 4294967296');
      this.db.pragma('cache_size = -65536');
      return;
    }
    this.db = new Database(path, { timeout: BUSY_TIMEOUT_MS });
    this.db.pragma('page_size = 16384');
    enableWal(this.db);
    this.db.pragma('synchronous = NORMAL');
    // a batch writes tens of MB: a larger cache (16 MB) keeps the indexes' pages in memory, and checkpoints
    // every 10,000 pages of WAL (160 MB of 16 KB pages) instead of every 1,000 (every 40,000 was slower)
    this.db.pragma('cache_size = -16384');
    this.db.pragma('wal_autocheckpoint = 10000');
    this.db.pragma('foreign_keys = ON');
    migrate(this.db);
  }

  close(): void {
    this.db.close();
  }

  private statements = new Map<string, Database.Statement>();

  /**
   * A statement prepared once per connection, for those run once per file or batch: preparing it at
   * each call was ~0.3 s of an ingest worker over ../shared/reports.
   */
  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) this.statements.set(sql, (statement = this.db.prepare(sql)));
    return statement;
  }

  findByHash(hash: string): number | null {
    return (this.statement('SELECT id FROM documents WHERE hash = ?').pluck().get(hash) as number | undefined) ?? null;
  }

  /** The document added from a file with exactly these bytes (sha256), if any: a re-run skips the file unread. */
  findBySourceHash(sourceHash: string): number | null {
    return (this.statement('SELECT id FROM documents WHERE source_hash = ?').pluck().get(sourceHash) as number | undefined) ?? null;
  }

  /** Writes one document with its sections, paragraphs, sentences, search postings and extraction, all or nothing. */
  addDocument(doc: AnalysedDocument, extraction?: Extraction | null, sourceHash?: string | null): AddResult {
    const [result] = this.writeBatch(prepareBatch([{ doc, extraction, sourceHash }]));
    if ('error' in result) throw new Error(result.error);
    return result;
  }

  /**
   * Writes a prepared batch in one transaction. Each document is written whole or not at all: one
   * that fails is reported and the others are written. A document already in the corpus (same text)
   * is reported as a duplicate.
   *
   * The batch is first written without a savepoint per document: a savepoint makes SQLite copy every
   * page its document touches to a journal (2.5 GB over ../shared/reports). Should a document fail,
   * that transaction is rolled back and the batch is written again with a savepoint each, so that
   * only the failing document is left out.
   */
  writeBatch(batch: PreparedBatch): Array<AddResult | { error: string }> {
    const pairs = batch.pairs ?? collectPairs(batch.documents);
    try {
      return this.writeBatchOnce(batch, pairs, false);
    } catch (err) {
      if (!(err instanceof DocumentWriteError)) throw err;
      return this.writeBatchOnce(batch, pairs, true);
    }
  }

  /**
   * Writes one document of a batch, its sentence ids from `base`. A method rather than a closure made
   * per batch: V8 compiled the loops of each batch's closure anew (on-stack replacement), ~17 times a
   * closure over ../shared/reports.
   */
  private writeDocument(w: ReturnType<Store['prepareWriteStatements']>, d: PreparedDocument, base: number): number {
    const m = d.metadata;
    const sentenceStart = base + d.firstOrdinal;
    const id = Number(
      w.insertDoc.run({
        ...m,
        hash: d.hash,
        sourceHash: d.sourceHash,
        path: d.path,
        format: d.format,
        encoding: d.encoding,
        title: d.title,
        source: d.source,
        attributes: JSON.stringify(d.attributes),
        chars: d.text.length,
        traditional: d.traditional ? 1 : 0,
        warnings: JSON.stringify(d.warnings),
        addedAt: new Date().toISOString(),
        sentenceStart,
        sentenceEnd: sentenceStart + sentenceCount(d),
      }).lastInsertRowid,
    );
    w.insertText.run(id, d.text, int32Blob(d.runs), int32Blob(d.original.copies), d.original.rest);
    for (const s of d.sections) w.insertSection.run(id, s.index, s.parent, s.level, s.number, s.title, s.role, s.start, s.end);
    try {
      const paragraphs = d.paragraphs;
      for (let i = 0, index = 0; i < paragraphs.length; i += PARAGRAPH_FIELDS, index++) {
        w.paragraphs.add(id, index, orNull(paragraphs[i]), paragraphs[i + 1], paragraphs[i + 2]);
      }
      w.paragraphs.flush();
    } catch (err) {
      w.paragraphs.discard();
      throw err;
    }
    // a block of sentences to a row (see sentences.ts): a row per sentence was a fifth of the writing
    for (const row of sentenceBlocks(id, sentenceStart, d.text, d.sentences)) w.insertBlock.run(...row);
    if (d.extraction) {
      const packed = d.sentences;
      writeExtraction(this.db, id, d.extraction, (index) => {
        const at = index * SENTENCE_FIELDS;
        return { id: sentenceStart + index, start: packed[at + 2], end: packed[at + 3], text: d.text.slice(packed[at + 2], packed[at + 3]) };
      });
    }
    for (const c of d.termCounts ?? []) w.insertCounts.run(c.version, id, c.counts);
    return id;
  }

  /** A batch's search postings: a segment of `count` sentence ids from `base` (a method, see writeDocument). */
  private writePostings(w: ReturnType<Store['prepareWriteStatements']>, base: number, count: number, pairs: PairOccurrences): void {
    w.insertSegment.run(base, count);
    for (const b of buildBuckets(pairs)) w.postings.add(base, b.bucket, b.postings);
    w.postings.flush();
  }

  private writeBatchOnce(batch: PreparedBatch, pairs: PairOccurrences, savepoints: boolean): Array<AddResult | { error: string }> {
    const w = (this.writeStatements ??= this.prepareWriteStatements());
    const writeOne = savepoints
      ? this.db.transaction((d: PreparedDocument, base: number) => this.writeDocument(w, d, base))
      : (d: PreparedDocument, base: number) => this.writeDocument(w, d, base);
    const write = this.db.transaction(() => {
      const base = this.reserveSentenceIds(batch.sentenceCount);
      const results = batch.documents.map((d): AddResult | { error: string } => {
        // checked inside the transaction: another process may have added it meanwhile
        const existing = this.findByHash(d.hash);
        if (existing !== null) return { id: existing, duplicate: true };
        try {
          return { id: writeOne(d, base), duplicate: false };
        } catch (err) {
          // without a savepoint, the document may be half written: the whole transaction goes back
          if (!savepoints) throw new DocumentWriteError(err as Error);
          return { error: (err as Error).message };
        }
      });
      // postings of a document that was not written point at ids no sentence has: searches skip them
      if (batch.sentenceCount) this.writePostings(w, base, batch.sentenceCount, pairs);
      return results;
    });
    // the rows are written with the ids just made, so the foreign keys hold by construction: checking
    // them against documents made 330,000 figure inserts 25% slower (the pragma is a no-op inside a
    // transaction, so it is set around it)
    this.db.pragma('foreign_keys = OFF');
    try {
      return write.immediate();
    } finally {
      this.db.pragma('foreign_keys = ON');
      // rows held for a bulk insert whose transaction failed are not written with the next batch
      w.postings.discard();
    }
  }

  private writeStatements: ReturnType<Store['prepareWriteStatements']> | null = null;

  private prepareWriteStatements() {
    return {
      insertDoc: this.db.prepare(`INSERT INTO documents (kind, hash, source_hash, path, format, encoding, title, source, attributes,
      province, city, county, level, code, year, date, meeting, speaker, speaker_title, chars, traditional, warnings, added_at,
      sentence_start, sentence_end)
      VALUES (@kind, @hash, @sourceHash, @path, @format, @encoding, @title, @source, @attributes, @province, @city, @county, @level, @code,
      @year, @date, @meeting, @speaker, @speakerTitle, @chars, @traditional, @warnings, @addedAt, @sentenceStart, @sentenceEnd)`),
      insertText: this.db.prepare('INSERT INTO document_texts (doc_id, text, offset_runs, original_copies, original_rest) VALUES (?, ?, ?, ?, ?)'),
      insertSection: this.db.prepare('INSERT INTO sections VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'),
      paragraphs: new BulkInsert(this.db, 'paragraphs (doc_id, idx, section, start, end)', 5),
      insertBlock: this.db.prepare('INSERT INTO sentence_blocks (first, doc_id, first_index, fields, text) VALUES (?, ?, ?, ?, ?)'),
      insertCounts: this.db.prepare('INSERT INTO dictionary_counts (version, doc_id, counts) VALUES (?, ?, ?)'),
      insertSegment: this.db.prepare('INSERT INTO segments (base, sentences) VALUES (?, ?)'),
      postings: new BulkInsert(this.db, 'pair_index (base, bucket, postings)', 3),
    };
  }

  /** Reserves `n` consecutive sentence ids and returns the first. Ids are never reused. */
  private reserveSentenceIds(n: number): number {
    const next = this.statement("SELECT value FROM counters WHERE name = 'next_sentence_id'").pluck().get() as number;
    this.statement("UPDATE counters SET value = ? WHERE name = 'next_sentence_id'").run(next + n);
    return next;
  }

  /** Deletes a document and everything of it. Its search postings stay, pointing at ids no sentence has. */
  deleteDocument(id: number): boolean {
    return this.db.transaction(() => {
      // its sentences have no foreign key to cascade from (see migration 11)
      const range = this.db.prepare('SELECT sentence_start, sentence_end FROM documents WHERE id = ?').raw().get(id) as [number, number] | undefined;
      if (range) this.db.prepare('DELETE FROM sentence_blocks WHERE first >= ? AND first < ?').run(...range);
      return this.db.prepare('DELETE FROM documents WHERE id = ?').run(id).changes > 0;
    }).immediate();
  }

  /** A document's metadata, or null when there is no such document. */
  getMetadata(id: number): DocumentMetadata | null {
    return (this.statement('SELECT kind, province, city, county, level, code, year, date, meeting, speaker, speaker_title AS speakerTitle FROM documents WHERE id = ?').get(id) as
      | DocumentMetadata
      | undefined) ?? null;
  }

  /** The stored text, metadata and structure of a document: what extraction reads. */
  getAnalysis(id: number): { text: string; metadata: DocumentMetadata; sections: Section[]; paragraphs: Paragraph[]; sentences: Sentence[] } | null {
    const metadata = this.getMetadata(id);
    const structure = this.getStructure(id);
    if (!metadata || !structure) return null;
    const sentences: Sentence[] = documentSentences(this.db, id, false).map((s) => ({ index: s.index, paragraph: s.paragraph, section: s.section, start: s.start, end: s.end }));
    return { text: structure.text, metadata, sections: structure.sections, paragraphs: structure.paragraphs, sentences };
  }

  /**
   * Replaces a document's metadata (a user's correction) and, in the same transaction, the rows of
   * later stages that depend on it (`extra` writes the figures extracted again).
   */
  updateMetadata(id: number, metadata: DocumentMetadata, extraction?: Extraction): boolean {
    return this.db.transaction(() => {
      const changed = this.db
        .prepare(`UPDATE documents SET kind = @kind, province = @province, city = @city, county = @county, level = @level, code = @code, year = @year,
          date = @date, meeting = @meeting, speaker = @speaker, speaker_title = @speakerTitle WHERE id = @id`)
        .run({ ...metadata, id }).changes;
      if (!changed) return false;
      this.db.prepare('DELETE FROM figures WHERE doc_id = ?').run(id);
      this.db.prepare('DELETE FROM commitments WHERE doc_id = ?').run(id);
      this.db.prepare('DELETE FROM metric_sentences WHERE doc_id = ?').run(id);
      if (extraction) {
        const sentences = documentSentences(this.db, id);
        writeExtraction(this.db, id, extraction, (index) => sentences[index]);
      }
      return true;
    }).immediate();
  }

  private filterSql(filter: DocumentFilter, params: unknown[]): string {
    const where = documentConditions(filter, params);
    return where.length ? `WHERE ${where.join(' AND ')}` : '';
  }


  /** Documents of a filter in id order; `limit` and `offset` page through them. */
  listDocuments(filter: DocumentFilter = {}, page: { limit?: number; offset?: number } = {}): DocumentSummary[] {
    const params: unknown[] = [];
    const where = this.filterSql(filter, params);
    params.push(page.limit ?? -1, page.offset ?? 0);
    const rows = this.db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM documents d ${where} ORDER BY d.id LIMIT ? OFFSET ?`).all(...params) as Record<string, unknown>[];
    return rows.map(toSummary);
  }

  countDocuments(filter: DocumentFilter = {}): number {
    const params: unknown[] = [];
    return this.db.prepare(`SELECT count(*) FROM documents d ${this.filterSql(filter, params)}`).pluck().get(...params) as number;
  }

  getDocument(id: number): DocumentDetail | null {
    const row = this.db.prepare(`SELECT ${SUMMARY_COLUMNS}, d.attributes FROM documents d WHERE d.id = ?`).get(id) as Record<string, unknown> | undefined;
    if (!row) return null;
    const sectionList = this.db
      .prepare('SELECT idx AS "index", parent, level, number, title, role, start, end FROM sections WHERE doc_id = ? ORDER BY idx')
      .all(id) as SectionRow[];
    const sentenceCount = this.db.prepare('SELECT sentence_end - sentence_start FROM documents WHERE id = ?').pluck().get(id) as number;
    const { attributes, ...rest } = row;
    return { ...toSummary(rest), attributes: JSON.parse(attributes as string), sectionList, sentenceCount };
  }

  /** The text with its sections and paragraphs, as the structure stage made them. */
  getStructure(id: number): { text: string; sections: SectionRow[]; paragraphs: Array<{ index: number; section: number | null; start: number; end: number }> } | null {
    const text = this.getText(id);
    if (text === null) return null;
    const sections = this.db.prepare('SELECT idx AS "index", parent, level, number, title, role, start, end FROM sections WHERE doc_id = ? ORDER BY idx').all(id) as SectionRow[];
    const paragraphs = this.db.prepare('SELECT idx AS "index", section, start, end FROM paragraphs WHERE doc_id = ? ORDER BY idx').all(id) as Array<{ index: number; section: number | null; start: number; end: number }>;
    return { text, sections, paragraphs };
  }

  getText(id: number): string | null {
    return (this.db.prepare('SELECT text FROM document_texts WHERE doc_id = ?').pluck().get(id) as string | undefined) ?? null;
  }

  /** The text as it was read from the file, before normalisation. */
  getOriginalText(id: number): string | null {
    const row = this.db.prepare('SELECT text, original_copies AS copies, original_rest AS rest FROM document_texts WHERE doc_id = ?').get(id) as
      | { text: string; copies: Buffer; rest: string }
      | undefined;
    if (!row) return null;
    return restoreOriginal(row.text, { copies: blobInt32(row.copies), rest: row.rest });
  }

  /**
   * Full-text search over sentences. Any query of 2 or more characters; several terms separated by
   * spaces must all occur in the sentence. Newest reports first, then in text order.
   */
  search(query: string, opts: DocumentFilter & { limit?: number; offset?: number; context?: number } = {}): SearchHit[] {
    const terms = queryTerms(query);
    if (!terms.length) throw new Error('a search needs at least one term of 2 or more characters');
    const limit = opts.limit ?? 20;
    const offset = opts.offset ?? 0;
    const candidates = new CandidateIndex(this.db, terms);
    if (candidates.empty) return [];
    const params: unknown[] = [];
    const where = this.filterSql(opts, params);
    const docs = this.db
      .prepare(`SELECT d.id, d.sentence_start AS sentenceStart, d.sentence_end AS sentenceEnd FROM documents d ${where} ORDER BY d.year IS NULL, d.year DESC, d.id`)
      .all(...params) as SentenceRange[];
    // walk the documents in result order, checking candidates a chunk at a time until the page is full
    const wanted = offset + limit;
    const found: number[] = [];
    for (const chunk of candidates.inChunks(docs, 200)) {
      if (candidates.exact) for (const id of chunk) found.push(id);
      else {
        const texts = sentencesByIds(this.db, chunk);
        for (const id of chunk) {
          const lower = texts.get(id)?.text.toLowerCase();
          if (lower !== undefined && terms.every((t) => lower.includes(t))) found.push(id);
        }
      }
      if (found.length >= wanted) break;
    }
    const page = found.slice(offset, wanted);
    const sentences = sentencesByIds(this.db, page);
    const documentOf = this.statement('SELECT title, province, city, county, level, year FROM documents WHERE id = ?');
    const sectionOf = this.statement('SELECT title, role FROM sections WHERE doc_id = ? AND idx = ?');
    const context = opts.context ?? 30;
    return page.map((id) => {
      const s = sentences.get(id)!;
      const d = documentOf.get(s.docId) as Record<string, any>;
      const section = s.section === null ? undefined : (sectionOf.get(s.docId, s.section) as { title: string; role: SectionRole } | undefined);
      const sentence = s.text;
      const lower = sentence.toLowerCase();
      let at = -1;
      let len = 0;
      for (const t of terms) {
        at = lower.indexOf(t);
        if (at !== -1) {
          len = t.length;
          break;
        }
      }
      if (at === -1) at = 0;
      return {
        docId: s.docId,
        title: d.title,
        region: regionName(d as any),
        level: d.level,
        year: d.year,
        sentenceId: id,
        sentence,
        start: s.start + at,
        end: s.start + at + len,
        sectionIndex: s.section,
        sectionTitle: section?.title ?? null,
        sectionRole: section?.role ?? null,
        before: sentence.slice(Math.max(0, at - context), at),
        match: sentence.slice(at, at + len),
        after: sentence.slice(at + len, at + len + context),
      };
    });
  }
}
