import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { Store } from '../src/store/store.ts';
import { readReport } from '../src/readers/index.ts';
import { analyseDocument } from '../src/structure/document.ts';
import { SAMPLES, sample, sentencesAsRows, storedSentences, tempDir } from './helpers.ts';
import { extractFigures } from '../src/extract/extract.ts';
import { prepareBatch } from '../src/store/prepare.ts';
import { queryFigures } from '../src/store/figures.ts';
import { MIGRATIONS } from '../src/store/schema.ts';
import { bundledDictionaries } from '../src/analysis/words.ts';
import { dictionaryIndex } from '../src/store/term-queries.ts';
import { unpackCounts } from '../src/analysis/dictionary-counts.ts';
import { documentSentences, sentencesByIds, textsAround } from '../src/store/sentences.ts';

const dir = tempDir();
const docs = await Promise.all(SAMPLES.map(async (n) => analyseDocument(await readReport(sample(n)))));

test('documents are stored with their sections and sentences; re-adding is a no-op', () => {
  const store = new Store(join(dir, 'a.db'));
  try {
    const ids = docs.map((d) => store.addDocument(d));
    assert.ok(ids.every((r) => !r.duplicate));
    const again = store.addDocument(docs[2]);
    assert.deepEqual(again, { id: ids[2].id, duplicate: true });
    assert.equal(store.countDocuments(), 5);
    const d = store.getDocument(ids[0].id)!;
    assert.equal(d.city, '苏州市');
    assert.equal(d.sectionList[0].title, '2019年工作回顾');
    assert.equal(d.sectionList[0].role, 'review');
    assert.equal(d.sentenceCount, docs[0].sentences.length);
    const text = store.getText(ids[0].id)!;
    for (const s of d.sectionList) assert.ok(text.slice(s.start, s.end).includes(s.title));
  } finally {
    store.close();
  }
});

test('a 2-character search finds every sentence that contains it, with section and offsets', () => {
  const store = new Store(join(dir, 'a.db'));
  try {
    const hits = store.search('相城', { limit: 1000 });
    const expected = docs.reduce((n, d) => n + d.sentences.filter((s) => d.text.slice(s.start, s.end).includes('相城')).length, 0);
    assert.ok(expected > 10);
    assert.equal(hits.length, expected);
    for (const h of hits) {
      assert.equal(h.match, '相城');
      assert.equal(store.getText(h.docId)!.slice(h.start, h.end), '相城');
    }
    const xc = hits.find((h) => h.region.endsWith('相城区') && h.sectionTitle === '2023年工作总结');
    assert.ok(xc);
    assert.equal(xc.sectionRole, 'review');
  } finally {
    store.close();
  }
});

test('longer queries, figures with % and several terms', () => {
  const store = new Store(join(dir, 'a.db'));
  try {
    const h = store.search('新质生产力', { limit: 100 });
    assert.ok(h.length >= 3);
    assert.ok(h.every((x) => x.sentence.includes('新质生产力')));
    const pct = store.search('5.5%');
    assert.ok(pct.some((x) => x.sentence.includes('地区生产总值增长5.5%')));
    const both = store.search('地区生产总值 5.5%', { limit: 100 });
    assert.ok(both.length > 0 && both.every((x) => x.sentence.includes('地区生产总值') && x.sentence.includes('5.5%')));
    assert.equal(store.search('相城', { region: '吴中' }).every((x) => x.region.endsWith('吴中区')), true);
  } finally {
    store.close();
  }
});

test('a failure while writing a document leaves nothing of it behind', () => {
  const store = new Store(join(dir, 'b.db'));
  try {
    // the last row written (a figure) breaks a constraint, after the text and sentences are in
    const extraction = extractFigures(docs[0]);
    const bad = { ...extraction, actuals: [...extraction.actuals, { ...extraction.actuals[0], kind: 'forecast' as 'actual' }] };
    assert.throws(() => store.addDocument(docs[0], bad), /CHECK constraint failed/);
    assert.equal(store.countDocuments(), 0);
    assert.equal(storedSentences(store.db).length, 0);
    assert.equal(store.search('苏州').length, 0);
    // written again, it has its own figures, none left over from the failed attempt
    assert.equal(store.addDocument(docs[0], extraction).duplicate, false);
    assert.equal(store.countDocuments(), 1);
    assert.equal(store.db.prepare('SELECT count(*) FROM figures').pluck().get(), extraction.targets.length + extraction.actuals.length);
    assert.equal(store.db.prepare('SELECT count(*) FROM commitments').pluck().get(), extraction.commitments.length);
  } finally {
    store.close();
  }
});

test('in a batch, a document that fails is left out whole and the others are written, with their own sentences and search rows', () => {
  const store = new Store(join(dir, 'batch.db'));
  try {
    const good = docs.slice(1, 4).map((doc) => ({ doc, extraction: extractFigures(doc) }));
    // the middle one breaks a constraint with its last row, after its text and sentences are in
    const x = good[1].extraction;
    const broken = { doc: good[1].doc, extraction: { ...x, actuals: [...x.actuals, { ...x.actuals[0], kind: 'forecast' as 'actual' }] } };
    const results = store.writeBatch(prepareBatch([good[0], broken, good[2]]));
    assert.deepEqual(results.map((r) => ('error' in r ? 'error' : 'added')), ['added', 'error', 'added']);
    assert.match((results[1] as { error: string }).error, /CHECK constraint failed/);
    assert.equal(store.countDocuments(), 2);
    const sentences = storedSentences(store.db).length;
    assert.equal(sentences, good[0].doc.sentences.length + good[2].doc.sentences.length);
    assert.equal(store.db.prepare('SELECT count(*) FROM figures').pluck().get(), [good[0], good[2]].reduce((n, g) => n + g.extraction.targets.length + g.extraction.actuals.length, 0));
    // the failed document's sentences are not found; the others' are, at their own ids
    const written = store.listDocuments().map((d) => d.id);
    const hits = store.search('地区生产总值', { limit: 1000 });
    assert.ok(hits.length > 0 && hits.every((h) => written.includes(h.docId)));
    for (const h of hits) assert.ok(store.getText(h.docId)!.includes(h.sentence));
  } finally {
    store.close();
  }
});

test('sentences are read back from their blocks as analysed: by document, by id across blocks and documents, none for an id no sentence has', () => {
  const store = new Store(join(dir, 'blocks.db'));
  try {
    const ids = docs.slice(0, 2).map((doc) => store.addDocument(doc, null).id);
    const first = documentSentences(store.db, ids[0]);
    // each analysed sentence, at its offsets, its text cut from the document's text (blocks of 32)
    assert.ok(first.length > 100);
    assert.deepEqual(first.map((s) => [s.index, s.paragraph, s.section, s.start, s.end]), docs[0].sentences.map((s) => [s.index, s.paragraph, s.section, s.start, s.end]));
    for (const s of first) assert.equal(s.text, docs[0].text.slice(s.start, s.end));
    assert.deepEqual(documentSentences(store.db, ids[0], false).map((s) => s.text), first.map(() => ''));
    // ids on both sides of a block's edge and of the documents' edge, and one past the last sentence
    const second = documentSentences(store.db, ids[1]);
    const wanted = [first[31], first[32], first[first.length - 1], second[0], second[33]];
    const byId = sentencesByIds(store.db, [...wanted.map((s) => s.id), second[second.length - 1].id + 1]);
    assert.deepEqual([...byId.values()].sort((a, b) => a.id - b.id), wanted);
    // text around a sentence, across its paragraph's end, comes from its block; beyond the block, none
    const text = docs[0].text;
    const edge = first[31];
    // (the first block's first sentence that opens a new paragraph)
    const k = first.findIndex((s, i) => i > 0 && i < 32 && s.paragraph !== first[i - 1].paragraph);
    assert.ok(k > 0);
    const [inside, across, wrong] = textsAround(store.db, [
      { id: first[k].id, start: first[k - 1].start, end: first[k].end },
      { id: edge.id, start: edge.start, end: first[32].end },
      { id: second[second.length - 1].id + 1, start: 0, end: 1 },
    ]);
    assert.equal(inside, text.slice(first[k - 1].start, first[k].end));
    assert.ok(first[k].start > first[k - 1].end, 'a gap between the paragraphs, in the text cut');
    assert.equal(across, null);
    assert.equal(wrong, null);
    // a deleted document's sentences are gone, the other's are there
    assert.equal(store.deleteDocument(ids[0]), true);
    assert.deepEqual([...sentencesByIds(store.db, wanted.map((s) => s.id)).keys()].sort((a, b) => a - b), [second[0].id, second[33].id]);
    assert.equal(documentSentences(store.db, ids[0]).length, 0);
  } finally {
    store.close();
  }
});

test('deleting a document removes its sentences from the search index', () => {
  const store = new Store(join(dir, 'b.db'));
  try {
    const id = store.listDocuments()[0].id;
    assert.ok(store.search('苏州').length > 0);
    assert.equal(store.deleteDocument(id), true);
    assert.equal(store.search('苏州').length, 0);
  } finally {
    store.close();
  }
});

test('the figures of a metric come with their sentences, stored by metric: as read from the sentences table, rebuilt for an older database, gone with their document', async () => {
  const file = join(dir, 'metric.db');
  let store = new Store(file);
  try {
    for (const name of ['suzhou-2024', 'suzhou-wuzhong-2024']) {
      const doc = analyseDocument(await readReport(sample(name)));
      store.addDocument(doc, extractFigures(doc));
    }
    const byMetric = queryFigures(store.db, 'actual', { metric: 'gdp' });
    assert.ok(byMetric.length >= 4);
    // the other way, through the sentences table
    assert.deepEqual(byMetric, queryFigures(store.db, 'actual', {}).filter((f) => f.metric === 'gdp'));
    for (const f of byMetric) {
      assert.equal(store.getText(f.docId)!.slice(f.sentenceStart, f.sentenceEnd), f.sentence);
      assert.ok(f.sentence.includes(f.text));
    }
    // a version 7 database has none: opening it stores them
    store.db.exec('DROP TABLE metric_sentences');
    sentencesAsRows(store.db);
    store.db.pragma('user_version = 7');
    store.close();
    store = new Store(file);
    assert.deepEqual(queryFigures(store.db, 'actual', { metric: 'gdp' }), byMetric);
    const first = byMetric[0].docId;
    assert.equal(store.deleteDocument(first), true);
    assert.equal(store.db.prepare('SELECT count(*) FROM metric_sentences WHERE doc_id = ?').pluck().get(first), 0);
    assert.ok(queryFigures(store.db, 'actual', { metric: 'gdp' }).every((f) => f.docId !== first));
  } finally {
    store.close();
  }
});

test('a version 8 database is migrated: its dictionary counts (JSON objects) and metric sentences (UTF-8) read as before, counts of an unknown dictionary version are dropped', async () => {
  const file = join(dir, 'v8.db');
  let store = new Store(file);
  try {
    for (const doc of docs.slice(0, 3)) store.addDocument(doc, extractFigures(doc));
    const dictionaries = bundledDictionaries();
    const indexes = dictionaries.map((d) => dictionaryIndex(store.db, d, {}));
    assert.ok(indexes.some((rows) => rows.some((r) => r.hits > 0)));
    const gdp = queryFigures(store.db, 'actual', { metric: 'gdp' });
    assert.ok(gdp.length >= 2);
    // the tables as version 8 wrote them
    store.db.exec('DROP TABLE metric_sentences');
    sentencesAsRows(store.db);
    store.db.exec(MIGRATIONS.find((m) => m.version === 8)!.sql);
    const rows = store.db.prepare('SELECT version, doc_id, counts FROM dictionary_counts').raw().all() as Array<[string, number, string]>;
    const update = store.db.prepare('UPDATE dictionary_counts SET counts = ? WHERE version = ? AND doc_id = ?');
    for (const [version, docId, counts] of rows) {
      const dictionary = dictionaries.find((d) => version.startsWith(`${d.name}:`))!;
      update.run(JSON.stringify(unpackCounts(counts, dictionary)), version, docId);
    }
    store.db.prepare("INSERT INTO dictionary_counts VALUES ('innovation:0123456789abcdef', ?, '{\"hits\":1,\"terms\":{\"gone\":1},\"roles\":{}}')").run(rows[0][1]);
    store.db.pragma('user_version = 8');
    store.close();
    store = new Store(file);
    assert.deepEqual(dictionaries.map((d) => dictionaryIndex(store.db, d, {})), indexes);
    assert.deepEqual(queryFigures(store.db, 'actual', { metric: 'gdp' }), gdp);
    assert.equal(store.db.prepare("SELECT count(*) FROM dictionary_counts WHERE version = 'innovation:0123456789abcdef'").pluck().get(), 0);
    assert.equal(store.db.prepare('SELECT count(*) FROM dictionary_counts').pluck().get(), rows.length);
  } finally {
    store.close();
  }
});

test("a version 9 database is migrated: a metric's figures are read from the index by metric, which leaves out the figures of no metric", () => {
  const file = join(dir, 'v9.db');
  let store = new Store(file);
  try {
    for (const doc of docs.slice(0, 3)) store.addDocument(doc, extractFigures(doc));
    const gdp = queryFigures(store.db, 'target', { metric: 'gdp' });
    const other = queryFigures(store.db, 'actual', { metric: 'other' });
    assert.ok(gdp.length >= 2 && other.length > 10);
    // the index as version 9 made it, over every figure
    store.db.exec(`DROP INDEX figures_metric;
      CREATE INDEX figures_metric ON figures (metric, kind, doc_id, year, label, quantity, value, value2, unit, modifier, stretch, estimated, start, end, sentence, section)`);
    sentencesAsRows(store.db);
    store.db.pragma('user_version = 9');
    store.close();
    store = new Store(file);
    const plan = (metric: string) => {
      let detail = '';
      const prepare = store.db.prepare.bind(store.db);
      // the plan of the statement queryFigures prepares
      (store.db as { prepare: unknown }).prepare = (sql: string) => {
        if (sql.includes('FROM figures f')) detail = (prepare(`EXPLAIN QUERY PLAN ${sql}`).all('target', metric) as Array<{ detail: string }>).map((r) => r.detail).join(' | ');
        return prepare(sql);
      };
      try {
        queryFigures(store.db, 'target', { metric });
      } finally {
        (store.db as { prepare: unknown }).prepare = prepare;
      }
      return detail;
    };
    assert.match(plan('gdp'), /COVERING INDEX figures_metric/);
    assert.deepEqual(queryFigures(store.db, 'target', { metric: 'gdp' }), gdp);
    assert.deepEqual(queryFigures(store.db, 'actual', { metric: 'other' }), other);
    assert.equal(store.db.prepare("SELECT count(*) FROM figures INDEXED BY figures_metric WHERE metric <> 'other'").pluck().get(), store.db.prepare("SELECT count(*) FROM figures WHERE metric <> 'other'").pluck().get());
    assert.match(store.db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'figures_metric'").pluck().get() as string, /WHERE metric <> 'other'/);
  } finally {
    store.close();
  }
});

test("a metric's sentences are kept per connection until the database changes: a figure added or deleted through another connection shows with its sentence", () => {
  const file = join(dir, 'kept-sentences.db');
  const writer = new Store(file);
  const reader = new Store(file, { readonly: true });
  try {
    writer.addDocument(docs[0], extractFigures(docs[0]));
    const first = queryFigures(reader.db, 'actual', { metric: 'gdp' });
    assert.ok(first.length >= 1);
    assert.deepEqual(queryFigures(reader.db, 'actual', { metric: 'gdp' }), first);
    const added = writer.addDocument(docs[1], extractFigures(docs[1])).id;
    const after = queryFigures(reader.db, 'actual', { metric: 'gdp' });
    const fresh = after.filter((f) => f.docId === added);
    assert.ok(fresh.length >= 1 && after.length === first.length + fresh.length);
    for (const f of fresh) {
      assert.equal(writer.getText(added)!.slice(f.sentenceStart, f.sentenceEnd), f.sentence);
      assert.ok(f.sentence.includes(f.text));
    }
    // the same records as a query of the one document, which reads its sentences from the database
    assert.deepEqual(fresh, queryFigures(reader.db, 'actual', { metric: 'gdp', docId: added }));
    writer.deleteDocument(added);
    assert.deepEqual(queryFigures(reader.db, 'actual', { metric: 'gdp' }), first);
  } finally {
    reader.close();
    writer.close();
  }
});

test("a dictionary's stored counts are kept per connection until the database changes, through this connection or another", () => {
  const file = join(dir, 'kept-counts.db');
  const writer = new Store(file);
  const reader = new Store(file, { readonly: true });
  const dictionary = bundledDictionaries()[0];
  writer.addDocument(docs[0], extractFigures(docs[0]));
  const once = dictionaryIndex(reader.db, dictionary, {});
  assert.equal(dictionaryIndex(writer.db, dictionary, {}).length, 1);
  assert.deepEqual(dictionaryIndex(reader.db, dictionary, {}), once);
  // a document added through the writer is in both connections' next index, with its stored counts
  writer.addDocument(docs[1], extractFigures(docs[1]));
  for (const db of [writer.db, reader.db]) {
    const rows = dictionaryIndex(db, dictionary, {});
    assert.equal(rows.length, 2);
    assert.ok(rows.every((r) => r.hits > 0));
  }
  // a document deleted through the writer is gone from the reader's next index
  writer.db.prepare('DELETE FROM documents WHERE id = (SELECT min(id) FROM documents)').run();
  assert.equal(dictionaryIndex(reader.db, dictionary, {}).length, 1);
  reader.close();
  writer.close();
});
