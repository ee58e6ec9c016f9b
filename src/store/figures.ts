// Extracted figures in the store: written with their document, read back with their source sentence.
import type Database from 'better-sqlite3';
import type { Extraction } from '../extract/extract.ts';
import type { DocumentFilter } from './store.ts';
import { documentConditions } from './store.ts';
import { catalog, keptForKey, sectionTitles } from './catalog.ts';
import { sentencesByIds } from './sentences.ts';
import { BulkInsert } from './bulk-insert.ts';
import type { FigureRow } from '../analysis/track.ts';

const writers = new WeakMap<Database.Database, { figures: BulkInsert; commitments: BulkInsert; metricSentences: Database.Statement }>();

/** A stored sentence of the document being written, by its index in the document. */
export type SentenceOf = (index: number) => { id: number; start: number; end: number; text: string };

/**
 * Writes a document's figures and commitments, and the sentences of its figures of the taxonomy's
 * metrics by metric (metric_sentences), inside the caller's transaction.
 */
export function writeExtraction(db: Database.Database, docId: number, x: Extraction, sentenceOf: SentenceOf): void {
  let w = writers.get(db);
  if (!w) {
    w = {
      figures: new BulkInsert(db, 'figures (doc_id, kind, metric, label, quantity, value, value2, unit, modifier, stretch, year, estimated, start, end, sentence, section)', 16),
      commitments: new BulkInsert(db, 'commitments (doc_id, action, object, quantity, unit, start, end, sentence, section)', 9),
      metricSentences: db.prepare('INSERT OR IGNORE INTO metric_sentences (metric, kind, sentence, doc_id, start, end, text_utf16) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    };
    writers.set(db, w);
  }
  const figures = [...x.targets, ...x.actuals];
  try {
    for (const f of figures) {
      w.figures.add(docId, f.kind, f.metric, f.label, f.quantity, f.value, f.value2, f.unit, f.modifier, f.stretch ? 1 : 0, f.year, f.estimated ? 1 : 0, f.start, f.end, f.sentence, f.section);
    }
    w.figures.flush();
    for (const c of x.commitments) w.commitments.add(docId, c.action, c.object, c.quantity, c.unit, c.start, c.end, c.sentence, c.section);
    w.commitments.flush();
  } catch (err) {
    w.figures.discard();
    w.commitments.discard();
    throw err;
  }
  const written = new Set<string>();
  for (const f of figures) {
    const key = `${f.metric} ${f.kind} ${f.sentence}`;
    if (f.metric === 'other' || written.has(key)) continue;
    written.add(key);
    const s = sentenceOf(f.sentence);
    w.metricSentences.run(f.metric, f.kind, s.id, docId, s.start, s.end, Buffer.from(s.text, 'utf16le'));
  }
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

/** A sentence of a figure: [sentences.id, start, end, text]. */
type FigureSentence = [number, number, number, string];

/**
 * The sentences of a metric's figures of one kind, by sentence id, kept per connection until the
 * database changes (as the catalog is) for the last few metrics asked for over the whole corpus:
 * reading and decoding them was about half of such a query, and the same metrics are asked for again
 * and again (a dashboard's GDP, the server's workers).
 */
const keptMetricSentences = new WeakMap<Database.Database, { version: string; value: Map<string, Map<number, FigureSentence>> }>();
const KEPT_METRICS = 8;

/** Rows of metric_sentences (sentence, start, end, text_utf16) by sentence id. */
function bySentence(rows: unknown[]): Map<number, FigureSentence> {
  return new Map((rows as Array<[number, number, number, Buffer]>).map((r) => [r[0], [r[0], r[1], r[2], r[3].toString('utf16le')]]));
}

function sentencesOfMetric(db: Database.Database, metric: string, kind: string): Map<number, FigureSentence> {
  return keptForKey(
    keptMetricSentences,
    db,
    `${metric}\u0000${kind}`,
    () => bySentence(db.prepare('SELECT sentence, start, end, text_utf16 FROM metric_sentences WHERE metric = ? AND kind = ?').raw().all(metric, kind)),
    KEPT_METRICS,
  );
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
    // (the index by metric leaves 'other' out: the planner uses it only when the query says so too)
    if (filter.metric !== 'other') where.push("f.metric <> 'other'");
  }
  if (filter.figureYear !== undefined) {
    where.push('f.year = ?');
    params.push(filter.figureYear);
  }
  const docParams: unknown[] = [];
  const docWhere = documentConditions({ kind: filter.kind, level: filter.level, region: filter.region, year: filter.year }, docParams, true);
  params.push(...docParams);
  // the documents of the filter as a subquery: the planner can then read a region's figures
  // through figures_doc (a join on documents scanned every figure)
  if (docWhere.length) where.push(`f.doc_id IN (SELECT d.id FROM documents d WHERE ${docWhere.join(' AND ')})`);
  // raw rows with few strings: a row's document fields come from the catalog (shared strings), its
  // section's title from the titles of all sections, its text is cut from its sentence here, and the
  // sort is done here; building ~30 strings a row was most of the time of a query over the whole
  // corpus. The columns are all in figures_metric: a metric's figures are read from the index alone.
  const rows = db
    .prepare(
      `SELECT f.id, f.doc_id, f.metric, f.label, f.quantity, f.value, f.value2, f.unit, f.modifier, f.stretch, f.year, f.estimated, f.start, f.end, f.sentence, f.section
       FROM figures f WHERE ${where.join(' AND ')}`,
    )
    .raw()
    .all(...params) as Array<[number, number, string, string, string, number | null, number | null, string | null, string | null, number, number | null, number, number, number, number, number | null]>;
  const docs = catalog(db);
  const titles = sectionTitles(db);
  // A metric's sentences are read with it from metric_sentences, a run of rows; other figures' from
  // their sentence blocks, once each.
  // A document's sentences have consecutive ids from sentence_start.
  let sentences: Map<number, FigureSentence>;
  if (filter.metric && filter.metric !== 'other' && filter.docId === undefined && !docWhere.length) {
    sentences = sentencesOfMetric(db, filter.metric, kind);
  } else if (filter.metric && filter.metric !== 'other') {
    const sentenceWhere = ['metric = ?', 'kind = ?'];
    const sentenceParams: unknown[] = [filter.metric, kind];
    if (filter.docId !== undefined) {
      sentenceWhere.push('doc_id = ?');
      sentenceParams.push(filter.docId);
    }
    if (docWhere.length) {
      sentenceWhere.push(`doc_id IN (SELECT d.id FROM documents d WHERE ${docWhere.join(' AND ')})`);
      sentenceParams.push(...docParams);
    }
    sentences = bySentence(db.prepare(`SELECT sentence, start, end, text_utf16 FROM metric_sentences WHERE ${sentenceWhere.join(' AND ')}`).raw().all(...sentenceParams));
  } else {
    const sentenceIds = [...new Set(rows.map((r) => docs.get(r[1])!.sentenceStart + r[14]))].sort((a, b) => a - b);
    sentences = new Map([...sentencesByIds(db, sentenceIds)].map(([id, s]): [number, FigureSentence] => [id, [id, s.start, s.end, s.text]]));
  }
  const textOf = db.prepare('SELECT substr(text, ?, ?) FROM document_texts WHERE doc_id = ?').pluck();
  const figures = rows.map(([id, docId, metric, label, quantity, value, value2, unit, modifier, stretch, year, estimated, start, end, sentenceIndex, section]): StoredFigure => {
    const d = docs.get(docId)!;
    const [, sStart, sEnd, sentence] = sentences.get(d.sentenceStart + sentenceIndex) ?? [0, null, null, null];
    const inSentence = sentence !== null && sStart !== null && start >= sStart && end <= sEnd!;
    return {
      id, docId, docKind: d.kind, docYear: d.year, region: d.region, province: d.province, city: d.city, county: d.county, level: d.level, code: d.code,
      kind, metric, label, quantity: quantity as StoredFigure['quantity'], value, value2, unit, modifier: modifier as StoredFigure['modifier'],
      stretch: Boolean(stretch), year, estimated: Boolean(estimated), start, end,
      text: inSentence ? sentence.slice(start - sStart, end - sStart) : (textOf.get(start + 1, end - start, docId) as string),
      sentence: sentence!, sentenceStart: sStart!, sentenceEnd: sEnd!, sectionTitle: section === null ? null : (titles.get(docId)?.[section] ?? null),
    };
  });
  // by year, region and id, as SQL's ORDER BY gave them (NULL first)
  const cmp = (a: string | number | null, b: string | number | null) => (a === b ? 0 : a === null ? -1 : b === null ? 1 : a < b ? -1 : 1);
  return figures.sort((a, b) => cmp(a.year, b.year) || cmp(a.province, b.province) || cmp(a.city, b.city) || cmp(a.county, b.county) || a.id - b.id);
}
