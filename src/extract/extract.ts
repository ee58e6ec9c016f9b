// Extraction of targets, actuals and commitments from an analysed report. Pure: no I/O.
//
// How reports are written, and what follows from it:
// - The year's targets stand in one passage introduced by 主要预期目标/主要目标/预期目标/发展目标,
//   a list of "metric + figure + modifier" items separated by ，；、. Every canonical metric named
//   there is a target, qualitative ones included.
// - The task sections set further region-wide numeric goals (全区建筑业产值突破1000亿元).
// - The review reports last year's figures: "metric + level, growth" (地区生产总值1150亿元、增长5%),
//   marked 预计 when estimated (下同 carries the mark forward).
// - A figure belongs to the metric named before it in its sentence, up to the next metric named.
//
// Functions run per sentence declare no named functions inside them (`const f = () => …`): tsx
// compiles with esbuild's keepNames, which names each such closure when it is made, with
// Object.defineProperty. Five of them, made per sentence, were two fifths of the extraction's time
// (900 reports, warm: 2.1 s; as functions of the module: 1.3 s, the same records).
import { StartIndexedPattern } from '../text-search.ts';
import type { AnalysedDocument, Sentence } from '../types.ts';

/** What extraction reads of an analysed document: its text, metadata and structure. */
export type ExtractionInput = Pick<AnalysedDocument, 'text' | 'metadata' | 'sections' | 'paragraphs' | 'sentences'>;
import { findQuantities, toBase, type Quantity as Figure } from '../numbers/quantities.ts';
import { clauseStart, findMentions, sharedHead, taxonomy, type MetricMention, type Quantity } from './taxonomy.ts';
import { targetYearOf } from '../structure/metadata.ts';
import { periodTitles } from '../structure/sections.ts';
import { gazetteer } from '../structure/gazetteer.ts';
import { opensWithAction } from '../analysis/words.ts';

export type Modifier = 'point' | 'around' | 'at_least' | 'at_most' | 'range' | 'qualitative' | 'not_set';

export interface FigureRecord {
  kind: 'target' | 'actual';
  metric: string;
  label: string;
  quantity: Quantity;
  value: number | null;
  value2: number | null;
  unit: string | null;
  modifier: Modifier | null;
  stretch: boolean;
  year: number | null;
  estimated: boolean;
  start: number;
  end: number;
  sentence: number;
  section: number | null;
}

export interface Commitment {
  action: string;
  object: string;
  quantity: number;
  unit: string;
  start: number;
  end: number;
  sentence: number;
  section: number | null;
}

export interface Extraction {
  /** The year the targets are for: the delivery year, or the next one for reports delivered in November or December. */
  targetYear: number | null;
  targets: FigureRecord[];
  actuals: FigureRecord[];
  commitments: Commitment[];
}

type Context = 'passage' | 'tasks' | 'review' | null;

// "主要预期目标是：", "主要预期目标和约束指标建议为：", "主要目标为"
const TRIGGER = /(主要预期目标|主要目标|预期目标|发展目标|主要经济社会发展目标|经济社会发展目标|主要指标|预期性指标|预期指标|调控目标|奋斗目标)[^，。；：:“”]{0,14}?(?:是|为|如下|确定为|安排如下)?[：:]|(主要预期目标|主要目标|预期目标|发展目标|调控目标)(?:定为|是|为)|经济增长预期(?:是|为)/;
const OTHER_YEAR = /((?:19|20)\d{2})\s*年/g;
/** A year, with the comparison word before it when there is one (较2022年, 比上年 is not a year). */
const COMPARED_YEAR = /([较比])?((?:19|20)\d{2})\s*年/g;
/** A comparison with the end of a plan period: 较“十三五”末, 比“十二五”末. */
const PLAN_BASE = /[较比][^，。；]{0,6}十[一二三四五六]五”?末/;

interface Passage {
  start: number;
  end: number;
}

/** The main-expected-targets passage: from its introduction to the end of its paragraph or list. */
const MULTI_YEAR = periodTitles.multiYear;
/** A sentence of a task part that opens with a period other than the year: 力争到2025年, 今后五年, “十四五”期间. */
const PERIOD_OPENING = /^(?:力争|争取|确保|努力|我们要)?(?:到(?:(\d{4})年|“?十[一二三四五六]五”?末)|(?:今后|未来)?[三五]年(?:内|间|时间)?(?!前|来)|“?十[一二三四五六]五”?(?:期间|时期))/;

/** A five-year plan's period, or the next five years, named inside a sentence. */
const PLAN_PERIOD = /十[一二三四五六]五”?(?:期间|时期)|(?:今后|未来)五年|(?:力争|争取|确保|努力)用?[三五]年(?!前|来)/;

/** Titles of a section and the sections above it. */
function sectionTitles(doc: ExtractionInput, index: number | null): string {
  const titles: string[] = [];
  for (let i = index; i !== null && i !== undefined; i = doc.sections[i].parent) titles.push(doc.sections[i].title);
  return titles.join(' ');
}

/** A sentence that turns from the targets to the work that is to meet them. */
const TASKS_FOLLOW = /[。！!]\s*[^。！!；;]{0,6}?(?:为此|为实现|实现(?:上述|以上|这些)|完成(?:上述|以上|这些)|围绕(?:上述|以上|这些)|(?:重点|着力|主要|切实)(?:抓好|做好)(?:以下|下列|[一二三四五六七八九十]+个?方面))/;

/** Words that name the year the targets are for: 今年, 明年, or the year itself (2025年). */
const thisYearPattern = (targetYear: number | null) => new RegExp(`今年|明年|${targetYear ?? '----'}年`);

/**
 * The main-expected-targets passage: from its introduction to the end of its paragraph or list. Of
 * several candidates, the one about this year wins over the five-year plan's (十四五时期主要目标).
 */
export function findTargetPassage(doc: ExtractionInput, targetYear: number | null): Passage | null {
  const { text } = doc;
  let best: { passage: Passage; score: number } | null = null;
  const thisYear = thisYearPattern(targetYear);
  for (const p of doc.paragraphs) {
    const role = p.section === null ? null : doc.sections[p.section].role;
    if (role === 'glossary') continue;
    const para = text.slice(p.start, p.end);
    const m = TRIGGER.exec(para);
    if (!m) continue;
    const lead = para.slice(Math.max(0, m.index - 60), m.index);
    const titles = sectionTitles(doc, p.section);
    // a paragraph that opens with this year ("今年，我们要…实现“十三五”开好头。主要预期目标为：") is about
    // it; so is one whose introduction says 全年 ("全年经济社会发展主要预期目标是：", under a heading
    // about the five-year plan's first year)
    const aboutThisYear =
      thisYear.test(lead) || /全年[^。；]{0,12}$/.test(lead) || thisYear.test(para.slice(0, Math.min(m.index, 6))) || opensWithThisYearBefore(doc, p.index, thisYear);
    // after the part on the government's own conduct only when it is about this year (贵州 2006 ends
    // with "各位代表，2006年是…。今年全省经济社会发展的主要预期目标是：…")
    if (role === 'self_building' && !aboutThisYear) continue;
    // inside the review only where the report left out the heading of its second part (河池 2015
    // goes on from "一、2014年工作回顾" to "经济社会发展主要预期目标是：…" and the year's tasks)
    let score = role === 'review' || role === 'self_building' ? -3 : 0;
    if (aboutThisYear) score += 4;
    else if (thisYear.test(titles)) score += 2;
    if ((MULTI_YEAR.test(lead) || periodTitles.termGoals.test(lead)) && !aboutThisYear) score -= 6;
    // "奋斗目标是：通过五年的努力，到2025年，…": the list opens with the plan's period
    const opening = para.slice(m.index + m[0].length, m.index + m[0].length + 16);
    const openingYear = /到((?:19|20)\d{2})年/.exec(opening);
    if (MULTI_YEAR.test(opening) || (openingYear && Number(openingYear[1]) !== targetYear)) score -= 6;
    if (MULTI_YEAR.test(titles) && !thisYear.test(titles)) score -= 4;
    const years = [...lead.matchAll(OTHER_YEAR)].map((y) => Number(y[1]));
    if (targetYear !== null && years.length && !years.includes(targetYear)) score -= 6;
    let end = p.end;
    if (p.end - (p.start + m.index + m[0].length) < 15) {
      // the list continues in the following paragraphs
      for (let q = p.index + 1; q < doc.paragraphs.length && q <= p.index + 20; q++) {
        const next = doc.paragraphs[q];
        if (next.section !== p.section) break;
        const t = text.slice(next.start, next.end);
        if (!findMentions(text, next.start, next.end).length && !findQuantities(t).length) break;
        end = next.end;
      }
    }
    // a list broken into paragraphs after its first items (a <br> in a web page, a page break): a
    // following paragraph of the section that opens by naming a metric goes on with it
    else end = continuedList(doc, p, end);
    // "…控制在4.5%以内。为此要重点抓好以下工作：一是…": the tasks may follow in the same paragraph
    const tasks = TASKS_FOLLOW.exec(text.slice(p.start + m.index, end));
    if (tasks) end = p.start + m.index + tasks.index + 1;
    const body = text.slice(p.start + m.index, end);
    if ((body.match(/年均|累计/g)?.length ?? 0) >= 2) score -= 3;
    // "今年经济增长预期目标为6%-6.5%": a metric named in the introduction's own clause is in the passage
    const clause = p.start + clauseStart(para, 0, m.index);
    const start = findMentions(text, clause, p.start + m.index).some((x) => x.metric !== 'other') ? clause : p.start + m.index;
    if (!best || score > best.score) best = { passage: { start, end }, score };
  }
  if (best && best.score > -4) return best.passage;
  return unintroducedPassage(doc, thisYear);
}

/** The introduction of the binding targets that follow the expected ones. */
const BINDING_TARGETS = /^(?:主要)?约束性(?:目标|指标)(?:是|为)?[：:]/;

/** Words of a sentence that explains a target rather than sets one. */
const EXPLAINS_TARGET = /目标|指标|考虑|体现|符合|衔接/;

/** Where a paragraph that opens by naming a metric (居民人均可支配收入增幅…) could still belong to a list of targets. */
const LIST_ITEM_OPENING = 4;

/** The end of a target list whose first paragraph is `p`, with the paragraphs after it that open with a metric. */
function continuedList(doc: ExtractionInput, p: ExtractionInput['paragraphs'][number], end: number): number {
  for (let q = p.index + 1; q < doc.paragraphs.length; q++) {
    const next = doc.paragraphs[q];
    if (next.section !== p.section) break;
    const opening = findMentions(doc.text, next.start, Math.min(next.end, next.start + 40));
    const opensWithMetric = opening.some((m) => m.metric !== 'other' && m.start - next.start <= LIST_ITEM_OPENING);
    // the binding targets after the expected ones: 主要约束性目标是：…
    if (!opensWithMetric && !BINDING_TARGETS.test(doc.text.slice(next.start, next.start + 12))) break;
    // a paragraph that explains a target talks of the target ("经济增长预期目标确定为7%，考虑了…")
    if (opensWithMetric && EXPLAINS_TARGET.test(doc.text.slice(next.start, next.end).split(/[。；]/)[0])) break;
    end = next.end;
  }
  return end;
}

/** Paragraphs before the passage's, in its section, that may say which year it is about. */
const LEAD_PARAGRAPHS = 3;

/** The address that may open a paragraph before what it is about. */
const ADDRESS = /^(?:各位代表|同志们)[，,！!]/;

/** Where a paragraph that starts at `at` speaks of its subject: after the address to the deputies, if it opens with one. */
const afterAddress = (text: string, at: number) => at + (ADDRESS.exec(text.slice(at, at + 6))?.[0].length ?? 0);

/**
 * Whether one of the few paragraphs before this one in its section opens with this year: "2025年，是
 * “十四五”规划收官之年…" / "政府工作的总体要求是：…" / "主要预期目标建议为：…", under a heading about the plan.
 */
function opensWithThisYearBefore(doc: ExtractionInput, index: number, thisYear: RegExp): boolean {
  const section = doc.paragraphs[index].section;
  for (let q = index - 1; q >= 0 && q >= index - LEAD_PARAGRAPHS; q--) {
    const p = doc.paragraphs[q];
    if (p.section !== section) return false;
    // after the address to the deputies, as a part on the year's work often opens: 各位代表，2021年是…
    const from = afterAddress(doc.text, p.start);
    if (thisYear.test(doc.text.slice(from, Math.min(p.end, from + 8)))) return true;
  }
  return false;
}

/** Metric names with a figure after them that make a paragraph a list of targets without an introduction. */
const UNINTRODUCED_LIST = 3;

/**
 * A list of this year's targets that no trigger introduces: a paragraph outside the review that opens
 * with this year and names at least three metrics with figures ("今年，是…开局之年。要力争地区生产总值
 * 增长10%以上；固定资产投资增长23%；…", "综合考虑，预期今年全省地区生产总值增长6%左右，…").
 */
function unintroducedPassage(doc: ExtractionInput, thisYear: RegExp): Passage | null {
  const { text } = doc;
  for (const p of doc.paragraphs) {
    const role = p.section === null ? null : doc.sections[p.section].role;
    if (role === 'review' || role === 'glossary' || role === 'self_building') continue;
    if (!thisYear.test(text.slice(p.start, Math.min(p.end, p.start + 12)))) continue;
    const figures = findQuantities(text, p.start, p.end);
    const named = findMentions(text, p.start, p.end).filter((m) => m.metric !== 'other' && figures.some((q) => q.start >= m.end && q.start - m.end <= 12));
    // "今年是极不寻常的一年…；我省一季度地区生产总值下降3%，…社会消费品零售总额下降13%": the year so far
    if (named.length && PART_OF_YEAR_ANYWHERE.test(text.slice(p.start, named[0].start))) continue;
    if (new Set(named.map((m) => m.metric)).size >= UNINTRODUCED_LIST) return { start: p.start, end: p.end };
  }
  return null;
}

/** The top-level part a section is in. */
function topSection(doc: ExtractionInput, section: number | null): number | null {
  let at = section;
  while (at !== null && doc.sections[at].parent !== null) at = doc.sections[at].parent;
  return at;
}

/** The top-level part of the paragraph the passage starts in. */
function passagePart(doc: ExtractionInput, passage: Passage): number | null {
  return topSection(doc, doc.paragraphs.find((p) => p.start <= passage.start && passage.start < Math.max(p.end, p.start + 1))?.section ?? null);
}

/** `passagePart`: the top-level part the passage starts in (see passagePart). */
function contextOf(doc: ExtractionInput, sentenceIndex: number, passage: Passage | null, passagePart: number | null): Context {
  // a statistics communiqué reports its year's figures from start to end
  if (doc.metadata.kind === 'communique') return 'review';
  const s = doc.sentences[sentenceIndex];
  if (passage && s.end > passage.start && s.start < passage.end) return 'passage';
  const afterPassage = passage ? s.start >= passage.end : false;
  if (s.section === null) {
    if (!doc.sections.length) return passage ? (afterPassage ? 'tasks' : 'review') : 'review';
    return 'review';
  }
  const role = doc.sections[s.section].role;
  if (role === 'review') return afterPassage && topSection(doc, s.section) === passagePart ? 'tasks' : 'review';
  if (role === 'tasks' || role === 'targets') {
    // a part about the five-year plan sets multi-year goals, not this year's
    const titles = sectionTitles(doc, s.section);
    if (MULTI_YEAR.test(titles) && !/今年|明年|(19|20)\d\d年/.test(titles)) return null;
    // "《纲要》提出经济社会发展的主要指标：…": a paragraph that presents the plan gives its goals, in a part
    // titled for both the plan and the year ("“十四五”时期主要目标和2021年重点任务")
    return presentsPlan(doc, s.paragraph) || reportsYearSoFar(doc, s.paragraph) ? null : 'tasks';
  }
  if (role === 'other') {
    // "确保“十二五”实现全面建设小康社会目标", "今后五年的奋斗目标": a part about the coming plan period
    // sets its goals; "“十三五”时期发展成就", "“十四五”实现良好开局" look back on one, and "全力以赴做好
    // “十五五”开局工作" is the year's work
    const titles = sectionTitles(doc, s.section);
    if (MULTI_YEAR.test(titles) && !periodTitles.pastPeriod.test(titles) && !periodTitles.startYear.test(titles)) return null;
    if (!passage) return null;
    if (afterPassage) return reportsYearSoFar(doc, s.paragraph) ? null : 'tasks';
    // a report looks back before it sets goals: a part after one about goals or tasks ("二、今后五年发展目标",
    // then "三、加快推进结构调整和转型升级", with the year's targets further on) is no review
    const top = topSection(doc, s.section);
    return doc.sections.some((o) => o.parent === null && top !== null && o.start < doc.sections[top].start && (o.role === 'targets' || o.role === 'tasks')) ? null : 'review';
  }
  return null;
}

/**
 * Whether a paragraph of the year's work opens by reporting the year so far: a report delivered in
 * mid-year ("从今年上半年经济运行情况来看，国民经济继续保持良好的发展势头。1至5月，全市国内生产总值
 * 641.33亿元，…工业增加值242.80亿元，增长10.5%") gives the months' figures, not the year's targets.
 */
function reportsYearSoFar(doc: ExtractionInput, index: number): boolean {
  const p = doc.paragraphs[index];
  const from = afterAddress(doc.text, p.start);
  // (read for every sentence of a task part: find the opening's end rather than copy the paragraph)
  OPENING_END.lastIndex = from;
  const stop = OPENING_END.exec(doc.text);
  return YEAR_SO_FAR.test(doc.text.slice(from, stop && stop.index < p.end ? stop.index : p.end));
}

/** The end of a paragraph's opening sentence or clause. */
const OPENING_END = /[。；;！!]/g;

/** A paragraph that opens by naming the plan's outline: 《纲要》提出, 《…“十四五”规划和二〇三五年远景目标纲要》, 规划纲要. */
const PLAN_OPENING = /^[^。，]{0,8}(?:《[^》]{0,40}(?:纲要|规划)[^》]{0,10}》|规划纲要)/;

/** Items of a list that go on in paragraphs of their own: 二是…, 三是… */
const LIST_ITEM = /^[二三四五六七八九十]是/;

/** Whether a paragraph presents the plan's outline, or goes on with the items of a list that does. */
function presentsPlan(doc: ExtractionInput, index: number): boolean {
  for (let q = index; q >= 0 && q > index - 10; q--) {
    const p = doc.paragraphs[q];
    const opening = doc.text.slice(p.start, p.start + 40);
    if (PLAN_OPENING.test(opening)) return true;
    if (!LIST_ITEM.test(opening) || p.section !== doc.paragraphs[index].section) return false;
  }
  return false;
}

/** Where the part of a sentence (cut at ；) that holds `at` starts. */
function partStart(text: string, from: number, at: number): number {
  const semicolon = Math.max(text.lastIndexOf('；', at - 1), text.lastIndexOf(';', at - 1));
  return semicolon >= from ? semicolon + 1 : from;
}

/** Parts of the year that may open a clause: 一季度, 前三季度, 上半年, 1—5月, 前5个月 (after a year, 今年 or 去年, and the region: 全省一季度). */
const PART_OF_YEAR = '(?:今年|去年|上年|(?:19|20)\\d{2}年)?(?:全国|全省|全市|全区|全县|全州|我省|我市|我区|我县)?(?:前三季度|[一二三四]季度|第[一二三四]季度|[上下]半年|[1一]\\s*[至到—-]\\s*(?:\\d{1,2}|[二三四五六七八九十]{1,2})\\s*月份?|前[\\d一二三四五六七八九十]{1,2}个月)';
/** A part of the year opening a clause. */
const PART_OF_YEAR_CLAUSE = new RegExp(`(?:^|[，,：:])${PART_OF_YEAR}`);
/** A part of the year anywhere. */
const PART_OF_YEAR_ANYWHERE = new RegExp(PART_OF_YEAR);
/** A part of the year that is a clause of its own ("前三季度，…"). */
const PART_OF_YEAR_ALONE = new RegExp(`(?:^|[，,；;：:])${PART_OF_YEAR}[，,]`);
/** The year so far: 今年以来, 今年上半年, 1至5月, 一季度 (see PART_OF_YEAR). */
const YEAR_SO_FAR = new RegExp(`今年以来|${PART_OF_YEAR}`);
/** What follows 其中 where a goal over years turns to this year: "…年均增长9%以上，其中今年达到870亿元". */
const THIS_YEAR_AFTER_OF_WHICH = '今年|明年|本年';
/** A clause of a goal over years that turns to this year. */
const OF_WHICH_THIS_YEAR = new RegExp(`[，,]其中(?:${THIS_YEAR_AFTER_OF_WHICH})`);
/** Where a name's scope ends: at ；or 。, or at 其中 opening a part ("…，其中第三产业增长…"), not turning to this year. */
const SCOPE_STOP = new RegExp(`[；;。]|其中(?!${THIS_YEAR_AFTER_OF_WHICH})`);
/** A clause that opens with a year to come: "到2026年，". */
const LATER_YEAR_CLAUSE = /(?:^|[，,；;：:])(?:力争|争取|确保|努力)?到((?:19|20)\d{2})年/g;
/**
 * A clause that opens with a total over years named as such (五年累计, “十三五”期间累计). A bare 累计 may
 * be the year's ("累计发放消费券近20亿元，实现社会消费品零售总额4870亿元").
 */
const CUMULATIVE_CLAUSE = /(?:^|[，,：:])(?:(?:过去|近|这)?[五三两十\d]+年(?:来|间|中)?|“?十[一二三四五]五”?(?:期间|时期)?)[，,]?累计/;

/** A sentence that opens by comparing with a year: "2010年同2005年相比", "与2005年相比". */
const COMPARED_OPENING = /^(?:(?:19|20)\d{2}年)?(?:[同与和跟较]|比)((?:19|20)\d{2})年末?(?:相比|比较)/;
/**
 * Follows a figure compared with an earlier period of years ("分别达2123亿元和935亿元，比前五年分别增长116%和75%"):
 * the figure is a total over a period too, not a year's level.
 */
const PERIOD_COMPARED_AFTER = /^(?:左右|以上)?[，,]?(?:分别|均)?比(?:前[两三四五]年|上一?个五年|“?十[一二三四五]五”?时期)/;
/** Whether the words after a figure (from `figureEnd`, after its modifier) compare it with an earlier period of years. */
const comparedWithEarlierPeriod = (text: string, figureEnd: number) => PERIOD_COMPARED_AFTER.test(text.slice(figureEnd, figureEnd + 16));
/**
 * The opening of a sentence about the last year alone: 过去一年, 刚刚过去的2021年, 去年, 一年来. (A term's
 * paragraph that goes on "2010年，全市生产总值…，是“十五”末的3.2倍" still speaks of the term.)
 */
/** A sentence that opens with a year of its own: "2023年，…", "——2022年，…". */
const EARLIER_YEAR_OPENING = /^(?:\*\*|——|—)*((?:19|20)\d{2})年[，,]/;
const LAST_YEAR_OPENING = /^(?:刚刚过去的|过去的|过去)?(?:一年|去年|上年)|^刚刚过去的(?:19|20)\d{2}年|^一年来/;
/** The opening of a sentence that looks back over a term: 过去五年, 五年来, “十三五”时期, 本届政府, 这是…的五年. */
const TERM_OPENING = /^(?:\*\*|——|—)*(?:(?:过去|这|近)?五年(?:来|间|中|里|是|，)|“?十[一二三四五]五”?(?:时期|期间|以来)|本届政府|这是[^。，；]{2,24}?的五年)/;

/** Region names without their endings (苏州市 → 苏州), those still two characters long. */
function shortForms(names: string[]): string[] {
  return names.map((n) => n.replace(/(省|市|区|县|自治区|自治州|自治县|壮族|回族|维吾尔)+$/, '')).filter((n) => n.length >= 2);
}

/** Words naming the document's own region, and region-wide words, that may stand before a metric. */
function ownRegionWords(doc: ExtractionInput): RegExp {
  const names = [doc.metadata.province, doc.metadata.city, doc.metadata.county].filter((n): n is string => Boolean(n));
  const short = shortForms(names);
  // (an autonomous region's or prefecture's report calls itself 自治区, 自治州: "自治区生产总值增长21.6%")
  const level = doc.metadata.level === 'province' ? ['自治区'] : doc.metadata.level === 'prefecture' ? ['自治州'] : [];
  const words = ['全市', '全区', '全县', '全省', '全州', '全盟', '全旗', '全国', '我市', '我区', '我县', '我省', '本市', '本区', '市区', '城乡', '全社会', '市级', '区级', ...level, ...names, ...short];
  return new RegExp(words.sort((a, b) => b.length - a.length).join('|'), 'g');
}

/** The words a report at each level calls its own whole region by (全省 in a city's report is the province). */
const WHOLE_REGION: Record<string, string[]> = {
  national: ['全国', '我国'],
  province: ['全省', '我省', '本省', '全区', '我区'],
  prefecture: ['全市', '我市', '本市', '全州', '我州', '全盟', '全地区'],
  county: ['全县', '我县', '本县', '全区', '我区', '本区', '全旗', '我旗', '全市', '我市'],
};

/** The report's own region named again: its names, or its level's word for the whole region. */
function ownRegionAgain(doc: ExtractionInput): RegExp {
  const names = [doc.metadata.county ?? doc.metadata.city ?? doc.metadata.province].filter((n): n is string => Boolean(n));
  const words = [...(WHOLE_REGION[doc.metadata.level ?? ''] ?? Object.values(WHOLE_REGION).flat()), ...names, ...shortForms(names)];
  return new RegExp(words.sort((a, b) => b.length - a.length).join('|'));
}

/** A clause that names a part of the region (a district, a zone, a town) before the metric. */
/** A place's name: a town, a district, a zone (not 市长, 区委, 县政府). */
const PLACE = /[\u4e00-\u9fa5]{1,10}(市|区|县|镇|乡|街道|园区|开发区|新区|新城|高新区|示范区|片区|板块|保税区)(?!长|委|政府)/;

function namesSubRegion(prefix: string, own: RegExp): boolean {
  // 地区 in 地区生产总值 or "全市各地区" names no part of the region, nor do the metric names before
  // this one ("城市居民人均可支配收入和农民人均纯收入") or 城市/城镇 on their own
  const rest = prefix.replace(own, '').replace(/地区/g, '');
  // most prefixes name no place at all: the metric names are taken out only when one seems to
  return PLACE.test(rest) && PLACE.test(taxonomy.aliasPattern.replaceAll(rest, '').replace(/城市|城镇|城乡/g, ''));
}

/** Enumerators, 其中 and a time that may stand before a sentence's subject ("其中，2021年洋浦经济开发区…", "一是…"). */
const SUBJECT_LEAD = /^(?:(?:其中|一是|[二三四五六七八九十]是|（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、|\d+[.、．]|同时|此外|另外)[，,：:]?)?(?:(?:19|20)\d{2}年|今年|去年|全年)?[，,]?/;

/** Where the parts of text[from, to) separated by ； start. */
function sentenceParts(text: string, from: number, to: number): number[] {
  const starts = [from];
  for (let i = text.indexOf('；', from); i !== -1 && i < to; i = text.indexOf('；', i + 1)) starts.push(i + 1);
  return starts;
}

/**
 * Whether the figures at `at` are a subject's elsewhere: the part of the sentence it lies in (parts
 * start at `parts`, see sentenceParts) opened with one (its end in `ends`, see subjectElsewhere), and
 * the region's own name has not come back since.
 */
function ofSubjectElsewhere(text: string, subjects: { parts: number[]; ends: number[] }, ownAgain: RegExp, at: number): boolean {
  let k = subjects.parts.length - 1;
  while (k > 0 && subjects.parts[k] > at) k--;
  const end = subjects.ends[k] ?? -1;
  return end >= 0 && at >= end && !ownAgain.test(text.slice(end, at));
}

/**
 * The report's opening, up to "…向大会报告工作，请予审议": the governments it speaks for there are the
 * report's own (虎丘区人民政府、高新区管委会: that report's 高新区 is itself).
 */
function reportOpening(text: string): string {
  const end = text.slice(0, 1500).search(/请予?审议/);
  return text.slice(0, end === -1 ? 200 : end);
}

/**
 * Where a sentence opens with another region or a part of the region as its subject, the end of that
 * subject, else -1: the country (我国), a city or county of the gazetteer ("古浪县绿色工业扩规提质，预计规上工业产值增长18%")
 * or a zone ("三江新区获批全省首个省级新区，…，预计2021年实现地区生产总值300亿元、增长23%"). A zone
 * after a verb is the object of an action ("加快咸宁高新区发展"), and one before 、 or 等 heads a list
 * of the places whose work the sentence is about ("长春新区等重大开放平台载体建设成效显著").
 */
function subjectElsewhere(doc: ExtractionInput, from: number, to: number, opening: string): number {
  const head = doc.text.slice(from, Math.min(to, from + 40));
  const lead = SUBJECT_LEAD.exec(head)![0].length;
  const rest = head.slice(lead);
  // "我国经济实力…跃上新的大台阶，国内生产总值突破一百万亿元" in a province's report: the country's
  if (doc.metadata.level !== 'national' && rest.startsWith('我国')) return from + lead + 2;
  const own = [doc.metadata.province, doc.metadata.city, doc.metadata.county];
  const named = gazetteer().fullNamesAt(rest, 0).find((x) => x.region.kind !== 'province');
  if (named) return own.includes(named.region.name) ? -1 : from + lead + named.length;
  const zone = taxonomy.zoneOpening.exec(rest);
  if (!zone || /^[、等和及与]/.test(rest.slice(zone[0].length)) || opening.includes(zone[2])) return -1;
  if (zone[1] && opensWithAction(zone[0])) return -1;
  return from + lead + zone[0].length;
}

interface Typed {
  quantity: Quantity;
  value: number;
  sign: 1 | -1;
}

/**
 * A figure after a clause break belongs to the metric only when the words between the break and the
 * figure are about it (…，增长6%; …、增长8%; …，按增长7%以上安排; …，按可比价增长7.5%; after a goal over
 * years, …，其中今年达到870亿元), not a new subject
 * (…，一般贸易占比达到42%).
 */
const ALLOWED_TAIL = new RegExp(
  `^(其中(?:${THIS_YEAR_AFTER_OF_WHICH}))?(预计)?(在?实际工作中)?(按照?)?(总量)?(折合(?:超过|约|近)?)?(全年|同比|比上年|比去年|较上年|按可比价格?计算|可比价)*(同口径|可比价|可比)?(分别)?(实际)?(增长|下降|降低|减少|提高|提升|上涨|回落|增幅|增速|涨幅|为|达到|达|突破|超过|超|实现|完成|保持|控制在|不低于|不超过|力争|争取|预计|约|近|总量|规模|增加|净增)*$`,
);

/**
 * The words before the first figure of a clause that goes on with a list's figures, in any order
 * ("，分别增长…", "，实际收入分别比上年增长…", "，扣除价格因素实际增长…"): no subject of its own.
 */
const LIST_GOES_ON = /^(?:预计|全年|同比|比上年|比去年|较上年|分别|实际|收入|扣除价格因素后?|按可比价格?计算|可比价|同口径|可比|均|增长|增加|增至|到|至|下降|降低|减少|提高|提升|上涨|回落|增幅|增速|涨幅|为|达到|达|突破|超过|超|实现|完成|保持|控制在|不低于|不超过|力争|争取|约|近|总量|规模)*$/;

/**
 * A level dated with the figure's own year is that year's, whatever other years come before it:
 * "从2015年的9306.88亿元增加到2020年的13797.58亿元", "分别由2000年的…增加到2005年的8147.1元和…".
 */
function datedWithYear(text: string, from: number, q: Figure, year: number): boolean {
  if (q.baseUnit === '%') return false;
  const dated = DATED.exec(text.slice(Math.max(from, q.start - 10), q.start));
  return dated !== null && Number(dated[1]) === year;
}
const DATED = /((?:19|20)\d{2})年(?:的|达到?|为|实现)?$/;

function gapAllowed(gap: string): boolean {
  const parts = gap.split(/[，,、和及与]/);
  if (parts.length === 1) return true;
  return ALLOWED_TAIL.test(parts[parts.length - 1].replace(/[（(][^）)]*[）)]/g, '').trim());
}

const TO_LEVEL = /(提高到|提升到|提高至|提升至|增至|升至|达到|达|为)$/;

/** The gap between a base figure and its stretch figure ("左右，力争", "，在实际工作中争取实现"). */
const STRETCH_GAP = /^(左右|以上|以内)?(?:[，,、（(][^，,；;。（(]*更好的?(?:结果|成绩|效果))?[，,、（(]?(?:在?实际工作中(?:力争|争取|努力|按照?)?|力争|争取|努力)(达到|实现|增长)?$/;

/** The gap between two figures joined as a pair or list ("8%和8.1%", "8%左右和8.5%左右", "5.5%、4%以内"). */
const JOINED_GAP = /^(左右|以上|以内|以下)?[和、及与]$/;

/** "农民人均纯收入增加700元", "一年净增157亿元": an amount by which something changed, not the amount ("增加到", "增至" give that). */
function isIncrement(q: Figure, gap: string): boolean {
  const rate = q.baseUnit === '%' || q.baseUnit === '个百分点' || q.baseUnit === '百分点' || q.family === 'percent';
  return !rate && /(增加|增长|提高|减少|下降|降低|新增|净增|增收|多增)(?:近|约|超过?)?\s*$/.test(gap);
}

function typeOf(m: MetricMention, q: Figure, gap: string): Typed | null {
  const def = taxonomy.metrics.get(m.metric);
  // the figure's own clause says which way, when it says so: "涨幅连续6个月回落，全年涨幅为5.6%" is a rise
  const tail = gap.slice(gap.search(/[^，,；;]*$/));
  const words = taxonomy.growthWords.test(tail) || taxonomy.fallWords.test(tail) ? tail : gap;
  // "经济增长5%左右": the name itself says growth; "地区生产总值增12%": 增 alone before the figure does too
  const growthWord = m.growthOnly || taxonomy.growthWords.test(words) || /增$/.test(words.trim());
  const fallWord = taxonomy.fallWords.test(words);
  const points = q.baseUnit === '个百分点' || q.baseUnit === '百分点';
  const percent = q.baseUnit === '%';
  if (m.share || def?.kind === 'share') {
    if (percent && ((!growthWord && !fallWord) || TO_LEVEL.test(gap.trim()))) return { quantity: 'level', value: q.value, sign: 1 };
    if (points && (growthWord || fallWord)) return { quantity: 'growth', value: q.value, sign: fallWord ? -1 : 1 };
    return null;
  }
  if (!def) return null;
  if (def.kind === 'reduction') {
    if (percent && !growthWord) return { quantity: 'reduction', value: Math.abs(q.value), sign: 1 };
    return null;
  }
  if (def.kind === 'rate') {
    // "居民消费价格指数为99.6%", "居民消费价格指数控制在103左右": an index with the previous year at 100;
    // the rise is the index less 100
    const index = def.defaultQuantity === 'growth' && /指数/.test(m.label + gap) && q.value >= 80 && q.value <= 130 && q.value2 === null;
    if (index && (percent || !q.unit)) return { quantity: 'growth', value: Math.round((q.value - 100) * 1000) / 1000, sign: 1 };
    // "居民消费价格总水平涨幅控制在4个百分点左右": a rise held within so many points is a rise of so many per cent
    // (a rise by points, "回落2个百分点", is a change of the rise and stays out)
    if (points && def.defaultQuantity === 'growth' && /(控制在|保持在)$/.test(gap.trim())) return { quantity: 'growth', value: q.value, sign: 1 };
    if (!percent) return null;
    if (def.defaultQuantity === 'growth') {
      // "涨幅…回落到2.3%": the rise fell to 2.3%, it is still a rise
      return { quantity: 'growth', value: q.value, sign: fallWord && !/[到至]$/.test(gap.trim()) ? -1 : 1 };
    }
    return growthWord || fallWord ? null : { quantity: 'level', value: q.value, sign: 1 };
  }
  // amount ("一般公共预算收入税收占比提高到50%": a share within the amount, not its growth)
  if (percent && /占比|比重|比例/.test(gap)) return null;
  if (percent) return growthWord || fallWord ? { quantity: 'growth', value: q.value, sign: fallWord && !growthWord ? -1 : 1 } : null;
  if (m.growthOnly) return null;
  if (q.family && def.units.includes(q.family)) return { quantity: 'level', value: q.value, sign: 1 };
  return null;
}

function modifierOf(text: string, q: Figure, gap: string): Modifier {
  if (q.value2 !== null) return 'range';
  const after = text.slice(q.end, q.end + 4);
  if (taxonomy.aroundAfter.test(after)) return 'around';
  if (taxonomy.atLeastAfter.test(after)) return 'at_least';
  if (taxonomy.atMostAfter.test(after)) return 'at_most';
  // the longest word wins: 不低于 is at_least although it ends in 低于, 不超过 at_most although it ends in 超过
  const tail = gap.slice(-8);
  const found = (['around', 'at_most', 'at_least'] as const)
    .map((mod) => ({ mod, m: (mod === 'around' ? taxonomy.aroundBefore : mod === 'at_most' ? taxonomy.atMostBefore : taxonomy.atLeastBefore).exec(tail) }))
    .filter((x) => x.m)
    .sort((a, b) => b.m![0].length - a.m![0].length);
  return found.length ? found[0].mod : 'point';
}

/**
 * The modifier of a list's figure: its own, or the one written once after the list's last figure when
 * all the figures from this one on are joined by 、 or 和 alone ("分别增长8%、9.8%左右": both about).
 */
function listModifier(text: string, group: Figure[], k: number, gap: string): Modifier {
  const own = modifierOf(text, group[k], gap);
  if (own !== 'point') return own;
  let last = k;
  while (last + 1 < group.length && /^[和、及与]$/.test(text.slice(group[last].end, group[last + 1].start))) last++;
  // (only after the list's last figure: "分别下降3.5%、3%左右和4%" gives each its own)
  return last > k && last === group.length - 1 ? modifierOf(text, group[last], '') : own;
}

/**
 * What follows a figure that is a threshold for counting things ("超1000万美元企业", "亿元以上项目", "95%以上天数",
 * "进出口总额超过1000万美元的外资企业": firms, projects and parks with a few words of their kind before them).
 */
const THRESHOLD_OF = /^(的)?(天数|企业|工业企业|外贸企业|龙头企业|项目|大项目|重点项目|工程|园区|产业集群|村|户|家|镇|乡|街道|县|县区|区(?!间|域)|城市|市)|^的[\d\u4e00-\u9fff]{1,4}?(企业|项目|工程|园区|产业集群)|^(?:以上)?口径/;

/** End of the modifier word written after a figure (左右, 以上, 以内), for the record's offsets. */
function modifierEnd(text: string, q: Figure): number {
  const after = text.slice(q.end, q.end + 4);
  const m = taxonomy.aroundAfter.exec(after) ?? taxonomy.atLeastAfter.exec(after) ?? taxonomy.atMostAfter.exec(after);
  return m ? q.end + m[0].length : q.end;
}

function qualitativeQuantity(m: MetricMention, scope: string): Quantity | null {
  const def = taxonomy.metrics.get(m.metric);
  if (m.share || def?.kind === 'share') return 'level';
  if (!def) return null;
  if (def.kind === 'reduction') return 'reduction';
  if (def.kind === 'rate') return def.defaultQuantity;
  if (/增长|同步|增速|增幅|高于|快于|提高|提升|上升|稳定增长|持续增长/.test(scope)) return 'growth';
  return null;
}


interface RespectivelyList {
  /** Mentions in the list, by position in the list (null for an item that is not a canonical metric). */
  items: Array<MetricMention | null>;
  /** Where the figures of the list are: from 分别 to the end of the clause chain. */
  from: number;
  to: number;
  /**
   * The items' figures are all in the list's range, so the items need no other reading. False when
   * each item came with its own clause and figure before 分别 ("城镇居民人均可支配收入22500元，农民人均
   * 纯收入7000元，分别增长11.6%和13%"): those clauses are still read item by item.
   */
  exclusive: boolean;
}

/**
 * The end (exclusive) of the run of metric names that starts at mentions[i] and is joined by 、和及与
 * ("地区生产总值、规模以上工业增加值、固定资产投资"); a share starts a run of its own.
 */
function nameListEnd(text: string, mentions: MetricMention[], i: number): number {
  let next = i + 1;
  while (next < mentions.length && /^[、和及与]$/.test(text.slice(mentions[next - 1].end, mentions[next].start)) && !mentions[next].share) next++;
  return next;
}

/**
 * The items a clause without figures names, joined by 、和及与 ("来源于广东的财政总收入和地方公共财政预算收入均实现
 * 翻番"): each part holds one canonical metric or none (a name that keeps its place); null when the
 * clause has a figure, names fewer than two, or no metric.
 */
function namedItems(text: string, clause: number, end: number, mentions: MetricMention[], figures: Figure[]): Array<MetricMention | null> | null {
  if (figuresIn(figures, clause, end).length) return null;
  const parts = mentionsByPart(text, clause, end, mentions);
  if (parts.length < 2 || parts.some((inPart) => inPart.length > 1)) return null;
  const items = parts.map(([m]) => (m && m.metric !== 'other' ? m : null));
  return items.some(Boolean) ? items : null;
}

/** The parts of text[start, end) cut at 、和及与, each with the mentions that lie inside it. */
function mentionsByPart(text: string, start: number, end: number, mentions: MetricMention[]): MetricMention[][] {
  let pos = start;
  return text
    .slice(start, end)
    .split(/[、和及与]/)
    .map((part) => {
      const inPart = mentions.filter((x) => x.start >= pos && x.end <= pos + part.length);
      pos += part.length + 1;
      return inPart;
    });
}

/**
 * The names listed before a metric's name in its clause, each ending in 、 or 和 ("市区居民人均可支配收入和",
 * "全区城镇居民、"): items of a list that name no metric. None when the words before are not such a list.
 */
function namesBefore(text: string, clause: number, at: number): string[] {
  const before = text.slice(clause, at);
  if (!/[、和及与]$/.test(before)) return [];
  const names = before.slice(0, -1).split(/[、和及与]/);
  return names.every((n) => n.length >= 2 && n.length <= 16 && !/[\d%]/.test(n)) ? names : [];
}

/** Words a list item may open with before its name: 全省城镇居民人均可支配收入…, 全年预计实现地区生产总值… */
const ITEM_LEAD = /^(?:全年|预计|实现|完成|全市|全区|全县|全省|全州|全盟|全国|我市|我区|我县|我省|本市)+/;

/** The canonical metric named at `at`, after the words an item may open with, if one is. */
function leadAt(text: string, mentions: MetricMention[], at: number): MetricMention | null {
  const lead = ITEM_LEAD.exec(text.slice(at, at + 12))?.[0].length ?? 0;
  return mentions.find((x) => (x.start === at || x.start === at + lead) && x.metric !== 'other') ?? null;
}

function figuresIn(figures: Figure[], from: number, to: number): Figure[] {
  return figures.filter((q) => q.start >= from && q.end <= to);
}

/**
 * The items a clause before "，分别增长…" gives: the metric that leads it, when a figure follows
 * (城镇居民人均可支配收入22500元); or, for a clause of several parts joined by 、, each part's lead,
 * each part one figure (…15237元、农民人均纯收入5643元; null for a part that names no canonical
 * metric: 一般公共预算支出213.8亿元). Null when the clause is not such a list.
 */
function clauseItems(text: string, clause: number, end: number, mentions: MetricMention[], figures: Figure[]): Array<MetricMention | null> | null {
  const lead = leadAt(text, mentions, clause);
  if (lead && figuresIn(figures, lead.end, end).length && !/、/.test(text.slice(clause, end))) return [lead];
  const starts = [clause];
  for (let i = text.indexOf('、', clause); i !== -1 && i < end; i = text.indexOf('、', i + 1)) starts.push(i + 1);
  const single = lead && figuresIn(figures, lead.end, end).length ? [lead] : null;
  if (starts.length < 2) return single ?? unnamedItem(text, clause, end, figures);
  const items: Array<MetricMention | null> = [];
  for (let k = 0; k < starts.length; k++) {
    const part = figuresIn(figures, starts[k], k + 1 < starts.length ? starts[k + 1] - 1 : end);
    if (part.length !== 1) return single;
    // "…1150亿元、增长5%": a part that goes on with the item before it makes the clause one item
    if (LIST_GOES_ON.test(text.slice(starts[k], part[0].start).trim())) return single;
    items.push(leadAt(text, mentions, starts[k]));
  }
  return items.some(Boolean) ? items : single;
}

/**
 * "人均地区生产总值7.4万元" between "地区生产总值5.9万亿元，" and "，分别比上年增长9.6%、9.3%": a clause of a
 * name that is no canonical metric and one amount keeps its place in the list (null), so that the
 * items around it take their own figures.
 */
function unnamedItem(text: string, clause: number, end: number, figures: Figure[]): Array<MetricMention | null> | null {
  const own = figuresIn(figures, clause, end);
  if (own.length !== 1 || isRate(own[0]) || own[0].family === 'percent') return null;
  const name = text.slice(clause, own[0].start).replace(ITEM_LEAD, '');
  return /^[\u4e00-\u9fa5]{2,12}$/.test(name) && !UNNAMED_ITEM_VERB.test(name) && clauseEnd(text, own[0].end, end) === end ? [null] : null;
}
/** Words that make a clause a statement rather than a name with its figure. */
const UNNAMED_ITEM_VERB = /增长|下降|提高|降低|减少|增加|达到?|实现|完成|突破|超过|为|是|占|有|新增|累计|其中/;

/** A clause of rates joined by 和 or 、 that gives one to each item before it, 分别 left out. */
const JOINT_RATES = /[，,](?:比上年)?(?:实际)?增长\d+(?:\.\d+)? ?%[和、]\d+(?:\.\d+)? ?%/g;

/**
 * "地区生产总值、财政总收入、社会消费品零售总额分别突破3000亿元、500亿元、1000亿元，分别增长12.5%、21.6%、19%":
 * a list of metrics, then 分别 and one figure per item, in order.
 */
function respectivelyLists(text: string, from: number, to: number, mentions: MetricMention[], figures: Figure[]): RespectivelyList[] {
  const out: RespectivelyList[] = [];
  const sentence = text.slice(from, to);
  const anchors: number[] = [];
  for (const m of sentence.matchAll(/分别/g)) anchors.push(from + m.index!);
  // "城镇居民人均可支配收入15781元，农村居民人均纯收入4761元，实际增长8.4%和8%": 分别 left out
  for (const m of sentence.matchAll(JOINT_RATES)) anchors.push(from + m.index! + 1);
  anchors.sort((a, b) => a - b);
  for (const at of anchors) {
    const start = clauseStart(text, from, at);
    const parts = mentionsByPart(text, start, at, mentions);
    if (parts.length < 2) {
      // "A 22500元，B 7000元，分别增长11.6%和13%": 分别 opens its clause; the clauses before, each led
      // by a metric, are the items, in order
      if (at - start > 4 || mentions.some((x) => x.start >= start && x.start < at)) continue;
      const items: Array<MetricMention | null> = [];
      for (let end = start - 1; end > from && /[，,]/.test(text[end]); ) {
        const clause = clauseStart(text, from, end);
        // a clause with its own 分别 is a list of its own ("城乡居民收入分别达到4.8万元和2.6万元，分别增长…")
        if (/分别/.test(text.slice(clause, end))) break;
        // "城镇居民人均可支配收入15237元、农民人均纯收入5643元，分别增长7.7%和8.2%": a clause may hold several
        // items, each a name and one figure (an item that is no canonical metric keeps its place)
        const clauseList = clauseItems(text, clause, end, mentions, figures);
        if (!clauseList) break;
        items.unshift(...clauseList);
        end = clause - 1;
      }
      const stop = text.slice(at, to).search(/[；;。，,]|其中/);
      if (items.length >= 2 && items.some(Boolean)) out.push({ items, from: at, to: stop === -1 ? to : at + stop, exclusive: false });
      // "来源于广东的财政总收入和地方公共财政预算收入均实现翻番，分别达1.47万亿元和6228亿元": the clause
      // before names the items, metrics or not, and gives no figure of its own
      else if (!items.length && start - 1 > from) {
        const named = namedItems(text, clauseStart(text, from, start - 1), start - 1, mentions, figures);
        if (named) out.push({ items: named, from: at, to: stop === -1 ? to : at + stop, exclusive: true });
      }
      continue;
    }
    const items = parts.map((inPart) => {
      const metrics = inPart.filter((x) => x.metric !== 'other');
      return metrics.length === 1 ? metrics[0] : null;
    });
    if (!items.some(Boolean)) continue;
    let end = to;
    const stop = text.slice(at, to).search(/[；;。]|其中/);
    if (stop !== -1) end = at + stop;
    // the figures run on over "，分别增长…" but not into a new subject ("…分别增长10%以上，城市居民消费价格…")
    const subject = mentions.find((x) => x.start > at);
    if (subject && subject.start < end) end = subject.start;
    // nor into a clause with a subject that names no metric ("…分别增长15%以上，地区外贸进出口总额增长12%"):
    // a later clause goes on with the list's figures only when the words before its first figure do
    let clause = at;
    for (const q of figures) {
      if (q.start <= at || q.start >= end) continue;
      const opens = clauseStart(text, at, q.start);
      if (opens === clause) continue;
      clause = opens;
      if (!LIST_GOES_ON.test(text.slice(opens, q.start).replace(/[（(][^）)]*[）)]/g, '').trim())) {
        end = opens;
        break;
      }
    }
    out.push({ items, from: at, to: end, exclusive: true });
  }
  // "城镇调查失业率、登记失业率控制在5.5%、4%以内": a list of metrics, then as many figures joined by
  // 、 or 和 in the same clause, in order, with 分别 unwritten
  for (let i = 0; i < mentions.length; ) {
    const next = nameListEnd(text, mentions, i);
    const after = mentions[next - 1].end;
    let end = clauseEnd(text, after, to);
    const figs = figures.filter((q) => q.start >= after && q.end <= end);
    // "市区居民人均可支配收入和农民人均纯收入达到22307元和10051元": names that are no metric keep their places
    const unnamed = namesBefore(text, clauseStart(text, from, mentions[i].start), mentions[i].start);
    const items = [...unnamed.map(() => null), ...mentions.slice(i, next).map((m) => (m.metric === 'other' ? null : m))];
    const joined = figs.length === items.length && figs.every((q, k) => k === 0 || JOINED_GAP.test(text.slice(figs[k - 1].end, q.start)));
    if (items.length >= 2 && joined && items.some(Boolean) && !/分别/.test(text.slice(after, end))) {
      // "…达到16305元和5641元，分别增长14.3%和15%": the next clause's figures are the items' too
      if (/^[，,]\s*(同比)?分别/.test(text.slice(end, end + 4))) end = clauseEnd(text, end + 1, to);
      out.push({ items, from: after, to: end, exclusive: true });
    }
    i = next;
  }
  return out;
}

/** Where the clause that goes on at `at` ends: its comma or stop, else `to`. */
function clauseEnd(text: string, at: number, to: number): number {
  const stop = text.slice(at, to).search(/[，,；;。]/);
  return stop === -1 ? to : at + stop;
}

const LEADING_WORDS = /^(全年|预计|实现|完成|其中|全市|全区|全县|全省|全国|我市|我区|我县|我省|累计|新增|共|并|同时|另外|此外|今年|力争|争取|确保|推动|促进|继续|保持)+/;
const TRAILING_WORDS = /(同比|比上年|分别|达到|达|为|增长|下降|降低|减少|提高|提升|突破|超过|超|增加|增至|控制在|保持在|保持|不低于|不超过|约|近|以上|左右|均|总量|规模)+$/;

interface OtherFigure {
  label: string;
  /** Where the label starts. */
  start: number;
  /** The words between the label and the figure. */
  gap: string;
  quantity: Quantity;
}

/**
 * A figure that belongs to no canonical metric, with the words before it as its label
 * ("万人有效发明专利拥有量达到60件" → 万人有效发明专利拥有量). Null when there is no label to give.
 */
function otherFigure(text: string, from: number, q: Figure): OtherFigure | null {
  const start = clauseStart(text, from, q.start);
  const before = text.slice(start, q.start);
  const lead = LEADING_WORDS.exec(before)?.[0].length ?? 0;
  const label = before.slice(lead).replace(TRAILING_WORDS, '').replace(/[（(“”"）)\s]+$/, '');
  if (label.length < 2 || label.length > 24 || !/[\u4e00-\u9fa5]/.test(label)) return null;
  const gap = before.slice(lead + label.length);
  const quantity: Quantity = q.baseUnit === '%' && (taxonomy.growthWords.test(gap) || taxonomy.fallWords.test(gap)) ? 'growth' : 'level';
  return { label, start: start + lead, gap, quantity };
}

/** A name of both the urban and the rural figure: 城镇和农村, 城镇、农村, 城镇居民和农村居民. */
const URBAN_AND_RURAL = /城镇(?:居民)?[和、]农村/;

const SPLIT_URBAN_RURAL: Record<string, [string, string]> = {
  disposable_income: ['urban_disposable_income', 'rural_disposable_income'],
};

/** The urban and the rural side of a joint name in a list, and the mention each came from. */
const sideOf = new WeakMap<MetricMention, MetricMention>();

/** A list's items with each joint name (城乡居民人均可支配收入) as its urban and its rural side. */
function withBothSides(items: Array<MetricMention | null>): Array<MetricMention | null> {
  return items.flatMap((m) => {
    const split = m && (/城乡/.test(m.label) || URBAN_AND_RURAL.test(m.label)) ? SPLIT_URBAN_RURAL[m.metric] : undefined;
    if (!m || !split) return [m];
    return split.map((metric) => {
      const side = { ...m, metric };
      sideOf.set(side, m);
      return side;
    });
  });
}

/** What the extraction of one document collects, sentence by sentence. */
interface Collected {
  targets: FigureRecord[];
  actuals: FigureRecord[];
  commitments: Commitment[];
  otherTargets: FigureRecord[];
  otherActuals: FigureRecord[];
  /** 力争 figures: stretch figures only beside a base figure (see extractFigures). */
  stretchCandidates: Set<FigureRecord>;
  /** "没有提出全年经济增速具体目标": metrics whose target is explicitly not set. */
  notSetMetrics: Array<{ m: MetricMention; sentence: number; section: number | null; start: number; end: number }>;
}

/** What every sentence of a document is read against. */
interface DocumentScope {
  doc: ExtractionInput;
  text: string;
  targetYear: number | null;
  reviewYear: number | null;
  passage: Passage | null;
  part: number | null;
  own: RegExp;
  opening: string;
  ownAgain: RegExp;
  /** Words that name the year the targets are for (see thisYearPattern). */
  thisYear: RegExp;
}

/** A sentence (in the target passage: its part inside the passage) as extraction reads it. */
interface SentenceScope {
  s: Sentence;
  context: Exclude<Context, null>;
  from: number;
  to: number;
  sentence: string;
  mentions: MetricMention[];
  figures: Figure[];
  estimated: boolean;
  /** In a look back over a term: a change is the term's, not the last year's. */
  overTerm: boolean;
  /** The year the sentence's figures are for. */
  yearFor: number | null;
  /** Its parts (at ；) and where a subject other than the region ends in each (see subjectElsewhere). */
  subjects: { parts: number[]; ends: number[] };
}

/** A sentence after the first that opens with the last year (LAST_YEAR_OPENING after a sentence's end). */
const LATER_LAST_YEAR = new RegExp(`[。！？!?]\\s*(?:${LAST_YEAR_OPENING.source.replace(/\^/g, '')})`);

/** The longest paragraph that can be a lead: one sentence that names what the paragraphs after it detail. */
const TERM_LEAD = 40;

/**
 * Words near a paragraph's opening that turn to the last year: "在刚刚过去的一年里", "即将过去的2021年",
 * "特别需要指出的是，刚刚过去的2015年".
 */
const TURNS_TO_LAST_YEAR = /(?:刚刚|即将)?过去的?(?:一年|(?:19|20)\d{2}年)|去年|一年来/;

/**
 * Reads a document's sentences in order, carrying what earlier sentences say about later ones: a look
 * back inside a task part, a paragraph that compares year on year (同比（下同）) or looks back over a
 * term, estimates marked once for what follows (预计…下同).
 */
class SentenceReader {
  // "过去一年，我们的各项工作取得了很大成绩。国内生产总值增长10.3%…": a look back inside a task part
  // reports last year, until its paragraph ends or a sentence turns to this year
  private lookBackParagraph = -1;
  private yearOnYearParagraph = -1;
  private termParagraph = -1;
  private lastYearParagraph = -1;
  private estimatedFromHere = false;
  /** A paragraph of one short sentence that opens a look back over the term ("——五年来，我们…。"), with its section. */
  private termLead: { paragraph: number; section: number | null; subparts: boolean } | null = null;
  /** A sentence of a task part that introduces another period's goals ("今后五年的预期目标和主要任务是："). */
  private periodLead: { paragraph: number; section: number | null } | null = null;
  private paragraph = -1;

  constructor(private readonly d: DocumentScope) {}

  /** The sentence's scope, null when it sets no figures of the report's years. */
  read(s: Sentence): SentenceScope | null {
    const { doc, text, passage, part, targetYear, reviewYear } = this.d;
    let context = contextOf(doc, s.index, passage, part);
    if (!context) return null;
    // a sentence that opens with another period is about it throughout
    const period = context === 'passage' ? null : PERIOD_OPENING.exec(text.slice(s.start, Math.min(s.end, s.start + 20)));
    if (context === 'tasks') {
      const opening = text.slice(s.start, Math.min(s.end, s.start + 12));
      // (and "五年来，人民生活明显改善。…" a look back over the term, read as the review reads one)
      if (/^(过去一年|去年|上年|一年来|过去的一年)/.test(opening) || TERM_OPENING.test(opening)) this.lookBackParagraph = s.paragraph;
      else if (/^(今年|明年|新的一年)/.test(opening)) this.lookBackParagraph = -1;
      if (this.lookBackParagraph === s.paragraph) context = 'review';
      // "力争五年实际投资超6000亿元，进出口总额超7万亿元": not this year's targets
      if (period && !(period[1] && Number(period[1]) === targetYear)) {
        // "今后五年的预期目标和主要任务是：" goes on into the paragraphs that follow, to the next heading
        // or to a paragraph that turns to the year ("——建设…区域中心城市。…地区生产总值突破4000亿元")
        if (/[：:]\s*$/.test(text.slice(s.start, s.end))) this.periodLead = { paragraph: s.paragraph, section: s.section };
        return null;
      }
      // "建议新一届政府任期内经济社会发展的预期目标是：": the term's goals, in the paragraphs that follow too
      const sentence = text.slice(s.start, s.end);
      if (periodTitles.termGoals.test(sentence) && /目标[^。，]{0,8}[：:]\s*$/.test(sentence) && !this.d.thisYear.test(sentence)) {
        this.periodLead = { paragraph: s.paragraph, section: s.section };
        return null;
      }
      const lead = this.periodLead;
      if (lead && s.paragraph > lead.paragraph) {
        if (s.section !== lead.section || /^(?:——)?(?:今年|明年|新的一年)/.test(opening) || (targetYear !== null && opening.includes(`${targetYear}年`))) this.periodLead = null;
        else return null;
      }
    } else if (context === 'review') {
      // "到2016年，全市生产总值突破8700亿元": a plan's goal, where a term report's plan is read as its review
      if (period && ((period[1] && reviewYear !== null && Number(period[1]) > reviewYear) || /^(?:力争|争取|确保|努力|我们要)?(?:今后|未来)/.test(period[0]))) return null;
      // "2023年，我们抢抓…，全市地区生产总值突破1万亿元" in a look back over the term: an earlier year's figures
      const earlierYear = EARLIER_YEAR_OPENING.exec(text.slice(s.start, Math.min(s.end, s.start + 12)));
      if (earlierYear && reviewYear !== null && Number(earlierYear[1]) < reviewYear) return null;
    }
    const from = context === 'passage' && passage ? Math.max(s.start, passage.start) : s.start;
    const to = context === 'passage' && passage ? Math.min(s.end, passage.end) : s.end;
    const sentence = text.slice(from, to);
    const mentions = findMentions(text, from, to);
    const figures = findQuantities(text, from, to);
    const estimated = context === 'review' && (this.estimatedFromHere || /预计/.test(sentence));
    // "五年来，…。城乡居民人均可支配收入达到30548元和12881元，分别增长51.1%和57.9%": in a paragraph that
    // looks back over a term, a change is the term's unless the sentence speaks of the last year, or an
    // earlier sentence of the paragraph said its comparisons are year on year (同比（下同）)
    if (s.paragraph !== this.yearOnYearParagraph && /同比[（(]下同|下同[^。]{0,4}同比/.test(sentence)) this.yearOnYearParagraph = s.paragraph;
    // the look back over the term starts at the paragraph's opening or at a sentence that opens so
    // ("…小康水平。五年来，城镇居民人均可支配收入增长54%"), and ends at a sentence that opens with the last
    // year ("过去五年，…。刚刚过去的2021年，…")
    if (context === 'review') {
      const paragraphStart = doc.paragraphs[s.paragraph].start;
      // (long enough for "——这是经济发展实力稳步增强的五年")
      const sentenceOpening = text.slice(s.start, s.start + 30);
      if (s.paragraph !== this.paragraph) this.followLead(s);
      if (this.termParagraph !== s.paragraph && this.lastYearParagraph !== s.paragraph && (TERM_OPENING.test(sentenceOpening) || TERM_OPENING.test(text.slice(paragraphStart, paragraphStart + 30)))) {
        this.termParagraph = s.paragraph;
      } else if (this.termParagraph === s.paragraph && LAST_YEAR_OPENING.test(sentenceOpening)) {
        this.termParagraph = -1;
        this.lastYearParagraph = s.paragraph;
      }
    }
    this.paragraph = s.paragraph;
    // "2010年同2005年相比，…城镇居民人均可支配收入和农民人均纯收入分别增长61.5%和67.1%": a sentence that
    // opens by comparing with an earlier year gives the changes since then
    const comparedWith = COMPARED_OPENING.exec(text.slice(s.start, Math.min(s.end, s.start + 20)));
    const overTerm =
      context === 'review' &&
      reviewYear !== null &&
      ((comparedWith !== null && Number(comparedWith[1]) < reviewYear - 1) ||
        (this.yearOnYearParagraph !== s.paragraph &&
          this.termParagraph === s.paragraph &&
          !(sentence.includes(`${reviewYear}年`) || /去年|上年|全年|同比/.test(sentence))));
    if (context === 'review' && /预计[^。]{0,6}下同|下同[^。]{0,3}预计|预计数[、，,]?\s*下同/.test(sentence)) this.estimatedFromHere = true;
    const yearFor = context === 'review' ? reviewYear : targetYear;
    // the figures after a subject elsewhere are that subject's, to the end of its part of the sentence
    // (a part ends at ；) or until the region's own name comes back ("…，全市外贸进出口总额28亿元")
    const parts = context === 'passage' || !mentions.length ? [] : sentenceParts(text, from, to);
    const subjects = { parts, ends: parts.map((p) => subjectElsewhere(doc, p, to, this.d.opening)) };
    return { s, context, from, to, sentence, mentions, figures, estimated, overTerm, yearFor, subjects };
  }

  /**
   * At the first sentence of a review paragraph: a paragraph after a lead that opens a look back over
   * the term ("——五年来，我们深入践行新发展理念，…。" on a line of its own, "五年来，主要做了以下工作：", or a
   * web page's paragraph broken after its first sentence) details the term too, until one opens with a
   * year of its own or the section ends (a lead that ends at ： goes on into the parts it introduces,
   * "（一）始终把扩大有效投资作为第一抓手…"). A paragraph that is such a lead becomes the lead.
   */
  private followLead(s: Sentence): void {
    const { doc, text, reviewYear } = this.d;
    const p = doc.paragraphs[s.paragraph];
    const lead = this.termLead;
    this.termLead = null;
    // (paragraphs without figures are not read: those since the lead are looked at here)
    let carried = lead !== null;
    for (let q = (lead?.paragraph ?? s.paragraph) + 1; carried && q <= s.paragraph; q++) {
      const section = doc.paragraphs[q].section;
      const inPart = section === lead!.section || (lead!.subparts && isWithin(doc.sections, section, lead!.section));
      const paragraph = doc.paragraphs[q];
      carried = inPart && !opensOwnYear(text, paragraph, reviewYear) && (q === s.paragraph || !turnsToLastYear(text, paragraph));
    }
    if (carried) {
      this.termParagraph = s.paragraph;
      this.termLead = lead;
    }
    const paragraph = text.slice(p.start, p.end).trim();
    // (one sentence: its first end, 。 or the ： before a list, is the paragraph's)
    if (paragraph.length <= TERM_LEAD && TERM_OPENING.test(paragraph) && paragraph.search(/[。：:]/) >= paragraph.length - 3 && !findQuantities(paragraph).length) {
      this.termLead = { paragraph: s.paragraph, section: p.section, subparts: /[：:]$/.test(paragraph) };
    }
  }
}

/** Whether a paragraph opens with a year of its own: the last year, this year or the review's. */
function opensOwnYear(text: string, paragraph: ExtractionInput['paragraphs'][number], reviewYear: number | null): boolean {
  const from = afterAddress(text, paragraph.start);
  const opening = text.slice(from, from + 24);
  return (
    LAST_YEAR_OPENING.test(opening) ||
    TURNS_TO_LAST_YEAR.test(opening) ||
    /^(?:今年|明年|新的一年)/.test(opening) ||
    (reviewYear !== null && opening.slice(0, 8).includes(`${reviewYear}年`))
  );
}

/** Whether a paragraph turns to the last year in a later sentence ("…取得了新进步。刚刚过去的2021年，…"): a paragraph carried that does ends the term. */
const turnsToLastYear = (text: string, paragraph: ExtractionInput['paragraphs'][number]) => LATER_LAST_YEAR.test(text.slice(paragraph.start, paragraph.end));

/** Whether section `section` is `part` or lies inside it. */
function isWithin(sections: ExtractionInput['sections'], section: number | null, part: number | null): boolean {
  for (let i = section; i !== null && i !== undefined; i = sections[i]?.parent ?? null) if (i === part) return true;
  return false;
}

/** Adds a record of the review (unless it is a term's change, or a term's total of additions) or a target. */
function keep(sc: SentenceScope, out: Collected, records: FigureRecord[], quantity: Quantity): void {
  if (sc.context === 'review') {
    if (!(sc.overTerm && (quantity !== 'level' || taxonomy.metrics.get(records[0].metric)?.summed))) out.actuals.push(...records);
  } else out.targets.push(...records);
}

/** A rate, or a multiple (a rate's place in a list). */
const isRate = (q: Figure) => q.baseUnit === '%' || q.family === 'multiple';

/**
 * The figures of lists with 分别 ("城镇和农村居民人均可支配收入分别增长8%和9%"): the items take the figures
 * in order. The mentions they account for go to `handled`, their figures' starts to `used`.
 */
function listFigures(d: DocumentScope, sc: SentenceScope, out: Collected, handled: Set<MetricMention>, used: Set<number>): void {
  const { text, own, ownAgain } = d;
  const { context, from, to, mentions, figures, yearFor } = sc;
  for (const list of respectivelyLists(text, from, to, mentions, figures)) {
    const figs = figures.filter((q) => q.start >= list.from && q.end <= list.to);
    const firstItem = list.items.find(Boolean)!;
    const listClause = clauseStart(text, from, firstItem.start);
    // figures in groups: levels (amounts) and rates (%), each group one figure per item in order
    // (a multiple is a rate's place in the list: "分别达到34200元和16400元，增长1.12倍和94.4%")
    const groups = [figs.filter((q) => !isRate(q) && q.family !== 'percent'), figs.filter(isRate)];
    for (const group of groups) {
      // "规模以上工业增加值、利润分别增长15%以上": one figure, and no other, after a list of names and 分别 is every item's
      const shared = list.exclusive && figs.length === 1 && group.length === 1 && !figures.some((q) => q.start >= listClause && q.end <= list.from);
      // "…、城乡居民人均可支配收入分别达2154.7亿元、…、25202元和12091元": a joint name has a figure for each side
      const items = group.length === list.items.length ? list.items : withBothSides(list.items);
      // "分别增长8.5%以上和10.5%以上，扣除价格因素，分别实际增长6%以上和8%以上": a second set of figures
      // for the same items follows the first
      const sets = group.length % items.length === 0 ? group.length / items.length : 0;
      if (!sets && !shared) continue;
      // "分别由14402元和7471元提高到…和…": the first set is where they started, the next where they got to
      const from0 = sets >= 2 && /[由从]/.test(text.slice(list.from, group[0].start)) ? items.length : 0;
      // items that came with their own clauses took their amounts there: 分别 adds their rates
      // ("…，分别比“九五”末增加3148元和582元" are increases, not the amounts)
      if (!list.exclusive && group !== groups[1]) continue;
      items.forEach((m, k) => {
        const inGroup = shared ? 0 : from0 + k;
        const q = group[inGroup];
        if (!m) return;
        const gap = text.slice(list.from, q.start);
        // "年均增长8.0%和5.2%": not a year's figure; "力争实现翻番，分别达到4700亿元…" in the review: a goal
        if (taxonomy.notAnnual.test(text.slice(listClause, q.start))) return;
        if (context === 'review' && taxonomy.goalInReview.test(text.slice(listClause, q.start))) return;
        // "…相继跨过1000亿元、3000亿元、400亿元和100亿元大关": thresholds crossed over the years
        if (taxonomy.milestoneRun.test(text.slice(listClause, group[0].start))) return;
        // "分别比1996年增长80.5%和71%": against another year
        if (yearFor !== null && !datedWithYear(text, from, group[from0], yearFor) && [...gap.matchAll(OTHER_YEAR)].some((y) => Number(y[1]) !== yearFor)) return;
        // the words before the group's first figure are every figure's ("分别增加400元和150元")
        const typed = isIncrement(q, text.slice(list.from, group[0].start)) ? null : typeOf(m, q, gap.replace(/^分别/, ''));
        // the words before the list, not the items before this one ("城镇居民人均可支配收入、农民人均纯收入" names no sub-region)
        if (!typed || (context !== 'passage' && (namesSubRegion(text.slice(listClause, firstItem.start), own) || ofSubjectElsewhere(text, sc.subjects, ownAgain, firstItem.start)))) return;
        // "…分别达2123亿元和935亿元，比前五年分别增长116%和75%": totals over five years
        // (the item is accounted for: its name's own reading would take the list's first figure)
        if (context === 'review' && typed.quantity === 'level' && comparedWithEarlierPeriod(text, modifierEnd(text, group[group.length - 1]))) {
          if (list.exclusive) handled.add(sideOf.get(m) ?? m);
          return;
        }
        // "生产总值、规模以上工业总产值占全市的比重分别从37.8%和50.1%提高到…": the list names shares, not amounts
        if (typed.quantity === 'growth' && taxonomy.metrics.get(m.metric)?.kind === 'amount' && /比重|占比|比例/.test(text.slice(listClause, list.from))) return;
        if (list.exclusive) handled.add(sideOf.get(m) ?? m);
        used.add(q.start);
        const record: FigureRecord = {
          kind: context === 'review' ? 'actual' : 'target', metric: m.metric, label: m.label, quantity: typed.quantity,
          value: typed.sign * typed.value, value2: q.value2 === null ? null : typed.sign * q.value2, unit: q.unit || null,
          modifier: context === 'review' ? null : listModifier(text, group, inGroup, gap), stretch: false, year: yearFor, estimated: sc.estimated,
          start: m.start, end: modifierEnd(text, q), sentence: sc.s.index, section: sc.s.section,
        };
        keep(sc, out, [record], typed.quantity);
      });
    }
  }
}

/** Where the figures of the mention sentence.mentions[i] are to be looked for, null when it has none of its own. */
interface MentionScope {
  m: MetricMention;
  /** After a list of names, the figures start after its last name. */
  nameEnd: number;
  scopeEnd: number;
  /** An item of a list of names, metrics or not ("一般公共预算收入、金融机构存款和贷款余额"). */
  inList: boolean;
  /** Its clause follows a total over years (五年累计…): its amounts are the term's. */
  cumulativeBefore: boolean;
  /** It follows a comparison with a plan's end: its changes are the term's. */
  afterPlanBase: boolean;
}

function mentionScope(d: DocumentScope, sc: SentenceScope, i: number): MentionScope | null {
  const { text, own, ownAgain, reviewYear } = d;
  const { context, from, to, mentions, sentence } = sc;
  const m = mentions[i];
  // "与经济增长基本同步": a comparison, not a statement about the economy's growth
  if (m.growthOnly && /[与和同跟于]$/.test(text.slice(m.start - 1, m.start))) return null;
  // "地区生产总值、规模以上工业增加值、固定资产投资增长5%左右": a figure after a list is every item's
  const next = nameListEnd(text, mentions, i);
  let scopeEnd = next < mentions.length ? mentions[next].start : to;
  const listed = next > i + 1;
  const inList = listed || /[、和及与]/.test(text.charAt(m.start - 1)) || /[、和及与]/.test(text.charAt(m.end));
  const stop = sentence.slice(m.end - from, scopeEnd - from).search(SCOPE_STOP);
  if (stop !== -1) scopeEnd = m.end + stop;
  const prefix = text.slice(clauseStart(text, from, m.start), m.start);
  if (context !== 'passage' && (namesSubRegion(prefix, own) || ofSubjectElsewhere(text, sc.subjects, ownAgain, m.start))) return null;
  // (a part of the year before the name is lifted by the whole year after it: "扭转了上半年固定资产投资增速下滑态势，全年增长5.1%")
  if (context !== 'passage' && taxonomy.notAnnual.test(prefix, text.slice(m.end, scopeEnd))) return null;
  // "…，一季度全市地区生产总值下降3%，全社会固定资产投资下降7.2%、社会消费品零售总额下降13.5%": a part of
  // the year that opens a clause is every later clause's too, until the whole year comes: to the end of
  // its part of the sentence (；), or to the sentence's end when it is a clause of its own ("前三季度，…；…")
  const partFrom = partStart(text, from, m.start);
  if (context !== 'passage') {
    const inPart = PART_OF_YEAR_CLAUSE.exec(text.slice(partFrom, m.start));
    const alone = inPart ? null : PART_OF_YEAR_ALONE.exec(text.slice(from, m.start));
    const phraseAt = inPart ? partFrom + inPart.index : alone ? from + alone.index : -1;
    if (phraseAt !== -1 && taxonomy.notAnnual.partOfYear(text.slice(phraseAt, m.start), text.slice(m.end, scopeEnd))) return null;
  }
  // "五年累计完成全社会固定资产投资6960亿元，实现社会消费品零售额7290.1亿元": a total over years that
  // opens a clause is the later clauses' too, for amounts that add up over years (not 人均 ones, rates or shares)
  // (up to a clause that names its own year: "…，2021年外贸进出口总额达到4115亿元")
  const cumulative = CUMULATIVE_CLAUSE.exec(text.slice(partFrom, m.start));
  const cumulativeBefore =
    context === 'review' &&
    cumulative !== null &&
    !/人均/.test(m.label) &&
    taxonomy.metrics.get(m.metric)?.kind === 'amount' &&
    !/[，,](?:(?:19|20)\d{2}年|去年|上年|全年|今年)/.test(text.slice(partFrom + cumulative.index + 1, m.start));
  // "…，比“十一五”末增长62.7%；…；社会消费品零售总额264亿元，增长88.1%": after a comparison with a plan's
  // end, the sentence's changes are the term's
  const afterPlanBase = context === 'review' && PLAN_BASE.test(text.slice(from, m.start));
  // "…，到2026年，…外贸进出口总额突破7000亿元": in the review, a later year's goal
  if (context === 'review' && reviewYear !== null && [...text.slice(from, m.start).matchAll(LATER_YEAR_CLAUSE)].some((y) => Number(y[1]) > reviewYear)) return null;
  // "…提出了“十四五”期间惠州要实现高质量跨越式发展，地区生产总值突破6000亿元的“硬任务”": a task
  // sentence that named a plan's period before the name sets the period's goal
  if (context === 'tasks' && PLAN_PERIOD.test(text.slice(from, m.start))) return null;
  // "…加快构建开放带动新格局，力争到2025年，集装箱吞吐量突破100万标箱，进出口总额突破200亿美元": a later year's goal
  if (context === 'tasks' && d.targetYear !== null && [...text.slice(from, m.start).matchAll(LATER_YEAR_CLAUSE)].some((y) => Number(y[1]) > d.targetYear!)) return null;
  return { m, nameEnd: listed ? mentions[next - 1].end : m.end, scopeEnd, inList, cumulativeBefore, afterPlanBase };
}

/**
 * The figures a metric's name is followed by, up to the next name or the end of its scope: each figure
 * typed by the words between (growth, level, reduction), one of each kind. Returns the kinds taken.
 */
function mentionFigures(d: DocumentScope, sc: SentenceScope, ms: MentionScope, out: Collected, used: Set<number>): { accepted: number; seen: Set<Quantity>; both: [string, string] | undefined } {
  const { text } = d;
  const { context, from, mentions, figures, yearFor } = sc;
  const { m, nameEnd, scopeEnd } = ms;
  const own_figures = figures.filter((q) => q.start >= nameEnd && q.end <= scopeEnd);
  const seen = new Set<Quantity>();
  let anchor = nameEnd;
  let lastGap = '';
  let accepted = 0;
  let afterUntyped = false;
  let afterStartingPoint = false;
  // "居民消费价格累计上涨2.7%": an index taken month by month, 累计 right after its name is the year's
  const inYearAt = taxonomy.metrics.get(m.metric)?.accumulatesInYear && text.startsWith('累计', nameEnd) ? nameEnd : -1;
  const multiYear = (a: number, b: number) =>
    taxonomy.notAnnual.test(inYearAt >= a && inYearAt + 2 <= b ? text.slice(a, inYearAt) + text.slice(inYearAt + 2, b) : text.slice(a, b));
  // (or two figures of a kind joined by 、/和: "城乡居民人均可支配收入由17698元、5781元增加到30594元、10637元")
  const pairOfFigures = own_figures.some((q, k) => k > 0 && q.baseUnit === own_figures[k - 1].baseUnit && JOINED_GAP.test(text.slice(own_figures[k - 1].end, q.start)));
  const split = (/分别/.test(text.slice(m.end, scopeEnd)) || pairOfFigures) && (/城乡/.test(m.label) || URBAN_AND_RURAL.test(m.label)) ? SPLIT_URBAN_RURAL[m.metric] : undefined;
  // "城镇和农村居民人均可支配收入均增长8%": the names of both, so a figure of each
  const both = !split && URBAN_AND_RURAL.test(m.label) ? SPLIT_URBAN_RURAL[m.metric] : undefined;
  const splitIndex = new Map<Quantity, number>();
  const milestones = new Map<Quantity, FigureRecord>();
  for (const q of own_figures) {
    const gap = text.slice(anchor, q.start);
    const prevUntyped: boolean = afterUntyped;
    afterUntyped = false;
    if (q.start - anchor > 40) break;
    const clauseAt = clauseStart(text, from, q.start);
    const clause = text.slice(clauseAt, q.start);
    if (multiYear(clauseAt, q.start)) {
      // after a list's multi-year figures, a figure is the last item's ("…年均分别增长23.9%、
      // 11.5%，达到1.5万亿元"), not every item's
      if (ms.inList) break;
      anchor = q.end;
      continue;
    }
    // "先后跨越3万亿元、4万亿元两个台阶": thresholds crossed over the years; "连跨4个千亿台阶、达到11715亿元": the level reached
    if (taxonomy.milestoneRun.test(clause) && !/(达到?|为|实现|增加到|提高到|增至)$/.test(clause.trim())) {
      anchor = q.end;
      continue;
    }
    // a year other than the figure's, in its clause or between the metric and it ("与1996年相比，增长68.9%");
    // the year before as the base of a comparison is the figure's own year's growth ("较2022年预算数增长4%左右")
    const otherYear =
      yearFor !== null &&
      !(datedWithYear(text, from, q, yearFor) && gapAllowed(text.slice(m.end, q.start))) &&
      [...(clause + text.slice(m.end, q.start)).matchAll(COMPARED_YEAR)].some((y) => Number(y[2]) !== yearFor && !(y[1] && Number(y[2]) === yearFor - 1));
    if (otherYear) {
      anchor = q.end;
      continue;
    }
    const between = text.slice(m.end, q.start);
    // "国内生产总值年均增长9%以上，其中今年达到870亿元，增长8%": after 其中今年, the year's own figures
    const thisYearAt = context === 'review' ? -1 : between.search(OF_WHICH_THIS_YEAR);
    // "国内生产总值年均递增14%左右，力争达到1000亿元": a target after a multi-year rate is the period's end;
    // in the review, "力争达到5000亿公斤" is a goal, not what was achieved
    if ((context !== 'review' && multiYear(thisYearAt === -1 ? m.end : m.end + thisYearAt, q.start)) || (context === 'review' && taxonomy.goalInReview.test(between))) {
      anchor = q.end;
      continue;
    }
    // "较“十三五”末的9323.1亿元增加4374.4亿元，增长33.6%": against the end of a plan period; "经济总量中的
    // 比重由18%提高到23%": a share, not the amount's growth
    if (PLAN_BASE.test(between) || (q.baseUnit === '%' && taxonomy.metrics.get(m.metric)?.kind === 'amount' && !m.share && /比重|占比|比例/.test(between))) {
      anchor = q.end;
      continue;
    }
    if (!gapAllowed(gap)) break;
    // "…明显降低，17市城市空气质量良好率达94.2%", "…完成省政府下达任务，42个重点河流断面水质综合达标率为93.8%":
    // the words of the figure's own clause, figures passed over included, must be about the metric too
    const ownClause = clauseStart(text, from, q.start);
    if (ownClause > nameEnd && !gapAllowed(text.slice(ownClause - 1, q.start))) break;
    // "年进出口额超1000万美元企业": a threshold that describes firms or projects, not a total
    // "500万元以上固定资产投资增长17%": a threshold of the next metric's scope
    const figureEnd = modifierEnd(text, q);
    const thresholdOfNext = q.baseUnit !== '%' && /以上$/.test(text.slice(q.end, figureEnd)) && mentions.some((x) => x.start === figureEnd);
    if (THRESHOLD_OF.test(text.slice(figureEnd, figureEnd + 8)) || thresholdOfNext) {
      anchor = q.end;
      continue;
    }
    // "从26.6万亿元增加到51.9万亿元": the starting point is another year's figure; "增长贡献率50%",
    // "拉动率78%": a share of growth, not growth; "由最高时期的19.3%", "从一季度下滑40.8%": another period
    // ("分别由19019元、6876元提高到30775元和11045元": the starting points may be several)
    const startingPoint: boolean = /从\s*$/.test(gap) || (/[从由]/.test(gap) && !/[到至]/.test(gap)) || (afterStartingPoint && JOINED_GAP.test(gap));
    afterStartingPoint = startingPoint;
    if (startingPoint || /贡献|拉动/.test(gap)) {
      anchor = q.end;
      continue;
    }
    // "增长8%和8.1%": a figure joined by 和/、 to the one before shares its words
    // "增长5%左右，力争6%": the stretch figure is of the same kind as the one before it
    // "增长8%左右和8.5%左右": the modifier of the figure before may stand in the gap
    const joined = JOINED_GAP.test(gap);
    if (isIncrement(q, joined ? lastGap : gap)) {
      // a figure joined to this one shares its words ("分别提高1个和0.9个百分点")
      if (!joined) lastGap = gap;
      anchor = q.end;
      continue;
    }
    // "增长5%-5.5%，实际工作中按5.5%推进", "增长6%以上，在实际工作中争取实现7%的更好结果": the figure
    // the government works to beside the one it announces is a stretch figure too, also after a clause
    // that only asks for better ("增长5.0%-5.5%，根据实际情况争取更好的结果，实际工作中按照5.5%推进")
    const stretchGap = STRETCH_GAP.test(gap) && accepted > 0;
    // "生产总值增速高于全省两个百分点、达到13%左右": after a figure that was not the metric's, the clause's
    // words before it say which way
    const typed: Typed | null =
      typeOf(m, q, joined || stretchGap ? lastGap : gap) ??
      (prevUntyped && !joined && !stretchGap && !/[，,；;]/.test(between) ? typeOf(m, q, between) : null);
    afterUntyped = !typed;
    // (a level reached from another, "从727亿元增加到1758亿元", is no total)
    if (ms.cumulativeBefore && typed?.quantity === 'level' && !/[从由]/.test(between)) continue;
    if (context === 'review' && typed?.quantity === 'level' && comparedWithEarlierPeriod(text, figureEnd)) continue;
    if (ms.afterPlanBase && typed && typed.quantity !== 'level') continue;
    if (!joined && !stretchGap) lastGap = gap;
    anchor = q.end;
    if (!typed) continue;
    let metric = m.metric;
    const k = splitIndex.get(typed.quantity) ?? 0;
    if (split && k < 2) {
      metric = split[k];
      splitIndex.set(typed.quantity, k + 1);
    } else if (seen.has(typed.quantity) && !stretchGap) {
      // "突破1万亿元，达10604.48亿元": the exact figure after a milestone replaces it
      const prev = milestones.get(typed.quantity);
      if (prev && /(达到?|为|实现)\s*$/.test(gap)) {
        prev.value = typed.sign * typed.value;
        prev.unit = q.unit || null;
        prev.end = modifierEnd(text, q);
        milestones.delete(typed.quantity);
      }
      continue;
    }
    seen.add(typed.quantity);
    used.add(q.start);
    accepted++;
    const value = typed.sign * typed.value;
    const record: FigureRecord = {
      kind: context === 'review' ? 'actual' : 'target',
      metric,
      label: m.label,
      quantity: typed.quantity,
      value,
      value2: q.value2 === null ? null : typed.sign * q.value2,
      unit: q.unit || null,
      modifier: context === 'review' ? null : split ? listModifier(text, own_figures, own_figures.indexOf(q), gap) : modifierOf(text, q, gap),
      stretch: false,
      year: yearFor,
      estimated: sc.estimated,
      start: m.start,
      end: modifierEnd(text, q),
      sentence: sc.s.index,
      section: sc.s.section,
    };
    if (/(突破|迈上|跨越|越过|站上|跃上)\s*$/.test(gap)) milestones.set(typed.quantity, record);
    const records = both ? both.map((id) => ({ ...record, metric: id })) : [record];
    keep(sc, out, records, typed.quantity);
    if (context !== 'review' && taxonomy.stretchBefore.test(text.slice(clauseStart(text, from, m.start), q.start))) for (const r of records) out.stretchCandidates.add(r);
  }
  return { accepted, seen, both };
}

/**
 * In the target passage, a metric named with no figure of a kind it took is a qualitative (or an
 * explicitly not set) target: "地区生产总值增速高于全省1个百分点以上、总量达到3800亿元左右" gives a level
 * and a growth target without a figure.
 */
function qualitativeTarget(d: DocumentScope, sc: SentenceScope, m: MetricMention, taken: { accepted: number; seen: Set<Quantity>; both: [string, string] | undefined }, out: Collected): void {
  const { text, targetYear } = d;
  // "服务业增加值占地区生产总值比重提高1个百分点", "新增城镇就业中大学以上人员占比…": the name heads a
  // share or a part of it, which says nothing of the metric itself
  if (/^[占中]/.test(text.charAt(m.end))) return;
  const clauseStop = text.slice(m.end, sc.to).search(/[，,；;。]/);
  const scope = text.slice(m.end, clauseStop === -1 ? sc.to : m.end + clauseStop);
  const notSet = taxonomy.notSet.some((re) => re.test(scope));
  const quantity = notSet ? (qualitativeQuantity(m, '增长') ?? 'growth') : qualitativeQuantity(m, scope.split(/[，,、]/)[0] + scope);
  if (!quantity || (taken.accepted > 0 && (taken.seen.has(quantity) || notSet || !/^(?:增速|增幅|增长)/.test(scope)))) return;
  const clauseEnd = m.end + scope.length;
  for (const metric of taken.both ?? [m.metric]) {
    out.targets.push({
      kind: 'target', metric, label: m.label, quantity, value: null, value2: null, unit: null,
      modifier: notSet ? 'not_set' : 'qualitative', stretch: false, year: targetYear, estimated: false,
      start: m.start, end: clauseEnd, sentence: sc.s.index, section: sc.s.section,
    });
  }
}

/** Between two figures of one list: a separator, after the first figure's modifier. */
const NEXT_IN_LIST = /^\s*[、和及与]\s*$/;

const LIST_SEPARATOR = /[、和及与]/;

/**
 * The names of a list as written ("一产", "二产", "三产增加值"), each with the head noun the last one ends
 * with; null when the names cannot be told apart from their head ("畜禽粪污、秸秆综合利用率": 畜禽粪污
 * alone names no figure).
 */
function listNames(written: string[]): string[] | null {
  const head = sharedHead(written[written.length - 1]);
  if (head) return written.map((n) => (n.endsWith(head) ? n : n + head));
  return written.every((n) => n.length <= 2) ? written : null;
}

/** Numeric figures of the passage and the review that no canonical metric took, as `other` records. */
function otherFigures(d: DocumentScope, sc: SentenceScope, out: Collected, used: Set<number>): void {
  const { text } = d;
  const { from } = sc;
  const free = sc.figures.filter((q) => !used.has(q.start));
  // the figure before and its record's name, while a level's clauses go on
  let previous: { q: Figure; other: OtherFigure } | null = null;
  for (let i = 0; i < free.length; i++) {
    const q = free[i];
    const before = previous as { q: Figure; other: OtherFigure } | null;
    previous = null;
    let other = otherFigure(text, from, q);
    if (other) {
      // "一产、二产、三产分别增长4%左右、8%以上、5.5%左右": a list of as many names as figures, each figure its
      // name's; names that cannot be told apart give each figure the whole list's name
      // (the figures that follow are counted only for a label that can be such a list)
      const written = other.label.split(LIST_SEPARATOR);
      let run = 1;
      if (written.length > 1 && /分别/.test(other.gap) && !/\d/.test(other.label)) {
        while (i + run < free.length && NEXT_IN_LIST.test(between(text, sc.figures, free[i + run - 1], free[i + run]) ?? '')) run++;
      }
      if (run > 1 && written.length === run) {
        const names = listNames(written);
        for (let k = 0; k < run; k++) {
          const start = names ? other.start + written.slice(0, k).reduce((n, w) => n + w.length + 1, 0) : other.start;
          pushOther(d, sc, out, free[i + k], { ...other, label: names ? names[k] : other.label, start });
        }
        i += run - 1;
        continue;
      }
    } else if (before?.other.quantity === 'level' && q.baseUnit === '%' && ONE_CLAUSE_ON.test(between(text, sc.figures, before.q, q) ?? '')) {
      // "直接利用外资2.46亿美元，增长20%": the growth of the level just given
      const gap = text.slice(clauseStart(text, from, q.start), q.start);
      if (/^(?:比上年|同比|较上年)?(?:增长|下降|减少|降低)$/.test(gap)) other = { ...before.other, gap, quantity: 'growth' };
    }
    if (!other) continue;
    pushOther(d, sc, out, q, other);
    previous = { q, other };
  }
}

/** The text between a figure (and its modifier) and the next one of the sentence's `figures`; null when another comes between. */
function between(text: string, figures: Figure[], a: Figure, b: Figure): string | null {
  return figures.indexOf(b) === figures.indexOf(a) + 1 ? text.slice(modifierEnd(text, a), b.start) : null;
}

/** From one figure to a figure of the next clause: one comma between. */
const ONE_CLAUSE_ON = /^[^，,；;。]*[，,][^，,；;。]*$/;

/** An `other` record of a figure: a target, or an actual in the review. */
function pushOther(d: DocumentScope, sc: SentenceScope, out: Collected, q: Figure, other: OtherFigure): void {
  const { context } = sc;
  const record: FigureRecord = {
    kind: context === 'review' ? 'actual' : 'target', metric: 'other', label: other.label, quantity: other.quantity,
    value: q.value, value2: q.value2, unit: q.unit || null, modifier: context === 'review' ? null : modifierOf(d.text, q, other.gap),
    stretch: false, year: sc.yearFor, estimated: sc.estimated, start: other.start, end: modifierEnd(d.text, q), sentence: sc.s.index, section: sc.s.section,
  };
  (context === 'review' ? out.otherActuals : out.otherTargets).push(record);
}

export function extractFigures(doc: ExtractionInput): Extraction {
  const { text } = doc;
  const targetYear = targetYearOf(doc.metadata);
  const passage = doc.metadata.kind === 'communique' ? null : findTargetPassage(doc, targetYear);
  const d: DocumentScope = {
    doc, text, targetYear, reviewYear: targetYear === null ? null : targetYear - 1, passage, part: passage ? passagePart(doc, passage) : null,
    own: ownRegionWords(doc), opening: reportOpening(text), ownAgain: ownRegionAgain(doc), thisYear: thisYearPattern(targetYear),
  };
  const out: Collected = { targets: [], actuals: [], commitments: [], otherTargets: [], otherActuals: [], stretchCandidates: new Set(), notSetMetrics: [] };
  const reader = new SentenceReader(d);
  for (const s of doc.sentences) {
    const sc = reader.read(s);
    if (!sc) continue;
    const { context, from, to, mentions } = sc;
    if (context !== 'review' && taxonomy.notSet.some((re) => re.test(sc.sentence))) {
      for (const m of mentions) out.notSetMetrics.push({ m, sentence: s.index, section: s.section, start: from, end: to });
    }
    const handled = new Set<MetricMention>();
    const used = new Set<number>();
    listFigures(d, sc, out, handled, used);
    for (let i = 0; i < mentions.length; i++) {
      const m = mentions[i];
      if (m.metric === 'other' || handled.has(m)) continue;
      const ms = mentionScope(d, sc, i);
      if (!ms) continue;
      const taken = mentionFigures(d, sc, ms, out, used);
      if (context === 'passage') qualitativeTarget(d, sc, m, taken, out);
    }
    if (context === 'tasks' || context === 'passage') out.commitments.push(...findCommitments(text, from, to, s.index, s.section));
    if (context === 'passage' || context === 'review') otherFigures(d, sc, out, used);
  }
  const { targets, actuals } = out;

  // "我们没有提出全年经济增速具体目标": an explicit absence, unless a figure was set after all
  for (const n of out.notSetMetrics) {
    const quantity = qualitativeQuantity(n.m, '增长') ?? 'growth';
    if (targets.some((t) => t.metric === n.m.metric && t.quantity === quantity && t.value !== null)) continue;
    for (let i = targets.length - 1; i >= 0; i--) if (targets[i].metric === n.m.metric && targets[i].quantity === quantity) targets.splice(i, 1);
    targets.push({
      kind: 'target', metric: n.m.metric, label: n.m.label, quantity, value: null, value2: null, unit: null, modifier: 'not_set',
      stretch: false, year: targetYear, estimated: false, start: n.m.start, end: n.end, sentence: n.sentence, section: n.section,
    });
  }

  // 力争 figures are stretch figures only beside a base figure for the same metric and quantity, in
  // the same paragraph: "力争新增城镇就业44万人以上" in one task section and another section's
  // "南疆…城镇新增就业11万人" are two targets, not a base and its stretch
  // and only when they go beyond it ("增长6%左右，力争达到6%以上" does; a park's "力争规模工业总产值增长10%以上"
  // after the city's "增长12%以上" is no stretch of it)
  const paragraphOf = (r: FigureRecord) => doc.sentences[r.sentence]?.paragraph;
  const beyond = (t: FigureRecord, base: FigureRecord) => {
    const [value, baseValue] = [toBase(t.value!, t.unit), toBase(base.value!, base.unit)];
    return value === baseValue ? t.modifier !== base.modifier : base.modifier === 'at_most' ? value < baseValue : value > baseValue;
  };
  for (const t of out.stretchCandidates) {
    if (targets.some((o) => o !== t && !out.stretchCandidates.has(o) && o.metric === t.metric && o.quantity === t.quantity && o.value !== null && paragraphOf(o) === paragraphOf(t) && t.value !== null && beyond(t, o))) t.stretch = true;
  }

  // the passage's figure for a metric wins over the task sections'
  const inPassage = (t: FigureRecord) => (passage && t.start >= passage.start && t.start < passage.end ? 0 : 1);
  targets.sort((a, b) => inPassage(a) - inPassage(b) || a.start - b.start);
  return {
    targetYear,
    targets: [...dedupe(targets, (t) => `${t.metric}|${t.quantity}|${t.stretch}`), ...out.otherTargets],
    actuals: [...dedupe(actuals, (a) => `${a.metric}|${a.quantity}|${a.year}`, (prev, a) => exactAfterMilestone(text, prev, a)), ...out.otherActuals],
    commitments: out.commitments,
  };
}

/**
 * One record per key: the first, which for targets is the passage's (it comes before the task
 * sections), unless `better` says a later one is.
 */
function dedupe(records: FigureRecord[], key: (r: FigureRecord) => string, better?: (prev: FigureRecord, r: FigureRecord) => boolean): FigureRecord[] {
  const seen = new Map<string, FigureRecord>();
  for (const r of records) {
    const k = key(r);
    const prev = seen.get(k);
    // a figure beats a qualitative statement of the same target
    if (!prev || (prev.value === null && r.value !== null && prev.modifier !== 'not_set') || better?.(prev, r)) seen.set(k, r);
  }
  return records.filter((r) => seen.get(key(r)) === r);
}

/** Words of a threshold passed: 突破2万亿元, 跨越千亿元大关, 迈上4万亿元新台阶. */
const MILESTONE_WORDS = /突破|跨越|超过|超|迈上|站上|跃上|跨上|迈过|越过/;

/**
 * "全年生产总值跃上2万亿元新台阶" and later "生产总值实现2.22万亿元": the level reached, not the
 * threshold passed, is last year's figure (a later figure far above the threshold is another's: a
 * total over the term, a district's)
 */
function exactAfterMilestone(text: string, prev: FigureRecord, r: FigureRecord): boolean {
  if (prev.quantity !== 'level' || prev.value === null || r.value === null || prev.value <= 0) return false;
  const words = (x: FigureRecord) => text.slice(x.start + x.label.length, x.end);
  if (!MILESTONE_WORDS.test(words(prev)) || MILESTONE_WORDS.test(words(r))) return false;
  if (/美元/.test(prev.unit ?? '') !== /美元/.test(r.unit ?? '')) return false;
  const ratio = toBase(r.value, r.unit) / toBase(prev.value, prev.unit);
  return ratio >= 1 && ratio < 1.5;
}

/** The verbs a quantified task opens with (in the alternation's order: 新开工 is tried before 新开). */
const COMMITMENT_VERBS = '新建|新增|建成|建设|改造|完成|实施|培育|引进|招引|打造|开工|新开工|提供|创建|发放|培训|认定|新改建|改扩建|整治|修复|新开|开通|建立|组建|推出|举办|落实|筹集|新植|植树|造林|治理|提升|盘活'.split('|');
const COMMITMENT = new StartIndexedPattern(
  new RegExp(`(${COMMITMENT_VERBS.join('|')})` + String.raw`([^，。；、：:\d]{1,16}?)((?:\d+(?:\.\d+)?|[一二两三四五六七八九十百千]+)(?:万|亿)?(?:个|座|所|家|项|条|公里|千米|亩|平方米|万平方米|套|户|辆|台|处|名|人次|人|场|张|千瓦|吨|棵|株|床|间|批|次|栋|幢))(?![\d%])`),
  COMMITMENT_VERBS,
);

/** Quantified tasks: 新建消防站3座, 新增学位1.1万个, 建成高标准农田8000亩. */
export function findCommitments(text: string, from: number, to: number, sentence: number, section: number | null): Commitment[] {
  const out: Commitment[] = [];
  const slice = text.slice(from, to);
  for (let m = COMMITMENT.find(slice); m; m = COMMITMENT.next(slice, m)) {
    const figure = findQuantities(m[3])[0];
    if (!figure) continue;
    out.push({
      action: m[1],
      object: m[2].replace(/^[“"（(]|[”"）)]$/g, ''),
      quantity: figure.value,
      unit: figure.unit,
      start: from + m.index,
      end: from + m.index + m[0].length,
      sentence,
      section,
    });
  }
  return out;
}
