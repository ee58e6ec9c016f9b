// Ingesting many files: worker threads and batches give the same corpus as one file at a time; a
// re-run skips files by their bytes; the search index finds exactly the sentences a scan finds;
// stored dictionary counts equal counting afresh; a version 4 database is migrated.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Store } from '../src/store/store.ts';
import { MIGRATIONS } from '../src/store/schema.ts';
import { collectFiles } from '../src/ingest/files.ts';
import { ingestFiles } from '../src/ingest/pipeline.ts';
import type { IngestOutcome } from '../src/ingest/ingest.ts';
import { dictionaryIndex } from '../src/store/term-queries.ts';
import { queryFigures } from '../src/store/figures.ts';
import { bundledDictionaries } from '../src/analysis/words.ts';
import { EXAMPLES, SHARED_REPORTS, storedSentences, tempDir } from './helpers.ts';
import { documentSentences } from '../src/store/sentences.ts';

const dir = tempDir();
const { files } = await collectFiles([join(SHARED_REPORTS, 'city', '广州市'), join(SHARED_REPORTS, 'province', '广东省'), EXAMPLES]);

/** What a corpus holds, independent of ids: per document (by text hash) its sentences and figures. */
function contents(store: Store): Array<Record<string, unknown>> {
  const rows = store.db
    .prepare(
      `SELECT d.id, d.hash, d.year, d.city, d.level, d.sentence_end - d.sentence_start AS sentenceRange,
         (SELECT group_concat(f.metric || f.kind || f.value || f.start, ',') FROM (SELECT * FROM figures f WHERE f.doc_id = d.id ORDER BY f.start, f.id) f) AS figures,
         (SELECT group_concat(c.version || c.counts, ',') FROM dictionary_counts c WHERE c.doc_id = d.id) AS counts
       FROM documents d ORDER BY d.hash`,
    )
    .all() as Array<Record<string, unknown>>;
  return rows.map(({ id, ...r }) => {
    const sentences = documentSentences(store.db, id as number);
    return { ...r, sentences: sentences.length, text: sentences.map((s) => s.text).join('|') };
  });
}

test('many files in small batches on worker threads: the same corpus as one thread, outcomes in file order', async () => {
  assert.ok(files.length > 30);
  const seen: IngestOutcome[] = [];
  const pooled = new Store(join(dir, 'pooled.db'));
  const one = new Store(join(dir, 'one.db'));
  try {
    const counts = await ingestFiles(pooled, files, { workers: 2, batchBytes: 300_000, onOutcome: (o) => seen.push(o) });
    assert.deepEqual(seen.map((o) => o.file), files);
    assert.equal(counts.failed, 0);
    assert.equal(counts.added + counts.duplicate, files.length);
    assert.ok(pooled.db.prepare('SELECT count(*) FROM segments').pluck().get()! as number > 5, 'several batches were written');
    await ingestFiles(one, files, { workers: 0, batchBytes: 1e12 });
    assert.deepEqual(contents(pooled), contents(one));
    assert.deepEqual(
      pooled.search('粤港澳大湾区', { limit: 1e6 }).map((h) => h.sentence),
      one.search('粤港澳大湾区', { limit: 1e6 }).map((h) => h.sentence),
    );
  } finally {
    pooled.close();
    one.close();
  }
});

test('a re-run recognises every file by its bytes and analyses none of them', async () => {
  const store = new Store(join(dir, 'pooled.db'));
  try {
    const before = store.countDocuments();
    const seen: IngestOutcome[] = [];
    const counts = await ingestFiles(store, files, { workers: 2, batchBytes: 300_000, onOutcome: (o) => seen.push(o) });
    assert.equal(counts.duplicate, files.length);
    assert.equal(store.countDocuments(), before);
    // an analysed file carries its warnings; one known by its bytes is answered from the store
    assert.ok(seen.every((o) => o.warnings === undefined && o.id !== undefined && o.metadata !== undefined));
    const gz = seen.find((o) => o.file.endsWith(join('广州市', '2024.md')))!;
    assert.equal(gz.metadata!.city, '广州市');
    assert.equal(gz.metadata!.year, 2024);
  } finally {
    store.close();
  }
});

test('search finds exactly the sentences that contain the query, as a scan of every sentence does', () => {
  const store = new Store(join(dir, 'pooled.db'));
  try {
    const all = storedSentences(store.db);
    for (const q of ['创新', '广州', '新质生产力', '5.5%', 'gdp', '一带一路', '粤港澳大湾区建设', '增长 以上', '哈哈']) {
      const terms = q.toLowerCase().split(' ');
      const expected = all.filter((s) => terms.every((t) => s.text.toLowerCase().includes(t))).map((s) => s.id).sort((a, b) => a - b);
      const found = store.search(q, { limit: 1e6 }).map((h) => h.sentenceId).sort((a, b) => a - b);
      assert.deepEqual(found, expected, q);
    }
    assert.ok(store.search('创新', { limit: 1e6 }).length > 1000);
    // newest reports first
    const years = store.search('创新', { limit: 300 }).map((h) => h.year ?? 0);
    assert.deepEqual(years, [...years].sort((a, b) => b - a));
  } finally {
    store.close();
  }
});

test('dictionary counts stored at ingestion equal the counts found afresh through the search index', () => {
  const store = new Store(join(dir, 'pooled.db'));
  try {
    for (const dictionary of bundledDictionaries()) {
      const stored = dictionaryIndex(store.db, dictionary, {});
      assert.ok(stored.some((r) => r.hits > 0));
      store.db.exec('SAVEPOINT fresh');
      store.db.prepare('DELETE FROM dictionary_counts').run();
      const fresh = dictionaryIndex(store.db, dictionary, {});
      store.db.exec('ROLLBACK TO fresh');
      store.db.exec('RELEASE fresh');
      assert.deepEqual(stored, fresh, dictionary.name);
    }
  } finally {
    store.close();
  }
});

test('a version 4 database (FTS5 search) is migrated: its sentences are searchable, new reports are added after them and their figures read with their sentences and sections', async () => {
  const file = join(dir, 'v4.db');
  const old = new Database(file);
  old.pragma('journal_mode = WAL');
  for (const m of MIGRATIONS.filter((m) => m.version <= 4)) old.exec(m.sql);
  old.pragma('user_version = 4');
  // a v4 document: the rows the v4 store wrote, sentence ids from 1
  const source = new Store(join(dir, 'pooled.db'), { readonly: true });
  const doc = source.db.prepare("SELECT * FROM documents WHERE city = '广州市' AND year = 2024").get() as Record<string, unknown>;
  const text = source.db.prepare('SELECT * FROM document_texts WHERE doc_id = ?').get(doc.id) as Record<string, unknown>;
  const original = source.getOriginalText(doc.id as number)!;
  const sentences = documentSentences(source.db, doc.id as number).map((s) => ({ idx: s.index, paragraph: s.paragraph, section: s.section, start: s.start, end: s.end, text: s.text }));
  source.close();
  old.prepare(`INSERT INTO documents (id, hash, path, format, encoding, attributes, province, city, level, year, chars, warnings, added_at)
    VALUES (1, ?, ?, ?, ?, '{}', ?, ?, ?, ?, ?, '[]', ?)`).run(doc.hash, doc.path, doc.format, doc.encoding, doc.province, doc.city, doc.level, doc.year, doc.chars, doc.added_at);
  old.prepare('INSERT INTO document_texts VALUES (1, ?, ?, ?)').run(text.text, original, text.offset_runs);
  // ids around 50,000, where the rebuilt index starts a new segment: the document's sentences are in two
  const insert = old.prepare('INSERT INTO sentences (id, doc_id, idx, paragraph, section, start, end, text) VALUES (?, 1, ?, ?, ?, ?, ?, ?)');
  const firstId = 50_001 - Math.floor(sentences.length / 2);
  for (const s of sentences) insert.run(firstId + (s.idx as number), s.idx, s.paragraph, s.section, s.start, s.end, s.text);
  old.close();

  const store = new Store(file);
  try {
    assert.equal(store.db.pragma('user_version', { simple: true }), MIGRATIONS[MIGRATIONS.length - 1].version);
    // the original text, a second copy until version 7, is the same text kept as a delta
    assert.equal(store.getOriginalText(1), original);
    assert.notEqual(original, store.getText(1));
    const rest = store.db.prepare('SELECT length(original_rest) FROM document_texts WHERE doc_id = 1').pluck().get() as number;
    assert.ok(rest < original.length / 20, `${rest} of ${original.length} characters stored apart`);
    const expected = sentences.filter((s) => (s.text as string).includes('大湾区')).length;
    assert.ok(expected > 0);
    assert.equal(store.db.prepare('SELECT count(*) FROM segments').pluck().get(), 2);
    assert.equal(store.search('大湾区', { limit: 1e6 }).length, expected);
    await ingestFiles(store, [join(SHARED_REPORTS, 'city', '广州市', '2023.md')], { workers: 0 });
    const hits = store.search('大湾区', { limit: 1e6 });
    assert.ok(hits.length > expected);
    assert.deepEqual([...new Set(hits.map((h) => h.year))].sort(), [2023, 2024]);
    // a metric across the corpus, read from the figures index alone since migration 6: each figure
    // with its sentence and the title of the section it stands in
    const [gdp] = queryFigures(store.db, 'target', { metric: 'gdp', region: '广州市' }).filter((f) => f.quantity === 'growth');
    assert.equal(gdp.docYear, 2023);
    assert.equal(gdp.value, 6);
    assert.ok(gdp.sentence.includes(gdp.text) && gdp.text.includes('6%'));
    const section = store.db
      .prepare('SELECT title FROM sections WHERE doc_id = ? AND start <= ? AND ? <= end ORDER BY level DESC LIMIT 1')
      .pluck()
      .get(gdp.docId, gdp.start, gdp.end);
    assert.equal(gdp.sectionTitle, section);
    assert.match(gdp.sectionTitle ?? '', /2023年/);
  } finally {
    store.close();
  }
});
