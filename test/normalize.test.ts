import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { normaliseText } from '../src/normalize/normalize.ts';
import { toOriginalRange, mapToRuns, runsToMap, originalDelta, restoreOriginal } from '../src/normalize/mapped-text.ts';
import { join } from 'node:path';
import { SHARED_REPORTS, hardWrapped, sample } from './helpers.ts';

test('full-width digits, letters, ％ and spaces become half-width; Chinese punctuation stays', () => {
  const n = normaliseText('地区生产总值增长５．５％，ＧＤＰ达到１２３４亿元。');
  assert.equal(n.text, '地区生产总值增长5.5%，GDP达到1234亿元。');
});

test('letters an OCR read for digits inside a figure become digits, one for one; Latin names with digits stay (宁夏 2010, 广州 1995, 东莞 2019, 沈阳 2014)', () => {
  const ningxia = '主要预期目标和约束性指标是:全区生产总值增长l0%;全社会固定资产投资增长25%;地方一般预算收入增长l1%;';
  const n = normaliseText(ningxia);
  assert.equal(n.text, '主要预期目标和约束性指标是:全区生产总值增长10%;全社会固定资产投资增长25%;地方一般预算收入增长11%;');
  assert.equal(n.text.length, ningxia.length);
  assert.equal(normaliseText('实际利用外资2O.48亿美元，比上年增长39.91%').text, '实际利用外资20.48亿美元，比上年增长39.91%');
  for (const kept of ['VOCs：挥发性有机物的英文简称，是生成臭氧（O3）和细颗粒物（PM2.5）二次污染物的重要前体物', '搭载I5系统的ETC数控车床实现量产', '发展O2O模式，SO2排放下降，通过ISO9000认证']) {
    assert.equal(normaliseText(kept).text, kept);
  }
});

test('radical look-alikes from PDF text layers become ordinary characters', () => {
  // ⼯ (Kangxi radical) and ⻓ (radical supplement) stand for 工 and 长
  assert.equal(normaliseText('⼯业投资增⻓10%').text, '工业投资增长10%');
});

test('traditional text is converted to simplified, and the map points at the original', () => {
  const original = '過去一年，全市地區生產總值增長百分之六，經濟發展穩中求進。';
  const n = normaliseText(original);
  assert.equal(n.convertedFromTraditional, true);
  assert.equal(n.text, '过去一年，全市地区生产总值增长百分之六，经济发展稳中求进。');
  const at = n.text.indexOf('地区生产总值');
  const [s, e] = toOriginalRange(n.map, at, at + 6);
  assert.equal(original.slice(s, e), '地區生產總值');
});

test('a simplified report is not converted', () => {
  const n = normaliseText(readFileSync(sample('suzhou-2024'), 'utf8'));
  assert.equal(n.convertedFromTraditional, false);
});

test('a sentence broken across lines and blank lines is joined (real break in the 相城 report)', () => {
  const n = normaliseText(readFileSync(sample('suzhou-xiangcheng-2024'), 'utf8'), { markdown: true });
  assert.ok(n.text.includes('我们以主动作为践行责任担当，围绕“双中心”建设目标，全区和高铁新城'));
  assert.ok(n.text.includes('获评省级工程技术研究中心17家'));
});

test('a broken session line is joined and spaced-out titles are closed up', () => {
  const n = normaliseText('2024年吴中区政府工作报告\n\n——2024年1月8日在苏州市吴中区第五届人民代表大会\n第三次会议上\n区人民政府区长   顾晓东\n\n政 府 工 作 报 告');
  assert.equal(n.text, '2024年吴中区政府工作报告\n——2024年1月8日在苏州市吴中区第五届人民代表大会第三次会议上\n区人民政府区长顾晓东\n政府工作报告');
});

test('a dash-led paragraph hard-wrapped after its first sentence is joined; a dash-led list item is not', () => {
  // 杭州 2018's review, wrapped as a PDF text layer wraps it
  const n = normaliseText('——经济质效持续提升。全市生产总值达到12556亿元，增\n长8.0%。财政总收入2921.3亿元，增长14.2%；\n——创新动力有效增强\n规上工业科技活动经费支出总额297亿元。');
  assert.equal(n.text, '——经济质效持续提升。全市生产总值达到12556亿元，增长8.0%。财政总收入2921.3亿元，增长14.2%；\n——创新动力有效增强\n规上工业科技活动经费支出总额297亿元。');
});

test('repeated watermark lines, page numbers and HTML comments are removed', () => {
  const raw = readFileSync(sample('suzhou-2024'), 'utf8');
  assert.ok(raw.includes('更多数据尽在'));
  const n = normaliseText(`${raw}\n- 12 -\n<!-- 省长林武作报告 -->`, { markdown: true });
  assert.ok(!n.text.includes('更多数据尽在'));
  assert.ok(!n.text.includes('- 12 -'));
  assert.ok(!n.text.includes('省长林武'));
  assert.ok(n.text.startsWith('政府工作报告\n——2024年1月16日'));
});

test('every normalised character maps back to the character it came from', () => {
  for (const name of ['suzhou-2020', 'suzhou-huqiu-2025']) {
    const raw = readFileSync(sample(name), 'utf8');
    const n = normaliseText(raw, { markdown: true });
    assert.equal(n.map.length, n.text.length + 1);
    for (let i = 0; i < n.text.length; i++) {
      const o = n.map[i];
      assert.ok(o >= 0 && o < raw.length, `offset ${i} maps inside the original`);
      // the same character, or its half-width form (１．→ 1.)
      if (n.text[i] !== '\n') assert.ok(n.text[i] === raw[o] || n.text[i] === raw[o].normalize('NFKC'), `character ${i} of ${name}: ${n.text[i]} from ${raw[o]}`);
    }
    assert.deepEqual(runsToMap(mapToRuns(n.map)), n.map);
  }
});

test('a letter-spaced line (a space between every two characters) is closed up, digits, points and % too; other spaces stay', () => {
  const n = normaliseText('各位代表：\n地 区 生 产 总 值 增 长 5 . 5 % 左 右 ， 达 到 2 4 6 5 3 . 4 亿 元 。\n全年完成2 311.43亿元，GDP growth of 5 percent.');
  assert.equal(n.text, '各位代表：\n地区生产总值增长5.5%左右，达到24653.4亿元。\n全年完成2 311.43亿元，GDP growth of 5 percent.');
  // each character still points at its place in the original
  const at = n.text.indexOf('5.5%');
  const [s, e] = toOriginalRange(n.map, at, at + 4);
  assert.equal('各位代表：\n地 区 生 产 总 值 增 长 5 . 5 % 左 右'.slice(s, e), '5 . 5 %');
});

test('a space after a decimal point between digits goes (广东 2001 "比上年增长7. 9%和11. 4%"); a point that ends a number keeps its space', () => {
  const original = readFileSync(join(SHARED_REPORTS, 'province', '广东省', '2001.md'), 'utf8').match(/全社会固定资产投资、社会消费品零售总额[^。]*。/)![0];
  assert.match(original, /7\. 9％/);
  const n = normaliseText(original);
  assert.match(n.text, /分别比上年增长7\.9%和11\.4%/);
  const at = n.text.indexOf('7.9%');
  const [s, e] = toOriginalRange(n.map, at, at + 4);
  assert.equal(original.slice(s, e), '7. 9％');
  assert.equal(normaliseText('完成第3项。 5项在建').text, '完成第3项。5项在建');
  assert.equal(normaliseText('version 2. beta').text, 'version 2. beta');
});

test('the original of a report is kept as a small delta against its normalised text: traditional characters, full-width figures and Markdown marks come back', () => {
  const report = readFileSync(sample('suzhou-2024'), 'utf8');
  const n = normaliseText(report, { markdown: true });
  const delta = originalDelta(n.text, report, n.map);
  assert.equal(restoreOriginal(n.text, delta), report);
  // almost all of it is shared with the normalised text
  assert.ok(delta.rest.length < report.length / 50, `${delta.rest.length} of ${report.length} characters kept apart`);
  const changed = '## 一、過去一年工作回顧\n\n全市地區生產總值增長５．５％，**達到２４６５３億元**。\r\n';
  const m = normaliseText(changed, { markdown: true });
  assert.notEqual(m.text, changed);
  assert.equal(restoreOriginal(m.text, originalDelta(m.text, changed, m.map)), changed);
});

test('a line that opens with a figure and its unit goes on with the line before, even where lines are paragraphs (朝阳 2021: 城镇新增就业 / 1.74万人，…)', () => {
  const n = normaliseText(readFileSync(join(SHARED_REPORTS, 'city', '朝阳市', '2021.md'), 'utf8'), { markdown: true });
  assert.ok(n.text.includes('做好社会保障工作。城镇新增就业1.74万人，登记失业率控制在4.21%以内。'));
  // also with a space before the unit, as some text layers put one
  assert.ok(normaliseText('做好社会保障工作。城镇新增就业\n\n1.74 万人，登记失业率控制在4.21%以内。').text.startsWith('做好社会保障工作。城镇新增就业1.74万人，'));
  // a title line is left alone
  assert.equal(normaliseText('开局之年：奋力谱写新篇章\n\n今年是“十四五”开局之年。\n\n2021年工作安排\n\n5%左右的增长目标').text.split('\n').length, 4);
});

test('a ratio broken at a line end is joined (景德镇 2016 wrapped: 调整到7.1：57.5： / 35.4；); a line ending "附件1：" is not', () => {
  const report = readFileSync(join(SHARED_REPORTS, 'city', '景德镇市', '2016.md'), 'utf8');
  const wrapped = report.replace('7.1：57.5：35.4；', '7.1：57.5：\n35.4；');
  assert.notEqual(wrapped, report);
  assert.ok(normaliseText(wrapped, { markdown: true }).text.includes('三次产业比例调整到7.1：57.5：35.4；财政总收入111.6亿元'));
  assert.ok(normaliseText(report.replace('7.1：57.5：35.4；', '7.1：\n57.5：35.4；'), { markdown: true }).text.includes('调整到7.1：57.5：35.4；'));
  assert.equal(normaliseText('附件1：\n\n2014年为民办实事').text, '附件1：\n2014年为民办实事');
});

test('where a text is wrapped at a width and blank lines set its paragraphs apart, a full line that happens to end at 。 goes on (六盘水 2016 wrapped at 38); a paragraph after no blank line in a text not so wrapped stays (陕西 2002)', () => {
  const report = readFileSync(join(SHARED_REPORTS, 'city', '六盘水市', '2016.md'), 'utf8');
  const wrapped = hardWrapped(report);
  const line = '五园”八张国家级重要生态名片。钟山区被列为全省主体功能区6个重点开发区之一。';
  assert.ok(wrapped.split('\n').includes(line), 'a wrapped line ends at 。');
  const paragraphs = normaliseText(wrapped, { markdown: true }).text.split('\n');
  assert.ok(paragraphs.some((p) => p.startsWith('——这是生态文明建设卓有成效的五年。') && p.includes('单位生产总值能耗下降19.78%')));
  // 陕西 2002's lines are paragraphs of hundreds of characters; two of them have no blank line between
  const shaanxi = normaliseText(readFileSync(join(SHARED_REPORTS, 'province', '陕西省', '2002.md'), 'utf8'), { markdown: true }).text.split('\n');
  assert.ok(shaanxi.some((p) => p.startsWith('突出抓好陕北长城沿线风沙区')));
});

test('an HTML comment left open ends with its line instead of taking the rest of the report (泉州 2010 with its comment’s end broken by wrapping)', () => {
  const report = readFileSync(join(SHARED_REPORTS, 'city', '泉州市', '2010.md'), 'utf8');
  assert.ok(report.includes('陈英杰 摄） -->'));
  const broken = report.replace('陈英杰 摄） -->', '陈英杰 摄） -\n->');
  const n = normaliseText(broken, { markdown: true });
  assert.ok(!n.text.includes('陈英杰'));
  assert.ok(n.text.includes('2010年我市经济社会发展主要目标为：地区生产总值增长11.5%'));
  assert.ok(n.text.length > normaliseText(report, { markdown: true }).text.length * 0.99);
});
