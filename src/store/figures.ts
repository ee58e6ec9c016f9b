// Extracted figures in the store: written with their document, read back with their source sentence.
import type Database from 'better-sqlite3';
import type { Extraction } from '../extract/extract.ts';
import type { DocumentFilter } from './store.ts';
import { documentConditions, regionName } from './store.ts';
import type { FigureRow } from '../analysis/track.ts';

/** Writes a document's figures and commitments (inside the caller's transaction). */
export function writeExtraction(db: Database.Database, docId: number, x: Extraction): void {
  const insert = db.prepare(`INSERT INTO figures (doc_id, kind, metric, label, quantity, value, value2, unit, modifier, stretch, year, estimated, start, end, sentence, section)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  for (const f of [...x.targets, ...x.actuals]) {
    insert.run(docId, f.kind, f.metric, f.label, f.quantity, f.value, f.value2, f.unit, f.modifier, f.stretch ? 1 : 0, f.year, f.estimated ? 1 : 0, f.start, f.end, f.sentence, f.section);
  }
  const commit = db.prepare('INSERT INTO commitments (doc_id, action, object, quantity, unit, start, end, sentence, section) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  for (const c of x.commitments) commit.run(docId, c.action, c.object, c.quantity, c.unit, c.start, c.end, c.sentence, c.section);
}

/** A stored figure: the fields tracking needs (FigureRow), its document's region and its sentence. */
export interface StoredFigure extends FigureRow {
  id: number;
  province: string | null;
  city: string | null;
  county: string | null;
  code: string | null;
  kind: 'target' | 'actual';
  sentence: string;
  /** Offsets of the sentence in the document's normalised text. */
  sentenceStart: number;
  sentenceEnd: number;
  sectionTitle: string | null;
}

export function queryFigures(db: Database.Database, kind: 'target' | 'actual', filter: DocumentFilter & { metric?: string; figureYear?: number; docId?: number }): StoredFigure[] {
  const where = ['f.kind = ?'];
  const params: unknown[] = [kind];
  if (filter.docId !== undefined) {
    where.push('f.doc_id = ?');
    params.push(filter.docId);
  }
  if (filter.metric) {
    where.push('f.metric = ?');
    params.push(filter.metric);
  }
  if (filter.figureYear !== undefined) {
    where.push('f.year = ?');
    params.push(filter.figureYear);
  }
  where.push(...documentConditions({ kind: filter.kind, level: filter.level, region: filter.region, year: filter.year }, params, true));
  const rows = db
    .prepare(
      `SELECT f.*, f.doc_id AS docId, d.kind AS docKind, d.year AS docYear, d.province, d.city, d.county, d.level, d.code, s.start AS sentenceStart, s.end AS sentenceEnd,
         -- the figure's text is cut from its sentence: reading each document's whole text per row is slow
         CASE WHEN f.start >= s.start AND f.end <= s.end THEN substr(s.text, f.start - s.start + 1, f.end - f.start)
           ELSE (SELECT substr(t.text, f.start + 1, f.end - f.start) FROM document_texts t WHERE t.doc_id = f.doc_id) END AS text,
         s.text AS sentence, sec.title AS sectionTitle
       FROM figures f JOIN documents d ON d.id = f.doc_id
       LEFT JOIN sentences s ON s.id = d.sentence_start + f.sentence -- a document's sentences have consecutive ids
       LEFT JOIN sections sec ON sec.doc_id = f.doc_id AND sec.idx = f.section
       WHERE ${where.join(' AND ')} ORDER BY f.year, d.province, d.city, d.county, f.id`,
    )
    .all(...params) as Array<Record<string, any>>;
  return rows.map((r) => ({
    id: r.id, docId: r.docId, docKind: r.docKind, docYear: r.docYear, region: regionName(r as any), province: r.province, city: r.city, county: r.county, level: r.level, code: r.code,
    kind: r.kind, metric: r.metric, label: r.label, quantity: r.quantity, value: r.value, value2: r.value2, unit: r.unit, modifier: r.modifier,
    stretch: Boolean(r.stretch), year: r.year, estimated: Boolean(r.estimated), start: r.start, end: r.end, text: r.text, sentence: r.sentence, sentenceStart: r.sentenceStart, sentenceEnd: r.sentenceEnd, sectionTitle: r.sectionTitle,
  }));
}
