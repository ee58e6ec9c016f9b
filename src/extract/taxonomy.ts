// The metric taxonomy (data/metrics.yaml) and modifier words (data/modifiers.yaml), and finding
// metric names in a sentence.
import { StartIndexedPattern } from '../text-search.ts';
import { readDataFile } from '../data-files.ts';
import type { UnitFamily } from '../numbers/quantities.ts';

export type MetricKind = 'amount' | 'share' | 'rate' | 'reduction';
export type Quantity = 'level' | 'growth' | 'reduction';

export interface MetricDef {
  id: string;
  kind: MetricKind;
  units: UnitFamily[];
  aliases: string[];
  growthAliases: string[];
  defaultQuantity: Quantity | null;
  /** A count of additions: in a look back over the term, its level is the term's total. */
  summed: boolean;
  /** An index taken month by month: 累计 right after its name is the year's ("居民消费价格累计上涨2.7%"). */
  accumulatesInYear: boolean;
}

interface MetricsFile {
  metrics: Array<{ id: string; kind: MetricKind; units: UnitFamily[]; aliases: string[]; growth_aliases?: string[]; default_quantity?: Quantity; summed?: boolean; accumulates_in_year?: boolean }>;
  shares: Array<{ id: string; numerator: string[]; denominator: string[] }>;
  left_context: string[];
  other_names: string[];
  short_names: { names: string[]; followed_by: string[] };
  zones: string[];
}

interface ModifiersFile {
  around: { after: string[]; before?: string[] };
  at_least: { after: string[]; before: string[] };
  at_most: { after: string[]; before: string[] };
  point: { before: string[] };
  stretch: { before: string[] };
  goal_in_review: string[];
  growth_words: string[];
  fall_words: string[];
  not_annual: string[];
  not_annual_patterns: string[];
  milestone_runs: string[];
  part_of_year: string[];
  part_of_year_patterns: string[];
  whole_year: string[];
  not_set: string[];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\&]/g, '\\$&');
const alternation = (words: string[]) => words.slice().sort((a, b) => b.length - a.length).map(escape).join('|');

/**
 * Whether text before a figure says the figure is not a year's: a multi-year phrase, or a part of the
 * year that the whole year does not follow, in the text or in `following` (the rest of the scope).
 */
function notAnnualTest(modifiers: ModifiersFile): { test: (text: string, following?: string) => boolean; partOfYear: (text: string, following?: string) => boolean } {
  const multiYear = new RegExp([alternation(modifiers.not_annual), ...modifiers.not_annual_patterns].join('|'));
  const partOfYear = new RegExp(`(${[alternation(modifiers.part_of_year), ...modifiers.part_of_year_patterns].join('|')})(?![^]*(${alternation(modifiers.whole_year)}))`);
  const ofPart = (text: string, following = '') => partOfYear.test(text) && partOfYear.test(text + following);
  return { test: (text, following = '') => multiYear.test(text) || ofPart(text, following), partOfYear: ofPart };
}

function load() {
  const file = readDataFile<MetricsFile>('metrics.yaml');
  const metrics = new Map<string, MetricDef>();
  const aliasToMetric = new Map<string, { metric: string; growthOnly: boolean }>();
  for (const m of file.metrics) {
    metrics.set(m.id, { id: m.id, kind: m.kind, units: m.units, aliases: m.aliases, growthAliases: m.growth_aliases ?? [], defaultQuantity: m.default_quantity ?? null, summed: m.summed ?? false, accumulatesInYear: m.accumulates_in_year ?? false });
    for (const a of m.aliases) aliasToMetric.set(a, { metric: m.id, growthOnly: false });
    for (const a of m.growth_aliases ?? []) aliasToMetric.set(a, { metric: m.id, growthOnly: true });
  }
  const otherNames = new Set(file.other_names);
  const names = [...aliasToMetric.keys(), ...otherNames];
  const aliasPattern = new StartIndexedPattern(new RegExp(alternation(names)), names);

  // Shares: "A占B(的)比重", A a numerator phrase or a metric alias, B a denominator.
  const numeratorWords = new Map<string, string>();
  const denominatorOf = new Map<string, Set<string>>();
  for (const s of file.shares) {
    for (const n of s.numerator) {
      const metric = metrics.get(n);
      const words = metric ? metric.aliases : [n];
      for (const w of words) numeratorWords.set(w, s.id);
    }
    denominatorOf.set(s.id, new Set(s.denominator));
  }
  const modifiers = readDataFile<ModifiersFile>('modifiers.yaml');
  return {
    metrics,
    aliasToMetric,
    aliasPattern,
    otherNames,
    numeratorWords,
    denominatorOf,
    numeratorPattern: new RegExp(`(${alternation([...numeratorWords.keys()])})$`),
    leftContext: new RegExp(`(${alternation(file.left_context)})$`),
    shortNames: new Set(file.short_names.names),
    /** A zone's name at the start of a text: up to 4 characters of its own name (三江, 洋浦) before the zone word. */
    zoneOpening: new RegExp(`^([\\u4e00-\\u9fa5]{0,4}?)(${alternation(file.zones)})`),
    shortNameFollowers: new RegExp(`^(${alternation(file.short_names.followed_by)})`),
    modifiers,
    aroundAfter: new RegExp(`^\\s*(${alternation(modifiers.around.after)})`),
    aroundBefore: new RegExp(`(${alternation(modifiers.around.before ?? [])})\\s*$`),
    atLeastAfter: new RegExp(`^\\s*(${alternation(modifiers.at_least.after)})`),
    atMostAfter: new RegExp(`^\\s*(${alternation(modifiers.at_most.after)})`),
    atLeastBefore: new RegExp(`(${alternation(modifiers.at_least.before)})\\s*$`),
    atMostBefore: new RegExp(`(${alternation(modifiers.at_most.before)})\\s*$`),
    stretchBefore: new RegExp(`(${alternation(modifiers.stretch.before)})`),
    goalInReview: new RegExp(alternation(modifiers.goal_in_review)),
    growthWords: new RegExp(alternation(modifiers.growth_words)),
    fallWords: new RegExp(alternation(modifiers.fall_words)),
    notAnnual: notAnnualTest(modifiers),
    milestoneRun: new RegExp(alternation(modifiers.milestone_runs)),
    notSet: modifiers.not_set.map((p) => new RegExp(p)),
  };
}

export const taxonomy = load();

export interface MetricMention {
  /** Canonical id, or 'other' for a share that is not in the taxonomy. */
  metric: string;
  label: string;
  start: number;
  end: number;
  /** The name is a growth word for the metric (经济增长 for GDP): only its growth can follow. */
  growthOnly: boolean;
  /** The mention is a share "A占B比重" (a % level). */
  share: boolean;
}

const SHARE = /(?:占|相当于)([^，。；、：:]{1,24}?)(?:的)?(?:比重|比例)/g;

/** Words of a clause before 占 that name no numerator of their own: verbs, and a bare measure (力争增加值占…). */
const NO_SUBJECT = /^(?:(?:力争|争取|确保|实现|推动|推进|促进|使|其中|全年|预计|并|且|同时|进一步|稳步|持续|逐步)+)?(?:增加值|总产值|产值|营业收入|收入|投入|支出|经费|规模|总量)?$/;

/**
 * Whether the clause that ends just before 占 names its own numerator ("高新技术产业增加值占GDP比重"):
 * then a share is not borrowed from a metric named earlier in the sentence ("…增加研发投入，…，
 * 高新技术产业增加值占GDP比重达10%" is no R&D intensity).
 */
function ownSubject(head: string): boolean {
  const clause = head.slice(clauseStart(head, 0, head.length));
  // a figure ends the subject's words: "达到1055亿元占…" borrows as "…，占…" does
  const words = clause.replace(/^.*[\d%]+[^\d\u4e00-\u9fa5]*[\u4e00-\u9fa5]{0,2}$/, '');
  return /[\u4e00-\u9fa5]/.test(words) && !NO_SUBJECT.test(words);
}

const CLAUSE_BREAK = /[，,；;。：:]/;

/** Where the clause that holds text[at - 1] starts, not before `from` (an enumeration "A、B占…" is one clause). */
export function clauseStart(text: string, from: number, at: number): number {
  for (let i = at - 1; i >= from; i--) if (CLAUSE_BREAK.test(text[i])) return i + 1;
  return from;
}

/** Head nouns a list of names may share ("农业、规模以上工业、服务业增加值"), and the longest item of such a list. */
const SHARED_HEADS = ['增加值'];
const SHARED_ITEM_MAX = 8;

/** The head noun a list's last name ends with and the names before it share (服务业增加值 → 增加值), if any. */
export function sharedHead(lastName: string): string | undefined {
  return SHARED_HEADS.find((h) => lastName.endsWith(h) && lastName.length > h.length);
}

/**
 * Metric names in text[from, to). A name directly after a Chinese character that is not one of the
 * allowed left-context words is part of a longer noun (生产性服务业增加值) and is not reported.
 * `previous` is the metric named just before the range, for elliptical shares (…，占地区生产总值比重4.1%).
 */
export function findMentions(text: string, from: number, to: number): MetricMention[] {
  const slice = text.slice(from, to);
  const mentions: MetricMention[] = [];

  for (let m = taxonomy.aliasPattern.find(slice); m; m = taxonomy.aliasPattern.next(slice, m)) {
    if (taxonomy.otherNames.has(m[0])) continue;
    const start = from + m.index;
    const end = start + m[0].length;
    const before = text.slice(Math.max(from, start - 6), start);
    const prevChar = before.slice(-1);
    if (prevChar && /[\u4e00-\u9fa5A-Za-z]/.test(prevChar) && !taxonomy.leftContext.test(before)) continue;
    // 工业增加值率, 生产总值比重: a rate or share of the metric, not the metric; 直接利用外资合同额, 利用外资新签协议金额: what was contracted
    if (/^(率|比重|占比|指数|弹性|能耗|密度|贡献|拉动|的贡献|的拉动|合同|协议|新签)/.test(text.slice(end, end + 3))) continue;
    // 进出口报关单: a short name that heads a longer noun
    if (taxonomy.shortNames.has(m[0]) && /^[\u4e00-\u9fa5]/.test(text.slice(end, end + 1)) && !taxonomy.shortNameFollowers.test(text.slice(end, end + 4))) continue;
    const { metric, growthOnly } = taxonomy.aliasToMetric.get(m[0])!;
    mentions.push({ metric, label: m[0], start, end, growthOnly, share: false });
  }


  SHARE.lastIndex = 0;
  for (let m = SHARE.exec(slice); m; m = SHARE.exec(slice)) {
    const denominator = m[1].replace(/^(全市|全区|全县|全省|全国|本市)/, '');
    const head = slice.slice(0, m.index);
    const num = taxonomy.numeratorPattern.exec(head);
    let metric = 'other';
    let labelStart = m.index;
    if (num) {
      const share = taxonomy.numeratorWords.get(num[1])!;
      labelStart = m.index - num[1].length;
      if (taxonomy.denominatorOf.get(share)?.has(denominator)) metric = share;
    } else {
      // elliptical: "全社会研发投入达到1055亿元，占地区生产总值比重达到4.1%" — the numerator is the metric named before
      // or the last numerator word earlier in the sentence: "…数字经济核心产业，力争增加值占地区生产总值比重达到17%";
      // from before the clause only when the clause names no numerator of its own
      const window = head.slice(-60);
      const clause = window.length - (head.length - clauseStart(head, 0, head.length));
      const borrows = !ownSubject(head);
      let best = -1;
      for (const [word, share] of taxonomy.numeratorWords) {
        const at = window.lastIndexOf(word);
        if (at > best && (borrows || at >= clause) && taxonomy.denominatorOf.get(share)?.has(denominator) && !/[。；]/.test(window.slice(at))) {
          best = at;
          metric = share;
        }
      }
    }
    const start = from + labelStart;
    const end = from + m.index + m[0].length;
    // a numerator that is itself a metric name was found as a mention already: the share replaces it
    for (let i = mentions.length - 1; i >= 0; i--) if (mentions[i].start >= start && mentions[i].start < end) mentions.splice(i, 1);
    mentions.push({ metric, label: text.slice(start, end), start, end, growthOnly: false, share: true });
    SHARE.lastIndex = m.index + m[0].length;
  }

  // "农业、规模以上工业、服务业增加值分别增长7%、11%和10.5%": the items before the last name share its
  // head noun; an item that makes a metric's name with it (规模以上工业 + 增加值) names that metric
  for (const last of [...mentions]) {
    const head = sharedHead(last.label);
    if (!head) continue;
    let end = last.start;
    while (end > from && /[、和及]/.test(text[end - 1])) {
      let start = end - 1;
      while (start > from && /[\u4e00-\u9fa5]/.test(text[start - 1]) && end - 1 - start < SHARED_ITEM_MAX) start--;
      const item = text.slice(start, end - 1);
      if (!item || (start > from && /[\u4e00-\u9fa5]/.test(text[start - 1]))) break;
      const named = taxonomy.aliasToMetric.get(item + head);
      if (named && !mentions.some((x) => x.start < end - 1 && x.end > start)) {
        mentions.push({ metric: named.metric, label: item + head, start, end: end - 1, growthOnly: false, share: false });
      }
      end = start;
    }
  }

  // "规模以上工业总产值4.43万亿元，增加值增长3.6%", "服务业质效提升，实现增加值9700亿元": 增加值 standing
  // alone is the value added of the sector named before it in the sentence.
  for (let at = slice.indexOf('增加值'); at !== -1; at = slice.indexOf('增加值', at + 3)) {
    const start = from + at;
    if (mentions.some((x) => start >= x.start && start < x.end)) continue;
    const prev = slice.slice(Math.max(0, at - 4), at);
    if (/[\u4e00-\u9fa5]$/.test(prev) && !/(实现|完成|达到|全年)$/.test(prev)) continue;
    if (/^(占|率)/.test(slice.slice(at + 3, at + 4))) continue;
    const sector = /(规模以上工业|规上工业|规模工业|服务业|第三产业|工业)(?!.*(规模以上工业|规上工业|规模工业|服务业|第三产业|工业))/.exec(slice.slice(0, at));
    if (!sector) continue;
    const metric = /服务业|第三产业/.test(sector[1]) ? 'service_value_added' : 'industrial_value_added';
    mentions.push({ metric, label: `${sector[1]}…增加值`, start, end: start + 3, growthOnly: false, share: false });
  }

  mentions.sort((a, b) => a.start - b.start);
  return mentions;
}
