// Metadata of a report from its title block and opening: region (via the gazetteer), level, session
// date, year, meeting and speaker. Pure: text in, metadata out.
import type { DocumentMetadata, Level } from '../types.ts';
import { gazetteer, type Region } from './gazetteer.ts';
import { parseChineseInteger } from '../numbers/chinese.ts';

export interface MetadataResult {
  metadata: DocumentMetadata;
  title: string | null;
  warnings: string[];
}

const DIGIT = '[0-9〇零○Ｏ０一二三四五六七八九十]';
const DATE = new RegExp(`(${DIGIT}{4})\\s*年\\s*(${DIGIT}{1,3})\\s*月\\s*(${DIGIT}{1,3})\\s*日`, 'g');
/** The session line: ——2024年1月8日在区五届人大三次会议上. A date followed by 在…会议/大会…上. */
// several days are written "1981年11月30日和12月1日在…", "1955年7月5日至6日在…": the first is the date
const SESSION = new RegExp(`(${DIGIT}{4})\\s*年\\s*(${DIGIT}{1,3})\\s*月\\s*(${DIGIT}{1,3})\\s*日(?:\\s*[和至到、—-]\\s*(?:${DIGIT}{1,3}\\s*月\\s*)?${DIGIT}{1,3}\\s*日)?\\s*(?:[(（]?\\s*)?在([^\\n。]{2,60}?(?:会议|大会|人大|会))\\s*上`);
/** A line that ends with a date in brackets: "河北省省长钮茂生（2002年1月24日）". */
const BRACKETED_DATE_LAST = new RegExp(`[（(]\\s*(${DIGIT}{4})\\s*年\\s*(${DIGIT}{1,3})\\s*月\\s*(${DIGIT}{1,3})\\s*日\\s*[）)]\\**$`);
/** Text that opens with a full date, perhaps in brackets: "（2007年1月22日司马义·铁力瓦尔地）", the rest of a
 * meeting line "…会议上（2013年1月25日）". */
const DATE_OPENING = new RegExp(`^[\\s*（(—]*(${DIGIT}{4})\\s*年\\s*(${DIGIT}{1,3})\\s*月\\s*(${DIGIT}{1,3})\\s*日`);
/** A meeting line without a date: ——在海口市第十七届人民代表大会第五次会议上 */
const MEETING = /在([^\n。，]{2,60}?(?:会议|大会))\s*上/;
const OFFICE = '(?:国务院)?代?总理|(?:代理|代)?(?:省|市|区|县|州|盟|旗)长|(?:自治区)?(?:人民政府)?代?主席|(?:管委会)?主任';
/** "…会议上 国务院副总理兼财政部长 李先念": groups 1 what comes before the office, 2 the office, 3 a joint office after it, 4 the name. */
const SPEAKER_LINE = new RegExp(`^(?:.*?会议上)?\\s*([^\\n]{0,24}?)(${OFFICE})((?:兼[\\u4e00-\\u9fa5]{1,12}?(?:部长|主任|主席|书记|局长|厅长))?)\\s*[:：]?\\s*([\\u4e00-\\u9fa5·•]{2,12})\\s*$`);
const NAME_ONLY = /^(?:[\u4e00-\u9fa5·•]{2,4}|[\u4e00-\u9fa5]{1,6}[·•][\u4e00-\u9fa5·•]{1,10})$/;
const NOT_A_NAME = /(报告|代表|会议|政府|工作|各位|人民|目录|前言)/;

/** The year of a title "2016年政府工作报告", "湖北省人民政府2016年工作报告", "…的政府工作报告（2013年）". */
function yearInTitle(title: string): number | null {
  const m = /((?:19|20)\d{2})\s*年[^\n]{0,20}工作报告|工作报告\s*[（(]((?:19|20)\d{2})\s*年?[）)]/.exec(title);
  return m ? Number(m[1] ?? m[2]) : null;
}

function year4(s: string): number {
  if (/^\d{4}$/.test(s)) return Number(s);
  const map: Record<string, string> = { 〇: '0', 零: '0', '○': '0', Ｏ: '0', '０': '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };
  return Number([...s].map((c) => map[c] ?? c).join(''));
}

function smallNumber(s: string): number {
  return /^\d+$/.test(s) ? Number(s) : parseChineseInteger(s) ?? NaN;
}

function isoDate(y: string, m: string, d: string): string | null {
  const year = year4(y);
  const month = smallNumber(m);
  const day = smallNumber(d);
  if (!(year >= 1949 && year <= 2100 && month >= 1 && month <= 12 && day >= 1 && day <= 31)) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The year of a part heading in the later three quarters of a report that names a year's work, not
 * its review ("二、2018年工作", "三、2013年的主要工作", "二、今后五年总体思路和2008年的工作"); the latest
 * when there are several. (A review titled "2013年主要工作" opens its report.)
 */
function yearOfLaterPart(text: string): number | null {
  let latest: number | null = null;
  const heading = /(?:^|\n)([^\n]{0,30})(?=\n)/g;
  for (let m = heading.exec(text); m; m = heading.exec(text)) {
    if (m.index < text.length / 4) continue;
    const line = m[1];
    const y = /((?:19|20)\d{2})\s*年(?:的)?(?:政府)?(?:主要|重点)?工作/.exec(line);
    if (!y || /回顾|总结|情况|成就|完成/.test(line) || /[。，；]/.test(line)) continue;
    latest = Math.max(latest ?? 0, Number(y[1]));
  }
  return latest;
}

/** The title block: everything up to and including the line in which the government presents its report. */
function headerOf(text: string): string {
  const limit = Math.min(text.length, 3000);
  const head = text.slice(0, limit);
  const present = /我(?:受[^，,]{0,10}委托，?)?代表[^\n]{0,60}(?:报告|作|向)/.exec(head);
  if (present) {
    const lineEnd = head.indexOf('\n', present.index);
    return head.slice(0, lineEnd === -1 ? limit : lineEnd);
  }
  const greeting = head.indexOf('各位代表');
  if (greeting !== -1) return head.slice(0, greeting + 40);
  // no greeting: the title block ends where the body begins, at a part heading or a paragraph (广州 1993
  // goes from "市长黎子流" to "一、五年工作的回顾", whose paragraphs name the province's government)
  const body = /\n(?:[一二三四五六七八九十]、|[^\n]{80})/.exec(head.slice(0, 600));
  return head.slice(0, body ? body.index : Math.min(limit, 600));
}

interface Candidate {
  region: Region;
  score: number;
}

/** Two-character county names (和县, 城区, 郊区) are common words: accept them only where they plainly name a place. */
function plausibleMention(text: string, at: number, region: Region): boolean {
  if (region.kind !== 'county' || region.name.length > 2) return true;
  const before = text.slice(Math.max(0, at - 8), at);
  const after = text.slice(at + region.name.length, at + region.name.length + 3);
  const g = gazetteer();
  const parent = g.prefectureOf(region) ?? g.provinceOf(region);
  return (before.endsWith(parent.name) || /(^|\n|在|代表)$/.test(before)) && /^(人民|第|政府|[一二三四五六七八九十])/.test(after);
}

function levelHint(fullHeader: string): Level | null {
  // addressee lines of a cover letter ("各区、县人民政府，市人民政府各工作部门：") say nothing of the report's level
  const header = fullHeader.replace(/(^|\n)[>\s*]*各[^\n]{0,60}[：:][^\n]*/g, '\n');
  // the State Council's own report: its premier, "我代表国务院", a session of the National People's Congress
  if (/国务院(副)?总理|我代表国务院|在第[^\n]{1,8}届全国人民代表大会/.test(header)) return 'national';
  // 区 of 自治区 is a province's, not a district's
  if (/(?<!自治)(区|县|旗)长|(?<!自治)(区|县|旗)人民政府|在(区|县|旗)[一二三四五六七八九十第]|(?<!自治)(区|县|旗)十?[一二三四五六七八九十]+届人/.test(header)) return 'county';
  if (/省长|自治区(人民政府)?主席|在省[一二三四五六七八九十第]|省人民政府/.test(header)) return 'province';
  if (/州长|盟长|行政公署|专员|市长|市人民政府|在市[一二三四五六七八九十第]/.test(header)) return 'prefecture';
  return null;
}

function resolveRegion(header: string, body: string, warnings: string[]): { region: Region | null; level: Level | null } {
  const g = gazetteer();
  const hint = levelHint(header);
  if (hint === 'national') return { region: null, level: 'national' };

  const mentions = g.findFullNames(header).filter((m) => plausibleMention(header, m.at, m.region));
  // Names are read left to right, longest first: a name that overlaps one starting before it, or
  // lies inside a longer one, is not a mention of its own (津市市 in 天津市市长, 州市 in 苏州市).
  mentions.sort((a, b) => a.at - b.at || b.length - a.length);
  const own: typeof mentions = [];
  let coveredTo = -1;
  let coveredFrom = -1;
  for (const m of mentions) {
    const end = m.at + m.length;
    if (m.at < coveredTo && !(m.at === coveredFrom && end === coveredTo)) continue;
    own.push(m);
    if (end > coveredTo) {
      coveredTo = end;
      coveredFrom = m.at;
    }
  }
  const named = new Set(own.map((m) => m.region.code));
  const bodyCount = (r: Region) => countOccurrences(body, r.name);

  const score = (r: Region): number => {
    let s = 10 * own.filter((m) => m.region === r).length;
    const pref = g.prefectureOf(r);
    if (r.kind !== 'province' && named.has(r.province)) s += 5;
    if (pref && named.has(pref.code)) s += 5;
    // the body settles ties between places of the same name (朝阳区 of 北京 or of 长春)
    s += Math.min(3, bodyCount(g.provinceOf(r)) * 0.2 + (pref ? bodyCount(pref) * 0.2 : 0));
    return s;
  };

  const best = (kind: string): Candidate | null => {
    let top: Candidate | null = null;
    for (const m of own) {
      if (m.region.kind !== kind) continue;
      const s = score(m.region);
      if (!top || s > top.score) top = { region: m.region, score: s };
    }
    return top;
  };

  const county = best('county');
  const prefecture = best('prefecture');
  const province = best('province');

  if (county && hint !== 'province' && !(hint === 'prefecture' && prefecture)) {
    // a county-level city speaks of its 市长 too; a prefecture named alone beside it is its parent
    return { region: county.region, level: 'county' };
  }
  if (hint === 'county') {
    // "在区五届人大三次会议上", "我代表区人民政府": the county is not named in the header; look for the
    // county named most often in the text, within the prefecture or province the header names.
    const within = prefecture?.region ?? province?.region ?? null;
    const found = countyFromBody(body, within);
    if (found) return { region: found, level: 'county' };
    warnings.push('the report is a county or district report, but its county could not be identified');
    if (prefecture) return { region: prefecture.region, level: 'county' };
  }
  if (prefecture && hint !== 'province') return { region: prefecture.region, level: 'prefecture' };
  if (province) return { region: province.region, level: 'province' };
  // The header names no place: fall back to the region most named in the text.
  const fromBody = regionFromBody(body, hint);
  if (fromBody) {
    warnings.push(`region inferred from mentions in the text (${fromBody.name})`);
    return { region: fromBody, level: fromBody.kind === 'county' ? 'county' : fromBody.kind };
  }
  return { region: null, level: hint };
}

function countOccurrences(text: string, needle: string): number {
  let n = 0;
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + needle.length)) n++;
  return n;
}

function countyFromBody(body: string, within: Region | null): Region | null {
  const g = gazetteer();
  let best: Region | null = null;
  let bestCount = 0;
  for (const r of g.regions) {
    if (r.kind !== 'county' || r.name.length < 3) continue;
    if (within && r.province !== within.province) continue;
    if (within?.kind === 'prefecture' && r.prefecture !== within.code) continue;
    const n = countOccurrences(body, r.name) + 0.5 * (r.aliases[1] ? countOccurrences(body, r.aliases[1]) : 0);
    if (n > bestCount) {
      best = r;
      bestCount = n;
    }
  }
  return bestCount >= 2 ? best : null;
}

function regionFromBody(body: string, hint: Level | null): Region | null {
  const g = gazetteer();
  const kind = hint === 'province' ? 'province' : hint === 'county' ? 'county' : 'prefecture';
  let best: Region | null = null;
  let bestCount = 0;
  for (const r of g.regions) {
    if (r.kind !== kind || r.name.length < 3) continue;
    const n = countOccurrences(body, r.name) + (r.aliases[1] ? 0.5 * countOccurrences(body, r.aliases[1]) : 0);
    if (n > bestCount) {
      best = r;
      bestCount = n;
    }
  }
  return bestCount >= 3 ? best : null;
}

/** A date or session line that ends with the name: "（2009年1月17日韩长赋）", "（…会议上韩俊）", "…会议上张左己". */
const NAME_AFTER_SESSION = /^[（(]?(?:.*?会议上|.*?日(?!在))(代?(?:省|市|区|县|州)长)?([\u4e00-\u9fa5]{2,4}?|[\u4e00-\u9fa5]{1,6}[·•][\u4e00-\u9fa5·•]{1,10})(?:讲话)?[）)]?$/;
/** "杨雄市长在上海市第十四届人民代表大会第一次会议上的政府工作报告", "关于印发叶牛平市长在…" */
const NAME_BEFORE_OFFICE = /(?:^|\n|印发|[：:，,》>])([\u4e00-\u9fa5·]{2,4}?)代?(市长|省长|区长|县长|州长|主席)在/;

/**
 * The speaker from the lines from the session line on (or from the top, when there is none), before
 * the greeting.
 */
function findSpeaker(lines: string[], sessionLine: number): { speaker: string | null; title: string | null } {
  const from = Math.max(0, sessionLine);
  for (let i = from; i < Math.min(lines.length, from + (sessionLine < 0 ? 6 : 4)); i++) {
    const line = lines[i].replace(/[*\s]/g, '');
    if (/^各位代表/.test(line)) break;
    const bracketed = NAME_AFTER_SESSION.exec(line);
    if (bracketed && !NOT_A_NAME.test(bracketed[2])) return { speaker: bracketed[2].replace(/•/g, '·'), title: bracketed[1] ?? null };
    // "（…会议上代市长郑松岩讲话）"
    // ("河北省省长 钮茂生（2002年1月24日）": the date after the name)
    let m = SPEAKER_LINE.exec(line.replace(/[（(][\d〇零一二三四五六七八九十○]{4}年[^（()）]{2,8}日[）)]$/, '').replace(/^[（(]|[）)]$/g, '').replace(/讲话$/, ''));
    // "甘肃省政协副主席兰州市市长张津梁": the office is the last one before the name
    for (let inner = m && SPEAKER_LINE.exec(m[4]); inner; inner = SPEAKER_LINE.exec(inner[4])) m = inner;
    if (m && !NOT_A_NAME.test(m[4])) {
      // "国务院副总理兼国家计划委员会主任", "国务院副总理兼财政部长": a joint office is kept whole, and a
      // deputy's office ("国务院副总理") is not the premier's
      // ("东莞市常务副市长": the office without the place)
      const deputy = /(?:国务院)?[^市省区县州府、，,]*副$/.exec(m[1]);
      const office = m[1].includes('兼') ? m[1] + m[2] + m[3] : deputy ? deputy[0] + m[2] + m[3] : m[2] + m[3];
      return { speaker: m[4].replace(/•/g, '·'), title: office };
    }
    // a name on a line of its own only after a session line: at the top, a short line may be a place
    if (sessionLine >= 0 && i > sessionLine && NAME_ONLY.test(line) && !NOT_A_NAME.test(line)) return { speaker: line, title: null };
  }
  return { speaker: null, title: null };
}

/** "中华人民共和国2023年国民经济和社会发展统计公报", "国家统计局关于1990年国民经济和社会发展的统计公报",
 * "…关于一九七八年国民经济计划执行结果的公报" (1978–1985) */
const COMMUNIQUE = new RegExp(`(?:((?:19|20)\\d{2})\\s*年[^\\n]{0,16}?统计公报|关于(${DIGIT}{4})\\s*年[^\\n]{0,20}?(?:统计公报|执行结果的公报))`);

function detectCommunique(text: string, attributes: Record<string, string>): MetadataResult | null {
  const head = `${attributes.title ?? ''}\n${text.slice(0, 400)}`;
  const m = COMMUNIQUE.exec(head);
  if (!m) return null;
  const warnings: string[] = [];
  const year = year4(m[1] ?? m[2]);
  DATE.lastIndex = 0;
  let date: string | null = null;
  for (let d = DATE.exec(text.slice(0, 600)); d; d = DATE.exec(text.slice(0, 600))) {
    const iso = isoDate(d[1], d[2], d[3]);
    if (iso && Number(iso.slice(0, 4)) > year) {
      date = iso;
      break;
    }
  }
  const titleLine = text.split('\n').find((l) => l.includes('统计公报')) ?? attributes.title ?? null;
  let metadata: DocumentMetadata = { kind: 'communique', province: null, city: null, county: null, level: 'national', code: null, year, date, meeting: null, speaker: null, speakerTitle: null };
  if (!/中华人民共和国|国家统计局|全国/.test(head)) {
    const { region, level } = resolveRegion(head, text.slice(0, 20000), warnings);
    const g = gazetteer();
    if (region) {
      const pref = region.kind === 'prefecture' ? region : g.prefectureOf(region);
      metadata = { ...metadata, level, province: g.provinceOf(region).name, city: pref?.name ?? null, county: region.kind === 'county' ? region.name : null, code: region.zone ? null : region.code };
    }
  }
  return { metadata, title: titleLine?.replace(/[*#]/g, '').trim() ?? null, warnings };
}

export function detectMetadata(text: string, attributes: Record<string, string>): MetadataResult {
  const communique = detectCommunique(text, attributes);
  if (communique) return communique;
  const warnings: string[] = [];
  const header = headerOf(text);
  const attrTitle = attributes.title ?? '';
  const lines = header.split('\n');

  // Session date and meeting: "——2024年1月8日在区五届人大三次会议上", or the meeting line with the
  // date on a line of its own beside it: "在厦门市第十二届人民代表大会第三次会议上" / "（2005年2月22日）".
  let date: string | null = null;
  let meeting: string | null = null;
  let sessionLine = -1;
  for (let i = 0; i < lines.length; i++) {
    const m = SESSION.exec(lines[i]);
    if (m) {
      date = isoDate(m[1], m[2], m[3]);
      meeting = m[4].replace(/^\s+/, '');
      sessionLine = i;
      break;
    }
    const bare = MEETING.exec(lines[i]);
    if (bare) {
      meeting = bare[1];
      sessionLine = i;
      // "——在2013年1月23日山西省第十二届人民代表大会第一次会议上": the date inside the meeting phrase
      const inside = DATE_OPENING.exec(meeting);
      if (inside) {
        date = isoDate(inside[1], inside[2], inside[3]);
        meeting = meeting.slice(inside.index + inside[0].length).replace(/^[\s,，]+/, '');
        break;
      }
      // the date after the meeting on its line ("…第一次会议上（2013年1月25日）"), or on a line beside it
      // or after the speaker's line (河北 2011: meeting, "河北省省长 陈全国", "（2011年1月12日）")
      for (const j of [i, i + 1, i + 2, i - 1]) {
        const near = j === i ? lines[i].slice(bare.index + bare[0].length) : (lines[j] ?? '');
        DATE.lastIndex = 0;
        // on the meeting's line the date must come right after it; a line beside it must hold little else
        const d = j === i ? DATE_OPENING.exec(near) : near.replace(/[\s*（）()—]/g, '').length <= 14 ? DATE.exec(near) : null;
        if (d) {
          date = isoDate(d[1], d[2], d[3]);
          if (j === i + 1) sessionLine = j;
          break;
        }
      }
      break;
    }
  }
  // Title: the first line if it names the report, else the file's title attribute.
  const firstLine = text.slice(0, text.indexOf('\n') === -1 ? text.length : text.indexOf('\n')).trim();
  const title = /报告/.test(firstLine) && firstLine.length <= 60 ? firstLine.replace(/——.*$/, '') : attrTitle || null;

  const titledYear = yearInTitle(`${title ?? ''}\n${attrTitle}`);
  if (!date) {
    // a line of the header that opens with the date ("（2007年1月22日司马义·铁力瓦尔地）", "（2014年1月11日长沙市
    // 第十四届人民代表大会第二次会议通过）") or ends with it in brackets ("河北省省长钮茂生（2002年1月24日）")
    for (const line of lines.slice(0, 8)) {
      const d = DATE_OPENING.exec(line) ?? BRACKETED_DATE_LAST.exec(line);
      if (!d) continue;
      // a date that is no session's and years away from the title's is a slip of the source (江苏 2003: "（2010年2月20日 梁保华）")
      const found = isoDate(d[1], d[2], d[3]);
      if (found && titledYear !== null && Math.abs(Number(found.slice(0, 4)) - titledYear) > 1) warnings.push(`date ${found} left out: the title says ${titledYear}`);
      else date = found;
      break;
    }
  }
  if (!date) {
    // a date in the title attribute, as in "嘉兴市政府工作报告（2023年2月27日 李军）"
    DATE.lastIndex = 0;
    const m = DATE.exec(attrTitle);
    if (m) date = isoDate(m[1], m[2], m[3]);
  }

  let { speaker, title: speakerTitle } = findSpeaker(lines, sessionLine);
  if (!speaker) {
    // (the title is normalised: the space between the date and the name may be gone)
    const m = /日\s*([\u4e00-\u9fa5·]{2,6})\s*[)）]/.exec(attrTitle);
    if (m && !NOT_A_NAME.test(m[1])) speaker = m[1];
  }
  if (!speaker) {
    const m = NAME_BEFORE_OFFICE.exec(`${lines.slice(0, 3).join('\n')}\n${attrTitle}`);
    if (m && !NOT_A_NAME.test(m[1])) ({ 1: speaker, 2: speakerTitle } = m);
  }

  // Without a date, the year of the review heading ("2008年工作回顾": the report of 2009) comes before
  // the year in the title: sources often title a report by the year it reviews.
  let year = date ? Number(date.slice(0, 4)) : null;
  if (year === null) {
    // ("一、“十四五”时期和2025年工作回顾": the year may come after the plan's period)
    const review = /(?:^|\n)[^\n]{0,14}((?:19|20)\d{2})\s*年[^\n]{0,12}(?:工作)?(?:回顾|总结)/.exec(text.slice(0, 8000));
    if (review) {
      year = Number(review[1]) + 1;
      if (titledYear === null) warnings.push('year inferred from the review heading');
      else if (titledYear !== year) warnings.push(`year ${year} from the review heading of ${review[1]}, not ${titledYear} as the title says`);
    } else if (titledYear !== null) {
      year = titledYear;
      // a title by the year reviewed, as above, shows in a later part on the next year's work ("三、2006年工作"
      // in 四川's report titled 2005)
      if (yearOfLaterPart(text) === titledYear + 1) {
        year = titledYear + 1;
        warnings.push(`year ${year} from the heading of the year's tasks, not ${titledYear} as the title says`);
      }
    } else {
      // last, a heading of this year's part: "二、2023年工作总体要求和主要目标", "三、2026年重点工作安排",
      // "三、2011年政府工作主要安排"
      // (not "2013年主要工作", which in a 2014 report is the review)
      const plan = /(?:^|\n)[^\n]{0,14}((?:19|20)\d{2})\s*年[^\n]{0,8}(?:总体要求|主要目标|重点工作|工作重点|工作安排|主要安排|主要任务|工作任务|工作建议)/.exec(text.slice(0, 40000));
      if (plan) {
        year = Number(plan[1]);
        warnings.push("year inferred from the heading of the year's tasks");
      } else {
        year = yearOfLaterPart(text);
        if (year !== null) warnings.push("year inferred from the heading of the year's tasks");
      }
    }
  }
  if (year === null) warnings.push('no year found');

  const body = text.length > 200000 ? text.slice(0, 200000) : text;
  const { region, level } = resolveRegion(`${header}\n${attrTitle}`, body, warnings);
  const g = gazetteer();
  let province: string | null = null;
  let city: string | null = null;
  let county: string | null = null;
  let code: string | null = null;
  if (region) {
    province = g.provinceOf(region).name;
    const pref = region.kind === 'prefecture' ? region : g.prefectureOf(region);
    city = pref?.name ?? null;
    county = region.kind === 'county' ? region.name : null;
    code = region.zone ? null : region.code;
    if (region.zone) warnings.push(`${region.name} is a development zone: it has no GB/T 2260 code`);
  } else if (level !== 'national') {
    warnings.push('no region found');
  }

  return {
    metadata: { kind: 'report', province, city, county, level, code, year, date, meeting, speaker, speakerTitle },
    title,
    warnings,
  };
}

/**
 * The year a report sets targets for: its own year, or the next when it was delivered in November
 * or December of its year (兰州 2011-11-15: "2012年是新一届政府的开局之年…主要预期目标是"). A
 * communiqué's figures are for its own year, which plays the part of the review year.
 */
export function targetYearOf(metadata: Pick<DocumentMetadata, 'year' | 'date' | 'kind'>): number | null {
  const { year, date, kind } = metadata;
  if (year === null) return null;
  if (kind === 'communique') return year + 1;
  if (date && (date.slice(5, 7) === '11' || date.slice(5, 7) === '12') && Number(date.slice(0, 4)) === year) return year + 1;
  return year;
}
