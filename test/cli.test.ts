import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLES, GOLD, gwr, sample, tempDir } from './helpers.ts';

const dir = tempDir();
const db = join(dir, 'cli.db');

test('gwr add: a batch with a binary and an empty file adds the rest and says which failed and why', () => {
  const batch = join(dir, 'batch');
  mkdirSync(batch);
  copyFileSync(sample('suzhou-2024'), join(batch, 'a.txt'));
  copyFileSync(sample('suzhou-wuzhong-2024'), join(batch, 'b.txt'));
  writeFileSync(join(batch, 'c.txt'), Buffer.from([0, 1, 2, 3, 255, 254, 0, 0, 7, 8]));
  writeFileSync(join(batch, 'd.txt'), '');
  const r = gwr(['add', batch, '--db', db]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /c\.txt: binary data/);
  assert.match(r.stderr, /d\.txt: empty file/);
  assert.match(r.stdout, /2 added, 0 already present, 2 failed/);
});

test('gwr add again: a no-op that says so', () => {
  const r = gwr(['add', sample('suzhou-2024'), '--db', db]);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /duplicate.*already in the corpus/);
  assert.match(r.stdout, /0 added, 1 already present, 0 failed/);
});

test('gwr list, show and search print JSON', () => {
  const list = JSON.parse(gwr(['list', '--db', db, '--json']).stdout);
  assert.deepEqual(list.map((d: any) => [d.city, d.county, d.year, d.speaker]), [['苏州市', null, 2024, '吴庆文'], ['苏州市', '吴中区', 2024, '顾晓东']]);
  const show = JSON.parse(gwr(['show', String(list[1].id), '--db', db, '--json']).stdout);
  assert.equal(show.meeting, '苏州市吴中区第五届人民代表大会第三次会议');
  assert.ok(show.sectionList.some((s: any) => s.title === '2024年主要任务' && s.role === 'tasks'));
  const hits = JSON.parse(gwr(['search', '吴中', '--db', db, '--json', '--limit', '5']).stdout);
  assert.equal(hits.length, 5);
  assert.ok(hits.every((h: any) => h.match === '吴中' && h.sentence.includes('吴中')));
  assert.equal(gwr(['show', '999', '--db', db]).code, 1);
});

test('gwr show --original prints the text of the file as it was read, --text the normalised text the offsets point into', () => {
  const [doc] = JSON.parse(gwr(['list', '--db', db, '--json']).stdout);
  const original = gwr(['show', String(doc.id), '--db', db, '--original']).stdout;
  assert.equal(original, readFileSync(sample('suzhou-2024'), 'utf8'));
  const text = gwr(['show', String(doc.id), '--db', db, '--text']).stdout;
  assert.equal(text.length, doc.chars);
  const [gdp] = JSON.parse(gwr(['targets', '--db', db, '--json', '--region', '苏州市', '--metric', 'gdp']).stdout);
  assert.equal(text.slice(gdp.start, gdp.end), gdp.text);
});

test('GWR_DB chooses the database', () => {
  const r = gwr(['list', '--json'], { GWR_DB: db });
  assert.equal(JSON.parse(r.stdout).length, 2);
});

test('gwr targets reads stored targets with their source text', () => {
  const rows = JSON.parse(gwr(['targets', '--region', '苏州市', '--year', '2024', '--db', db, '--json']).stdout);
  const gdp = rows.find((r: any) => r.metric === 'gdp' && r.quantity === 'growth');
  assert.equal(gdp.value, 5);
  assert.equal(gdp.modifier, 'at_least');
  assert.equal(gdp.text, '地区生产总值增长5%以上');
  assert.ok(gdp.sentence.includes(gdp.text));
  assert.ok(rows.every((r: any) => r.county === null));
});

test('gwr extract --json prints the contract; --out writes one file per input', () => {
  const r = gwr(['extract', sample('suzhou-xiangcheng-2024'), '--json']);
  assert.equal(r.code, 0);
  const x = JSON.parse(r.stdout);
  assert.deepEqual(Object.keys(x.document).slice(0, 7), ['province', 'city', 'county', 'level', 'year', 'date', 'speaker']);
  const t = x.targets[0];
  assert.deepEqual(Object.keys(t).slice(0, 12), ['metric', 'label', 'quantity', 'value', 'value2', 'unit', 'modifier', 'stretch', 'year', 'start', 'end', 'text']);
  const text = readFileSync(sample('suzhou-xiangcheng-2024'), 'utf8');
  // the normalised text closes up the spaces the file has around figures (增长 5.5%)
  assert.ok(text.replace(/\s+/g, '').includes(t.text));
  const out = join(dir, 'out');
  const w = gwr(['extract', EXAMPLES, '--json', '--out', out]);
  assert.equal(w.code, 0);
  assert.deepEqual(readdirSync(out).sort(), ['suzhou-2020.json', 'suzhou-2024.json', 'suzhou-huqiu-2025.json', 'suzhou-wuzhong-2024.json', 'suzhou-xiangcheng-2024.json']);
});

test('gwr eval scores the bundled samples against their gold labels', () => {
  const r = gwr(['eval', '--texts', EXAMPLES, '--gold', GOLD, '--json']);
  const { total } = JSON.parse(r.stdout);
  assert.ok(total.targets.f1 >= 0.95 && total.actuals.f1 >= 0.95);
  assert.equal(total.metadata, 1);
});

test('metadata given by the user (flags or a sidecar JSON) wins over detection; a bad sidecar is a clear error', () => {
  const folder = join(dir, 'user-meta');
  mkdirSync(folder);
  const file = join(folder, 'report.txt');
  copyFileSync(sample('suzhou-huqiu-2025'), file);
  writeFileSync(join(folder, 'report.meta.json'), JSON.stringify({ county: '苏州高新区', speaker: '吴琦', speakerTitle: '区长' }));
  const metaDb = join(dir, 'meta.db');
  const r = gwr(['add', file, '--db', metaDb, '--code', '320505', '--json']);
  assert.equal(r.code, 0);
  const [doc] = JSON.parse(gwr(['list', '--db', metaDb, '--json']).stdout);
  assert.deepEqual([doc.county, doc.speaker, doc.speakerTitle, doc.code, doc.city], ['苏州高新区', '吴琦', '区长', '320505', '苏州市']);
  writeFileSync(join(folder, 'report.meta.json'), '{ "year": "soon" }');
  const bad = gwr(['add', file, '--db', join(dir, 'meta2.db')]);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /report\.meta\.json: "year" must be a year/);
});
