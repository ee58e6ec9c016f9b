// The database schema, owned here alone, as numbered migrations. `PRAGMA user_version` records the
// last one applied; opening a database applies the rest, each in its own transaction.
import type Database from 'better-sqlite3';

export const MIGRATIONS: Array<{ version: number; description: string; sql: string }> = [
  {
    version: 1,
    description: 'documents, sections, paragraphs, sentences and the sentence search index',
    sql: `
      CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        hash TEXT NOT NULL UNIQUE,
        path TEXT NOT NULL,
        format TEXT NOT NULL,
        encoding TEXT NOT NULL,
        title TEXT,
        source TEXT,
        attributes TEXT NOT NULL DEFAULT '{}',
        province TEXT,
        city TEXT,
        county TEXT,
        level TEXT CHECK (level IN ('national', 'province', 'prefecture', 'county')),
        code TEXT,
        year INTEGER,
        date TEXT,
        meeting TEXT,
        speaker TEXT,
        speaker_title TEXT,
        chars INTEGER NOT NULL,
        traditional INTEGER NOT NULL DEFAULT 0,
        warnings TEXT NOT NULL DEFAULT '[]',
        text TEXT NOT NULL,
        original_text TEXT NOT NULL,
        -- runs of (normalised start, original start, length) as little-endian int32 triples
        offset_runs BLOB NOT NULL,
        added_at TEXT NOT NULL
      );
      CREATE INDEX documents_region ON documents (province, city, county, year);
      CREATE INDEX documents_year ON documents (year, level);

      CREATE TABLE sections (
        doc_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        parent INTEGER,
        level INTEGER NOT NULL,
        number TEXT NOT NULL,
        title TEXT NOT NULL,
        role TEXT NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        PRIMARY KEY (doc_id, idx)
      ) WITHOUT ROWID;

      CREATE TABLE paragraphs (
        doc_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        section INTEGER,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        PRIMARY KEY (doc_id, idx)
      ) WITHOUT ROWID;

      CREATE TABLE sentences (
        id INTEGER PRIMARY KEY,
        doc_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        paragraph INTEGER NOT NULL,
        section INTEGER,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        text TEXT NOT NULL
      );
      CREATE INDEX sentences_doc ON sentences (doc_id, idx);

      -- Every pair of adjacent characters of a sentence, encoded as one ASCII token; a query of k
      -- characters is the phrase of its k-1 pairs, so any substring of 2 or more characters is found
      -- exactly (the trigram tokenizer cannot find 2-character queries). Contentless: rowid = sentences.id.
      CREATE VIRTUAL TABLE sentence_pairs USING fts5 (pairs, content = '', contentless_delete = 1, tokenize = 'ascii');
    `,
  },
  {
    version: 2,
    description: 'extracted targets, actuals and commitments, each pointing at its sentence',
    sql: `
      CREATE TABLE figures (
        id INTEGER PRIMARY KEY,
        doc_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('target', 'actual')),
        metric TEXT NOT NULL,
        label TEXT NOT NULL,
        quantity TEXT NOT NULL,
        value REAL,
        value2 REAL,
        unit TEXT,
        modifier TEXT,
        stretch INTEGER NOT NULL DEFAULT 0,
        year INTEGER,
        estimated INTEGER NOT NULL DEFAULT 0,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        sentence INTEGER NOT NULL,
        section INTEGER
      );
      CREATE INDEX figures_doc ON figures (doc_id);
      CREATE INDEX figures_metric ON figures (metric, kind, year);

      CREATE TABLE commitments (
        id INTEGER PRIMARY KEY,
        doc_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        action TEXT NOT NULL,
        object TEXT NOT NULL,
        quantity REAL NOT NULL,
        unit TEXT NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        sentence INTEGER NOT NULL,
        section INTEGER
      );
      CREATE INDEX commitments_doc ON commitments (doc_id);
    `,
  },
  {
    version: 3,
    description: 'document kind: a work report or a statistics communiqué',
    sql: `
      ALTER TABLE documents ADD COLUMN kind TEXT NOT NULL DEFAULT 'report' CHECK (kind IN ('report', 'communique'));
      CREATE INDEX documents_kind ON documents (kind, level, year);
    `,
  },
  {
    version: 4,
    description: 'texts in their own table: listing documents no longer reads through every text',
    // A column after the texts (kind, added by v3, is the last) made every filter on documents
    // follow each text's overflow pages: seconds on the full corpus.
    sql: `
      CREATE TABLE document_texts (
        doc_id INTEGER PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
        text TEXT NOT NULL,
        original_text TEXT NOT NULL,
        offset_runs BLOB NOT NULL
      );
      INSERT INTO document_texts SELECT id, text, original_text, offset_runs FROM documents;
      ALTER TABLE documents DROP COLUMN text;
      ALTER TABLE documents DROP COLUMN original_text;
      ALTER TABLE documents DROP COLUMN offset_runs;
    `,
  },
];

export function migrate(db: Database.Database): void {
  const version = () => db.pragma('user_version', { simple: true }) as number;
  if (version() >= SCHEMA_VERSION) return;
  // IMMEDIATE takes the write lock before reading the version, so two processes opening a new
  // database at once do not both run the same migration; the second finds it done.
  db.transaction(() => {
    const current = version();
    for (const m of MIGRATIONS) {
      if (m.version <= current) continue;
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }
  }).immediate();
}

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;
