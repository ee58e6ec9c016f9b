import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readReport } from '../src/readers/index.ts';
import { analyseDocument } from '../src/structure/document.ts';
import { extractFigures, type FigureRecord } from '../src/extract/extract.ts';
import { toContract } from '../src/extract/contract.ts';
import { scoreFile, totalScore, type GoldFile } from '../src/extract/evaluate.ts';
import { findQuantities } from '../src/numbers/quantities.ts';
import { normaliseText } from '../src/normalize/normalize.ts';
import { SAMPLES, SHARED_REPORTS, gold, hardWrapped, sample } from './helpers.ts';

async function extractPath(path: string) {
  const doc = analyseDocument(await readReport(path));
  return { doc, x: extractFigures(doc) };
}

/** Extraction of a few sentences written as a report's target passage or review. */
function extractText(text: string) {
  const doc = analyseDocument({ path: 'inline.txt', format: 'text', encoding: 'utf-8', text, attributes: {} });
  return extractFigures(doc);
}

const find = (rs: FigureRecord[], metric: string, quantity: string) => rs.filter((r) => r.metric === metric && r.quantity === quantity);

/** The extraction of a report in ../shared/reports, by its path there. */
const reportExtraction = async (...path: string[]) => (await extractPath(join(SHARED_REPORTS, ...path))).x;

/** A text whose long paragraphs are broken after their first sentence, as a <br> in a web page does. */
const brokenAfterFirstSentence = (text: string) => text.split('\n').map((p) => (p.length > 80 ? p.replace('。', '。\n') : p)).join('\n');

test('the dev set scores at least 0.95 F1 for targets and actuals, and metadata 1.00', async () => {
  const files = [];
  for (const name of SAMPLES) {
    const { doc, x } = await extractPath(sample(name));
    files.push(scoreFile(name, toContract(doc, x) as unknown as GoldFile, gold(name)));
  }
  const total = totalScore(files);
  assert.ok(total.targets.f1 >= 0.95, `targets F1 ${total.targets.f1}`);
  assert.ok(total.actuals.f1 >= 0.95, `actuals F1 ${total.actuals.f1}`);
  assert.equal(total.metadata, 1);
});

test('every record points at text that contains its label and its value', async () => {
  for (const name of SAMPLES) {
    const { doc, x } = await extractPath(sample(name));
    for (const r of [...x.targets, ...x.actuals]) {
      const span = doc.text.slice(r.start, r.end);
      if (!r.label.includes('…')) assert.ok(span.includes(r.label), `${name}: "${span}" lacks label ${r.label}`);
      if (r.value !== null) assert.ok(findQuantities(span).some((q) => Math.abs(q.value) === Math.abs(r.value!)), `${name}: "${span}" lacks ${r.value}`);
    }
  }
});

test('numbers as written: ranges, Chinese numerals, fractions, scales, thousands separators', () => {
  const q = (s: string) => findQuantities(s).map((x) => [x.value, x.value2, x.unit]);
  assert.deepEqual(q('国内生产总值增长6.5%—7%'), [[6.5, 7, '%']]);
  assert.deepEqual(q('增长6%-6.5%'), [[6, 6.5, '%']]);
  assert.deepEqual(q('4.5%至5%'), [[4.5, 5, '%']]);
  assert.deepEqual(q('比上年增长百分之七'), [[7, null, '%']]);
  assert.deepEqual(q('新增就业两万人'), [[2, null, '万人']]);
  assert.equal(findQuantities('占全省的三分之二')[0].value.toFixed(2), '66.67');
  assert.deepEqual(q('规模以上工业总产值3.34万亿元'), [[3.34, null, '万亿元']]);
  assert.deepEqual(q('粮食产量1,234万吨'), [[1234, null, '万吨']]);
  // spaces as thousands separators (太原 2013 "地区生产总值2 311.43亿元"), and not between two figures
  assert.deepEqual(q('地区生产总值2 311.43亿元，农民人均纯收入10 079元'), [[2311.43, null, '亿元'], [10079, null, '元']]);
  assert.deepEqual(q('分别为3 45'), [[3, null, ''], [45, null, '']]);
  // a count of thresholds crossed is no amount ("连续跨越两个千亿元台阶，达到6790亿元")
  assert.deepEqual(q('连续跨越两个千亿元台阶，达到6790亿元'), [[6790, null, '亿元']]);
  assert.deepEqual(q('提高0.5个百分点'), [[0.5, null, '个百分点']]);
  // ranks, years and identifiers are not figures
  assert.deepEqual(q('列全市第3位，2023年，G60科创走廊，5G工厂'), []);
  // nor are the parts of a date (the session date under the title of 苏州 2024)
  assert.deepEqual(q('——2024年1月16日在市十七届人大三次会议上，3月5号'), []);
  assert.deepEqual(q('用时8个月，建成12个'), [[8, null, '个'], [12, null, '个']]);
});

test('多 or 余 after a number or its scale keeps the figure\'s scale and unit, as written (national 1997, 云浮 2023)', async () => {
  assert.deepEqual(findQuantities('总成交金额320多亿元，实际利用外资3亿多美元，城镇新增就业2万余人').map((q) => [q.value, q.unit, q.text]), [
    [320, '亿元', '320多亿元'],
    [3, '亿美元', '3亿多美元'],
    [2, '万人', '2万余人'],
  ]);
  // "国内生产总值达到67700多亿元", "城镇新增就业700多万人"
  const national = await reportExtraction('national', '1997.md');
  assert.deepEqual(find(national.actuals, 'gdp', 'level').map((r) => [r.value, r.unit, r.year]), [[67700, '亿元', 1996]]);
  assert.deepEqual(find(national.actuals, 'new_urban_jobs', 'level').map((r) => [r.value, r.unit]), [[700, '万人']]);
  const yunfu = await reportExtraction('city', '云浮市', '2023.md');
  assert.deepEqual(find(yunfu.actuals, 'new_urban_jobs', 'level').map((r) => [r.value, r.unit, r.year]), [[2, '万人', 2022]]);
});

test('a space before a unit or scale keeps the unit (唐山 2014 "人口自然增长率控制在6.3 ‰以内"); rates joined by 和 are read with spaces before % too (浙江 2010 as a PDF prints it)', async () => {
  assert.deepEqual(findQuantities('人口自然增长率控制在6.3 ‰以内，城镇居民人均可支配收入24611 元，总量3 万亿元，2023 年').map((q) => [q.value, q.unit]), [
    [6.3, '‰'],
    [24611, '元'],
    [3, '万亿元'],
  ]);
  // "城镇居民人均可支配收入24611元，农村居民人均纯收入10007元，实际增长9.7%和9.5%", with a space before each unit
  const sentence = readFileSync(join(SHARED_REPORTS, 'province', '浙江省', '2010.md'), 'utf8').match(/[^。]*实际增长9\.7%和9\.5%/)![0];
  const spaced = sentence.replace(/(\d)([%元])/g, '$1 $2');
  const x = extractText(`2009年工作回顾\n${spaced}。`);
  assert.deepEqual(
    x.actuals.filter((a) => a.quantity === 'growth' && a.metric.endsWith('disposable_income')).map((a) => [a.metric, a.value]),
    [['urban_disposable_income', 9.7], ['rural_disposable_income', 9.5]],
  );
});

test('one list item with two figures: 城乡居民收入分别增长8.5%和10% is two targets', () => {
  const x = extractText('各位代表：\n二、2024年工作总体要求和目标\n今年经济社会发展的主要预期目标是：地区生产总值增长6%左右，城乡居民收入分别增长8.5%和10%。');
  assert.deepEqual(find(x.targets, 'urban_disposable_income', 'growth').map((t) => t.value), [8.5]);
  assert.deepEqual(find(x.targets, 'rural_disposable_income', 'growth').map((t) => t.value), [10]);
  assert.equal(find(x.targets, 'gdp', 'growth')[0].modifier, 'around');
});

test('modifiers from real target passages', async () => {
  const { x } = await extractPath(sample('suzhou-2020'));
  assert.equal(find(x.targets, 'registered_unemployment_rate', 'level')[0].modifier, 'at_most'); // 控制在3%以内
  assert.equal(find(x.targets, 'cpi', 'growth')[0].modifier, 'around'); // 控制在3.5%左右
  assert.equal(find(x.targets, 'retail_sales', 'growth')[0].modifier, 'at_least'); // 增长6%以上
  assert.equal(find(x.targets, 'energy_intensity', 'reduction')[0].modifier, 'qualitative');
  const fai = find(x.targets, 'fixed_asset_investment', 'growth')[0]; // 固定资产投资保持增长
  assert.equal(fai.modifier, 'qualitative');
  assert.equal(fai.value, null);
});

test('a stand-alone 力争 figure is a normal target; beside a base figure it is the stretch figure', async () => {
  const { x } = await extractPath(sample('suzhou-huqiu-2025'));
  const de = find(x.targets, 'digital_economy_share', 'level');
  assert.deepEqual(de.map((t) => [t.value, t.modifier, t.stretch]), [[24, 'at_least', false]]);
  const both = extractText('各位代表：\n二、2024年工作总体要求和目标\n今年的主要预期目标是：地区生产总值增长5%左右，力争6%。');
  assert.deepEqual(find(both.targets, 'gdp', 'growth').map((t) => [t.value, t.stretch]).sort(), [[5, false], [6, true]]);
});

test('the 2020 national report sets no GDP growth target: not_set, not missing', async () => {
  const { x } = await extractPath(join(SHARED_REPORTS, 'national', '2020.md'));
  const gdp = find(x.targets, 'gdp', 'growth');
  assert.equal(gdp.length, 1);
  assert.equal(gdp[0].modifier, 'not_set');
  assert.equal(gdp[0].value, null);
  assert.deepEqual(find(x.targets, 'new_urban_jobs', 'level').map((t) => [t.value, t.modifier]), [[900, 'at_least']]);
});

test("a five-year plan passage is not read as this year's targets (national 2016 and 2021)", async () => {
  const y2016 = (await extractPath(join(SHARED_REPORTS, 'national', '2016.md'))).x;
  assert.deepEqual(find(y2016.targets, 'gdp', 'growth').map((t) => [t.value, t.value2, t.modifier]), [[6.5, 7, 'range']]);
  assert.deepEqual(find(y2016.targets, 'new_urban_jobs', 'level').map((t) => t.value), [1000]);
  const y2021 = (await extractPath(join(SHARED_REPORTS, 'national', '2021.md'))).x;
  assert.deepEqual(find(y2021.targets, 'gdp', 'growth').map((t) => [t.value, t.modifier]), [[6, 'at_least']]);
  assert.deepEqual(find(y2021.targets, 'new_urban_jobs', 'level').map((t) => t.value), [1100]);
});

test('actuals: 预计数，下同 marks every later figure as estimated; the review year is last year', async () => {
  const { x } = await extractPath(sample('suzhou-xiangcheng-2024'));
  const core = x.actuals.filter((a) => a.metric !== 'other');
  assert.ok(core.length >= 10);
  assert.ok(core.every((a) => a.estimated && a.year === 2023));
  const s2020 = (await extractPath(sample('suzhou-2020'))).x;
  // 预计 covers its own sentence only
  assert.equal(find(s2020.actuals, 'gdp', 'level')[0].estimated, true);
  assert.equal(find(s2020.actuals, 'general_budget_revenue', 'level')[0].estimated, false);
});

test('actuals leave out sub-sectors, other subjects in the sentence and multi-year figures', () => {
  const x = extractText('各位代表：\n一、2023年工作回顾\n全年实现进出口总额2.45万亿元，一般贸易占比达到42%。实现生产性服务业增加值685亿元、增长7%。五年来，地区生产总值年均增长7%。\n地区生产总值1150亿元、增长5%。');
  assert.deepEqual(find(x.actuals, 'import_export', 'growth'), []);
  assert.deepEqual(find(x.actuals, 'service_value_added', 'level'), []);
  assert.deepEqual(find(x.actuals, 'gdp', 'growth').map((a) => a.value), [5]);
  assert.deepEqual(find(x.actuals, 'gdp', 'level').map((a) => [a.value, a.unit, a.year]), [[1150, '亿元', 2023]]);
});

test('commitments: quantified tasks with action, object, quantity and unit', async () => {
  const { doc, x } = await extractPath(sample('suzhou-huqiu-2025'));
  assert.ok(x.commitments.length >= 10);
  for (const c of x.commitments) {
    const span = doc.text.slice(c.start, c.end);
    assert.ok(span.startsWith(c.action) && span.includes(c.object));
  }
  const fromText = extractText('各位代表：\n三、2024年主要任务\n新建消防站3座，新增学位1.1万个，建成高标准农田8000亩。');
  assert.deepEqual(fromText.commitments.map((c) => [c.action, c.object, c.quantity, c.unit]), [
    ['新建', '消防站', 3, '座'], ['新增', '学位', 1.1, '万个'], ['建成', '高标准农田', 8000, '亩'],
  ]);
});

test('noisy copies of the dev set still score ≥ 0.95: traditional characters, hard-wrapped lines with page numbers, full-width digits', async () => {
  const { Converter } = await import('opencc-js');
  const toTraditional = Converter({ from: 'cn', to: 'hk' });
  const { readFileSync } = await import('node:fs');
  const variants: Record<string, (t: string) => string> = {
    traditional: toTraditional,
    wrapped: (t) => {
      const lines: string[] = [];
      let k = 0;
      for (const para of t.split('\n')) {
        for (let i = 0; i < para.length; i += 38) {
          lines.push(para.slice(i, i + 38));
          if (++k % 40 === 0) lines.push(`- ${k / 40} -`);
        }
      }
      return lines.join('\n').replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    },
  };
  for (const [variant, make] of Object.entries(variants)) {
    const files = [];
    for (const name of SAMPLES) {
      const doc = analyseDocument({ path: `${name}.txt`, format: 'text', encoding: 'utf-8', text: make(readFileSync(sample(name), 'utf8')), attributes: {} });
      files.push(scoreFile(name, toContract(doc, extractFigures(doc)) as unknown as GoldFile, gold(name)));
    }
    const total = totalScore(files);
    assert.ok(total.targets.f1 >= 0.95, `${variant}: targets F1 ${total.targets.f1}`);
    assert.ok(total.actuals.f1 >= 0.95, `${variant}: actuals F1 ${total.actuals.f1}`);
    assert.equal(total.metadata, 1, variant);
  }
});

test('a list of metrics with 分别 gets one figure per item, in order (南昌 2013)', () => {
  const x = extractText('各位代表：\n一、2012年工作回顾\n预计全年地区生产总值、财政总收入、社会消费品零售总额分别突破3000亿元、500亿元、1000亿元大关，分别增长约12.5%、21.6%、19%。');
  assert.deepEqual(find(x.actuals, 'gdp', 'level').map((a) => [a.value, a.unit, a.estimated]), [[3000, '亿元', true]]);
  assert.deepEqual(find(x.actuals, 'gdp', 'growth').map((a) => a.value), [12.5]);
  assert.deepEqual(find(x.actuals, 'retail_sales', 'level').map((a) => a.value), [1000]);
  assert.deepEqual(find(x.actuals, 'retail_sales', 'growth').map((a) => a.value), [19]);
});

test('contribution rates, other periods and index numbers are not growth rates', () => {
  const x = extractText('各位代表：\n一、2025年工作回顾\n工业对经济增长贡献率超50%。地区生产总值由2015年的94.9亿元增加到170亿元，增长79.1%。居民消费价格指数为100.8%。');
  assert.deepEqual(find(x.actuals, 'gdp', 'growth'), []);
  // CPI written as an index (last year = 100) is a rise of 0.8%
  assert.deepEqual(find(x.actuals, 'cpi', 'growth').map((a) => a.value), [0.8]);
});

test('an exact figure after a milestone replaces it (广州 2011)', () => {
  const x = extractText('各位代表：\n一、2010年工作回顾\n地区生产总值突破1万亿元，达10604.48亿元，同比增长13%。');
  assert.deepEqual(find(x.actuals, 'gdp', 'level').map((a) => [a.value, a.unit]), [[10604.48, '亿元']]);
  assert.deepEqual(find(x.actuals, 'gdp', 'growth').map((a) => a.value), [13]);
});

test('other numeric targets and actuals are kept with their label (苏州 2020 target passage)', async () => {
  const { x } = await extractPath(sample('suzhou-2020'));
  const others = x.targets.filter((t) => t.metric === 'other');
  assert.deepEqual(
    others.map((t) => [t.label, t.quantity, t.value, t.unit, t.modifier]),
    [['企业研究与试验发展经费投入', 'growth', 10, '%', 'around'], ['万人有效发明专利拥有量', 'level', 60, '件', 'point'], ['全员劳动生产率', 'growth', 6, '%', 'around']],
  );
  assert.ok(x.actuals.filter((a) => a.metric === 'other').length > 50);
});

test('a report delivered in December sets targets for the next year (山南 2022-12-30)', async () => {
  const { doc, x } = await extractPath(join(SHARED_REPORTS, 'city', '山南市', '2023.md'));
  assert.equal(doc.metadata.date, '2022-12-30');
  assert.equal(doc.metadata.year, 2022);
  assert.equal(x.targetYear, 2023);
  assert.ok(x.targets.length > 0 && x.targets.every((t) => t.year === 2023));
  assert.ok(x.actuals.every((a) => a.year === 2022));
});

test('不低于 is at_least; a figure after a list of metrics is every item\'s (广州 2024, 2025)', () => {
  const y2024 = extractText('各位代表：\n二、2024年工作总体要求和目标\n今年全市经济社会发展主要预期目标是：地区生产总值增速不低于5%；固定资产投资增长6%。');
  assert.deepEqual(find(y2024.targets, 'gdp', 'growth').map((t) => [t.value, t.modifier]), [[5, 'at_least']]);
  const y2025 = extractText('各位代表：\n二、2025年工作总体要求和目标\n今年经济社会发展的主要预期目标是：地区生产总值、规模以上工业增加值、固定资产投资、社会消费品零售总额增长5%左右，居民消费价格涨幅2%左右。');
  for (const metric of ['gdp', 'industrial_value_added', 'fixed_asset_investment', 'retail_sales']) {
    assert.deepEqual(find(y2025.targets, metric, 'growth').map((t) => [t.value, t.modifier]), [[5, 'around']], metric);
  }
});

test('names written with their region or basis, joint and herders\' incomes, and a split after 左右和', async () => {
  const target = async (path: string[], metric: string) => find((await extractPath(join(SHARED_REPORTS, ...path))).x.targets, metric, 'growth');
  // 东莞 2013 "市公共财政预算收入增长10%", 南平 2014 "验资口径实际利用外资增长10%"
  assert.deepEqual((await target(['city', '东莞市', '2013.md'], 'general_budget_revenue')).map((r) => r.value), [10]);
  assert.deepEqual((await target(['city', '南平市', '2014.md'], 'fdi_actual')).map((r) => r.value), [10]);
  // a bare 进出口 is the metric before a verb (湖北 2024 "进出口增长8%以上"), not before a noun (广元 2021 "进出口报关单增长350%")
  assert.deepEqual((await target(['province', '湖北省', '2024.md'], 'import_export')).map((r) => [r.value, r.modifier]), [[8, 'at_least']]);
  const guangyuan = (await extractPath(join(SHARED_REPORTS, 'city', '广元市', '2021.md'))).x.actuals;
  assert.ok(guangyuan.some((r) => r.metric === 'gdp'));
  assert.deepEqual(find(guangyuan, 'import_export', 'growth').filter((r) => r.value === 350), []);
  // 内蒙古 2008 "农牧民人均纯收入实际增长10%"
  assert.deepEqual((await target(['province', '内蒙古自治区', '2008.md'], 'rural_disposable_income')).map((r) => r.value), [10]);
  // 荆门 2021 "城镇和农村常住居民人均可支配收入稳步增长", 延边 2021 "城镇和农村常住居民人均可支配收入增长2%和6%":
  // both names are written, so both metrics, not the rural one alone; two figures are one each
  const yanbian = (await extractPath(join(SHARED_REPORTS, 'city', '延边朝鲜族自治州', '2021.md'))).x.actuals;
  for (const [metric, value] of [['urban_disposable_income', 2], ['rural_disposable_income', 6]] as const) {
    assert.deepEqual((await target(['city', '荆门市', '2021.md'], metric)).map((r) => r.modifier), ['qualitative']);
    assert.deepEqual(find(yanbian, metric, 'growth').map((r) => r.value), [value]);
  }
  // 德州 2018 "城镇和农村居民人均可支配收入分别增长8%左右和8.5%左右"
  const urban = await target(['city', '德州市', '2018.md'], 'urban_disposable_income');
  const rural = await target(['city', '德州市', '2018.md'], 'rural_disposable_income');
  assert.deepEqual([urban.map((r) => [r.value, r.modifier]), rural.map((r) => [r.value, r.modifier])], [[[8, 'around']], [[8.5, 'around']]]);
});

test('the target passage ends where the tasks begin in the same paragraph (宁夏 2008 "为此要重点抓好以下工作")', async () => {
  const { doc, x } = await extractPath(join(SHARED_REPORTS, 'province', '宁夏回族自治区', '2008.md'));
  const tasksAt = doc.text.indexOf('为此要重点抓好以下工作');
  assert.ok(tasksAt > 0);
  const passageTargets = x.targets.filter((r) => r.start < tasksAt && r.start > tasksAt - 400);
  assert.deepEqual(passageTargets.filter((r) => r.metric === 'gdp').map((r) => [r.quantity, r.value, r.modifier]), [['level', 965, 'point'], ['growth', 12, 'at_least']]);
  // the tasks' figures ("完成投资超过200亿元", "抓好30个续建和43个新建项目") are not targets of the passage
  const inTasks = x.targets.filter((r) => r.metric === 'other' && r.start > tasksAt && r.start < tasksAt + 600);
  assert.deepEqual(inTasks, []);
});

test('a list of metrics with as many figures is read in order without 分别; multi-year list figures are not a year\'s', async () => {
  const x = async (path: string[]) => (await extractPath(join(SHARED_REPORTS, ...path))).x;
  // 郑州 2019 "城镇调查失业率、登记失业率控制在5.5%、4%以内"
  const zhengzhou = (await x(['city', '郑州市', '2019.md'])).targets;
  assert.deepEqual(find(zhengzhou, 'surveyed_unemployment_rate', 'level').map((r) => r.value), [5.5]);
  assert.deepEqual(find(zhengzhou, 'registered_unemployment_rate', 'level').map((r) => r.value), [4]);
  // 莱芜 2014 "社会消费品零售总额、进出口总值达到256亿元、24.4亿美元，分别增长12.5%、…"
  const laiwu = (await x(['city', '莱芜市', '2014.md'])).actuals;
  assert.deepEqual(find(laiwu, 'retail_sales', 'level').map((r) => [r.value, r.unit]), [[256, '亿元']]);
  assert.deepEqual(find(laiwu, 'import_export', 'level').map((r) => [r.value, r.unit]), [[24.4, '亿美元']]);
  assert.deepEqual(find(laiwu, 'retail_sales', 'growth').map((r) => r.value), [12.5]);
  // 临沂 2016 "固定资产投资、社会消费品零售总额、进出口总额年均分别增长19.4%、14%和12.8%": five-year averages
  const linyi = (await x(['city', '临沂市', '2016.md'])).actuals;
  assert.deepEqual(linyi.filter((r) => ['fixed_asset_investment', 'retail_sales', 'import_export'].includes(r.metric) && r.quantity === 'growth'), []);
  // 贵州 2018 "…一般公共预算收入、金融机构存款和贷款余额年均分别增长23.9%、11.5%、19.9%和20.3%，达到1.5万亿元": the last item's level
  const guizhou = (await x(['province', '贵州省', '2018.md'])).actuals;
  assert.deepEqual(guizhou.filter((r) => r.value === 1.5 && ['fixed_asset_investment', 'general_budget_revenue'].includes(r.metric)), []);
});

test('a review headed "2021年主要工作和成效" is the review; a 力争 figure is a stretch only beside a base figure in its paragraph', async () => {
  // 浙江 2022: "规上工业增加值增长12.9%" is 2021's actual, not a target of 2022
  const zhejiang = (await extractPath(join(SHARED_REPORTS, 'province', '浙江省', '2022.md'))).x;
  assert.deepEqual(find(zhejiang.actuals, 'industrial_value_added', 'growth').map((r) => [r.value, r.year]), [[12.9, 2021]]);
  assert.deepEqual(find(zhejiang.targets, 'industrial_value_added', 'growth').map((r) => r.value), [6]);
  // 新疆 2017 "力争新增城镇就业44万人以上" stands alone in its paragraph (another section's 11万人 is 南疆's)
  const xinjiang = (await extractPath(join(SHARED_REPORTS, 'province', '新疆维吾尔自治区', '2017.md'))).x;
  assert.deepEqual(find(xinjiang.targets, 'new_urban_jobs', 'level').map((r) => [r.value, r.stretch]), [[44, false]]);
});

test('分别 after clauses that each name a metric and its amount gives their rates in order; 分别比1996年 is against another year', async () => {
  // 白城 2014 "城镇居民人均可支配收入22500元，农民人均纯收入7000元，分别增长11.6%和13%"
  const baicheng = (await extractPath(join(SHARED_REPORTS, 'city', '白城市', '2014.md'))).x.actuals;
  assert.deepEqual(find(baicheng, 'urban_disposable_income', 'growth').map((r) => r.value), [11.6]);
  assert.deepEqual(find(baicheng, 'rural_disposable_income', 'growth').map((r) => r.value), [13]);
  assert.deepEqual(find(baicheng, 'urban_disposable_income', 'level').map((r) => r.value), [22500]);
  // 重庆 2003 "社会消费品零售总额762亿元，分别比1996年增长80.5%和71%"; the year's own is "社会消费品零售总额增长9%"
  const chongqing = (await extractPath(join(SHARED_REPORTS, 'city', '重庆市', '2003.md'))).x.actuals;
  assert.deepEqual(find(chongqing, 'retail_sales', 'growth').map((r) => r.value), [9]);
});

test('the second item of a list is not taken for a sub-region; increments are not amounts; 城市居民年人均可支配收入 is urban', async () => {
  // 河南 2012 "城镇居民人均可支配收入、农民人均纯收入分别达到18000元、6500元，扣除价格因素实际增长8%和11%左右"
  const henan = (await extractPath(join(SHARED_REPORTS, 'province', '河南省', '2012.md'))).x.actuals;
  assert.deepEqual(find(henan, 'rural_disposable_income', 'level').map((r) => r.value), [6500]);
  assert.deepEqual(find(henan, 'rural_disposable_income', 'growth').map((r) => r.value), [11]);
  // 天津 2005 "城市居民人均可支配收入和农民人均纯收入分别增长10%以上，城市居民消费价格上涨幅度控制在3%左右";
  // its "农民人均纯收入增加700元" is an increase, not the income
  const tianjin = (await extractPath(join(SHARED_REPORTS, 'city', '天津市', '2005.md'))).x.targets;
  assert.deepEqual(find(tianjin, 'rural_disposable_income', 'growth').map((r) => [r.value, r.modifier]), [[10, 'at_least']]);
  assert.deepEqual(find(tianjin, 'rural_disposable_income', 'level'), []);
  assert.deepEqual(find(tianjin, 'cpi', 'growth').map((r) => [r.value, r.modifier]), [[3, 'around']]);
  // 南昌 2006 "城市居民年人均可支配收入10301元，增长17.8%"
  const nanchang = (await extractPath(join(SHARED_REPORTS, 'city', '南昌市', '2006.md'))).x.actuals;
  assert.deepEqual(find(nanchang, 'urban_disposable_income', 'level').map((r) => r.value), [10301]);
  assert.deepEqual(find(nanchang, 'disposable_income', 'level'), []);
});

test('a share whose clause names its own numerator is not borrowed from a metric named earlier in the sentence', async () => {
  // 黄冈 2020: "引导企业、高校和医疗机构增加研发投入，新认定高新技术企业40家，高新技术产业增加值占GDP比重达10%"
  const huanggang = (await extractPath(join(SHARED_REPORTS, 'city', '黄冈市', '2020.md'))).x.targets;
  assert.deepEqual(find(huanggang, 'rd_intensity', 'level'), []);
  // 福州 2022: "全社会研究与试验发展经费投入强度接近3%，…，服务业增加值占地区生产总值比重达60%"
  const fuzhou = (await extractPath(join(SHARED_REPORTS, 'city', '福州市', '2022.md'))).x.targets;
  assert.ok(!find(fuzhou, 'rd_intensity', 'level').some((r) => r.value === 60));
  // elliptical shares still take the numerator before them: after a figure, after a bare measure word,
  // or inside their own clause under another spelling (衡阳 2020 "力争RD经费投入占GDP比重达2%")
  const shares = extractText(
    '今年主要预期目标是：全社会研发投入达到1055亿元，占地区生产总值比重达到4.1%；数字经济核心产业加快发展，力争增加值占地区生产总值比重达到17%。',
  ).targets;
  assert.deepEqual(find(shares, 'rd_intensity', 'level').map((r) => r.value), [4.1]);
  assert.deepEqual(find(shares, 'digital_economy_share', 'level').map((r) => r.value), [17]);
  const spelling = extractText('今年主要预期目标是：力争RD经费投入占GDP比重达2%。').targets;
  assert.deepEqual(find(spelling, 'rd_intensity', 'level').map((r) => r.value), [2]);
});

test('in the review, a sentence that opens with an earlier year gives that year\'s figures, not the review year\'s (烟台 2026, 朔州 2016)', async () => {
  // "2023年，我们抢抓疫情转段后经济恢复发展机遇，…全市地区生产总值突破1万亿元" and, later, "地区生产总值…预计突破1.1万亿元"
  const yantai = await reportExtraction('city', '烟台市', '2026.md');
  assert.deepEqual(find(yantai.actuals, 'gdp', 'level').map((r) => [r.value, r.unit, r.year, r.estimated]), [[1.1, '万亿元', 2025, true]]);
  // "2014年，全市地区生产总值达到1003.4亿元，是2008年的1.83倍" in the 2016 report
  const shuozhou = await reportExtraction('city', '朔州市', '2016.md');
  assert.deepEqual(find(shuozhou.actuals, 'gdp', 'level'), []);
});

test('new urban jobs in a look back over the term are the term\'s total, and a part after the five-year goals is no review (南京 2023, 国务院 2018, 宁波 2012)', async () => {
  // "——五年来，…城镇新增就业超过150万人" and, for 2022, "城镇新增就业22.2万人"
  const nanjing = await reportExtraction('city', '南京市', '2023.md');
  assert.deepEqual(find(nanjing.actuals, 'new_urban_jobs', 'level').map((r) => [r.value, r.unit, r.year]), [[22.2, '万人', 2022]]);
  // "过去五年，…城镇新增就业6600万人以上" and, for 2017, "城镇新增就业1351万人"
  const national = await reportExtraction('national', '2018.md');
  assert.deepEqual(find(national.actuals, 'new_urban_jobs', 'level').map((r) => [r.value, r.unit, r.year]), [[1351, '万人', 2017]]);
  // "二、今后五年发展目标", then "七、更好保障和改善民生福祉 …新增城镇就业人员60万人" (the five years' goal), the 2012 targets further on
  const ningbo = await reportExtraction('city', '宁波市', '2012.md');
  assert.deepEqual(find(ningbo.actuals, 'new_urban_jobs', 'level'), []);
  assert.deepEqual(find(ningbo.targets, 'new_urban_jobs', 'level').map((r) => [r.value, r.unit]), [[12.8, '万人']]);
});

test('an amount that sets the scope of a figure ("500万元口径固定资产投资", "超5000万美元的20家企业") is no figure of its own (贵阳 2015, 石家庄 2015)', async () => {
  // "生产总值增长13.5%左右，500万元口径固定资产投资增长20%，2000万元口径规模以上工业增加值增长…"
  const guiyang = await reportExtraction('city', '贵阳市', '2015.md');
  assert.deepEqual(find(guiyang.targets, 'gdp', 'level'), []);
  assert.deepEqual(find(guiyang.targets, 'fixed_asset_investment', 'level').map((r) => [r.value, r.unit, r.modifier]), [[4000, '亿元', 'at_least']]);
  assert.deepEqual(find(guiyang.targets, 'fixed_asset_investment', 'growth').map((r) => r.value), [20]);
  // "对年进出口额超5000万美元的20家企业实行一对一服务"
  const shijiazhuang = await reportExtraction('city', '石家庄市', '2015.md');
  assert.deepEqual(find(shijiazhuang.targets, 'import_export', 'level'), []);
});

test('a sentence that introduces the next five years\' goals ("今后五年的预期目标和主要任务是：") goes on into the paragraphs under it (泸州 2022, 福州 2022)', async () => {
  // "今后五年的预期目标和主要任务是：" then "——建设…区域中心城市。…地区生产总值突破4000亿元，力争达到4500亿元"
  const luzhou = await reportExtraction('city', '泸州市', '2022.md');
  assert.deepEqual(find(luzhou.targets, 'gdp', 'level'), []);
  assert.deepEqual(find(luzhou.targets, 'gdp', 'growth').map((r) => [r.value, r.modifier]), [[7, 'at_least']]);
  // "今后五年，新一届政府将朝着以下目标进行不懈努力：" then "…总量突破1.7万亿元"; the 2022 part's "城镇新增就业13万人以上" stays
  const fuzhou = await reportExtraction('city', '福州市', '2022.md');
  assert.deepEqual(find(fuzhou.targets, 'gdp', 'level'), []);
  assert.deepEqual(find(fuzhou.targets, 'new_urban_jobs', 'level').map((r) => [r.value, r.modifier]), [[13, 'at_least']]);
});

test('a task clause after a later year or a number of years ("力争到2025年，", "力争五年") sets that period\'s goal, not the year\'s (岳阳 2020, 东莞 2021, 三明 2022)', async () => {
  // "…加快构建开放带动新格局，力争到2025年，集装箱吞吐量突破100万标箱，进出口总额突破200亿美元"
  assert.deepEqual(find((await reportExtraction('city', '岳阳市', '2020.md')).targets, 'import_export', 'level'), []);
  // "…全面实施稳链补链强链拓链工程，力争五年实际投资超6000亿元，进出口总额超7万亿元"
  assert.deepEqual(find((await reportExtraction('city', '东莞市', '2021.md')).targets, 'import_export', 'level'), []);
  // "…加快推进老区苏区振兴发展，到2026年，全市地区生产总值突破4000亿元，年均增长6.5%以上"
  const sanming = await reportExtraction('city', '三明市', '2022.md');
  assert.deepEqual(find(sanming.targets, 'gdp', 'level'), []);
  assert.deepEqual(find(sanming.targets, 'gdp', 'growth').map((r) => r.value), [7]);
});

test('a paragraph on the year so far is no list of targets, though it opens with 今年 and names metrics with figures (四川 2020)', async () => {
  // "特别需要指出，今年是极不寻常的一年…；我省一季度地区生产总值下降3%，…全社会固定资产投资下降4.3%、…社会消费品零售总额下降13%"
  const sichuan = await reportExtraction('province', '四川省', '2020.md');
  for (const metric of ['fixed_asset_investment', 'industrial_value_added', 'retail_sales']) assert.deepEqual(find(sichuan.targets, metric, 'growth'), [], metric);
});

test('a level reached beats a threshold passed for the same figure, when it is not far above it (湖北 2013, 山东 2012, 东莞 2019)', async () => {
  // "全年生产总值跃上2万亿元新台阶" then "生产总值实现2.22万亿元，增长11.3%"
  assert.deepEqual(find((await reportExtraction('province', '湖北省', '2013.md')).actuals, 'gdp', 'level').map((r) => [r.value, r.unit]), [[2.22, '万亿元']]);
  // "经济总量、地方财政收入、进出口总额分别迈上四万亿元、三千亿元、两千亿美元新台阶" then "实现进出口总额2360亿美元"
  const shandong = await reportExtraction('province', '山东省', '2012.md');
  assert.deepEqual(find(shandong.actuals, 'import_export', 'level').map((r) => [r.value, r.unit]), [[2360, '亿美元']]);
  // "全市生产总值突破8000亿元大关，预计达到8300亿元" and later "松山湖实现生产总值630亿元": a park's
  assert.deepEqual(find((await reportExtraction('city', '东莞市', '2019.md')).actuals, 'gdp', 'level').map((r) => [r.value, r.unit]), [[8300, '亿元']]);
});

test('"A X元，B Y元，分别增长a和b": an item may open with the region or 全年预计实现, and a name that is no metric keeps its place (吉林 2004, 江苏 2014)', async () => {
  // "全省城镇居民人均可支配收入达到7005元，农民人均纯收入达到2530元，分别增长11.9%和7.2%"
  const jilin = await reportExtraction('province', '吉林省', '2004.md');
  assert.deepEqual(find(jilin.actuals, 'urban_disposable_income', 'growth').map((r) => r.value), [11.9]);
  assert.deepEqual(find(jilin.actuals, 'rural_disposable_income', 'growth').map((r) => r.value), [7.2]);
  // "全年预计实现地区生产总值5.9万亿元，人均地区生产总值7.4万元，分别比上年增长9.6%、9.3%"
  const jiangsu = await reportExtraction('province', '江苏省', '2014.md');
  assert.deepEqual(find(jiangsu.actuals, 'gdp', 'growth').map((r) => [r.value, r.year]), [[9.6, 2013]]);
});

test('an autonomous region calls itself 自治区 before a metric\'s name (内蒙古 2006)', async () => {
  // "刚刚过去的2005年，…国民经济继续保持良好的发展态势。自治区生产总值增长21.6％"
  const neimenggu = await reportExtraction('province', '内蒙古自治区', '2006.md');
  assert.deepEqual(find(neimenggu.actuals, 'gdp', 'growth').map((r) => [r.value, r.year]), [[21.6, 2005]]);
});

test('a level\'s growth after its increase, 实际增长 or 按可比价计算比上年增长; rates joined for the items before without 分别 (云南 2009, 贵阳 2013, 东莞 2010, 国务院 2009)', async () => {
  const gdpGrowth = async (...path: string[]) => find((await reportExtraction(...path)).actuals, 'gdp', 'growth').map((r) => r.value);
  // "去年，全省生产总值完成5700.1亿元，增加近1000亿元，增长11%"
  assert.deepEqual(await gdpGrowth('province', '云南省', '2009.md'), [11]);
  // "全年实现生产总值1700.3亿元，实际增长17%"
  assert.deepEqual(await gdpGrowth('city', '贵阳市', '2013.md'), [17]);
  // "市生产总值3760亿元，按可比价计算比上年增长5.3%"
  assert.deepEqual(await gdpGrowth('city', '东莞市', '2010.md'), [5.3]);
  // "城镇居民人均可支配收入15781元，农村居民人均纯收入4761元，实际增长8.4%和8%"
  const national = await reportExtraction('national', '2009.md');
  assert.deepEqual(find(national.actuals, 'urban_disposable_income', 'growth').map((r) => r.value), [8.4]);
  assert.deepEqual(find(national.actuals, 'rural_disposable_income', 'growth').map((r) => r.value), [8]);
});

test('a level restated in another currency does not end the figures of its name (江苏 2015)', async () => {
  // "实现地区生产总值6.51万亿元，总量折合超过1万亿美元，比上年增长8.7%"
  const jiangsu = await reportExtraction('province', '江苏省', '2015.md');
  assert.deepEqual(find(jiangsu.actuals, 'gdp', 'growth').map((r) => [r.value, r.year]), [[8.7, 2014]]);
  assert.deepEqual(find(jiangsu.actuals, 'gdp', 'level').map((r) => [r.value, r.unit]), [[6.51, '万亿元']]);
});

test('a paragraph of the year\'s work that opens on the year so far gives the months\' figures, not targets (广州 1998, delivered in June)', async () => {
  // "从今年上半年经济运行情况来看，…。1至5月，全市国内生产总值641.33亿元，…工业增加值242.80亿元，增长10.5%；…城市居民人均可支配收入4954元，增长13.6%"
  const guangzhou = await reportExtraction('city', '广州市', '1998.md');
  for (const metric of ['industrial_value_added', 'retail_sales', 'fixed_asset_investment', 'urban_disposable_income']) assert.deepEqual(find(guangzhou.targets, metric, 'level'), [], metric);
  // the year's own targets, set earlier in the part, stay
  assert.deepEqual(find(guangzhou.targets, 'gdp', 'growth').map((r) => r.value), [13]);
  assert.deepEqual(find(guangzhou.targets, 'urban_disposable_income', 'growth'), []);
});

test('累计 right after a price index is the year\'s rise, not a total over years (湛江 2022, 惠州 2018, 西宁 2019, 固原 2025)', async () => {
  // "居民消费价格指数累计上涨控制在3%左右" among the year's targets
  const zhanjiang = await reportExtraction('city', '湛江市', '2022.md');
  assert.deepEqual(find(zhanjiang.targets, 'cpi', 'growth').map((r) => [r.value, r.modifier]), [[3, 'around']]);
  const huizhou = await reportExtraction('city', '惠州市', '2018.md');
  assert.deepEqual(find(huizhou.targets, 'cpi', 'growth').map((r) => [r.value, r.modifier]), [[3, 'at_most']]);
  // "居民消费价格指数累计上涨2.7%", "居民消费价格累计下降0.2%" in the review
  const xining = await reportExtraction('city', '西宁市', '2019.md');
  assert.deepEqual(find(xining.actuals, 'cpi', 'growth').map((r) => [r.value, r.year]), [[2.7, 2018]]);
  const guyuan = await reportExtraction('city', '固原市', '2025.md');
  assert.deepEqual(find(guyuan.actuals, 'cpi', 'growth').map((r) => [r.value, r.year]), [[-0.2, 2024]]);
});

test('targets written with OCR letters for digits get their figures (宁夏 2010 "全区生产总值增长l0%")', async () => {
  const ningxia = await reportExtraction('province', '宁夏回族自治区', '2010.md');
  assert.deepEqual(find(ningxia.targets, 'gdp', 'growth').map((r) => [r.value, r.modifier]), [[10, 'point']]);
  assert.deepEqual(find(ningxia.targets, 'general_budget_revenue', 'growth').map((r) => r.value), [11]);
});

test('the goals of the new government\'s term are not the year\'s targets; 其中今年 inside a term goal gives the year\'s (苏州 2012, 太原 2007, 甘肃 1998)', async () => {
  // "建议新一届政府任期内经济社会发展的预期目标是：…地区生产总值年均增长12%左右…研究与试验发展经费支出占地区生产总值的比重超过3%"
  const suzhou = await reportExtraction('city', '苏州市', '2012.md');
  assert.deepEqual(suzhou.targets.filter((t) => t.metric !== 'other').map((t) => t.label), []);
  // "新一届政府要全力实现以下奋斗目标：…城镇登记失业率每年控制在4%以内"; the year's is set in the tasks
  const taiyuan = await extractPath(join(SHARED_REPORTS, 'city', '太原市', '2007.md'));
  assert.deepEqual(find(taiyuan.x.targets, 'gdp', 'growth'), []);
  assert.deepEqual(find(taiyuan.x.targets, 'registered_unemployment_rate', 'level').map((t) => [t.value, t.modifier, taiyuan.doc.text.slice(t.start, t.end)]), [[4, 'at_most', '城镇登记失业率控制在4%以内']]);
  // "宏观调控的主要目标是：国内生产总值年均增长9%以上，其中今年达到870亿元，增长8%"
  const gansu = await reportExtraction('province', '甘肃省', '1998.md');
  assert.deepEqual(find(gansu.targets, 'gdp', 'growth').map((t) => [t.value, t.modifier]), [[8, 'point']]);
  assert.deepEqual(find(gansu.targets, 'gdp', 'level').map((t) => [t.value, t.unit]), [[870, '亿元']]);
});

test('a part headed with a task reported done, an earlier year without 年 or the term just ended is the review', async () => {
  // 楚雄 2022 "一、克难奋进，十二届州人民政府各项目标任务圆满完成": 2021's figures, not 2022's targets
  const chuxiong = await extractPath(join(SHARED_REPORTS, 'city', '楚雄彝族自治州', '2022.md'));
  assert.equal(chuxiong.doc.sections.find((s) => s.parent === null)?.role, 'review');
  assert.deepEqual(find(chuxiong.x.actuals, 'general_budget_revenue', 'level').map((r) => [r.value, r.year]), [[93.06, 2021]]);
  assert.deepEqual(find(chuxiong.x.targets, 'grain_output', 'level').map((r) => [r.value, r.modifier]), [[125, 'at_least']]);
  // 黑龙江 2009 "一、全面完成了省十一届人大一次会议确定的各项目标和任务"
  const heilongjiang = await reportExtraction('province', '黑龙江省', '2009.md');
  assert.deepEqual(find(heilongjiang.actuals, 'retail_sales', 'level').map((r) => [r.value, r.year]), [[2838.6, 2008]]);
  assert.deepEqual(find(heilongjiang.targets, 'retail_sales', 'level'), []);
  // 眉山 2023 "一、感恩前行 笃行实干的2022": "地区生产总值增长3.3%左右（预计，下同）"
  const meishan = await reportExtraction('city', '眉山市', '2023.md');
  assert.deepEqual(find(meishan.actuals, 'gdp', 'growth').map((r) => [r.value, r.year, r.estimated]), [[3.3, 2022, true]]);
  // 河北 1998 "一、向建设经济强省和现代化河北宏伟目标阔步前进的五年": "1997年，全省国内生产总值达3950亿元"
  const hebei = await reportExtraction('province', '河北省', '1998.md');
  assert.deepEqual(find(hebei.actuals, 'gdp', 'level').map((r) => [r.value, r.year]), [[3950, 1997]]);
});

test('a part headed with nothing but the year the targets are for is its work (眉山 2023 "二、牢记嘱托 踔厉奋发的2023", 长沙 2018 "二、2018年形势与目标")', async () => {
  const meishan = await extractPath(join(SHARED_REPORTS, 'city', '眉山市', '2023.md'));
  assert.equal(meishan.doc.sections.find((s) => s.parent === null && /的2023$/.test(s.title))?.role, 'tasks');
  // "全社会固定资产投资增长10%", "城镇新增就业3万人" among the year's tasks
  assert.deepEqual(find(meishan.x.targets, 'fixed_asset_investment', 'growth').map((r) => [r.value, r.year]), [[10, 2023]]);
  assert.deepEqual(find(meishan.x.targets, 'new_urban_jobs', 'level').map((r) => [r.value, r.unit]), [[3, '万人']]);
  // "2018年是…改革开放40周年": no figure of 2017
  const changsha = await reportExtraction('city', '长沙市', '2018.md');
  assert.ok(!changsha.actuals.some((r) => r.value === 40), 'no actual of 40');
});

test('a part headed with an earlier year is the review whatever its words; a task sentence that opens with another period sets no target of the year', async () => {
  // 浙江 2014 "一、2013年主要工作": its figures are 2013's actuals, not 2014's targets
  const zhejiang = await extractPath(join(SHARED_REPORTS, 'province', '浙江省', '2014.md'));
  assert.equal(zhejiang.doc.sections.find((s) => s.title === '2013年主要工作')?.role, 'review');
  assert.deepEqual(find(zhejiang.x.actuals, 'gdp', 'level').map((r) => [r.value, r.year]), [[37568.5, 2013]]);
  assert.deepEqual(find(zhejiang.x.targets, 'gdp', 'level'), []);
  // 云南 2004 "一、团结进取，狠抓落实，全面完成2003年各项预期目标"
  const yunnan = await extractPath(join(SHARED_REPORTS, 'province', '云南省', '2004.md'));
  assert.deepEqual(find(yunnan.x.actuals, 'industrial_value_added', 'level').map((r) => r.value), [866]);
  assert.deepEqual(find(yunnan.x.targets, 'industrial_value_added', 'level'), []);
  // 沈阳 2006 "到“十一五”末期，全市规模以上工业总产值要达到8000亿元"
  const shenyang = (await extractPath(join(SHARED_REPORTS, 'city', '沈阳市', '2006.md'))).x.targets;
  assert.ok(!find(shenyang, 'industrial_output', 'level').some((r) => r.value === 8000));
});

test('a numbered line that reads as a heading but goes on with figures is also a paragraph: its figures are read', async () => {
  // 杭州 2018, a task list: "9.全市新增城镇就业21万人，帮助失业人员再就业10万人，接收高校应届毕业生7万人。"
  const { doc, x } = await extractPath(join(SHARED_REPORTS, 'city', '杭州市', '2018.md'));
  assert.ok(doc.sections.some((s) => s.title === '全市新增城镇就业21万人'));
  assert.deepEqual(find(x.targets, 'new_urban_jobs', 'level').map((r) => [r.value, r.year]), [[21, 2018]]);
});

test('a metric named in the clause that introduces the targets belongs to the passage (national 2003, 2004; 黑龙江 2016)', async () => {
  // "今年经济增长预期目标为7%左右": the trigger 预期目标为 comes after the metric
  for (const [file, expected] of [
    [join(SHARED_REPORTS, 'national', '2003.md'), [[7, null, 'around']]],
    [join(SHARED_REPORTS, 'national', '2004.md'), [[7, null, 'around']]],
    [join(SHARED_REPORTS, 'province', '黑龙江省', '2016.md'), [[6, 6.5, 'range']]],
  ] as const) {
    const { x } = await extractPath(file);
    assert.deepEqual(find(x.targets, 'gdp', 'growth').map((r) => [r.value, r.value2, r.modifier]), expected, file);
  }
});

test('a report that leaves out the heading of its second part: the target passage inside the review ends the review (河池 2015)', async () => {
  // "一、2014年工作回顾" runs on to "经济社会发展主要预期目标是：地区生产总值增长7%，…城镇登记失业率控制在4.5%以内" and the tasks
  const { x } = await extractPath(join(SHARED_REPORTS, 'city', '河池市', '2015.md'));
  assert.deepEqual(find(x.targets, 'gdp', 'growth').map((r) => [r.value, r.year]), [[7, 2015]]);
  assert.deepEqual(find(x.targets, 'registered_unemployment_rate', 'level').map((r) => [r.value, r.modifier]), [[4.5, 'at_most']]);
  assert.deepEqual(find(x.actuals, 'registered_unemployment_rate', 'level'), []);
});

test('a part on how last year\'s tasks were carried out (完成情况) is the review; a paragraph opening with 今年 introduces this year\'s targets (陕西 2012, 2016)', async () => {
  // 陕西 2016: "一、十二届人大三次会议确定任务和“十二五”规划完成情况" … "全年实现生产总值18171.86亿元，增长8%";
  // "今年，我们要…实现“十三五”开好头、起好步。主要预期目标为：经济增长8%左右，…"
  const y2016 = (await extractPath(join(SHARED_REPORTS, 'province', '陕西省', '2016.md'))).x;
  assert.deepEqual(find(y2016.actuals, 'gdp', 'level').map((r) => [r.value, r.year]), [[18171.86, 2015]]);
  assert.deepEqual(find(y2016.targets, 'gdp', 'growth').map((r) => [r.value, r.modifier]), [[8, 'around']]);
  // 陕西 2012: last year's "生产总值1.2万亿元，增长13.8%" is an actual, not a target
  const y2012 = (await extractPath(join(SHARED_REPORTS, 'province', '陕西省', '2012.md'))).x;
  assert.deepEqual(find(y2012.actuals, 'gdp', 'growth').map((r) => [r.value, r.year]), [[13.8, 2011]]);
  assert.deepEqual(find(y2012.targets, 'gdp', 'level'), []);
});

test('a price index target without a percent sign, a space before %, and the figure\'s own clause for its sign', async () => {
  // 上海 2004: "城镇登记失业率4.6 %左右，居民消费价格指数103左右"
  const shanghai = (await extractPath(join(SHARED_REPORTS, 'city', '上海市', '2004.md'))).x.targets;
  assert.deepEqual(find(shanghai, 'registered_unemployment_rate', 'level').map((r) => [r.value, r.modifier]), [[4.6, 'around']]);
  assert.deepEqual(find(shanghai, 'cpi', 'growth').map((r) => [r.value, r.modifier]), [[3, 'around']]);
  // 安徽 2012: "居民消费价格涨幅连续6个月回落，全年涨幅为5.6%" is a rise of 5.6%
  const anhui = (await extractPath(join(SHARED_REPORTS, 'province', '安徽省', '2012.md'))).x.actuals;
  assert.deepEqual(find(anhui, 'cpi', 'growth').map((r) => r.value), [5.6]);
});

test('a figure for part of the year is not the year\'s, unless the whole year follows (成都 2020, 淮南 2021, 衡水 2022)', async () => {
  // 成都 2020, in its tasks: "一季度全市地区生产总值下降3%" is no target
  const chengdu = (await extractPath(join(SHARED_REPORTS, 'city', '成都市', '2020.md'))).x.targets;
  assert.ok(!find(chengdu, 'gdp', 'growth').some((r) => r.value === -3));
  // 淮南 2021: "上半年地区生产总值下降0.8%，预计下半年增长8%以上，全年增长4%左右"
  const huainan = (await extractPath(join(SHARED_REPORTS, 'city', '淮南市', '2021.md'))).x.actuals;
  assert.deepEqual(find(huainan, 'gdp', 'growth').map((r) => r.value), [4]);
  // 衡水 2022: "迅速扭转了上半年固定资产投资增速下滑态势，全年增长5.1%"
  const hengshui = (await extractPath(join(SHARED_REPORTS, 'city', '衡水市', '2022.md'))).x.actuals;
  assert.ok(find(hengshui, 'fixed_asset_investment', 'growth').some((r) => r.value === 5.1));
});

test('a list of this year\'s targets without an introduction is the passage (湖南 2013, 黑龙江 2015); a share\'s numerator is no qualitative target', async () => {
  // 湖南 2013: "今年，是全面贯彻落实党的十八大精神的开局之年。要力争地区生产总值增长10%以上；固定资产投资增长23%；…"
  const hunan = (await extractPath(join(SHARED_REPORTS, 'province', '湖南省', '2013.md'))).x.targets;
  assert.deepEqual(find(hunan, 'gdp', 'growth').map((r) => [r.value, r.modifier, r.year]), [[10, 'at_least', 2013]]);
  // 黑龙江 2015: "综合考虑，预期今年全省地区生产总值增长6%左右，居民消费价格涨幅控制在3%，…"
  const heilongjiang = (await extractPath(join(SHARED_REPORTS, 'province', '黑龙江省', '2015.md'))).x.targets;
  assert.deepEqual(find(heilongjiang, 'gdp', 'growth').map((r) => [r.value, r.modifier]), [[6, 'around']]);
  // 南京 2014's passage: "服务业增加值占地区生产总值比重提高1个百分点以上" says nothing of the growth of services
  const nanjing = (await extractPath(join(SHARED_REPORTS, 'city', '南京市', '2014.md'))).x.targets;
  assert.deepEqual(find(nanjing, 'service_value_added', 'growth'), []);
});

test('names after 全社会 and a few more spellings: 全社会研发投入强度, 全社会消费品零售总额, 单位生产总值能源消耗, 实际直接利用外资', () => {
  const x = extractText(
    '今年主要预期目标是：全社会研发投入强度达到2.5%，全社会消费品零售总额增长11%，单位生产总值能源消耗下降3%，实际直接利用外资增长5%。',
  ).targets;
  assert.deepEqual(find(x, 'rd_intensity', 'level').map((r) => r.value), [2.5]);
  assert.deepEqual(find(x, 'retail_sales', 'growth').map((r) => r.value), [11]);
  assert.deepEqual(find(x, 'energy_intensity', 'reduction').map((r) => r.value), [3]);
  assert.deepEqual(find(x, 'fdi_actual', 'growth').map((r) => r.value), [5]);
  // 威海 2021 "城镇登记失业率、居民消费价格指数涨幅均控制在3%以内": the rate's figure too; 双鸭山 2015 "单位GDP综合能耗下降3.7%"
  const y = extractText('今年主要预期目标是：城镇登记失业率、居民消费价格指数涨幅均控制在3%以内，单位GDP综合能耗下降3.7%。').targets;
  assert.deepEqual(find(y, 'registered_unemployment_rate', 'level').map((r) => [r.value, r.modifier]), [[3, 'at_most']]);
  assert.deepEqual(find(y, 'energy_intensity', 'reduction').map((r) => r.value), [3.7]);
  // 兰州 2016 "城镇居民和农村居民人均可支配收入分别增长9%和11%": the urban figure was lost
  const z = extractText('今年主要预期目标是：城镇居民和农村居民人均可支配收入分别增长9%和11%。').targets;
  assert.deepEqual(find(z, 'urban_disposable_income', 'growth').map((r) => r.value), [9]);
  assert.deepEqual(find(z, 'rural_disposable_income', 'growth').map((r) => r.value), [11]);
});

test('a share written 相当于…的比例 (上海), and a share inside an amount is not its growth (云南 2019)', async () => {
  // 上海 2016: "全社会研发经费支出相当于全市生产总值的比例保持在3.5%以上"
  const shanghai = (await extractPath(join(SHARED_REPORTS, 'city', '上海市', '2016.md'))).x;
  assert.deepEqual(find(shanghai.targets, 'rd_intensity', 'level').map((r) => [r.value, r.modifier]), [[3.5, 'at_least']]);
  assert.deepEqual(find(shanghai.actuals, 'rd_intensity', 'level').map((r) => r.value), [3.7]);
  // 云南 2019: "一般公共预算收入税收占比全部提高到50%以上" is no growth of the revenue; "地方一般公共预算收入增长5.7%" is
  const yunnan = (await extractPath(join(SHARED_REPORTS, 'province', '云南省', '2019.md'))).x.actuals;
  assert.deepEqual(find(yunnan, 'general_budget_revenue', 'growth').map((r) => r.value), [5.7]);
});

test('growth against the end of a plan period, and a share\'s percentages, are not the year\'s growth (甘肃 2026, 青海 2006)', async () => {
  // "地区生产总值达到13697.5亿元，较“十三五”末的9323.1亿元增加4374.4亿元，增长33.6%"
  const gansu = (await extractPath(join(SHARED_REPORTS, 'province', '甘肃省', '2026.md'))).x.actuals;
  assert.deepEqual(find(gansu, 'gdp', 'growth').map((r) => r.value), [5.8]);
  // "…占全省经济总量中的比重由“九五”末的18%提高到23%"
  const qinghai = (await extractPath(join(SHARED_REPORTS, 'province', '青海省', '2006.md'))).x.actuals;
  assert.ok(!find(qinghai, 'gdp', 'growth').some((r) => r.value === 23));
});

test('an amount that qualifies places (超千亿元镇, 超200亿元县) is a threshold, not the region\'s figure', async () => {
  // 广东 2025: "东莞长安成为全省第3个地区生产总值超千亿元镇"
  const guangdong = (await extractPath(join(SHARED_REPORTS, 'province', '广东省', '2025.md'))).x.actuals;
  assert.ok(!find(guangdong, 'gdp', 'level').some((r) => r.value === 1000));
  // 河北 2019: "…地区生产总值超200亿元县…"
  const hebei = (await extractPath(join(SHARED_REPORTS, 'province', '河北省', '2019.md'))).x.targets;
  assert.ok(!find(hebei, 'gdp', 'level').some((r) => r.value === 200));
});

test('a target level after a multi-year rate is the end of the period, not the year\'s (厦门 2001, 朔州 2022)', async () => {
  // "国内生产总值年均递增14%左右，力争达到1000亿元"
  const xiamen = (await extractPath(join(SHARED_REPORTS, 'city', '厦门市', '2001.md'))).x.targets;
  assert.ok(!find(xiamen, 'gdp', 'level').some((r) => r.value === 1000));
  // "地区生产总值年均增长8%以上，力争突破2000亿元"
  const shuozhou = (await extractPath(join(SHARED_REPORTS, 'city', '朔州市', '2022.md'))).x.targets;
  assert.ok(!find(shuozhou, 'gdp', 'level').some((r) => r.value === 2000));
});

test('a part numbered 一、 whose title starts with a numeral (一、五年工作回顾) is a numbered part; months are a part of the year', async () => {
  const ningxia = (await extractPath(join(SHARED_REPORTS, 'province', '宁夏回族自治区', '2013.md'))).doc;
  assert.deepEqual(ningxia.sections.filter((s) => s.level === 1).slice(0, 2).map((s) => [s.number, s.title]), [['一、', '五年工作回顾'], ['二、', '奋力夺取与全国同步进入全面小康社会的新胜利']]);
  // 淮安 2025: "1—11月规上固定资产投资、规上工业投资、民间投资分别增长11.9%、24.5%和17.9%" are no figures of the year
  const huaian = (await extractPath(join(SHARED_REPORTS, 'city', '淮安市', '2025.md'))).x.actuals;
  assert.ok(!find(huaian, 'fixed_asset_investment', 'growth').some((r) => r.value === 11.9));
});

test('older ways of introducing the targets: 调控目标定为, 主要调控目标是, 经济增长预期为 (national 1997 and 1999, 浙江 2004)', async () => {
  // 1997: "今年要保持国民经济持续、快速、健康发展，经济增长速度的调控目标定为8%，…" under a heading without a year
  const y1997 = (await extractPath(join(SHARED_REPORTS, 'national', '1997.md'))).x;
  assert.deepEqual(find(y1997.targets, 'gdp', 'growth').map((r) => [r.value, r.year]), [[8, 1997]]);
  // 1999: "综合分析国内外的有利条件和制约因素，今年的经济增长预期为7%左右"
  const y1999 = (await extractPath(join(SHARED_REPORTS, 'national', '1999.md'))).x;
  assert.deepEqual(find(y1999.targets, 'gdp', 'growth').map((r) => [r.value, r.modifier]), [[7, 'around']]);
  // 浙江 2004: "…主要预期调控目标是:生产总值增长10%以上；…": this year's new jobs are a target, not last year's actual
  const zhejiang = (await extractPath(join(SHARED_REPORTS, 'province', '浙江省', '2004.md'))).x;
  assert.deepEqual(find(zhejiang.targets, 'gdp', 'growth').map((r) => [r.value, r.modifier]), [[10, 'at_least']]);
  assert.deepEqual(find(zhejiang.actuals, 'new_urban_jobs', 'level'), []);
});

test('in the review, a goal is not an actual: 力争达到, 力争实现翻番, 把今年经济增长目标定在 (national 1996, 宁夏 2013, 湖北 2021)', async () => {
  // 1996: "粮食总产量要保证达到4900亿公斤，力争达到5000亿公斤" is the plan's goal; "粮食总产量达到4650亿公斤" was achieved
  const y1996 = (await extractPath(join(SHARED_REPORTS, 'national', '1996.md'))).x;
  assert.deepEqual(find(y1996.actuals, 'grain_output', 'level').map((r) => [r.value, r.year]), [[4650, 1995]]);
  // 宁夏 2013: "…在2012年的基础上力争实现翻番，分别达到4700亿元…"
  const ningxia = (await extractPath(join(SHARED_REPORTS, 'province', '宁夏回族自治区', '2013.md'))).x;
  assert.ok(!find(ningxia.actuals, 'gdp', 'level').some((r) => r.value === 4700));
  // 湖北 2021: a paragraph looking back at last year goes on "…把今年经济增长目标定在10%以上，是积极进取的"
  const hubei = (await extractPath(join(SHARED_REPORTS, 'province', '湖北省', '2021.md'))).x;
  assert.deepEqual(find(hubei.actuals, 'gdp', 'growth'), []);
  assert.deepEqual(find(hubei.targets, 'gdp', 'growth').map((r) => [r.value, r.modifier]), [[10, 'at_least']]);
});

test('where the passage is about this year: 全年 in its introduction, a paragraph before it that opens with the year, after the part on the government\'s conduct (汉中 2021, 红河 2025, 贵州 2006)', async () => {
  // 汉中 2021, under "三、以“四个在汉中”率先突破推动“十四五”开好局起好步": "全年经济社会发展主要预期目标是：生产总值增长7%左右，…"
  const hanzhong = (await extractPath(join(SHARED_REPORTS, 'city', '汉中市', '2021.md'))).x;
  assert.deepEqual(find(hanzhong.targets, 'gdp', 'growth').map((r) => [r.value, r.modifier, r.year]), [[7, 'around', 2021]]);
  // 红河 2025, under "二、争先跨越，实现“十四五”规划…圆满收官": "2025年，是…收官之年…" / "政府工作的总体要求是:…" / "主要预期目标建议为:地区生产总值增长5%以上，…"
  const honghe = (await extractPath(join(SHARED_REPORTS, 'city', '红河哈尼族彝族自治州', '2025.md'))).x;
  assert.deepEqual(find(honghe.targets, 'gdp', 'growth').map((r) => [r.value, r.modifier]), [[5, 'at_least']]);
  // 贵州 2006 ends, after "加强政府自身建设", with "各位代表，2006年是…。今年全省经济社会发展的主要预期目标是:生产总值增长10%以上，…"
  const guizhou = (await extractPath(join(SHARED_REPORTS, 'province', '贵州省', '2006.md'))).x;
  assert.deepEqual(find(guizhou.targets, 'gdp', 'growth').map((r) => [r.value, r.modifier]), [[10, 'at_least']]);
});

test('地方生产总值 is GDP (永州 2014)', async () => {
  const { x } = await extractPath(join(SHARED_REPORTS, 'city', '永州市', '2014.md'));
  assert.deepEqual(find(x.targets, 'gdp', 'growth').map((r) => [r.value, r.modifier]), [[10.5, 'around']]);
  assert.deepEqual(find(x.actuals, 'gdp', 'level').map((r) => [r.value, r.unit, r.year]), [[1163.4, '亿元', 2013]]);
});

test('a short title line before a blank line is a paragraph of its own where lines are paragraphs, not in a text wrapped at 26 characters (淮北 2016, 海南 1997)', async () => {
  // 淮北 2016: "开局之年：奋力谱写转型发展和精致淮北建设新篇章" / "今年是…经济社会发展的主要预期目标是：全市生产总值增长7%左右，…"
  const huaibei = await extractPath(join(SHARED_REPORTS, 'city', '淮北市', '2016.md'));
  assert.ok(huaibei.doc.text.includes('开局之年：奋力谱写转型发展和精致淮北建设新篇章\n今年是'));
  // and stays so when the normalised text is normalised again
  assert.equal(normaliseText(huaibei.doc.text).text, huaibei.doc.text);
  assert.deepEqual(find(huaibei.x.targets, 'gdp', 'growth').map((r) => [r.value, r.modifier]), [[7, 'around']]);
  // 海南 1997 has a blank line after every line: "今年我省经济发展的总盘子是：国内生产总值比上年增长" / "10%，其中…"
  const hainan = await extractPath(join(SHARED_REPORTS, 'province', '海南省', '1997.md'));
  assert.ok(hainan.doc.text.includes('国内生产总值比上年增长10%'));
  assert.deepEqual(find(hainan.x.targets, 'gdp', 'growth').map((r) => r.value), [10]);
});

test('a task sentence that names a five-year plan\'s period before a metric sets the period\'s goal, not the year\'s (惠州 2021, 陕西 2008)', async () => {
  // 惠州 2021: "…提出了“十四五”期间惠州要实现高质量跨越式发展，地区生产总值突破6000亿元的“硬任务”"
  const huizhou = (await extractPath(join(SHARED_REPORTS, 'city', '惠州市', '2021.md'))).x;
  assert.deepEqual(find(huizhou.targets, 'gdp', 'level'), []);
  // 陕西 2008: "今后五年，全省经济社会发展的主要目标是：…城镇居民人均可支配收入达到1.8万元"
  const shaanxi = (await extractPath(join(SHARED_REPORTS, 'province', '陕西省', '2008.md'))).x;
  assert.deepEqual(find(shaanxi.targets, 'urban_disposable_income', 'level'), []);
});

test('主要预期指标是 and 奋斗目标是 introduce the targets; a list that opens with the plan\'s period is the plan\'s (太原 2019, 酒泉 2025, 辽宁 2011, 大连 2021)', async () => {
  // 太原 2019: "主要预期指标是：地区生产总值增长8%左右，…"
  const taiyuan = (await extractPath(join(SHARED_REPORTS, 'city', '太原市', '2019.md'))).x;
  assert.deepEqual(find(taiyuan.targets, 'gdp', 'growth').map((r) => [r.value, r.modifier]), [[8, 'around']]);
  // 酒泉 2025: "奋斗目标是:地区生产总值增长7%以上，…"
  const jiuquan = (await extractPath(join(SHARED_REPORTS, 'city', '酒泉市', '2025.md'))).x;
  assert.deepEqual(find(jiuquan.targets, 'gdp', 'growth').map((r) => [r.value, r.modifier]), [[7, 'at_least']]);
  // 辽宁 2011: "今年全省经济社会发展的主要预期指标是：…城镇登记失业率控制在4.3%以内", not the plan's 4%
  const liaoning = (await extractPath(join(SHARED_REPORTS, 'province', '辽宁省', '2011.md'))).x;
  assert.deepEqual(find(liaoning.targets, 'registered_unemployment_rate', 'level').map((r) => r.value), [4.3]);
  // 大连 2021: "《纲要》提出经济社会发展的奋斗目标是：通过五年的努力，到2025年，…" is not the year's passage
  const dalian = (await extractPath(join(SHARED_REPORTS, 'city', '大连市', '2021.md'))).x;
  assert.deepEqual(find(dalian.targets, 'gdp', 'growth').map((r) => [r.value, r.modifier]), [[6.5, 'around']]);
  assert.equal(find(dalian.targets, 'pollutant_reduction', 'reduction').length, 1);
});

test('more names of canonical metrics, and the year before as a comparison\'s base (岳阳 2025, 烟台 2007, 丹东 2016, 巴彦淖尔 2023)', async () => {
  // 岳阳 2025: "主要预期目标是:GDP增长5.5%以上，一般公共预算地方收入增长3.5%，…"
  const yueyang = (await extractPath(join(SHARED_REPORTS, 'city', '岳阳市', '2025.md'))).x;
  assert.deepEqual(find(yueyang.targets, 'general_budget_revenue', 'growth').map((r) => [r.value, r.modifier]), [[3.5, 'point']]);
  // 烟台 2007: "实际外商直接投资21.5亿美元，增长13%"
  const yantai = (await extractPath(join(SHARED_REPORTS, 'city', '烟台市', '2007.md'))).x;
  assert.deepEqual(find(yantai.actuals, 'fdi_actual', 'level').map((r) => [r.value, r.unit]), [[21.5, '亿美元']]);
  // 丹东 2016: "城镇居民可支配收入完成24536元，增长7%；农村居民可支配收入完成12335元"
  const dandong = (await extractPath(join(SHARED_REPORTS, 'city', '丹东市', '2016.md'))).x;
  assert.deepEqual(find(dandong.actuals, 'urban_disposable_income', 'level').map((r) => r.value), [24536]);
  assert.deepEqual(find(dandong.actuals, 'rural_disposable_income', 'level').map((r) => r.value), [12335]);
  // 巴彦淖尔 2023: "一般公共财政预算收入较2022年预算数增长4%左右" is the year's growth
  const bayannur = (await extractPath(join(SHARED_REPORTS, 'city', '巴彦淖尔市', '2023.md'))).x;
  assert.deepEqual(find(bayannur.targets, 'general_budget_revenue', 'growth').map((r) => [r.value, r.modifier]), [[4, 'around']]);
});

test('a figure after 预计全年 in its own clause is the metric\'s, after a rank between them (陇南 2023, 通化 2022)', async () => {
  // 陇南 2023: "地区生产总值增速居全省第3位，预计全年完成560亿元，增长7%"
  const longnan = (await extractPath(join(SHARED_REPORTS, 'city', '陇南市', '2023.md'))).x;
  assert.deepEqual(find(longnan.actuals, 'gdp', 'level').map((r) => [r.value, r.unit, r.year, r.estimated]), [[560, '亿元', 2022, true]]);
  assert.deepEqual(find(longnan.actuals, 'gdp', 'growth').map((r) => r.value), [7]);
  // 通化 2022: "地区生产总值逐季升位，预计全年增长8%"
  const tonghua = (await extractPath(join(SHARED_REPORTS, 'city', '通化市', '2022.md'))).x;
  assert.deepEqual(find(tonghua.actuals, 'gdp', 'growth').map((r) => [r.value, r.year]), [[8, 2021]]);
});

test('a list of sectors sharing 增加值 names each sector\'s value added (贵阳 2022, 济南 2014, 泉州 2018)', async () => {
  // 贵阳 2022: "农业、规模以上工业、服务业增加值分别增长6.5%、10.5%和6.5%左右"
  const guiyang = (await extractPath(join(SHARED_REPORTS, 'city', '贵阳市', '2022.md'))).x;
  // (左右 after the last figure is every figure's)
  assert.deepEqual(find(guiyang.targets, 'industrial_value_added', 'growth').map((r) => [r.value, r.modifier]), [[10.5, 'around']]);
  assert.deepEqual(find(guiyang.targets, 'service_value_added', 'growth').map((r) => [r.value, r.modifier]), [[6.5, 'around']]);
  // 济南 2014: "农业、服务业、规模以上工业增加值分别增长4%、10%和10%"
  const jinan = (await extractPath(join(SHARED_REPORTS, 'city', '济南市', '2014.md'))).x;
  assert.deepEqual(find(jinan.targets, 'service_value_added', 'growth').map((r) => r.value), [10]);
  // 泉州 2018: last year's "规模以上工业、第三产业增加值分别增长8.2%和10.5%"
  const quanzhou = (await extractPath(join(SHARED_REPORTS, 'city', '泉州市', '2018.md'))).x;
  assert.deepEqual(find(quanzhou.actuals, 'industrial_value_added', 'growth').map((r) => [r.value, r.year]), [[8.2, 2017]]);
});

test('a sentence that opens with a zone or another county as its subject gives that place\'s figures, not the region\'s (宜宾 2021/2022, 儋州 2022, 武威 2025, 唐山 2014, 西安 2026)', async () => {
  // 宜宾 2022: "三江新区获批全省首个省级新区，…，预计2021年实现地区生产总值300亿元、增长23%" (the 全省 in it is the province)
  const yibin2022 = (await extractPath(join(SHARED_REPORTS, 'city', '宜宾市', '2022.md'))).x;
  assert.deepEqual(find(yibin2022.actuals, 'gdp', 'growth'), []);
  assert.deepEqual(find(yibin2022.actuals, 'gdp', 'level').map((r) => r.value), [3000]);
  // 宜宾 2021: "新区发展总体规划正式印发，…，预计2020年地区生产总值增长20%以上"; the city's is "全年增长4.6%"
  const yibin2021 = (await extractPath(join(SHARED_REPORTS, 'city', '宜宾市', '2021.md'))).x;
  assert.deepEqual(find(yibin2021.actuals, 'gdp', 'growth').map((r) => r.value), [4.6]);
  // 儋州 2022: "其中，2021年洋浦经济开发区主要经济指标成绩喜人，地区生产总值、固定资产投资、…分别增长30%、115.7%、92.3%"
  const danzhou = (await extractPath(join(SHARED_REPORTS, 'city', '儋州市', '2022.md'))).x;
  assert.deepEqual(find(danzhou.actuals, 'gdp', 'growth'), []);
  // 武威 2025: "古浪县绿色工业扩规提质，预计规上工业产值增长18%"
  const wuwei = (await extractPath(join(SHARED_REPORTS, 'city', '武威市', '2025.md'))).x;
  assert.deepEqual(find(wuwei.actuals, 'industrial_output', 'growth'), []);
  // 唐山 2014: "…要达到全市的45%以上；曹妃甸区固定资产投资增长22%，公共财政预算收入确保增长30%、力争达到50%": after ；
  const tangshan = (await extractPath(join(SHARED_REPORTS, 'city', '唐山市', '2014.md'))).x;
  assert.deepEqual(find(tangshan.targets, 'general_budget_revenue', 'growth').map((r) => r.value), [10]);
  // 西安 2026: "统筹实施工业园区、工业企业、工业项目支持政策，规上工业总产值突破万亿元大关、增长6.9%": a zone after a verb is no subject
  const xian = (await extractPath(join(SHARED_REPORTS, 'city', '西安市', '2026.md'))).x;
  assert.deepEqual(find(xian.actuals, 'industrial_output', 'growth').map((r) => r.value), [6.9]);
});

test('lists with 分别: one figure is every item\'s, a clause with its own subject ends the list, a second set of figures follows the first, 由…到 takes where they got to, a list of shares gives no amounts', async () => {
  // 宁夏 2007: "确保实现规模以上工业增加值、利润分别增长15%以上，技术改造投资增长20%以上"
  const ningxia = await reportExtraction('province', '宁夏回族自治区', '2007.md');
  assert.deepEqual(find(ningxia.targets, 'industrial_value_added', 'growth').map((r) => [r.value, r.modifier]), [[15, 'at_least']]);
  // 太原 2008: "财政总收入、一般预算收入分别增长15%以上，地区外贸进出口总额增长12%"
  const taiyuan = await reportExtraction('city', '太原市', '2008.md');
  assert.deepEqual(find(taiyuan.targets, 'general_budget_revenue', 'growth').map((r) => [r.value, r.modifier]), [[15, 'at_least']]);
  assert.deepEqual(find(taiyuan.targets, 'import_export', 'growth').map((r) => r.value), [12]);
  // 北京 2011: "…分别增长8.5%以上和10.5%以上，扣除价格因素，分别实际增长6%以上和8%以上"
  const beijing = await reportExtraction('city', '北京市', '2011.md');
  assert.deepEqual(find(beijing.actuals, 'rural_disposable_income', 'growth').map((r) => r.value), [10.5]);
  // 浙江 2000: "…分别达到8428元和3948元，实际收入分别比上年增长8.0%和5.6%"
  const zhejiang = await reportExtraction('province', '浙江省', '2000.md');
  assert.deepEqual(find(zhejiang.actuals, 'rural_disposable_income', 'level').map((r) => r.value), [3948]);
  assert.deepEqual(find(zhejiang.actuals, 'rural_disposable_income', 'growth').map((r) => r.value), [5.6]);
  // 开封 2014: "…分别从11342元和4355元增加到19492元和8355元"
  const kaifeng = await reportExtraction('city', '开封市', '2014.md');
  assert.deepEqual(find(kaifeng.actuals, 'rural_disposable_income', 'level').map((r) => r.value), [8355]);
  // 中山 2022: "工业投资、基础设施投资占比分别提高到22.4%…" are shares, not growth
  const zhongshan = await reportExtraction('city', '中山市', '2022.md');
  assert.deepEqual(find(zhongshan.actuals, 'industrial_investment', 'growth'), []);
});

test('a number of years in digits makes a figure a period\'s (山东 2026 "5年增长18.7%"); 地区外贸进出口总额 is the trade total (太原 2009)', async () => {
  const shandong = (await extractPath(join(SHARED_REPORTS, 'province', '山东省', '2026.md'))).x;
  assert.ok(!find(shandong.actuals, 'general_budget_revenue', 'growth').some((r) => r.value === 18.7));
  const taiyuan = (await extractPath(join(SHARED_REPORTS, 'city', '太原市', '2009.md'))).x;
  assert.deepEqual(find(taiyuan.actuals, 'import_export', 'level').map((r) => [r.value, r.unit]), [[93.9, '亿美元']]);
});

test('外贸进出口 and 货物进出口 heading a longer noun (外贸进出口集装箱运量) name no trade total (南昌 2023); followed by 额, 增至 or a figure they do (凉山 2023, 重庆 2023)', async () => {
  const nanchang = (await extractPath(join(SHARED_REPORTS, 'city', '南昌市', '2023.md'))).x;
  assert.ok(!find(nanchang.actuals, 'import_export', 'growth').some((r) => r.value === 40.8));
  const liangshan = (await extractPath(join(SHARED_REPORTS, 'city', '凉山彝族自治州', '2023.md'))).x;
  assert.deepEqual(find(liangshan.targets, 'import_export', 'level').map((r) => [r.value, r.unit]), [[20, '亿元']]);
  const chongqing = (await extractPath(join(SHARED_REPORTS, 'city', '重庆市', '2023.md'))).x;
  assert.deepEqual(find(chongqing.actuals, 'import_export', 'level').map((r) => r.value), [8158.4]);
});

test('"A 15237元、B 5643元，分别增长7.7%和8.2%": a clause of several items, each a name and a figure, before 分别 (海口 2010, 阿坝 2016, 张家界 2016, 新疆 2012)', async () => {
  const haikou = await reportExtraction('city', '海口市', '2010.md');
  assert.deepEqual(find(haikou.actuals, 'urban_disposable_income', 'growth').map((r) => r.value), [7.7]);
  assert.deepEqual(find(haikou.actuals, 'rural_disposable_income', 'growth').map((r) => r.value), [8.2]);
  // "地方一般公共预算收入31.6亿元、一般公共预算支出213.8亿元，分别增长10.7%、11.2%": the spending keeps its place
  const aba = await reportExtraction('city', '阿坝藏族羌族自治州', '2016.md');
  assert.deepEqual(find(aba.actuals, 'general_budget_revenue', 'growth').map((r) => r.value), [10.7]);
  // "地区生产总值超过500亿元、一般公共预算收入超过50亿元、旅游总收入超过400亿元，分别增长9.5%、10%、20%"
  const zhangjiajie = await reportExtraction('city', '张家界市', '2016.md');
  assert.deepEqual(find(zhangjiajie.targets, 'gdp', 'growth').map((r) => r.value), [9.5]);
  assert.deepEqual(find(zhangjiajie.targets, 'general_budget_revenue', 'growth').map((r) => r.value), [10]);
  // the region's "城镇居民人均可支配收入15500元、农民人均纯收入5432元，分别增长13.6%和17%" before the 兵团's
  const xinjiang = await reportExtraction('province', '新疆维吾尔自治区', '2012.md');
  assert.deepEqual(find(xinjiang.actuals, 'rural_disposable_income', 'growth').map((r) => r.value), [17]);
});

test('增 alone before a figure says growth (保山 2021 "生产总值同比增9%左右", 吉林 2007 "地区生产总值增12%")', async () => {
  const baoshan = (await extractPath(join(SHARED_REPORTS, 'city', '保山市', '2021.md'))).x;
  assert.deepEqual(find(baoshan.targets, 'gdp', 'growth').map((r) => [r.value, r.modifier]), [[9, 'around']]);
  assert.deepEqual(find(baoshan.actuals, 'retail_sales', 'growth').map((r) => r.value), [1.8]);
  const jilin = (await extractPath(join(SHARED_REPORTS, 'province', '吉林省', '2007.md'))).x;
  assert.deepEqual(find(jilin.targets, 'gdp', 'growth').map((r) => [r.value, r.modifier]), [[12, 'point']]);
});

test('review figures: the country\'s (我国…) and the 兵团\'s are not the region\'s, a level dated with the year is the year\'s, a plan\'s goal and a threshold are not actuals, an increase is not the level (新疆 2021, 宁波 2025, 烟台 2012, 南昌 2016, 深圳 2008, 贵州 2006)', async () => {
  // 新疆 2021: "我国…国内生产总值突破一百万亿元"; "2020年，兵团实现生产总值2905.14亿元"; "地区生产总值从2015年的9306.88亿元增加到2020年的13797.58亿元"
  const xinjiang = await reportExtraction('province', '新疆维吾尔自治区', '2021.md');
  assert.deepEqual(find(xinjiang.actuals, 'gdp', 'level').map((r) => [r.value, r.unit, r.year]), [[13797.58, '亿元', 2020]]);
  // 宁波 2025: "海洋经济生产总值达2800亿元" is the ocean economy's
  const ningbo = await reportExtraction('city', '宁波市', '2025.md');
  assert.ok(!find(ningbo.actuals, 'gdp', 'level').some((r) => r.value === 2800));
  // 烟台 2012: "到2016年，全市生产总值突破8700亿元" in the part read as the review
  const yantai = await reportExtraction('city', '烟台市', '2012.md');
  assert.ok(!find(yantai.actuals, 'gdp', 'level').some((r) => r.value === 8700));
  // 南昌 2016: "地方一般公共预算收入增长13.7%，500万元以上固定资产投资增长17%": 500万元 bounds the investment counted
  const nanchang = await reportExtraction('city', '南昌市', '2016.md');
  assert.deepEqual(find(nanchang.actuals, 'general_budget_revenue', 'level').map((r) => [r.value, r.unit]), [[389.2, '亿元']]);
  // 深圳 2008: "地方财政一般预算收入一年净增157亿元，达658亿元"
  const shenzhen = await reportExtraction('city', '深圳市', '2008.md');
  assert.deepEqual(find(shenzhen.actuals, 'general_budget_revenue', 'level').map((r) => r.value), [658]);
  // 贵州 2006: "城镇居民人均可支配收入和农民人均纯收入分别由2000年的5122.2元和1374.2元增加到2005年的8147.1元和1877元"
  const guizhou = await reportExtraction('province', '贵州省', '2006.md');
  assert.deepEqual(find(guizhou.actuals, 'rural_disposable_income', 'level').map((r) => r.value), [1877]);
});

test('a joint name in a list with 分别 has a figure for each side (岳阳 2016 "…、城乡居民人均可支配收入分别达2154.7亿元、1020.6亿元、302.8亿元、25202元和12091元")', async () => {
  const yueyang = (await extractPath(join(SHARED_REPORTS, 'city', '岳阳市', '2016.md'))).x;
  assert.deepEqual(find(yueyang.actuals, 'retail_sales', 'level').map((r) => r.value), [1020.6]);
  assert.deepEqual(find(yueyang.actuals, 'urban_disposable_income', 'level').map((r) => [r.value, r.unit]), [[25202, '元']]);
  assert.deepEqual(find(yueyang.actuals, 'rural_disposable_income', 'level').map((r) => [r.value, r.unit]), [[12091, '元']]);
});

test('thresholds crossed one after another are not the level, the level the run reached is (河南 2018, 甘孜 2021, 南京 2018); digits after $ are residue, not figures (海口 2005)', async () => {
  // 河南 2018: "全省生产总值先后跨越3万亿元、4万亿元两个台阶…"
  const henan = await reportExtraction('province', '河南省', '2018.md');
  assert.ok(!find(henan.actuals, 'gdp', 'level').some((r) => r.value === 3));
  // 甘孜 2021: "地区生产总值连续跨越“300亿元”“400亿元”两个台阶、达到410.61亿元"
  const ganzi = await reportExtraction('city', '甘孜藏族自治州', '2021.md');
  assert.deepEqual(find(ganzi.actuals, 'gdp', 'level').map((r) => r.value), [410.61]);
  // 南京 2018: "地区生产总值连跨4个千亿台阶、达到11715亿元"
  const nanjing = await reportExtraction('city', '南京市', '2018.md');
  assert.deepEqual(find(nanjing.actuals, 'gdp', 'level').map((r) => r.value), [11715]);
  // 海口 2005: "地区生产总值２５$1.$2１亿元" lost two digits in a botched replacement
  const haikou = await reportExtraction('city', '海口市', '2005.md');
  assert.deepEqual(find(haikou.actuals, 'gdp', 'level'), []);
});

test('in a paragraph that looks back over the term (五年来…), a change is the term\'s unless the sentence speaks of the last year or the paragraph said 同比（下同） (河北 2018, 扬州 2022, 惠州 2022)', async () => {
  // 河北 2018: "…城乡居民人均可支配收入达到30548元和12881元，分别增长51.1%和57.9%": the levels are 2017's, the growth the term's
  const hebei = await reportExtraction('province', '河北省', '2018.md');
  assert.ok(!find(hebei.actuals, 'urban_disposable_income', 'growth').some((r) => r.value === 51.1));
  assert.deepEqual(find(hebei.actuals, 'urban_disposable_income', 'level').map((r) => r.value), [30548]);
  // 扬州 2022: the term's "全体居民人均可支配收入增长47.7%" gives way to the year's 8.9%
  const yangzhou = await reportExtraction('city', '扬州市', '2022.md');
  assert.deepEqual(find(yangzhou.actuals, 'disposable_income', 'growth').map((r) => r.value), [8.9]);
  // 惠州 2022: "五年来，…2021年全市地区生产总值4977亿元，同比（下同）增长10.1%；…地方一般公共预算收入455.4亿元，增长10.5%"
  const huizhou = await reportExtraction('city', '惠州市', '2022.md');
  assert.deepEqual(find(huizhou.actuals, 'general_budget_revenue', 'growth').map((r) => r.value), [10.5]);
});

test('a clause with a subject of its own ends a metric\'s figures, even after a figure passed over (临沂 2014, 山东 2007); a multiple holds a rate\'s place in a list (乌鲁木齐 2017)', async () => {
  // 临沂 2014: "万元GDP能耗完成省政府下达任务，42个重点河流断面水质综合达标率为93.8%"
  const linyi = await reportExtraction('city', '临沂市', '2014.md');
  assert.deepEqual(find(linyi.actuals, 'energy_intensity', 'reduction'), []);
  // 山东 2007: "万元生产总值能耗、…明显降低，17市城市空气质量良好率达94.2%"
  const shandong = await reportExtraction('province', '山东省', '2007.md');
  assert.deepEqual(find(shandong.actuals, 'energy_intensity', 'reduction'), []);
  // 乌鲁木齐 2017: "…分别达到34200元和16400元，增长1.12倍和94.4%": 94.4% is the rural growth, not the urban
  const urumqi = await reportExtraction('city', '乌鲁木齐市', '2017.md');
  assert.deepEqual(find(urumqi.actuals, 'rural_disposable_income', 'level').map((r) => r.value), [16400]);
  assert.ok(!find(urumqi.actuals, 'urban_disposable_income', 'growth').some((r) => r.value === 94.4));
});

test('a price rise held within so many points is a CPI target (南昌 2009, 东莞 2007); a growth target after a relative one (宝鸡 2014); a share of days is no CPI (锦州 2014)', async () => {
  const nanchang = await reportExtraction('city', '南昌市', '2009.md');
  assert.deepEqual(find(nanchang.targets, 'cpi', 'growth').map((r) => [r.value, r.modifier]), [[4, 'around']]);
  const dongguan = await reportExtraction('city', '东莞市', '2007.md');
  assert.deepEqual(find(dongguan.targets, 'cpi', 'growth').map((r) => [r.value, r.modifier]), [[3, 'at_most']]);
  // "生产总值增速高于全省两个百分点、达到13%左右"
  const baoji = await reportExtraction('city', '宝鸡市', '2014.md');
  assert.deepEqual(find(baoji.targets, 'gdp', 'growth').map((r) => [r.value, r.modifier]), [[13, 'around']]);
  // "居民消费价格总水平涨幅控制在全省平均水平以下，全年95%以上天数空气质量达到国家二级标准"
  const jinzhou = await reportExtraction('city', '锦州市', '2014.md');
  assert.deepEqual(find(jinzhou.targets, 'cpi', 'growth').map((r) => r.modifier), ['qualitative']);
});

test('a look back over the term starts at a sentence that opens with it, after a dash or bold, and ends at one that opens with the last year (河南 2003, 兰州 2017, 茂名 2022)', async () => {
  // 河南 2003: "…小康水平。…五年来，城镇居民人均可支配收入增长54%" and later the year's 14%
  const henan = await reportExtraction('province', '河南省', '2003.md');
  assert.deepEqual(find(henan.actuals, 'urban_disposable_income', 'growth').map((r) => r.value), [14]);
  // 兰州 2017: "**——这五年是“做强兰州”卓有成效的五年…**…城镇居民人均可支配收入提高85%"
  const lanzhou = await reportExtraction('city', '兰州市', '2017.md');
  assert.ok(!find(lanzhou.actuals, 'urban_disposable_income', 'growth').some((r) => r.value === 85));
  // 茂名 2022: "过去五年，…。刚刚过去的2021年，…地区生产总值增长6.0%以上"
  const maoming = await reportExtraction('city', '茂名市', '2022.md');
  assert.deepEqual(find(maoming.actuals, 'gdp', 'growth').map((r) => r.value), [6]);
});

test('"——这是…的五年" opens a look back over the term, and a lead that ends at ： ("五年来，主要做了以下工作：") carries it into the parts it introduces (六盘水 2016, 长春 2016, 海南 2021)', async () => {
  // 六盘水 2016: "——这是生态文明建设卓有成效的五年。…淘汰落后产能452.75万吨，单位生产总值能耗下降19.78%"
  const liupanshui = await reportExtraction('city', '六盘水市', '2016.md');
  assert.ok(!find(liupanshui.actuals, 'energy_intensity', 'reduction').some((r) => r.value === 19.78));
  // 长春 2016: "五年来，主要做了以下工作：" then "（一）…" whose paragraph says "社会消费品零售总额增长87%";
  // the term's last level stays 2015's
  const changchun = await reportExtraction('city', '长春市', '2016.md');
  assert.deepEqual(find(changchun.actuals, 'retail_sales', 'growth'), []);
  assert.deepEqual(find(changchun.actuals, 'gdp', 'level').map((r) => [r.value, r.year]), [[5530, 2015]]);
  // 海南 2021: "这是民生领域补短板亮点纷呈、百姓获得感不断增强的五年。…城镇新增就业61.6万人、增长29.2%"
  const hainan = await reportExtraction('province', '海南省', '2021.md');
  assert.ok(!find(hainan.actuals, 'new_urban_jobs', 'growth').some((r) => r.value === 29.2));
});

test('a part of the year that opens a clause is the later clauses\' too: to the sentence\'s end when it stands alone (前三季度，…；…), else to the end of its part (凉山 2023, 泸州 2023, 成都 2020)', async () => {
  // 凉山 2023: "前三季度，实现全州地区生产总值1586.99亿元、增长5.5%；…" and later the year's "突破2000亿元、增长6%左右"
  const liangshan = await reportExtraction('city', '凉山彝族自治州', '2023.md');
  assert.deepEqual(find(liangshan.actuals, 'gdp', 'growth').map((r) => r.value), [6]);
  assert.deepEqual(find(liangshan.actuals, 'retail_sales', 'growth').map((r) => r.value), [2.2]);
  // 泸州 2023 gives only the first three quarters: "前三季度，全市实现地区生产总值1887.2亿元…；…"
  const luzhou = await reportExtraction('city', '泸州市', '2023.md');
  assert.deepEqual(find(luzhou.actuals, 'gdp', 'level'), []);
  assert.deepEqual(find(luzhou.actuals, 'general_budget_revenue', 'level'), []);
  // 成都 2020, in the tasks: "…，一季度全市地区生产总值下降3%，全社会固定资产投资下降7.2%、社会消费品零售总额下降13.5%…"
  const chengdu = await reportExtraction('city', '成都市', '2020.md');
  assert.deepEqual(find(chengdu.targets, 'fixed_asset_investment', 'growth'), []);
  assert.deepEqual(find(chengdu.targets, 'retail_sales', 'growth'), []);
});

test('a growth target without a figure beside a level with one gives both (宜宾 2023 "地区生产总值增速高于全省1个百分点以上、总量达到3800亿元左右")', async () => {
  const yibin = await reportExtraction('city', '宜宾市', '2023.md');
  assert.deepEqual(find(yibin.targets, 'gdp', 'growth').map((r) => [r.value, r.modifier]), [[null, 'qualitative']]);
  assert.deepEqual(find(yibin.targets, 'gdp', 'level').map((r) => [r.value, r.modifier]), [[3800, 'around']]);
});

test('names that are no metric keep their places in a list (宁波 2008, 内蒙古 2002); starting points after 由/从 may be several, and two figures of a kind after a joint name are its urban and rural sides (新疆 2018, 浙江 2018)', async () => {
  // 宁波 2008: "市区居民人均可支配收入和农民人均纯收入达到22307元和10051元，分别增长13.4%和13.6%"
  const ningbo = await reportExtraction('city', '宁波市', '2008.md');
  assert.deepEqual(find(ningbo.actuals, 'rural_disposable_income', 'level').map((r) => r.value), [10051]);
  assert.deepEqual(find(ningbo.actuals, 'rural_disposable_income', 'growth').map((r) => r.value), [13.6]);
  // 内蒙古 2002: "全区城镇居民、农牧民人均可支配收入达5536元和1950元，分别增长7.9％和2％"
  const neimenggu = await reportExtraction('province', '内蒙古自治区', '2002.md');
  assert.deepEqual(find(neimenggu.actuals, 'rural_disposable_income', 'level').map((r) => r.value), [1950]);
  // 新疆 2018: "城镇、农村居民人均可支配收入分别由19019元、6876元提高到30775元和11045元"
  const xinjiang = await reportExtraction('province', '新疆维吾尔自治区', '2018.md');
  assert.deepEqual(find(xinjiang.actuals, 'urban_disposable_income', 'level').map((r) => r.value), [30775]);
  assert.deepEqual(find(xinjiang.actuals, 'rural_disposable_income', 'level').map((r) => r.value), [11045]);
  // 浙江 2018: "城乡居民人均可支配收入从33846元、15806元增加到51261元、24956元"
  const zhejiang = await reportExtraction('province', '浙江省', '2018.md');
  assert.deepEqual(find(zhejiang.actuals, 'urban_disposable_income', 'level').map((r) => r.value), [51261]);
  assert.deepEqual(find(zhejiang.actuals, 'rural_disposable_income', 'level').map((r) => r.value), [24956]);
  assert.deepEqual(find(zhejiang.actuals, 'disposable_income', 'level'), []);
});

test('a rise that fell to a figure is still a rise (national 2013 "居民消费价格涨幅回落到2.6%"); full-width commas between thousands before a unit (海口 2015 "26，530元"); a list of thresholds crossed is no level (珠海 2012)', async () => {
  const national = await reportExtraction('national', '2013.md');
  assert.deepEqual(find(national.actuals, 'cpi', 'growth').map((r) => r.value), [2.6]);
  const haikou = await reportExtraction('city', '海口市', '2015.md');
  assert.deepEqual(find(haikou.actuals, 'urban_disposable_income', 'level').map((r) => r.value), [26530]);
  assert.deepEqual(find(haikou.actuals, 'rural_disposable_income', 'level').map((r) => r.value), [10630]);
  // "全市地区生产总值、工业总产值、财税总收入、地方财政一般预算收入相继跨过1000亿元、3000亿元、400亿元和100亿元大关"
  const zhuhai = await reportExtraction('city', '珠海市', '2012.md');
  assert.ok(!find(zhuhai.actuals, 'general_budget_revenue', 'level').some((r) => r.value === 100));
  assert.deepEqual(findQuantities('分别为3，5。增长3，500万元').map((q) => q.value), [3, 5, 3500]);
});

test('a total over years that opens a clause (五年累计…) is the later clauses\' too, for amounts, up to a clause with its own year; a later year\'s goal in the review is no actual; after a plan\'s end, the sentence\'s changes are the term\'s (北京 2003, 呼和浩特 2018, 烟台 2022, 云南 2006, 景德镇 2016)', async () => {
  // 北京 2003: "五年累计完成全社会固定资产投资6960亿元，实现社会消费品零售额7290.1亿元"
  const beijing = await reportExtraction('city', '北京市', '2003.md');
  assert.ok(!find(beijing.actuals, 'retail_sales', 'level').some((r) => r.value === 7290.1));
  const hohhot = await reportExtraction('city', '呼和浩特市', '2018.md');
  assert.ok(!find(hohhot.actuals, 'retail_sales', 'level').some((r) => r.value === 6800));
  // 烟台 2022: "五年累计实际使用外资突破百亿美元，2021年外贸进出口总额达到4115亿元"; later "到2026年，…外贸进出口总额突破7000亿元"
  const yantai = await reportExtraction('city', '烟台市', '2022.md');
  assert.deepEqual(find(yantai.actuals, 'import_export', 'level').map((r) => r.value), [4115]);
  // 云南 2006: "加大科技投入，到2010年，全社会研发投入占生产总值的比重超过1.5%"
  const yunnan = await reportExtraction('province', '云南省', '2006.md');
  assert.deepEqual(find(yunnan.actuals, 'rd_intensity', 'level'), []);
  // 景德镇 2016: "…比“十一五”末增长62.7%；…；社会消费品零售总额264亿元，增长88.1%": after a plan's end, the term's changes
  const jingdezhen = await reportExtraction('city', '景德镇市', '2016.md');
  assert.ok(!find(jingdezhen.actuals, 'retail_sales', 'growth').some((r) => r.value === 88.1));
  assert.deepEqual(find(jingdezhen.actuals, 'retail_sales', 'level').map((r) => r.value), [264]);
});

test('a modifier written once after a list\'s last figure is every figure\'s joined to it by 、 or 和 alone (赣州 2021), not of a list where figures have their own (北京 2016)', async () => {
  // 赣州 2021: "城镇、农村居民人均可支配收入分别增长8%、9.8%左右"
  const ganzhou = await reportExtraction('city', '赣州市', '2021.md');
  assert.deepEqual(find(ganzhou.targets, 'urban_disposable_income', 'growth').map((r) => [r.value, r.modifier]), [[8, 'around']]);
  assert.deepEqual(find(ganzhou.targets, 'rural_disposable_income', 'growth').map((r) => [r.value, r.modifier]), [[9.8, 'around']]);
  // (贵阳 2022's list of sectors: see the test of lists of sectors)
  // 北京 2016: "万元地区生产总值能耗、水耗和二氧化碳排放分别下降3.5%、3%左右和4%"
  const beijing = await reportExtraction('city', '北京市', '2016.md');
  assert.deepEqual(find(beijing.targets, 'energy_intensity', 'reduction').map((r) => [r.value, r.modifier]), [[3.5, 'point']]);
});

test('a part titled for the coming plan period sets its goals, not last year\'s figures; parts that look back on a period or open its first year are read as before (重庆 2011, 江苏 2013, 湘潭 2021, 深圳 2021, 陕西 2021)', async () => {
  // "二、确保“十二五”实现全面建设小康社会目标": "城镇居民人均可支配收入增长75%" is the plan's, not 2010's
  const chongqing = await reportExtraction('city', '重庆市', '2011.md');
  assert.deepEqual(find(chongqing.actuals, 'urban_disposable_income', 'growth'), []);
  assert.deepEqual(find(chongqing.actuals, 'rd_intensity', 'level'), []);
  assert.deepEqual(find(chongqing.actuals, 'urban_disposable_income', 'level').map((r) => r.value), [17532]);
  // "今后五年奋斗目标": R&D 2.6% and high-tech 42% are goals for 2017
  const jiangsu = await reportExtraction('province', '江苏省', '2013.md');
  assert.deepEqual(find(jiangsu.actuals, 'rd_intensity', 'level'), []);
  assert.deepEqual(find(jiangsu.actuals, 'high_tech_output_share', 'level'), []);
  // "“十四五”规划的主要内容": GDP over 3500亿元 is 2025's goal
  const xiangtan = await reportExtraction('city', '湘潭市', '2021.md');
  assert.deepEqual(find(xiangtan.actuals, 'gdp', 'level'), []);
  assert.deepEqual(find(xiangtan.actuals, 'gdp', 'growth').map((r) => r.value), [3.8]);
  // "“十三五”时期发展成就": what was achieved
  const shenzhen = await reportExtraction('city', '深圳市', '2021.md');
  assert.deepEqual(find(shenzhen.actuals, 'retail_sales', 'level').map((r) => r.value), [8664.8]);
  // "以高质量发展为“十四五”开好局": the year's work
  const shaanxi = await reportExtraction('province', '陕西省', '2021.md');
  assert.deepEqual(find(shaanxi.targets, 'retail_sales', 'growth').map((r) => [r.value, r.modifier]), [[7.5, 'around']]);
});

test('a review sentence that opens by comparing with an earlier year gives the changes since then, not the year\'s (甘肃 2011, 山西 2011, 湘潭 2022)', async () => {
  // "2010年同2005年相比，…城镇居民人均可支配收入和农民人均纯收入分别增长61.5%和67.1%"; 2010's own come later
  const gansu = await reportExtraction('province', '甘肃省', '2011.md');
  assert.deepEqual(find(gansu.actuals, 'urban_disposable_income', 'growth').map((r) => r.value), [9.5]);
  assert.deepEqual(find(gansu.actuals, 'rural_disposable_income', 'growth').map((r) => r.value), [11]);
  // "与2005年相比，万元地区生产总值综合能耗下降22%"
  const shanxi = await reportExtraction('province', '山西省', '2011.md');
  assert.deepEqual(find(shanxi.actuals, 'energy_intensity', 'reduction'), []);
  // "与2016年末相比，…万元GDP能耗下降18.5%"
  const xiangtan = await reportExtraction('city', '湘潭市', '2022.md');
  assert.deepEqual(find(xiangtan.actuals, 'energy_intensity', 'reduction'), []);
});

test('a list\'s figures go on over a clause that says where they got to: "分别由573.4亿元、272.3亿元，增加到845.3亿元、410.8亿元" (石家庄 2017)', async () => {
  const shijiazhuang = await reportExtraction('city', '石家庄市', '2017.md');
  assert.deepEqual(find(shijiazhuang.actuals, 'general_budget_revenue', 'level').map((r) => [r.value, r.year]), [[410.8, 2016]]);
});

test('a clause of names without figures before "，分别…" gives the list\'s items, names that are no metric keeping their places (广东 2013, 深圳 2011, 乌海 2020); a look back over the term inside a task part gives no targets (national 2006)', async () => {
  // "来源于广东的财政总收入和地方公共财政预算收入均实现翻番，分别达1.47万亿元和6228亿元"
  const guangdong = await reportExtraction('province', '广东省', '2013.md');
  assert.deepEqual(find(guangdong.actuals, 'general_budget_revenue', 'level').map((r) => r.value), [6228]);
  // "规模以上工业增加值、高新技术产品产值、地方财政一般预算收入和全口径财政收入跃上新台阶，分别为4050亿元、10176亿元、1106.8亿元和3507亿元"
  const shenzhen = await reportExtraction('city', '深圳市', '2011.md');
  assert.deepEqual(find(shenzhen.actuals, 'general_budget_revenue', 'level').map((r) => r.value), [1106.8]);
  assert.deepEqual(find(shenzhen.actuals, 'industrial_value_added', 'level').map((r) => r.value), [4050]);
  // "对规模以上工业增加值、固定资产投资、一般公共预算收入、社会消费品零售总额指标，分别按增长8%、8%、5%、4%掌握"
  const wuhai = await reportExtraction('city', '乌海市', '2020.md');
  assert.deepEqual(find(wuhai.targets, 'general_budget_revenue', 'growth').map((r) => r.value), [5]);
  assert.deepEqual(find(wuhai.targets, 'retail_sales', 'growth').map((r) => r.value), [4]);
  // "五年来，人民生活明显改善。城镇居民人均可支配收入和农村居民人均纯收入，分别实际增长58.3%和29.2%", in a part after the year's targets
  const national = await reportExtraction('national', '2006.md');
  assert.deepEqual(find(national.targets, 'urban_disposable_income', 'growth'), []);
  assert.deepEqual(find(national.targets, 'gdp', 'growth').map((r) => [r.value, r.modifier]), [[8, 'around']]);
});

test('a level compared with an earlier period of years (比前五年) is a total over a period, not the year\'s level (珠海 2012, 东莞 2006)', async () => {
  // "社会消费品零售总额、旅游业总收入分别达2123亿元和935亿元，比前五年分别增长116%和75%"
  const zhuhai = await reportExtraction('city', '珠海市', '2012.md');
  assert.ok(!find(zhuhai.actuals, 'retail_sales', 'level').some((r) => r.value === 2123));
  // "合同和实际利用外资分别为167亿美元、133亿美元，均比前五年增长1倍"
  const dongguan = await reportExtraction('city', '东莞市', '2006.md');
  assert.deepEqual(find(dongguan.actuals, 'fdi_actual', 'level'), []);
});

test('a minus sign written before a figure makes it negative; a dash between figures is still a range (固原 2025, 驻马店 2021)', async () => {
  assert.deepEqual(findQuantities('地方一般公共预算收入增长-16.8%、支出增长1.8%').map((q) => [q.value, q.text]), [[-16.8, '-16.8%'], [1.8, '1.8%']]);
  assert.deepEqual(findQuantities('增长5%-6%').map((q) => [q.value, q.value2]), [[5, 6]]);
  const guyuan = await reportExtraction('city', '固原市', '2025.md');
  assert.deepEqual(find(guyuan.actuals, 'general_budget_revenue', 'growth').map((r) => [r.value, r.year]), [[-16.8, 2024]]);
  const zhumadian = await reportExtraction('city', '驻马店市', '2021.md');
  assert.deepEqual(find(zhumadian.actuals, 'retail_sales', 'growth').map((r) => r.value), [-2.6]);
});

test('a report delivered in November sets targets for the next year, as one delivered in December does (兰州 2011-11-15)', async () => {
  const lanzhou = await reportExtraction('city', '兰州市', '2012.md');
  assert.equal(lanzhou.targetYear, 2012);
  assert.deepEqual(find(lanzhou.targets, 'gdp', 'growth').map((r) => [r.value, r.modifier, r.year]), [[15, 'at_least', 2012]]);
  assert.deepEqual(find(lanzhou.actuals, 'gdp', 'level').map((r) => [r.value, r.year]), [[1360, 2011]]);
});

test('a report hard-wrapped as the text layer of a PDF is (38 characters a line) keeps a Latin word broken at a line end whole: 单位G / DP能耗 is GDP (吉林 2014)', async () => {
  const raw = await readReport(join(SHARED_REPORTS, 'province', '吉林省', '2014.md'));
  const wrapped = hardWrapped(raw.text);
  assert.ok(wrapped.includes('单位G\nDP能耗'));
  const doc = analyseDocument({ ...raw, text: wrapped });
  assert.ok(doc.text.includes('预计单位GDP能耗下降5.25%'));
  const { actuals } = extractFigures(doc);
  const energy = actuals.find((f) => f.metric === 'energy_intensity');
  assert.deepEqual([energy?.value, energy?.year, energy?.estimated], [5.25, 2013, true]);
  // English text keeps the space a line break stands for
  assert.equal(normaliseText('我们要以更大力度推动经济增长，一个又一个发展目标 GDP growth of five\npercent was set as the goal of the year ahead').text.includes('five percent'), true);
});

test('the binding targets after the expected ones belong to the target list (太原 2012, 2016): 约束性指标是：…', async () => {
  const taiyuan2012 = await reportExtraction('city', '太原市', '2012.md');
  assert.deepEqual(find(taiyuan2012.targets, 'energy_intensity', 'reduction').map((r) => [r.value, r.modifier, r.year]), [[3.5, 'point', 2012]]);
  const taiyuan2016 = await reportExtraction('city', '太原市', '2016.md');
  assert.deepEqual(find(taiyuan2016.targets, 'energy_intensity', 'reduction').map((r) => [r.value, r.modifier]), [[null, 'qualitative']]);
  assert.deepEqual(find(taiyuan2016.targets, 'pollutant_reduction', 'reduction').map((r) => r.modifier), ['qualitative']);
});

test('a target list broken into paragraphs after its first items (a <br> in a web page) goes on in the paragraph that opens with a metric (上海 2016)', async () => {
  const raw = await readReport(join(SHARED_REPORTS, 'city', '上海市', '2016.md'));
  const intro = raw.text.indexOf('主要预期目标是：');
  const firstEnd = raw.text.indexOf('。', intro) + 1;
  const broken = { ...raw, text: `${raw.text.slice(0, firstEnd)}\n\n${raw.text.slice(firstEnd)}` };
  assert.ok(broken.text.includes('一般公共预算收入增长7%。\n\n全社会研发经费支出'));
  for (const source of [raw, broken]) {
    const x = extractFigures(analyseDocument(source));
    assert.deepEqual(find(x.targets, 'disposable_income', 'growth').map((r) => r.modifier), ['qualitative']);
    assert.deepEqual(find(x.targets, 'registered_unemployment_rate', 'level').map((r) => [r.value, r.modifier]), [[4.4, 'at_most']]);
    assert.deepEqual(find(x.targets, 'gdp', 'growth').map((r) => [r.value, r.value2, r.modifier]), [[6.5, 7, 'range']]);
  }
  // a paragraph that explains a target is no item of the list
  const explained = extractText('今年经济社会发展的主要预期目标是：地区生产总值增长7%左右，城镇登记失业率控制在4.5%以内。\n经济增长预期目标确定为7%左右，考虑了居民消费价格涨幅3.5%的压力。');
  assert.deepEqual(explained.targets.map((r) => [r.metric, r.value]), [['gdp', 7], ['registered_unemployment_rate', 4.5]]);
});

test('a report whose long paragraphs are broken after their first sentence (a <br> in a web page) keeps its targets: the part on the year opens after the address, 各位代表，2021年是… (大连 2021)', async () => {
  const raw = await readReport(join(SHARED_REPORTS, 'city', '大连市', '2021.md'));
  const broken = { ...raw, text: brokenAfterFirstSentence(raw.text) };
  const key = (r: FigureRecord) => `${r.metric} ${r.value} ${r.modifier} ${r.year}`;
  const targets = (x: ReturnType<typeof extractFigures>) => x.targets.filter((r) => r.metric !== 'other').map(key).sort();
  const whole = targets(extractFigures(analyseDocument(raw)));
  assert.ok(whole.includes('energy_intensity null qualitative 2021') && whole.includes('gdp 6.5 around 2021'));
  assert.deepEqual(targets(extractFigures(analyseDocument(broken))), whole);
});

test('a lead line that opens a look back over the term (**五年来，我们狠抓节能减排…。**) makes the paragraphs after it the term’s too, until one opens with a year of its own (山西 2016, 焦作 2014 as a web page)', async () => {
  const shanxi = await reportExtraction('province', '山西省', '2016.md');
  // 万元地区生产总值综合能耗超额完成下降16%: the five-year plan's reduction, not 2015's
  assert.deepEqual(find(shanxi.actuals, 'energy_intensity', 'reduction').filter((r) => r.value === 16), []);
  const raw = await readReport(join(SHARED_REPORTS, 'city', '焦作市', '2014.md'));
  const broken = { ...raw, text: brokenAfterFirstSentence(raw.text) };
  assert.ok(broken.text.includes('五年来，发展方式持续转变。\n二、三产业比重提高0.6个百分点。'));
  for (const source of [raw, broken]) {
    const x = extractFigures(analyseDocument(source));
    // 万元生产总值能耗下降23%: over the five years
    assert.deepEqual(find(x.actuals, 'energy_intensity', 'reduction').map((r) => r.value), []);
    // the last year's own figures stay: 2013年，全市地区生产总值达1707亿元
    assert.deepEqual(find(x.actuals, 'gdp', 'level').map((r) => [r.value, r.year]), [[1707, 2013]]);
  }
  // a lead broken off its paragraph at a line end: the paragraph carried turns to the last year
  // ("…取得了新进步。刚刚过去的2021年，…"), and the figures after it are that year's (黔南 2022)
  const qiannan = await readReport(join(SHARED_REPORTS, 'city', '黔南布依族苗族自治州', '2022.md'));
  const lead = '——过去五年，我们切实转作风提效能，不断加强自身建设，政府履职能力显著提升。';
  assert.ok(qiannan.text.includes(lead));
  const wrappedLead = extractFigures(analyseDocument({ ...qiannan, text: qiannan.text.replace(lead, `${lead}\n`) }));
  assert.deepEqual(find(wrappedLead.actuals, 'retail_sales', 'growth').map((r) => [r.value, r.year]), [[14.6, 2021]]);
});

test('an unnumbered title line "2016年工作重点…" opens the year’s tasks, with or without bold (岳阳 2016; 西藏 2013 as plain text)', async () => {
  const yueyang = await reportExtraction('city', '岳阳市', '2016.md');
  assert.deepEqual(find(yueyang.targets, 'new_urban_jobs', 'level').map((r) => [r.value, r.year]), [[5.2, 2016]]);
  const raw = await readReport(join(SHARED_REPORTS, 'province', '西藏自治区', '2013.md'));
  const plain = { ...raw, text: raw.text.replace(/\*\*/g, '') };
  assert.ok(plain.text.includes('\n2013年工作重点\n'));
  const x = extractFigures(analyseDocument(plain));
  assert.deepEqual(find(x.targets, 'fixed_asset_investment', 'growth').map((r) => [r.value, r.modifier, r.year]), [[18, 'at_least', 2013]]);
});

test('in a hard-wrapped text, a line that ends at a ； goes on with the next: the clause after it keeps its subject (四川 2006: 规模以上工业…增长33.6%； / 实现增加值2597亿元)', async () => {
  const raw = await readReport(join(SHARED_REPORTS, 'province', '四川省', '2006.md'));
  const wrapped = hardWrapped(raw.text);
  assert.ok(wrapped.includes('增长33.6%；\n实现增加值2597亿元'));
  for (const text of [raw.text, wrapped]) {
    const x = extractFigures(analyseDocument({ ...raw, text }));
    assert.deepEqual(find(x.actuals, 'industrial_value_added', 'level').map((r) => r.value), [2597]);
  }
});

test('in a hard-wrapped text, prose cut off mid-word goes on at a line that happens to open like a numbered part (湘潭 2014: 实行集中统 / 一、最严格的规划管理。…)', async () => {
  const raw = await readReport(join(SHARED_REPORTS, 'city', '湘潭市', '2014.md'));
  const wrapped = hardWrapped(raw.text);
  assert.ok(wrapped.includes('实行集中统\n一、最严格的规划管理'));
  const doc = analyseDocument({ ...raw, text: wrapped });
  assert.ok(doc.text.includes('实行集中统一、最严格的规划管理。'));
  assert.ok(!doc.sections.some((s) => s.title.startsWith('最严格的规划管理')));
  assert.deepEqual(find(extractFigures(doc).targets, 'registered_unemployment_rate', 'level').map((r) => [r.value, r.modifier, r.year]), [[4.3, 'at_most', 2014]]);
  // a table row is no prose: the list item after one stays a line of its own (汕头 2023)
  const shantou = analyseDocument(await readReport(join(SHARED_REPORTS, 'city', '汕头市', '2023.md')));
  assert.ok(shantou.text.includes('\n一、推进100个老旧小区改造。'));
});

test('a PDF’s text layer, where only an indent opens a paragraph: a line without one goes on with the paragraph, even after a 。 at the line end (邯郸 2023)', async () => {
  const raw = await readReport(join(SHARED_REPORTS, 'city', '邯郸市', '2023.md'));
  // paragraphs indented, wrapped at 36 characters, no blank lines between them, no Markdown
  const pdf = raw.text
    .replace(/\*\*/g, '')
    .split('\n')
    .filter((p) => p.trim())
    .flatMap((p) => (`\u3000\u3000${p.trim()}`.match(/.{1,36}/gu) ?? []))
    .join('\n');
  assert.ok(pdf.includes('居民消费价格指数涨幅控制在3%左右。\nPM2.5平均浓度、单位GDP能耗下降率完成省定目标。'));
  for (const text of [raw.text, pdf]) {
    const x = extractFigures(analyseDocument({ ...raw, text }));
    assert.deepEqual(find(x.targets, 'energy_intensity', 'reduction').map((r) => [r.modifier, r.year]), [['qualitative', 2023]]);
    assert.deepEqual(find(x.targets, 'gdp', 'growth').map((r) => [r.value, r.modifier]), [[7, 'around']]);
  }
});

test('a paragraph that presents the plan’s outline (《纲要》提出…主要指标：) gives the plan’s goals, not the year’s, in a part titled for both (大连 2021, 辽宁 2021)', async () => {
  const dalian = await reportExtraction('city', '大连市', '2021.md');
  assert.deepEqual(find(dalian.targets, 'digital_economy_share', 'level'), []);
  assert.deepEqual(find(dalian.targets, 'disposable_income', 'growth').map((r) => [r.value, r.modifier]), [[null, 'qualitative']]);
  assert.deepEqual(find(dalian.targets, 'gdp', 'growth').map((r) => [r.value, r.modifier, r.year]), [[6.5, 'around', 2021]]);
  const liaoning = await reportExtraction('province', '辽宁省', '2021.md');
  assert.ok(!liaoning.targets.some((r) => r.metric === 'rd_intensity' && r.value === 2.3));
  // its items go on in paragraphs of their own (二是…) when the paragraph is broken
  const raw = await readReport(join(SHARED_REPORTS, 'city', '大连市', '2021.md'));
  const broken = extractFigures(analyseDocument({ ...raw, text: raw.text.replace(/。(二是|三是|四是)/g, '。\n$1') }));
  assert.deepEqual(find(broken.targets, 'digital_economy_share', 'level'), []);
});

test('直接利用外资, 利用外资 and 使用外资 are the foreign investment received; what was contracted (合同额, 新签协议) is not (阜新 2014, 天津 2005, 浙江 1992)', async () => {
  // 阜新 2014: "主要预期目标是：…直接利用外资2.46亿美元，增长20%；…"
  const fuxin = await reportExtraction('city', '阜新市', '2014.md');
  const fdiTargets = fuxin.targets.filter((t) => t.metric === 'fdi_actual');
  assert.deepEqual(fdiTargets.map((t) => [t.quantity, t.value, t.unit]), [['level', 2.46, '亿美元'], ['growth', 20, '%']]);
  // 天津 2005: "直接利用外资合同额55.9亿美元，实际直接利用外资24.7亿美元，分别增长…"
  const tianjin = await reportExtraction('city', '天津市', '2005.md');
  assert.deepEqual(find(tianjin.actuals, 'fdi_actual', 'level').map((a) => a.value), [24.7]);
  // 十堰 2022: "主要预期目标是：…使用外资增长12%；…"
  const shiyan = await reportExtraction('city', '十堰市', '2022.md');
  assert.deepEqual(find(shiyan.targets, 'fdi_actual', 'growth').map((t) => t.value), [12]);
  // 浙江 1992: "利用外资新签协议金额达到3.83亿美元，比上年增长54.5%"
  const zhejiang = await reportExtraction('province', '浙江省', '1992.md');
  assert.ok(!zhejiang.actuals.some((a) => a.metric === 'fdi_actual' && [3.83, 54.5].includes(a.value!)));
});

test('figures of no canonical metric: a list "A、B、C分别增长x、y、z" gives each name its figure, and "X 2.76亿美元，增长20%" gives X its growth (毕节 2023, 阜新 2014)', async () => {
  // 毕节 2023: "一产、二产、三产增加值分别增长4.5%、9.5%、8%左右"
  const bijie = await reportExtraction('city', '毕节市', '2023.md');
  const sectors = bijie.targets.filter((t) => t.metric === 'other' && /^[一二三]产/.test(t.label));
  assert.deepEqual(
    sectors.map((t) => [t.label, t.quantity, t.value, t.modifier]),
    [['一产增加值', 'growth', 4.5, 'point'], ['二产增加值', 'growth', 9.5, 'point'], ['三产增加值', 'growth', 8, 'around']],
  );
  // 阜新 2014: "出口总额2.76亿美元，增长20%"
  const fuxin = await reportExtraction('city', '阜新市', '2014.md');
  const exports = fuxin.targets.filter((t) => t.metric === 'other' && t.label === '出口总额');
  assert.deepEqual(exports.map((t) => [t.quantity, t.value, t.unit]), [['level', 2.76, '亿美元'], ['growth', 20, '%']]);
});

test('a 力争 figure is a stretch of the base beside it only when it goes beyond it (衢州 2023, 宁夏 2024)', async () => {
  // 衢州 2023: "规上工业总产值和增加值分别突破3500亿元" and, for 智造新城, "力争规上工业产值突破2000亿元"
  const quzhou = await reportExtraction('city', '衢州市', '2023.md');
  assert.deepEqual(quzhou.targets.filter((t) => t.metric === 'industrial_output').map((t) => [t.value, t.stretch]), [[3500, false]]);
  // 宁夏 2024: "地区生产总值增长6%左右，力争达到6%以上": the same figure with a stronger modifier
  const ningxia = await reportExtraction('province', '宁夏回族自治区', '2024.md');
  assert.deepEqual(find(ningxia.targets, 'gdp', 'growth').map((t) => [t.value, t.modifier, t.stretch]), [[6, 'around', false], [6, 'at_least', true]]);
});

test('the figure worked to "in actual work" beside the announced one is its stretch figure (厦门 2025, 2026, 大连 2023)', async () => {
  const gdp = async (city: string, file: string) => find((await reportExtraction('city', city, file)).targets, 'gdp', 'growth').map((t) => [t.value, t.value2, t.modifier, t.stretch]);
  // "地区生产总值增长5.0%-5.5%，根据实际情况争取更好的结果，实际工作中按照5.5%推进"
  assert.deepEqual(await gdp('厦门市', '2025.md'), [[5, 5.5, 'range', false], [5.5, null, 'point', true]]);
  // "地区生产总值增长5%-5.5%，实际工作中按5.5%推进"
  assert.deepEqual(await gdp('厦门市', '2026.md'), [[5, 5.5, 'range', false], [5.5, null, 'point', true]]);
  // "地区生产总值增长6%以上，在实际工作中争取实现7%的更好结果"
  assert.deepEqual(await gdp('大连市', '2023.md'), [[6, null, 'at_least', false], [7, null, 'point', true]]);
});

test('a clause "按增长7%以上安排" or "按可比价增长7.5%" goes on with the metric named before it (阿坝 2023, 太原 2000)', async () => {
  // "地区生产总值增速高于全省1个百分点，按增长7%以上安排": the figure the plan is made on, not a qualitative target
  const aba = find((await reportExtraction('city', '阿坝藏族羌族自治州', '2023.md')).targets, 'gdp', 'growth');
  assert.deepEqual(aba.map((t) => [t.value, t.unit, t.modifier]), [[7, '%', 'at_least']]);
  // "国内生产总值（现价）360亿元，按可比价增长7.5%": the growth of the metric, not of a metric named 按可比价
  const taiyuan = (await reportExtraction('city', '太原市', '2000.md')).targets;
  assert.deepEqual(find(taiyuan, 'gdp', 'growth').map((t) => [t.value, t.modifier]), [[7.5, 'point']]);
  assert.deepEqual(find(taiyuan, 'industrial_value_added', 'growth').map((t) => [t.value, t.modifier]), [[7, 'point']]);
  assert.ok(!taiyuan.some((t) => t.label === '按可比价'));
});

test('a figure followed by "的" and a kind of firm or project is a threshold for counting them, not a total (贵阳 2015)', async () => {
  // "培育…1家进出口总额超过1000万美元的外资企业…，力争全年外贸进出口总额突破100亿美元"
  const guiyang = find((await reportExtraction('city', '贵阳市', '2015.md')).targets, 'import_export', 'level');
  assert.deepEqual(guiyang.map((t) => [t.value, t.unit, t.modifier, t.stretch]), [[100, '亿美元', 'at_least', false]]);
});
