import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readReport } from '../src/readers/index.ts';
import { analyseDocument } from '../src/structure/document.ts';
import { detectMetadata } from '../src/structure/metadata.ts';
import { parseChineseInteger } from '../src/numbers/chinese.ts';
import { SAMPLES, SHARED_REPORTS, gold, sample } from './helpers.ts';

for (const name of SAMPLES) {
  test(`metadata of ${name} is exactly the gold document`, async () => {
    const doc = analyseDocument(await readReport(sample(name)));
    const expected = gold(name).document;
    const m = doc.metadata;
    assert.deepEqual({ province: m.province, city: m.city, county: m.county, level: m.level, year: m.year, date: m.date, speaker: m.speaker }, expected);
  });
}

test('GB/T 2260 code, meeting and speaker title come with the region', async () => {
  const m = analyseDocument(await readReport(sample('suzhou-xiangcheng-2024'))).metadata;
  assert.equal(m.code, '320507');
  assert.equal(m.meeting, '区五届人大三次会议');
  assert.equal(m.speakerTitle, '区长');
});

test('the session date is the one of the session line, not a news agency dateline', () => {
  const text = '政府工作报告\n新华社北京2008年3月19日电\n——2008年3月5日在第十一届全国人民代表大会第一次会议上\n国务院总理温家宝\n各位代表：\n现在，我代表国务院，向大会报告政府工作。';
  const m = detectMetadata(text, {}).metadata;
  assert.equal(m.date, '2008-03-05');
  assert.equal(m.level, 'national');
  assert.equal(m.speaker, '温家宝');
  assert.equal(m.speakerTitle, '国务院总理');
});

test('a national report from the collection: level national, no region', async () => {
  const doc = analyseDocument(await readReport(join(SHARED_REPORTS, 'national', '2024.md')));
  assert.equal(doc.metadata.level, 'national');
  assert.equal(doc.metadata.province, null);
  assert.equal(doc.metadata.date, '2024-03-05');
  assert.equal(doc.metadata.speaker, '李强');
});

test('a file title that is the same text twice (a web page\'s title and heading run together) is the title once (广州 2024)', async () => {
  const raw = await readReport(join(SHARED_REPORTS, 'city', '广州市', '2024.md'));
  assert.equal(raw.attributes.title, '2024年广州市政府工作报告2024年广州市政府工作报告');
  const doc = analyseDocument(raw);
  assert.equal(doc.title, '2024年广州市政府工作报告');
  assert.equal(doc.metadata.year, 2024);
  // a title of two short halves alike is left as it is
  assert.equal(analyseDocument({ ...raw, attributes: { ...raw.attributes, title: '报告报告' } }).title, '报告报告');
});

test('a file title in full-width digits gives the year as the same title in ASCII does (太原 2007, whose text has no date)', async () => {
  const raw = await readReport(join(SHARED_REPORTS, 'city', '太原市', '2007.md'));
  assert.equal(raw.attributes.title, '2007年政府工作报告');
  const fullWidth = { ...raw, attributes: { ...raw.attributes, title: '２００７年政府工作报告' } };
  const doc = analyseDocument(fullWidth);
  assert.equal(doc.metadata.year, 2007);
  assert.equal(doc.metadata.city, '太原市');
  assert.equal(doc.title, '2007年政府工作报告');
});

test('without a title or a date, the year comes from the heading of the year’s part: 三、2011年政府工作主要安排 (宁波 2011), 2013年工作重点 (西藏 2013)', async () => {
  for (const [path, year] of [
    [['city', '宁波市', '2011.md'], 2011],
    [['province', '西藏自治区', '2013.md'], 2013],
    // a later part on the year's work: 二、2018年工作, 三、2013年的主要工作
    [['province', '湖南省', '2018.md'], 2018],
    [['province', '陕西省', '2013.md'], 2013],
  ] as const) {
    const raw = await readReport(join(SHARED_REPORTS, ...path));
    assert.equal(analyseDocument(raw).metadata.year, year);
    const untitled = analyseDocument({ ...raw, attributes: {} });
    assert.equal(untitled.metadata.year, year, path.join('/'));
    assert.ok(untitled.warnings.includes("year inferred from the heading of the year's tasks"));
  }
});

test('a report titled by the year it reviews is the next year’s when a later part is on that year’s work (四川 “2005年…工作报告”: 三、2006年工作)', async () => {
  const raw = await readReport(join(SHARED_REPORTS, 'province', '四川省', '2005.md'));
  assert.equal(raw.attributes.title, '2005年四川省人民政府工作报告');
  const doc = analyseDocument(raw);
  assert.equal(doc.metadata.year, 2006);
  assert.ok(doc.warnings.some((w) => w.includes('not 2005 as the title says')));
});

test('the region comes from the text, not the folder: a 池州 report filed under 沧州', async () => {
  const doc = analyseDocument(await readReport(join(SHARED_REPORTS, 'city', '沧州市', '2016.md')));
  assert.equal(doc.metadata.city, '池州市');
  assert.equal(doc.metadata.province, '安徽省');
  assert.equal(doc.metadata.speaker, '雍成瀚');
  assert.equal(doc.metadata.speakerTitle, '代市长');
});

test('a meeting line with the date on its own line (厦门 2005) or right after it on its line (四川 2013)', async () => {
  const doc = analyseDocument(await readReport(join(SHARED_REPORTS, 'city', '厦门市', '2005.md')));
  assert.equal(doc.metadata.date, '2005-02-22');
  assert.equal(doc.metadata.year, 2005);
  assert.equal(doc.metadata.speaker, '张昌平');
  // 四川 2012.md, titled "2012年四川省人民政府工作报告": "在四川省第十二届人民代表大会第一次会议上（2013年1月25日）"
  const sichuan = analyseDocument(await readReport(join(SHARED_REPORTS, 'province', '四川省', '2012.md')));
  assert.equal(sichuan.metadata.date, '2013-01-25');
  assert.equal(sichuan.metadata.year, 2013);
  // 河北 2011: the meeting line, "河北省省长 陈全国", then "（2011年1月12日）"
  const hebei = analyseDocument(await readReport(join(SHARED_REPORTS, 'province', '河北省', '2011.md')));
  assert.deepEqual([hebei.metadata.date, hebei.metadata.year, hebei.metadata.speaker], ['2011-01-12', 2011, '陈全国']);
});

test('without a date or a review heading, the year of a title "…2016年工作报告" or "…政府工作报告（2013年）"', async () => {
  const hubei = analyseDocument(await readReport(join(SHARED_REPORTS, 'province', '湖北省', '2016.md')));
  assert.equal(hubei.metadata.year, 2016);
  const shanghai = analyseDocument(await readReport(join(SHARED_REPORTS, 'city', '上海市', '2013.md')));
  assert.equal(shanghai.metadata.year, 2013);
});

test('without a date, the review heading gives the year, not a title named by the year reviewed (四川 2008)', async () => {
  // titled "2008年四川省人民政府工作报告", it reviews 2008 ("2008年工作回顾") and sets the targets of 2009
  const doc = analyseDocument(await readReport(join(SHARED_REPORTS, 'province', '四川省', '2008.md')));
  assert.equal(doc.metadata.date, null);
  assert.equal(doc.metadata.year, 2009);
  assert.ok(doc.warnings.some((w) => w.includes('review heading of 2008, not 2008 as the title says')), doc.warnings.join('; '));
  // a title with the report's own year and no review heading still gives the year
  const titled = analyseDocument(await readReport(join(SHARED_REPORTS, 'province', '陕西省', '2006.md')));
  assert.equal(titled.metadata.year, 2006);
});

test('a county whose name is not in the header is found from the text, within its city', () => {
  const text = '政府工作报告\n——2024年1月8日在区五届人大三次会议上\n各位代表：\n现在，我代表区人民政府，向大会作工作报告。\n一、2023年工作总结\n苏州市相城区全年实现地区生产总值1150亿元。相城区获评……相城区连续四年……';
  const m = detectMetadata(text, {}).metadata;
  assert.equal(m.county, '相城区');
  assert.equal(m.city, '苏州市');
  assert.equal(m.level, 'county');
});

test('Chinese numerals in dates and figures', () => {
  assert.equal(parseChineseInteger('二〇二四'), 2024);
  assert.equal(parseChineseInteger('一千二百'), 1200);
  assert.equal(parseChineseInteger('两万'), 20000);
  assert.equal(parseChineseInteger('一亿二千万'), 120000000);
  const m = detectMetadata('政府工作报告\n——二〇二四年一月十八日在市十七届人大三次会议上\n市长 吴庆文\n各位代表：\n现在，我代表苏州市人民政府向大会报告工作。', {}).metadata;
  assert.equal(m.date, '2024-01-18');
  assert.equal(m.city, '苏州市');
});

test('the speaker where the report writes the name after the date or session line, after two offices, without a session line, or in the title', async () => {
  const speakerOf = async (...path: string[]) => {
    const m = analyseDocument(await readReport(join(SHARED_REPORTS, ...path))).metadata;
    return [m.speaker, m.speakerTitle];
  };
  // "（2009年1月17日韩长赋）"; "2007年1月25日在黑龙江省第十届人民代表大会第六次会议上张左己"; "（2007年1月22日司马义·铁力瓦尔地）"
  assert.deepEqual(await speakerOf('province', '吉林省', '2009.md'), ['韩长赋', null]);
  assert.deepEqual(await speakerOf('province', '黑龙江省', '2007.md'), ['张左己', null]);
  assert.deepEqual(await speakerOf('province', '新疆维吾尔自治区', '2007.md'), ['司马义·铁力瓦尔地', null]);
  // "甘肃省政协副主席  兰州市市长  张津梁"; "（…会议上 代市长郑松岩讲话）"
  assert.deepEqual(await speakerOf('city', '兰州市', '2009.md'), ['张津梁', '市长']);
  assert.deepEqual(await speakerOf('city', '福州市', '2006.md'), ['郑松岩', '代市长']);
  // no session line: "四川省人民政府省长蒋巨峰"; the title "杨雄市长在上海市第十四届人民代表大会第一次会议上的政府工作报告（2013年）"
  assert.deepEqual(await speakerOf('province', '四川省', '2008.md'), ['蒋巨峰', '省长']);
  assert.deepEqual(await speakerOf('city', '上海市', '2013.md'), ['杨雄', '市长']);
  // a deputy's office, alone or joint with another: "国务院副总理　谭震林", "国务院副总理兼财政部长　李先念", "龙岩市人民政府常务副市长 王龙"
  assert.deepEqual(await speakerOf('national', '1960.md'), ['谭震林', '国务院副总理']);
  assert.deepEqual(await speakerOf('national', '1956.md'), ['李先念', '国务院副总理兼财政部长']);
  assert.deepEqual(await speakerOf('city', '龙岩市', '2020.md'), ['王龙', '常务副市长']);
  // only in the file's title, after the date: "吴忠市政府工作报告（2020年1月7日 喜清江）"; the date after the name: "河北省省长 钮茂生（2002年1月24日）"
  assert.deepEqual(await speakerOf('city', '吴忠市', '2020.md'), ['喜清江', null]);
  assert.deepEqual(await speakerOf('province', '河北省', '2002.md'), ['钮茂生', '省长']);
});

test('autonomous prefectures written as 凉山州, abolished and renamed prefectures (莱芜市, 襄樊市)', async () => {
  // 凉山 2021: "2021年3月20日在凉山州第十一届人民代表大会第六次会议上"
  const liangshan = analyseDocument(await readReport(join(SHARED_REPORTS, 'city', '凉山彝族自治州', '2021.md'))).metadata;
  assert.deepEqual([liangshan.province, liangshan.city, liangshan.code], ['四川省', '凉山彝族自治州', '513400']);
  // 恩施 2022 was taken for 武汉 before its short form was known
  const enshi = analyseDocument(await readReport(join(SHARED_REPORTS, 'city', '恩施土家族苗族自治州', '2022.md'))).metadata;
  assert.deepEqual([enshi.province, enshi.city], ['湖北省', '恩施土家族苗族自治州']);
  // 莱芜 was merged into 济南 in 2019; 襄樊 is 襄阳 since 2010
  const laiwu = analyseDocument(await readReport(join(SHARED_REPORTS, 'city', '莱芜市', '2014.md'))).metadata;
  assert.deepEqual([laiwu.province, laiwu.city, laiwu.code], ['山东省', '莱芜市', '371200']);
  const xiangfan = detectMetadata('——2009年1月10日在襄樊市第十四届人民代表大会第三次会议上\n各位代表：\n', {}).metadata;
  assert.deepEqual([xiangfan.province, xiangfan.city, xiangfan.code], ['湖北省', '襄阳市', '420600']);
});

test('without a date or a titled year: the review heading after the plan period, or the heading of the year\'s tasks (河南 2023, 2026)', async () => {
  // "一、“十四五”时期和2025年工作回顾"
  const y2026 = analyseDocument(await readReport(join(SHARED_REPORTS, 'province', '河南省', '2026.md'))).metadata;
  assert.equal(y2026.year, 2026);
  // "一、过去五年工作回顾" … "二、2023年工作总体要求和主要目标"
  const y2023 = analyseDocument(await readReport(join(SHARED_REPORTS, 'province', '河南省', '2023.md'))).metadata;
  assert.equal(y2023.year, 2023);
});
