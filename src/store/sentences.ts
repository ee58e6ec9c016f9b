// The stored sentences, a block of a document's consecutive sentences to a row (sentence_blocks):
// its first sentence's id, their packed fields (see packSentences) and the text they span, UTF-16.
// A row per sentence was a million rows over ../shared/reports and a fifth of the writer's time at
// ingest (see the README's bench section); a block of them is read with one seek, as a sentence was.
import type Database from 'better-sqlite3';
import { SENTENCE_FIELDS } from '../structure/packed.ts';
import { blobInt32, int32Blob } from './blobs.ts';
import { partitionPoint } from './search.ts';

/** Sentences to a block: a sentence looked up reads its block's ~5 KB of text. */
const SENTENCES_PER_BLOCK = 32;

export interface StoredSentence {
  /** Global id: the document's sentence_start + index. */
  id: number;
  docId: number;
  index: number;
  paragraph: number;
  section: number | null;
  start: number;
  end: number;
  text: string;
}

export type BlockRow = [first: number, docId: number, firstIndex: number, fields: Buffer, text: Buffer];

/**
 * The block rows of a document's sentences (packed, see packSentences), its first sentence's id being
 * `firstId`: each block's text is the document's text from its first sentence's start to its last's end.
 */
export function sentenceBlocks(docId: number, firstId: number, text: string, packed: Int32Array): BlockRow[] {
  const rows: BlockRow[] = [];
  const step = SENTENCES_PER_BLOCK * SENTENCE_FIELDS;
  for (let at = 0, index = 0; at < packed.length; at += step, index += SENTENCES_PER_BLOCK) {
    const fields = packed.subarray(at, Math.min(packed.length, at + step));
    const from = fields[2];
    const to = fields[fields.length - 1];
    rows.push([firstId + index, docId, index, int32Blob(fields), Buffer.from(text.slice(from, to), 'utf16le')]);
  }
  return rows;
}

/**
 * The sentences of a block row that `wanted` holds (all of them when it is null), with their text
 * unless `withText` is false (then ''). Only those texts are decoded: a region's figures read a
 * sentence or two of each of hundreds of blocks.
 */
function blockSentences(row: BlockRow, withText: boolean, wanted: Set<number> | null): StoredSentence[] {
  const [first, docId, firstIndex, fieldBytes, text] = row;
  const fields = blobInt32(fieldBytes);
  const from = fields[2];
  const out: StoredSentence[] = [];
  for (let at = 0, k = 0; at < fields.length; at += SENTENCE_FIELDS, k++) {
    if (wanted && !wanted.has(first + k)) continue;
    const start = fields[at + 2];
    const end = fields[at + 3];
    out.push({
      id: first + k,
      docId,
      index: firstIndex + k,
      paragraph: fields[at],
      section: fields[at + 1] < 0 ? null : fields[at + 1],
      start,
      end,
      text: withText ? text.toString('utf16le', 2 * (start - from), 2 * (end - from)) : '',
    });
  }
  return out;
}

const COLUMNS = 'b.first, b.doc_id, b.first_index, b.fields, b.text';
const byIdsStatements = new WeakMap<Database.Database, Database.Statement>();
const ofDocumentStatements = new WeakMap<Database.Database, Map<boolean, Database.Statement>>();

/**
 * The block rows that hold these ids, ascending, each once. The blocks are found with one seek each:
 * the block of an id is the last one that begins at or before it (an id no sentence has may find one
 * that does not hold it).
 */
function blocksOf(db: Database.Database, ids: number[]): BlockRow[] {
  let statement = byIdsStatements.get(db);
  if (!statement) {
    statement = db
      .prepare(
        `SELECT ${COLUMNS} FROM sentence_blocks b
         WHERE b.first IN (SELECT (SELECT first FROM sentence_blocks WHERE first <= j.value ORDER BY first DESC LIMIT 1) FROM json_each(?) j)
         ORDER BY b.first`,
      )
      .raw();
    byIdsStatements.set(db, statement);
  }
  const rows: BlockRow[] = [];
  const CHUNK = 1000;
  for (let i = 0; i < ids.length; i += CHUNK) for (const row of statement.all(JSON.stringify(ids.slice(i, i + CHUNK))) as BlockRow[]) rows.push(row);
  // (chunks of unsorted ids may find a block twice)
  return rows.sort((a, b) => a[0] - b[0]).filter((r, i, all) => i === 0 || all[i - 1][0] !== r[0]);
}

/**
 * The stored sentences of these ids, by id; an id no sentence has (its document was deleted, or not
 * written) is left out.
 */
export function sentencesByIds(db: Database.Database, ids: Iterable<number>): Map<number, StoredSentence> {
  const wanted = new Set(ids);
  const found = new Map<number, StoredSentence>();
  for (const row of blocksOf(db, [...wanted])) for (const s of blockSentences(row, true, wanted)) found.set(s.id, s);
  return found;
}

/**
 * For each request, the document's text from `start` to `end` when the block of sentence `id` holds
 * it all (a block's text runs from its first sentence's start to its last's end, across paragraphs),
 * else null.
 */
export function textsAround(db: Database.Database, requests: Array<{ id: number; start: number; end: number }>): Array<string | null> {
  const rows = blocksOf(db, [...new Set(requests.map((r) => r.id))]);
  return requests.map(({ id, start, end }) => {
    // the last block that begins at or before the id
    const row = rows[partitionPoint(rows.length, (k) => rows[k][0] <= id) - 1];
    if (!row) return null;
    const fields = blobInt32(row[3]);
    const count = fields.length / SENTENCE_FIELDS;
    const from = fields[2];
    const to = fields[fields.length - 1];
    if (id >= row[0] + count || start < from || end > to) return null;
    return row[4].toString('utf16le', 2 * (start - from), 2 * (end - from));
  });
}

/** A document's stored sentences in order (texts '' unless `withText`: then the texts are not read). */
export function documentSentences(db: Database.Database, docId: number, withText = true): StoredSentence[] {
  const statements = ofDocumentStatements.get(db) ?? new Map<boolean, Database.Statement>();
  ofDocumentStatements.set(db, statements);
  let statement = statements.get(withText);
  if (!statement) {
    statement = db
      .prepare(
        `SELECT b.first, b.doc_id, b.first_index, b.fields, ${withText ? 'b.text' : 'NULL'} FROM documents d
         CROSS JOIN sentence_blocks b ON b.first >= d.sentence_start AND b.first < d.sentence_end
         WHERE d.id = ? ORDER BY b.first`,
      )
      .raw();
    statements.set(withText, statement);
  }
  const out: StoredSentence[] = [];
  for (const row of statement.all(docId) as BlockRow[]) for (const s of blockSentences(row, withText, null)) out.push(s);
  return out;
}
