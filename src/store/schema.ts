// The database schema, owned here alone, as numbered migrations. `PRAGMA user_version` records the
// last one applied; opening a database applies the rest, each in its own transaction.
import type Database from 'better-sqlite3';
import { SegmentBuilder } from './pair-index.ts';
import { sentenceBlocks } from './sentences.ts';
import { originalDelta, runsToMap } from '../normalize/mapped-text.ts';
import { blobInt32, int32Blob } from './blobs.ts';
import { bundledDictionaries } from '../analysis/words.ts';
import { dictionaryVersion, packCounts, type DocumentTermCounts } from '../analysis/dictionary-counts.ts';

export interface Migration {
  version: number;
  description: string;
  sql: string;
  /** Work SQL cannot do, run after `sql` in the same transaction. */
  run?: (db: Database.Database) => void;
}

/** Sentences per segment when the search index is rebuilt from stored sentences. */
const REBUILD_SEGMENT = 50_000;

/** Builds the pair index of every stored sentence (migration 5, from the FTS5 index it replaces). */
function rebuildPairIndex(db: Database.Database): void {
  const insert = db.prepare('INSERT INTO pair_index (base, bucket, postings) VALUES (?, ?, ?)');
  const insertSegment = db.prepare('INSERT INTO segments (base, sentences) VALUES (?, ?)');
  const range = db.prepare('SELECT id, text FROM sentences WHERE id >= ? AND id < ? ORDER BY id');
  const last = db.prepare('SELECT COALESCE(MAX(id), 0) FROM sentences').pluck().get() as number;
  // one segment per range of ids, read a range at a time (the statement must finish before inserting)
  for (let base = 1; base <= last; base += REBUILD_SEGMENT) {
    const rows = range.all(base, base + REBUILD_SEGMENT) as Array<{ id: number; text: string }>;
    if (!rows.length) continue;
    const segment = new SegmentBuilder();
    for (const r of rows) segment.add(r.text, r.id - base);
    insertSegment.run(base, REBUILD_SEGMENT);
    for (const b of segment.build()) insert.run(base, b.bucket, b.postings);
  }
}

/** Stores each document's original text as its delta against the normalised text (migration 7). */
function storeOriginalsAsDeltas(db: Database.Database): void {
  const insert = db.prepare('INSERT INTO document_texts_v7 (doc_id, text, offset_runs, original_copies, original_rest) VALUES (?, ?, ?, ?, ?)');
  const read = db.prepare('SELECT doc_id, text, original_text, offset_runs FROM document_texts WHERE doc_id = ?');
  // a document at a time (the connection runs no other statement while one is being iterated)
  for (const id of db.prepare('SELECT doc_id FROM document_texts').pluck().all() as number[]) {
    const r = read.get(id) as { doc_id: number; text: string; original_text: string; offset_runs: Buffer };
    const delta = originalDelta(r.text, r.original_text, runsToMap(blobInt32(r.offset_runs)));
    insert.run(r.doc_id, r.text, r.offset_runs, int32Blob(delta.copies), delta.rest);
  }
  db.exec('DROP TABLE document_texts; ALTER TABLE document_texts_v7 RENAME TO document_texts;');
}

/**
 * Migration 9: a metric's sentences as UTF-16, and the dictionary counts packed (see PackedCounts).
 * Counts of a dictionary that is no longer bundled as it was are dropped: they are read only for the
 * current version of a bundled dictionary, and a user's dictionary is counted when it is asked for.
 */
function packStoredCounts(db: Database.Database): void {
  const update = db.prepare('UPDATE metric_sentences SET text_utf16 = ? WHERE metric = ? AND kind = ? AND sentence = ?');
  for (const r of db.prepare('SELECT metric, kind, sentence, text FROM metric_sentences').raw().all() as Array<[string, string, number, string]>) {
    update.run(Buffer.from(r[3], 'utf16le'), r[0], r[1], r[2]);
  }
  db.exec('ALTER TABLE metric_sentences DROP COLUMN text');
  const byVersion = new Map(bundledDictionaries().map((d) => [dictionaryVersion(d), d]));
  const updateCounts = db.prepare('UPDATE dictionary_counts SET counts = ? WHERE version = ? AND doc_id = ?');
  for (const version of db.prepare('SELECT DISTINCT version FROM dictionary_counts').pluck().all() as string[]) {
    const dictionary = byVersion.get(version);
    if (!dictionary) {
      db.prepare('DELETE FROM dictionary_counts WHERE version = ?').run(version);
      continue;
    }
    const rows = db.prepare('SELECT doc_id, counts FROM dictionary_counts WHERE version = ?').raw().all(version) as Array<[number, string]>;
    for (const [docId, counts] of rows) {
      const parsed = JSON.parse(counts) as DocumentTermCounts | unknown[];
      // (already packed: a row written by this version into a database whose version was set back)
      if (!Array.isArray(parsed)) updateCounts.run(packCounts(parsed, dictionary), version, docId);
    }
  }
}

/** Migration 11: the sentences' rows become blocks (see sentences.ts), a document at a time. */
function storeSentencesAsBlocks(db: Database.Database): void {
  const insert = db.prepare('INSERT INTO sentence_blocks (first, doc_id, first_index, fields, text) VALUES (?, ?, ?, ?, ?)');
  const rowsOf = db.prepare('SELECT paragraph, COALESCE(section, -1), start, end FROM sentences WHERE doc_id = ? ORDER BY idx').raw();
  const documents = db.prepare('SELECT d.id, d.sentence_start, t.text FROM documents d JOIN document_texts t ON t.doc_id = d.id').raw().all() as Array<[number, number, string]>;
  for (const [id, sentenceStart, text] of documents) {
    const packed = Int32Array.from((rowsOf.all(id) as number[][]).flat());
    for (const row of sentenceBlocks(id, sentenceStart, text, packed)) insert.run(...row);
  }
  db.exec('DROP TABLE sentences');
}

export const MIGRATIONS: Migration[] = [
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
  {
    version: 5,
    description: 'search postings built by the ingest workers instead of FTS5; the hash of the source bytes; sentence id ranges',
    // FTS5 indexing ran at ~7.6 MB/s in the single writer; see pair-index.ts. A document's sentences
    // have consecutive ids (reserved per batch from the counter), so [sentence_start, sentence_end)
    // maps a sentence id to its document without reading the sentences table.
    sql: `
      -- keyed by segment first, so a batch's rows go at the end of the tree (keyed by bucket first, each
      -- batch rewrote pages all over it); a lookup reads one row per segment
      CREATE TABLE segments (base INTEGER PRIMARY KEY, sentences INTEGER NOT NULL);
      CREATE TABLE pair_index (
        base INTEGER NOT NULL REFERENCES segments (base),
        bucket INTEGER NOT NULL,
        postings BLOB NOT NULL,
        PRIMARY KEY (base, bucket)
      ) WITHOUT ROWID;
      CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
      INSERT INTO counters VALUES ('next_sentence_id', (SELECT COALESCE(MAX(id), 0) + 1 FROM sentences));
      DROP TABLE sentence_pairs;
      ALTER TABLE documents ADD COLUMN source_hash TEXT;
      ALTER TABLE documents ADD COLUMN sentence_start INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE documents ADD COLUMN sentence_end INTEGER NOT NULL DEFAULT 0;
      UPDATE documents SET
        sentence_start = COALESCE((SELECT MIN(id) FROM sentences s WHERE s.doc_id = documents.id), 0),
        sentence_end = COALESCE((SELECT MAX(id) + 1 FROM sentences s WHERE s.doc_id = documents.id), 0);
      CREATE INDEX documents_source_hash ON documents (source_hash);
      -- the bundled dictionaries' hits per document (analysis/dictionary-counts.ts), by dictionary version
      CREATE TABLE dictionary_counts (
        version TEXT NOT NULL,
        doc_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        counts TEXT NOT NULL,
        PRIMARY KEY (version, doc_id)
      ) WITHOUT ROWID;
      CREATE INDEX dictionary_counts_doc ON dictionary_counts (doc_id);
    `,
    run: rebuildPairIndex,
  },
  {
    version: 6,
    description: "figures of a metric read from their index alone, in the order they are written",
    // A metric across the corpus was read through an index of (metric, kind, year) and then a row of
    // the table per figure, all over the table: the index now holds every column the query reads.
    // Keyed by document rather than year, a batch adds to the end of each metric's run instead of
    // all through it (as many bytes written at ingest as the narrower index by year).
    sql: `
      DROP INDEX figures_metric;
      CREATE INDEX figures_metric ON figures (metric, kind, doc_id, year, label, quantity, value, value2, unit, modifier, stretch, estimated, start, end, sentence, section);
    `,
  },
  {
    version: 7,
    description: 'the original text kept as its difference from the normalised text instead of a second copy',
    // A fifth of the database was the originals, ~99% the same characters as the normalised texts
    // (over ../shared/reports, 1.1% of their characters differ or are left out).
    sql: `
      CREATE TABLE document_texts_v7 (
        doc_id INTEGER PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
        text TEXT NOT NULL,
        -- runs of (normalised start, original start, length) as little-endian int32 triples
        offset_runs BLOB NOT NULL,
        -- the original: runs (normalised start, original start, length) it shares with the text, as
        -- little-endian int32 triples in original order, and its other characters in order (see originalDelta)
        original_copies BLOB NOT NULL,
        original_rest TEXT NOT NULL
      );
    `,
    run: storeOriginalsAsDeltas,
  },
  {
    version: 8,
    description: "the sentences of a metric's figures stored together, by metric",
    // A metric across the corpus read each figure's sentence from the sentences table, one seek each
    // all over it (half of the query). Kept for the taxonomy's metrics, not 'other': 50,541 rows and
    // 16 MB of text over ../shared/reports.
    sql: `
      CREATE TABLE metric_sentences (
        metric TEXT NOT NULL,
        kind TEXT NOT NULL,
        -- sentences.id
        sentence INTEGER NOT NULL,
        doc_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        text TEXT NOT NULL,
        PRIMARY KEY (metric, kind, sentence)
      ) WITHOUT ROWID;
      CREATE INDEX metric_sentences_doc ON metric_sentences (doc_id);
      INSERT OR IGNORE INTO metric_sentences
        SELECT f.metric, f.kind, d.sentence_start + f.sentence, f.doc_id, s.start, s.end, s.text
        FROM figures f JOIN documents d ON d.id = f.doc_id JOIN sentences s ON s.id = d.sentence_start + f.sentence
        WHERE f.metric <> 'other';
    `,
  },
  {
    version: 9,
    description: "a metric's sentences as UTF-16; dictionary counts as arrays of numbers",
    // Reading a metric's sentences across the corpus (1 MB) was mostly decoding their UTF-8 into
    // strings; UTF-16 is copied as it is, and takes 2 bytes a Chinese character instead of 3.
    sql: `
      -- the sentence's text, UTF-16LE (filled by packStoredCounts, which then drops the column text)
      ALTER TABLE metric_sentences ADD COLUMN text_utf16 BLOB NOT NULL DEFAULT x'';
    `,
    run: packStoredCounts,
  },
  {
    version: 10,
    description: "the index of figures by metric without the figures of no metric ('other')",
    // Four figures in five are 'other' (281,190 of 351,363 over ../shared/reports), and a metric's
    // figures are what the index is read for: each of them was a second copy of a row written at ingest.
    // A query for a metric of the taxonomy says metric <> 'other' so that the planner uses the index.
    sql: `
      DROP INDEX figures_metric;
      CREATE INDEX figures_metric ON figures (metric, kind, doc_id, year, label, quantity, value, value2, unit, modifier, stretch, estimated, start, end, sentence, section)
        WHERE metric <> 'other';
    `,
  },
  {
    version: 11,
    description: 'sentences stored a block of a document\'s consecutive sentences to a row',
    // A row per sentence was a million rows, each with its own copy of the sentence's text, over
    // ../shared/reports: ~2 s of the writer's ~10 s at ingest, and 177 MB of the 540 MB database.
    sql: `
      -- no foreign key: a document's blocks are deleted with it by the range of its sentence ids
      -- (a cascade would need an index by document, written for every block)
      CREATE TABLE sentence_blocks (
        -- the id of its first sentence: a sentence's block is the last that begins at or before it
        first INTEGER PRIMARY KEY,
        doc_id INTEGER NOT NULL,
        -- the index in its document of its first sentence
        first_index INTEGER NOT NULL,
        -- per sentence: paragraph, section (-1 for none), start, end, as little-endian int32s
        fields BLOB NOT NULL,
        -- the document's text from the first sentence's start to the last's end, UTF-16LE
        text BLOB NOT NULL
      );
    `,
    run: storeSentencesAsBlocks,
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
      m.run?.(db);
      db.pragma(`user_version = ${m.version}`);
    }
  }).immediate();
}

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;
