// Every document's row, kept per connection until the database changes: the rows queries attach to
// their results (region, year, …). Building them took most of an index over the whole corpus.
import type Database from 'better-sqlite3';
import type { DocumentKind } from '../types.ts';
import type { DocumentSummary } from './store.ts';
import { regionName } from './store.ts';

export type DocRow = Pick<DocumentSummary, 'id' | 'province' | 'city' | 'county' | 'level' | 'code' | 'year' | 'date' | 'chars' | 'title'> & {
  kind: DocumentKind;
  region: string;
  sentenceStart: number;
  sentenceEnd: number;
};

const catalogs = new WeakMap<Database.Database, { version: string; rows: Map<number, DocRow> }>();
const titles = new WeakMap<Database.Database, { version: string; titles: Map<number, string[]> }>();

/** Moves when another connection commits (`data_version`) or this one writes (`total_changes()`). */
function version(db: Database.Database): string {
  return `${db.pragma('data_version', { simple: true })}:${db.prepare('SELECT total_changes()').pluck().get()}`;
}

/**
 * The rows of all documents by id. Kept until another connection commits (`data_version` moves) or
 * this one writes (`total_changes()` moves). Callers must not change the rows.
 */
export function catalog(db: Database.Database): Map<number, DocRow> {
  const current = version(db);
  const cached = catalogs.get(db);
  if (cached?.version === current) return cached.rows;
  const rows = db
    .prepare('SELECT id, kind, province, city, county, level, code, year, date, chars, title, sentence_start AS sentenceStart, sentence_end AS sentenceEnd FROM documents')
    .all() as Array<Omit<DocRow, 'region'>>;
  const map = new Map(rows.map((r) => [r.id, { ...r, region: regionName(r) }]));
  catalogs.set(db, { version: current, rows: map });
  return map;
}

/**
 * The titles of every document's sections, by document id and section index; kept as the catalog
 * is. A figure's section title was a row of the sections table read per figure (a tenth of a query
 * of a metric over the whole corpus); all of them are ~52,000 short strings over ../shared/reports.
 */
export function sectionTitles(db: Database.Database): Map<number, string[]> {
  const current = version(db);
  const cached = titles.get(db);
  if (cached?.version === current) return cached.titles;
  const map = new Map<number, string[]>();
  for (const [docId, idx, title] of db.prepare('SELECT doc_id, idx, title FROM sections').raw().iterate() as Iterable<[number, number, string]>) {
    let list = map.get(docId);
    if (!list) map.set(docId, (list = []));
    list[idx] = title;
  }
  titles.set(db, { version: current, titles: map });
  return map;
}
