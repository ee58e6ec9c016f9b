// Extracted figures in the store: written with their document, read back with their source sentence.
import type Database from 'better-sqlite3';
import type { Extraction } from '../extract/extract.ts';
import type { DocumentFilter } from './store.ts';
import { documentConditions } from './store.ts';
import { catalog } from './catalog.ts';
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
  // raw rows with few strings: a row's document fields come from the catalog (shared strings), its
  // text is cut from its sentence here, and the sort is done here; building ~30 strings a row
  // was most of the time of a query over the whole corpus
  const rows = db
    .prepare(
      `SELECT f.id, f.doc_id, f.metric, f.label, f.quantity, f.value, f.value2, f.unit, f.modifier, f.stretch, f.year, f.estimated, f.start, f.end,
         s.start, s.end, s.text, sec.title
       FROM figures f JOIN documents d ON d.id = f.doc_id
       LEFT JOIN sentences s ON s.id = d.sentence_start + f.sentence -- a document's sentences have consecutive ids
       LEFT JOIN sections sec ON sec.doc_id = f.doc_id AND sec.idx = f.section
       WHERE ${where.join(' AND ')}`,
    )
    .raw()
    .all(...params) as Array<[number, number, string, string, string, number | null, number | null, string | null, string | null, number, number | null, number, number, number, number | null, number | null, string | null, string | null]>;
  const docs = catalog(db);
  const textOf = db.prepare('SELECT substr(text, ?, ?) FROM document_texts WHERE doc_id = ?').pluck();
  const figures = rows.map(([id, docId, metric, label, quantity, value, value2, unit, modifier, stretch, year, estimated, start, end, sStart, sEnd, sentence, sectionTitle]): StoredFigure => {
    const d = docs.get(docId)!;
    const inSentence = sentence !== null && sStart !== null && start >= sStart && end <= sEnd!;
    return {
      id, docId, docKind: d.kind, docYear: d.year, region: d.region, province: d.province, city: d.city, county: d.county, level: d.level, code: d.code,
      kind, metric, label, quantity: quantity as StoredFigure['quantity'], value, value2, unit, modifier: modifier as StoredFigure['modifier'],
      stretch: Boolean(stretch), year, estimated: Boolean(estimated), start, end,
      text: inSentence ? sentence.slice(start - sStart, end - sStart) : (textOf.get(start + 1, end - start, docId) as string),
      sentence: sentence!, sentenceStart: sStart!, sentenceEnd: sEnd!, sectionTitle,
    };
  });
  // by year, region and id, as SQL's ORDER BY gave them (NULL first)
  const cmp = (a: string | number | null, b: string | number | null) => (a === b ? 0 : a === null ? -1 : b === null ? 1 : a < b ? -1 : 1);
  return figures.sort((a, b) => cmp(a.year, b.year) || cmp(a.province, b.province) || cmp(a.city, b.city) || cmp(a.county, b.county) || a.id - b.id);
}
