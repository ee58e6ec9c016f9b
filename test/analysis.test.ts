import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { termPositions, parseDictionary, bundledDictionaries, tokenize, tokenStarts, addWords, opensWithAction } from '../src/analysis/words.ts';
import { gazetteer } from '../src/structure/gazetteer.ts';
import { keyness } from '../src/analysis/keyness.ts';
import { glossaryEntries, slogans } from '../src/extract/glossary.ts';
import { readReport } from '../src/readers/index.ts';
import { analyseDocument } from '../src/structure/document.ts';
import { SAMPLES, SHARED_REPORTS, gwr, sample, tempDir } from './helpers.ts';

const dir = tempDir();
const db = join(dir, 'analysis.db');
assert.equal(gwr(['add', ...SAMPLES.map(sample), join(SHARED_REPORTS, 'province', '江苏省', '2024.md'), '--db', db]).code, 0);
const json = (args: string[]) => {
  const r = gwr([...args, '--db', db, '--json']);
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout);
};

test('terms match on characters at word boundaries: 印度 is not found inside 印度尼西亚, multi-word terms are', () => {
  assert.deepEqual(termPositions('深化与印度尼西亚和印度的合作', '印度'), [9]);
  assert.deepEqual(termPositions('加快形成新质生产力', '新质生产力'), [4]);
  // 生态环境保护 is several jieba words; the term 环境保护 still counts where it ends on a boundary
  assert.deepEqual(termPositions('加强生态环境保护', '环境保护'), [4]);
  // figures stay whole for jieba
  assert.ok(tokenize('地区生产总值增长5.5%').some((t) => t.text === '5.5%'));
});

test('term boundaries found by segmenting only the run around a hit are those of segmenting the whole sentence', async () => {
  const terms = bundledDictionaries().flatMap((d) => d.terms);
  let checked = 0;
  for (const name of SAMPLES) {
    const doc = analyseDocument(await readReport(sample(name)));
    for (const s of doc.sentences) {
      const text = doc.text.slice(s.start, s.end);
      const starts = new Set([...tokenize(text).map((t) => t.start), text.length]);
      for (const term of terms) {
        if (!text.includes(term)) continue;
        const whole: number[] = [];
        for (let at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + 1)) if (starts.has(at) && starts.has(at + term.length)) whole.push(at);
        assert.deepEqual(termPositions(text, term), whole, `${term} in ${text}`);
        checked++;
      }
    }
  }
  assert.ok(checked > 1000);
});

test('the word table cuts text as jieba does, without jieba: every sentence of the samples and of 江苏 2024, figures, Latin letters, characters beyond the BMP, and words a user adds', async () => {
  const texts: string[] = [];
  for (const path of [...SAMPLES.map(sample), join(SHARED_REPORTS, 'province', '江苏省', '2024.md')]) {
    const doc = analyseDocument(await readReport(path));
    for (const s of doc.sentences) texts.push(doc.text.slice(s.start, s.end));
  }
  texts.push('5G基站和C919大飞机、R&D投入2.5%，PM2.5浓度35微克/立方米\r\n𠀀𪚥字与abc12、x.y-z');
  const same = () => texts.every((t) => JSON.stringify(tokenStarts(t)) === JSON.stringify(tokenize(t).map((x) => x.start)));
  assert.ok(texts.length > 2000 && same());
  // a word only a user's dictionary knows
  const text = '发展鲲鹏星链飞行器产业';
  assert.ok(!tokenize(text).some((t) => t.text === '鲲鹏星链飞行器'));
  addWords(['鲲鹏星链飞行器']);
  assert.ok(tokenize(text).some((t) => t.text === '鲲鹏星链飞行器'));
  assert.deepEqual(tokenStarts(text), tokenize(text).map((x) => x.start));
});

test('bundled dictionaries carry a name, description and citation; user dictionaries come as YAML, JSON or a plain list', () => {
  const names = bundledDictionaries().map((d) => d.name);
  assert.deepEqual(names, ['digital_economy', 'environment', 'innovation', 'livelihood', 'opening_up', 'risk_security']);
  for (const d of bundledDictionaries()) assert.ok(d.description && d.citation && d.terms.length >= 20, d.name);
  assert.deepEqual(parseDictionary('name: 低空\nterms: [低空经济, 无人机]', 'a.yaml').terms, ['低空经济', '无人机']);
  assert.deepEqual(parseDictionary('["低空经济","无人机"]', 'b.json').terms, ['低空经济', '无人机']);
  assert.deepEqual(parseDictionary('# my words\n低空经济\n无人机\n', 'c.txt'), { name: 'c', title: 'c', description: '', citation: '', terms: ['低空经济', '无人机'] });
  assert.throws(() => parseDictionary('name: x', 'd.yaml'), /d\.yaml: a dictionary needs a "terms" list/);
});

test('a dictionary index counts hits per 10,000 characters, per report and per section role', () => {
  const file = join(dir, 'mine.txt');
  writeFileSync(file, '新质生产力\n低空经济\n');
  const { rows } = json(['index', '--dict', file, '--region', '苏州']);
  const s2024 = rows.find((r: any) => r.year === 2024 && r.region === '江苏省苏州市');
  const text = readFileSync(sample('suzhou-2024'), 'utf8');
  const expected = (text.match(/新质生产力/g) ?? []).length + (text.match(/低空经济/g) ?? []).length;
  assert.equal(s2024.hits, expected);
  assert.equal(s2024.index, Math.round((expected / s2024.chars) * 1e4 * 1e4) / 1e4);
  assert.equal(Object.values(s2024.roles).reduce((n: number, r: any) => n + r.hits, 0), expected);
  assert.ok(s2024.roles.tasks.hits > 0);
  const env = json(['index', '--dict', 'environment']).rows;
  assert.equal(env.length, 6);
  assert.ok(env.every((r: any) => r.index > 5 && r.index < 200));
});

test('KWIC gives each occurrence with its context and offsets', () => {
  const lines = json(['kwic', '新质生产力', '--window', '10']);
  assert.ok(lines.length >= 5);
  const text = readFileSync(sample('suzhou-huqiu-2025'), 'utf8');
  for (const l of lines) {
    assert.equal(l.term, '新质生产力');
    assert.ok(l.left.length <= 10 && l.right.length <= 10);
  }
  assert.ok(lines.some((l: any) => l.region.endsWith('虎丘区') && text.includes(l.term + l.right.slice(0, 3))));
});

test('KWIC windows are the normalised text around each hit, inside a paragraph and across its ends', () => {
  const window = 30;
  const lines = json(['kwic', '发展', '--window', String(window), '--limit', '300']);
  assert.equal(lines.length, 300);
  const texts = new Map<number, string>();
  let crossing = 0;
  for (const l of lines) {
    if (!texts.has(l.docId)) texts.set(l.docId, gwr(['show', String(l.docId), '--text', '--db', db]).stdout);
    const around = texts.get(l.docId)!.slice(Math.max(0, l.start - window), l.end + window);
    assert.equal(l.left + l.term + l.right, around.replace(/\n/g, ' '));
    if (around.includes('\n')) crossing++;
  }
  // windows inside a paragraph and windows across its end (cut from the block of the hit's sentence,
  // or from the document's text beyond the block)
  assert.ok(crossing > 20 && crossing < lines.length - 20, `${crossing} of ${lines.length} cross a paragraph's end`);
});

test('spread: first appearance and use of a term by year', () => {
  const s = json(['spread', '新质生产力']);
  assert.equal(s.first.year, 2024);
  assert.deepEqual(s.byYear.find((y: any) => y.year === 2020), { year: 2020, documents: 0, corpus: 1, share: 0, regions: [] });
  assert.ok(s.documents >= 4);
});

test('keyness: G² and log ratio as the formulas give them', () => {
  const a = new Map([['创新', 30], ['发展', 70]]);
  const b = new Map([['创新', 10], ['发展', 90]]);
  const rows = keyness(a, b, { minCount: 1 });
  const innovation = rows.find((r) => r.word === '创新')!;
  // expected counts are 20 and 20: G² = 2(30 ln 1.5 + 10 ln 0.5)
  assert.equal(innovation.g2, Math.round(2 * (30 * Math.log(1.5) + 10 * Math.log(0.5)) * 100) / 100);
  assert.equal(innovation.logRatio, Math.round(Math.log2(3) * 100) / 100);
  assert.equal(innovation.keyFor, 'a');
  const k = json(['keyness', '--a', '2020', '--b', '2024-2025', '--top', '5']);
  assert.equal(k.a.reports, 1);
  assert.equal(k.b.reports, 5);
});

test('glossary entries and numbered slogans with explanations (虎丘 2025)', async () => {
  const doc = analyseDocument(await readReport(sample('suzhou-huqiu-2025')));
  const entries = glossaryEntries(doc);
  assert.equal(entries.length, 16);
  const e = entries.find((x) => x.term === '0620产业体系')!;
  assert.ok(e.explanation.startsWith('新一代信息技术、高端装备'));
  const s = slogans(doc);
  const liangzhong = s.find((x) => x.slogan === '两重')!;
  assert.equal(liangzhong.count, 4);
  assert.match(liangzhong.explanation!, /超长期特别国债/);
  assert.ok(json(['slogans']).some((x: any) => x.slogan === '两新' && x.reports >= 1));
});

test("track compares a city's targets with its province's (加码)", () => {
  const rows = json(['track', '--region', '苏州市', '--year', '2024']);
  const gdp = rows.find((r: any) => r.metric === 'gdp' && r.quantity === 'growth');
  assert.deepEqual([gdp.target.value, gdp.parent.region, gdp.parent.value, gdp.escalation], [5, '江苏省', 5, 0]);
  const xc = json(['track', '--region', '相城']).find((r: any) => r.metric === 'general_budget_revenue' && r.quantity === 'growth');
  assert.deepEqual([xc.target.value, xc.parent.region, xc.parent.value, xc.escalation], [6.8, '江苏省苏州市', 4, 2.8]);
});

test('exports: CSV with BOM and a Stata do-file, a wide panel, XLSX with numbers as numbers', async () => {
  const csv = join(dir, 'targets.csv');
  assert.equal(gwr(['export', 'targets', '--out', csv, '--stata', '--db', db]).code, 0);
  const text = readFileSync(csv, 'utf8');
  assert.ok(text.startsWith('\ufeffdoc_id,code,province'));
  assert.ok(text.includes('320500,江苏省,苏州市,,prefecture,2024,report,2024,gdp,growth,地区生产总值,5,,%,5,%,at_least,0'));
  const doFile = readFileSync(join(dir, 'targets.do'), 'utf8');
  assert.match(doFile, /import delimited using "targets\.csv", encoding\("utf-8"\)/);
  assert.match(doFile, /label variable modifier "point, around, at_least, at_most, range, qualitative, not_set"/);
  const wide = gwr(['export', 'targets', '--wide', '--db', db]).stdout.split('\r\n');
  const header = wide[0].replace('\ufeff', '').split(',');
  const suzhou2024 = wide.find((l) => l.startsWith('320500,江苏省,苏州市,,prefecture,2024'))!.split(',');
  assert.equal(suzhou2024[header.indexOf('gdp_growth')], '5');
  assert.equal(suzhou2024[header.indexOf('fixed_asset_investment_level')], '6300');
  const xlsx = join(dir, 'attainment.xlsx');
  assert.equal(gwr(['export', 'attainment', '--format', 'xlsx', '--out', xlsx, '--db', db]).code, 0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsx);
  const ws = wb.getWorksheet('attainment')!;
  const cols = (ws.getRow(1).values as string[]).slice(1);
  const row = ws.getRows(2, ws.rowCount - 1)!.find((r) => r.getCell(cols.indexOf('metric') + 1).value === 'gdp' && r.getCell(cols.indexOf('year') + 1).value === 2024 && r.getCell(cols.indexOf('city') + 1).value === '苏州市')!;
  assert.equal(row.getCell(cols.indexOf('target') + 1).value, 5);
  assert.equal(row.getCell(cols.indexOf('escalation') + 1).value, 0);
  const docs = JSON.parse(gwr(['export', 'documents', '--format', 'json', '--db', db]).stdout);
  assert.equal(docs.length, 6);
  assert.ok(docs.every((d: any) => /^\d{6}$/.test(d.code)));
  // each commitment with its text as the report writes it
  const commitments = JSON.parse(gwr(['export', 'commitments', '--format', 'json', '--db', db]).stdout);
  assert.ok(commitments.length > 20);
  for (const c of commitments) assert.ok(c.text.length === c.end - c.start && c.text.includes(c.object), JSON.stringify(c));
});

test('a text opens with an action when its first two characters are a verb, preposition, adverb or conjunction of jieba\'s dictionary; a place name at a position is found there only', () => {
  assert.equal(opensWithAction('加快咸宁高新区发展'), true);
  assert.equal(opensWithAction('确保拉萨综合保税区入驻企业20家以上'), true);
  assert.equal(opensWithAction('三江新区获批全省首个省级新区'), false);
  assert.equal(opensWithAction('通化医药高新区实施重点项目30个'), false);
  const g = gazetteer();
  assert.deepEqual(g.fullNamesAt('古浪县绿色工业扩规提质', 0).map((x) => [x.region.name, x.length]), [['古浪县', 3]]);
  assert.deepEqual(g.fullNamesAt('推动古浪县绿色工业', 0), []);
});
