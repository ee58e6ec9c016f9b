// The corpus database (SQLite through better-sqlite3). Every document is written in one transaction,
// so a crash never leaves half a document; documents are deduplicated by the hash of their text.
import Database from 'better-sqlite3';
import type { AnalysedDocument, DocumentKind, DocumentMetadata, Level, Paragraph, Section, SectionRole, Sentence } from '../types.ts';
import { migrate } from './schema.ts';
import { encodePairs, pairQuery, queryTerms } from './pairs.ts';
import { mapToRuns } from '../normalize/mapped-text.ts';

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

/** Rows to write with a document, for tables owned by later stages (extraction). */
export type ExtraWriter = (db: Database.Database, docId: number) => void;

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

export class Store {
  readonly db: Database.Database;

  /** With `readonly`, the file must exist and already be migrated (the server's query workers). */
  constructor(readonly path: string, opts: { readonly?: boolean } = {}) {
    if (opts.readonly) {
      this.db = new Database(path, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
      return;
    }
    this.db = new Database(path, { timeout: BUSY_TIMEOUT_MS });
    enableWal(this.db);
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    migrate(this.db);
  }

  close(): void {
    this.db.close();
  }

  findByHash(hash: string): number | null {
    const row = this.db.prepare('SELECT id FROM documents WHERE hash = ?').get(hash) as { id: number } | undefined;
    return row?.id ?? null;
  }

  /** Writes a document with its sections, paragraphs, sentences and search index, all or nothing. */
  addDocument(doc: AnalysedDocument, extra?: ExtraWriter): AddResult {
    const existing = this.findByHash(doc.hash);
    if (existing !== null) return { id: existing, duplicate: true };
    const insertDoc = this.db.prepare(`INSERT INTO documents (kind, hash, path, format, encoding, title, source, attributes,
      province, city, county, level, code, year, date, meeting, speaker, speaker_title, chars, traditional, warnings, added_at)
      VALUES (@kind, @hash, @path, @format, @encoding, @title, @source, @attributes, @province, @city, @county, @level, @code,
      @year, @date, @meeting, @speaker, @speakerTitle, @chars, @traditional, @warnings, @addedAt)`);
    const insertText = this.db.prepare('INSERT INTO document_texts (doc_id, text, original_text, offset_runs) VALUES (?, ?, ?, ?)');
    const insertSection = this.db.prepare('INSERT INTO sections VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    const insertParagraph = this.db.prepare('INSERT INTO paragraphs VALUES (?, ?, ?, ?, ?)');
    const insertSentence = this.db.prepare('INSERT INTO sentences (doc_id, idx, paragraph, section, start, end, text) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const insertPairs = this.db.prepare('INSERT INTO sentence_pairs (rowid, pairs) VALUES (?, ?)');
    const write = this.db.transaction((): AddResult => {
      // checked again inside the transaction: another process may have added it meanwhile
      const again = this.findByHash(doc.hash);
      if (again !== null) return { id: again, duplicate: true };
      const m = doc.metadata;
      const runs = mapToRuns(doc.offsetMap);
      const info = insertDoc.run({
        kind: m.kind,
        hash: doc.hash,
        path: doc.raw.path,
        format: doc.raw.format,
        encoding: doc.raw.encoding,
        title: doc.title,
        source: doc.raw.attributes.source ?? null,
        attributes: JSON.stringify(doc.raw.attributes),
        province: m.province,
        city: m.city,
        county: m.county,
        level: m.level,
        code: m.code,
        year: m.year,
        date: m.date,
        meeting: m.meeting,
        speaker: m.speaker,
        speakerTitle: m.speakerTitle,
        chars: doc.text.length,
        traditional: doc.convertedFromTraditional ? 1 : 0,
        warnings: JSON.stringify(doc.warnings),
        addedAt: new Date().toISOString(),
      });
      const id = Number(info.lastInsertRowid);
      insertText.run(id, doc.text, doc.originalText, Buffer.from(runs.buffer, runs.byteOffset, runs.byteLength));
      for (const s of doc.sections) insertSection.run(id, s.index, s.parent, s.level, s.number, s.title, s.role, s.start, s.end);
      for (const p of doc.paragraphs) insertParagraph.run(id, p.index, p.section, p.start, p.end);
      for (const s of doc.sentences) {
        const text = doc.text.slice(s.start, s.end);
        const sid = Number(insertSentence.run(id, s.index, s.paragraph, s.section, s.start, s.end, text).lastInsertRowid);
        insertPairs.run(sid, encodePairs(text));
      }
      extra?.(this.db, id);
      return { id, duplicate: false };
    });
    return write.immediate();
  }

  deleteDocument(id: number): boolean {
    return this.db.transaction(() => {
      const ids = this.db.prepare('SELECT id FROM sentences WHERE doc_id = ?').pluck().all(id) as number[];
      const del = this.db.prepare('DELETE FROM sentence_pairs WHERE rowid = ?');
      for (const sid of ids) del.run(sid);
      return this.db.prepare('DELETE FROM documents WHERE id = ?').run(id).changes > 0;
    })();
  }

  /** The stored text, metadata and structure of a document: what extraction reads. */
  getAnalysis(id: number): { text: string; metadata: DocumentMetadata; sections: Section[]; paragraphs: Paragraph[]; sentences: Sentence[] } | null {
    const row = this.db
      .prepare('SELECT t.text, kind, province, city, county, level, code, year, date, meeting, speaker, speaker_title AS speakerTitle FROM documents d JOIN document_texts t ON t.doc_id = d.id WHERE d.id = ?')
      .get(id) as (DocumentMetadata & { text: string }) | undefined;
    if (!row) return null;
    const { text, ...metadata } = row;
    const structure = this.getStructure(id)!;
    const sentences = this.db.prepare('SELECT idx AS "index", paragraph, section, start, end FROM sentences WHERE doc_id = ? ORDER BY idx').all(id) as Sentence[];
    return { text, metadata, sections: structure.sections, paragraphs: structure.paragraphs, sentences };
  }

  /**
   * Replaces a document's metadata (a user's correction) and, in the same transaction, the rows of
   * later stages that depend on it (`extra` writes the figures extracted again).
   */
  updateMetadata(id: number, metadata: DocumentMetadata, extra?: ExtraWriter): boolean {
    return this.db.transaction(() => {
      const changed = this.db
        .prepare(`UPDATE documents SET kind = @kind, province = @province, city = @city, county = @county, level = @level, code = @code, year = @year,
          date = @date, meeting = @meeting, speaker = @speaker, speaker_title = @speakerTitle WHERE id = @id`)
        .run({ ...metadata, id }).changes;
      if (!changed) return false;
      this.db.prepare('DELETE FROM figures WHERE doc_id = ?').run(id);
      this.db.prepare('DELETE FROM commitments WHERE doc_id = ?').run(id);
      extra?.(this.db, id);
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
    const sentenceCount = this.db.prepare('SELECT count(*) FROM sentences WHERE doc_id = ?').pluck().get(id) as number;
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

  /**
   * Full-text search over sentences. Any query of 2 or more characters; several terms separated by
   * spaces must all occur in the sentence. Ranked by BM25, best first.
   */
  search(query: string, opts: DocumentFilter & { limit?: number; offset?: number; context?: number } = {}): SearchHit[] {
    const fts = pairQuery(query);
    if (!fts) throw new Error('a search needs at least one term of 2 or more characters');
    const params: unknown[] = [fts];
    const filter = this.filterSql(opts, params);
    params.push(opts.limit ?? 20, opts.offset ?? 0);
    const rows = this.db
      .prepare(
        `SELECT s.id AS sentenceId, s.doc_id AS docId, s.start AS sStart, s.end AS sEnd, s.text AS sentence, s.section AS sectionIndex,
           sec.title AS sectionTitle, sec.role AS sectionRole, d.title, d.province, d.city, d.county, d.level, d.year
         FROM (SELECT rowid, rank FROM sentence_pairs WHERE sentence_pairs MATCH ? ) m
         JOIN sentences s ON s.id = m.rowid
         JOIN documents d ON d.id = s.doc_id
         LEFT JOIN sections sec ON sec.doc_id = s.doc_id AND sec.idx = s.section
         ${filter}
         ORDER BY m.rank, s.doc_id, s.idx LIMIT ? OFFSET ?`,
      )
      .all(...params) as Array<Record<string, any>>;
    const terms = queryTerms(query);
    const context = opts.context ?? 30;
    return rows.map((r) => {
      const lower = (r.sentence as string).toLowerCase();
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
      const sentence = r.sentence as string;
      return {
        docId: r.docId,
        title: r.title,
        region: regionName(r as any),
        level: r.level,
        year: r.year,
        sentenceId: r.sentenceId,
        sentence,
        start: r.sStart + at,
        end: r.sStart + at + len,
        sectionIndex: r.sectionIndex,
        sectionTitle: r.sectionTitle ?? null,
        sectionRole: r.sectionRole ?? null,
        before: sentence.slice(Math.max(0, at - context), at),
        match: sentence.slice(at, at + len),
        after: sentence.slice(at + len, at + len + context),
      };
    });
  }
}
