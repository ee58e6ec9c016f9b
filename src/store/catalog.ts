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

/**
 * The rows of all documents by id. Kept until another connection commits (`data_version` moves) or
 * this one writes (`total_changes()` moves). Callers must not change the rows.
 */
export function catalog(db: Database.Database): Map<number, DocRow> {
  const version = `${db.pragma('data_version', { simple: true })}:${db.prepare('SELECT total_changes()').pluck().get()}`;
  const cached = catalogs.get(db);
  if (cached?.version === version) return cached.rows;
  const rows = db
    .prepare('SELECT id, kind, province, city, county, level, code, year, date, chars, title, sentence_start AS sentenceStart, sentence_end AS sentenceEnd FROM documents')
    .all() as Array<Omit<DocRow, 'region'>>;
  const map = new Map(rows.map((r) => [r.id, { ...r, region: regionName(r) }]));
  catalogs.set(db, { version, rows: map });
  return map;
}
