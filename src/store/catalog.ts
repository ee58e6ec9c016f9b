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

const catalogs = new WeakMap<Database.Database, { version: string; value: Map<number, DocRow> }>();
const titles = new WeakMap<Database.Database, { version: string; value: Map<number, string[]> }>();
const roles = new WeakMap<Database.Database, { version: string; value: Map<number, string[]> }>();

/** The statement that reads a connection's data version, prepared once (preparing it took ~0.5 ms a call). */
const versionStatements = new WeakMap<Database.Database, Database.Statement>();

/**
 * `build()`'s value for this connection, kept in `cache` until another connection commits
 * (`data_version` moves) or this one writes (`total_changes()` moves).
 */
export function keptUntilChange<T>(cache: WeakMap<Database.Database, { version: string; value: T }>, db: Database.Database, build: () => T): T {
  let statement = versionStatements.get(db);
  if (!statement) versionStatements.set(db, (statement = db.prepare("SELECT (SELECT data_version FROM pragma_data_version) || ':' || total_changes()").pluck()));
  const version = statement.get() as string;
  const cached = cache.get(db);
  if (cached?.version === version) return cached.value;
  const value = build();
  cache.set(db, { version, value });
  return value;
}

/**
 * The value of `key` in a map kept per connection until the database changes (see keptUntilChange),
 * built when missing; past `limit` keys, the one kept longest goes to make room.
 */
export function keptForKey<T>(
  cache: WeakMap<Database.Database, { version: string; value: Map<string, T> }>,
  db: Database.Database,
  key: string,
  build: () => T,
  limit = Infinity,
): T {
  const kept = keptUntilChange(cache, db, () => new Map<string, T>());
  let value = kept.get(key);
  if (value === undefined) {
    value = build();
    if (kept.size >= limit) kept.delete(kept.keys().next().value!);
    kept.set(key, value);
  }
  return value;
}

/** The rows of all documents by id (see keptUntilChange). Callers must not change the rows. */
export function catalog(db: Database.Database): Map<number, DocRow> {
  return keptUntilChange(catalogs, db, () => {
    const rows = db
      .prepare('SELECT id, kind, province, city, county, level, code, year, date, chars, title, sentence_start AS sentenceStart, sentence_end AS sentenceEnd FROM documents')
      .all() as Array<Omit<DocRow, 'region'>>;
    return new Map(rows.map((r) => [r.id, { ...r, region: regionName(r) }]));
  });
}

/**
 * The titles of every document's sections, by document id and section index; kept as the catalog
 * is. A figure's section title was a row of the sections table read per figure (a tenth of a query
 * of a metric over the whole corpus); all of them are ~52,000 short strings over ../shared/reports.
 */
export function sectionTitles(db: Database.Database): Map<number, string[]> {
  return keptUntilChange(titles, db, () => sectionColumn(db, 'title'));
}

/** The roles of every document's sections, kept as the titles are (a term's hits are counted by role). */
export function sectionRoles(db: Database.Database): Map<number, string[]> {
  return keptUntilChange(roles, db, () => sectionColumn(db, 'role'));
}

function sectionColumn(db: Database.Database, column: 'title' | 'role'): Map<number, string[]> {
  const map = new Map<number, string[]>();
  for (const [docId, idx, value] of db.prepare(`SELECT doc_id, idx, ${column} FROM sections`).raw().iterate() as Iterable<[number, number, string]>) {
    let list = map.get(docId);
    if (!list) map.set(docId, (list = []));
    list[idx] = value;
  }
  return map;
}
