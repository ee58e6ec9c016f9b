import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { attainment } from '../src/analysis/attainment.ts';
import { SHARED_REPORTS, gwr, tempDir } from './helpers.ts';

const t = (modifier: string, value: number | null, value2: number | null = null, metric = 'gdp', unit = '%') => ({ metric, quantity: 'growth', value, value2, unit, modifier });

test('attainment rules, one per modifier', () => {
  assert.deepEqual([attainment(t('at_least', 6), { value: 8.1, unit: '%' }).status, attainment(t('at_least', 6), { value: 5.9, unit: '%' }).status], ['met', 'missed']);
  assert.equal(attainment(t('at_most', 3, null, 'cpi'), { value: 3.3, unit: '%' }).status, 'missed');
  assert.deepEqual(attainment(t('around', 5), { value: 5.2, unit: '%' }), { status: 'met', gap: 0.2, rule: 'around: met when |actual − target| ≤ 0.5 percentage points' });
  assert.equal(attainment(t('around', 8), { value: 9.9, unit: '%' }).status, 'missed');
  assert.equal(attainment(t('around', 8), { value: 9.9, unit: '%' }, 2).status, 'met');
  assert.deepEqual(attainment(t('range', 6, 6.5), { value: 6.1, unit: '%' }).gap, 0);
  assert.deepEqual(attainment(t('range', 6.5, 7), { value: 7.4, unit: '%' }).gap, 0.4);
  assert.equal(attainment(t('point', 7.5), { value: 7.8, unit: '%' }).status, 'met');
  assert.equal(attainment(t('point', 3, null, 'cpi'), { value: 3.3, unit: '%' }).status, 'missed');
  assert.equal(attainment(t('qualitative', null), { value: 5, unit: '%' }).status, 'not_verifiable');
  assert.equal(attainment(t('not_set', null), { value: 2.3, unit: '%' }).status, 'not_verifiable');
  assert.equal(attainment(t('at_least', 5), null).status, 'not_verifiable');
  // levels in different scales: 1.2万亿元 against a target of 11000亿元
  assert.equal(attainment({ metric: 'gdp', quantity: 'level', value: 11000, value2: null, unit: '亿元', modifier: 'at_least' }, { value: 1.2, unit: '万亿元' }).gap, 1000);
});

test('the national GDP growth series 2005–2024 from the State Council reports alone', () => {
  const db = join(tempDir(), 'national.db');
  const files = Array.from({ length: 22 }, (_, i) => join(SHARED_REPORTS, 'national', `${2005 + i}.md`));
  assert.equal(gwr(['add', ...files, '--db', db]).code, 0);
  const rows = JSON.parse(gwr(['track', '--level', 'national', '--metric', 'gdp', '--quantity', 'growth', '--db', db, '--json']).stdout);
  const byYear = new Map(rows.map((r: any) => [r.year, r]));
  const expect: Array<[number, string, number, number | null, string]> = [
    [2005, 'around', 8, 9.9, 'missed'], [2006, 'around', 8, 10.7, 'missed'], [2008, 'around', 8, 9, 'missed'],
    [2009, 'around', 8, 8.7, 'missed'], [2010, 'around', 8, 10.3, 'missed'], [2011, 'around', 8, 9.2, 'missed'],
    [2012, 'point', 7.5, 7.8, 'met'], [2013, 'around', 7.5, 7.7, 'met'], [2014, 'around', 7.5, 7.4, 'met'],
    [2015, 'around', 7, 6.9, 'met'], [2016, 'range', 6.5, 6.7, 'met'], [2017, 'around', 6.5, 6.9, 'met'],
    [2018, 'around', 6.5, 6.6, 'met'], [2019, 'range', 6, 6.1, 'met'], [2021, 'at_least', 6, 8.1, 'met'],
    [2022, 'around', 5.5, 3, 'missed'], [2023, 'around', 5, 5.2, 'met'], [2024, 'around', 5, 5, 'met'],
  ];
  for (const [year, modifier, target, actual, status] of expect) {
    const r: any = byYear.get(year);
    assert.ok(r, `no record for ${year}`);
    assert.deepEqual([r.target.modifier, r.target.value, r.actual?.value ?? null, r.status], [modifier, target, actual, status], String(year));
    assert.ok(r.target.text.includes(String(target)) && r.actual.text.includes(String(actual)));
  }
  // 2020 set no figure; the 2008 report gives no growth figure for 2007
  assert.deepEqual([(byYear.get(2020) as any).target.modifier, (byYear.get(2020) as any).status], ['not_set', 'not_verifiable']);
  assert.deepEqual([(byYear.get(2007) as any).actual, (byYear.get(2007) as any).status], [null, 'not_verifiable']);
  // the statistics communiqué fills the gap
  assert.equal(gwr(['add', join(SHARED_REPORTS, 'nbs-communique', '2007.md'), '--db', db]).code, 0);
  const withCommunique = JSON.parse(gwr(['track', '--level', 'national', '--metric', 'gdp', '--quantity', 'growth', '--db', db, '--json']).stdout);
  const y2007 = withCommunique.find((r: any) => r.year === 2007);
  assert.deepEqual([y2007.actual.value, y2007.actual.source, y2007.status, y2007.gap], [11.4, 'communique', 'missed', 3.4]);
  const docs = JSON.parse(gwr(['list', '--db', db, '--json']).stdout);
  assert.deepEqual(docs.filter((d: any) => d.kind === 'communique').map((d: any) => [d.level, d.year, d.date]), [['national', 2007, '2008-02-28']]);
});
