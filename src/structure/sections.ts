// Sections, paragraphs and sentences of a normalised report, all as character ranges. Each line of
// normalised text is a paragraph; headings are found from their numbering (一、 （一） 1． （1）),
// Markdown heading marks, and short unnumbered part titles (2023年工作回顾).
import type { Paragraph, Section, SectionRole, Sentence } from '../types.ts';
import { readDataFile } from '../data-files.ts';

interface SectionsFile {
  roles: Array<{ role: SectionRole; pattern: string }>;
  unnumberedHeading: string;
  periods: { multiYear: string; pastPeriod: string; startYear: string; termGoals: string };
}
const sectionData = (() => {
  const raw = readDataFile<SectionsFile>('sections.json');
  return {
    roles: raw.roles.map((r) => ({ role: r.role, re: new RegExp(r.pattern) })),
    unnumbered: new RegExp(raw.unnumberedHeading),
    periods: { multiYear: new RegExp(raw.periods.multiYear), pastPeriod: new RegExp(raw.periods.pastPeriod), startYear: new RegExp(raw.periods.startYear), termGoals: new RegExp(raw.periods.termGoals) },
  };
})();

/**
 * Titles about more than one year (data/sections.json, periods): one that names several years or a
 * plan period, one that looks back on such a period, one about the period's first year; and the words
 * that introduce the goals of the government's term.
 */
export const periodTitles: { multiYear: RegExp; pastPeriod: RegExp; startYear: RegExp; termGoals: RegExp } = sectionData.periods;

/**
 * The role of a part from its heading. With the year the report sets targets for, a heading that
 * names only earlier years is the review, whatever its words: "2013年主要工作" in a 2014 report,
 * "全面完成2003年各项预期目标" in a 2004 one, "回首2019，西宁发展迈出坚实步伐" in a 2020 one. A heading
 * of no other role that names only the year the targets are for is the year's tasks.
 */
export function roleOfHeading(title: string, targetYear: number | null = null): SectionRole | null {
  const found = sectionData.roles.find(({ re }) => re.test(title))?.role ?? null;
  if (targetYear !== null && found !== 'glossary' && found !== 'self_building') {
    // (a year stands without 年 before a comma or at the end: "感恩前行 笃行实干的2022", "回首2019，…")
    const years = [...title.matchAll(/(?<!\d)((?:19|20)\d{2})(?:\s*年|(?=[，,：:、\s]|$))/g)].map((m) => Number(m[1]));
    if (years.length && years.every((y) => y < targetYear)) return 'review';
    // and one whose words say nothing else that names only this year is its work: "牢记嘱托踔厉奋发的2023"
    if (found === null && years.length && years.every((y) => y === targetYear)) return 'tasks';
  }
  return found;
}

const NUMBERINGS: Array<{ re: RegExp; level: number }> = [
  { re: /^第[一二三四五六七八九十]+部分[、，.．：:\s]*/, level: 1 },
  { re: /^[一二三四五六七八九十]{1,3}[、.．](?![一二三四五六七八九十](?:[、，,.．]|产|类|级))/, level: 1 },
  { re: /^[（(][一二三四五六七八九十]{1,3}[）)][、.．]?/, level: 2 },
  { re: /^\d{1,2}[、.．](?!\d)/, level: 3 },
  { re: /^[（(]\d{1,2}[）)][、.．]?/, level: 4 },
];

interface Heading {
  level: number;
  number: string;
  title: string;
  /** True when the heading is the first sentence of a longer paragraph, not a line of its own. */
  inline: boolean;
}

const TERMINAL = /[。！？!?]/;
/** A figure with its unit: 8.6%, 2458.8亿元, 3个百分点. */
const FIGURE = /\d(?:\.\d+)?\s*(?:%|‰|个?百分点|[万亿]|元|吨|人)/;

export function detectHeading(line: string, markdownLevel: number | undefined): Heading | null {
  for (const { re, level } of NUMBERINGS) {
    const m = re.exec(line);
    if (!m) continue;
    const rest = line.slice(m[0].length);
    if (!rest || (/^\d/.test(m[0]) && /^[\d%]/.test(rest))) return null;
    const stop = rest.search(TERMINAL);
    if (stop === -1 || stop === rest.length - 1) {
      // 一、 and （一） open a heading even when it is long ("二、展望2023年，我们要乘势而上、接续奋斗，…");
      // 1. and （1） do so only when short, as they also number list items
      if (line.length > (level <= 2 ? 100 : 60) && markdownLevel === undefined) return null;
      // "（一）国民经济实现较快增长全省生产总值完成2458.8亿元，比上年增长8.6%，…。": a heading that goes on
      // with figures is also the paragraph they are in; its first clause is the title
      const comma = rest.search(/[，,；;]/);
      if (comma > 0 && FIGURE.test(rest.slice(comma))) return { level, number: m[0].trim(), title: rest.slice(0, comma), inline: true };
      return { level, number: m[0].trim(), title: rest.replace(/[。：:]$/, ''), inline: false };
    }
    // "1．持续巩固经济回升向好态势。招商引资势头良好。…": the first sentence is the heading
    if (stop <= 40) return { level, number: m[0].trim(), title: rest.slice(0, stop), inline: true };
    return null;
  }
  const short = line.length <= 40 && !/[。；;，,：:]$/.test(line) && !TERMINAL.test(line);
  if (markdownLevel !== undefined && short) return { level: 0, number: '', title: line, inline: false };
  if (short && line.length <= 30 && sectionData.unnumbered.test(line) && !/^[—-]/.test(line)) {
    return { level: 0, number: '', title: line, inline: false };
  }
  return null;
}

export interface Structure {
  sections: Section[];
  paragraphs: Paragraph[];
  sentences: Sentence[];
}

/** Sentences end at 。！？ (with any closing quote); very long runs without an end are cut at a comma. */
export function splitSentences(text: string, start: number, end: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let s = start;
  for (let i = start; i < end; i++) {
    const ch = text[i];
    let stop = -1;
    if (ch === '。' || ch === '！' || ch === '？' || ch === '!' || ch === '?') {
      stop = i + 1;
      while (stop < end && /[”’」』）)]/.test(text[stop])) stop++;
    } else if (i - s >= 600 && (ch === '；' || ch === '，' || ch === ',' || ch === ' ') ) {
      stop = i + 1;
    } else if (i - s >= 2000) {
      stop = i + 1;
    }
    if (stop !== -1) {
      out.push([s, stop]);
      s = stop;
      i = stop - 1;
    }
  }
  if (s < end) out.push([s, end]);
  return out.filter(([a, b]) => text.slice(a, b).trim().length > 0);
}

/** `targetYear`: the year the report sets targets for, when known (see roleOfHeading). */
export function analyseStructure(text: string, headingLevels: Map<number, number>, titleLineEnd: number, targetYear: number | null = null): Structure {
  const sections: Section[] = [];
  const paragraphs: Paragraph[] = [];
  const sentences: Sentence[] = [];
  const open: Section[] = [];
  let pos = 0;
  while (pos < text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl === -1) nl = text.length;
    const line = text.slice(pos, nl);
    let heading = pos >= titleLineEnd && line ? detectHeading(line, headingLevels.get(pos)) : null;
    // inside a glossary, "9．“0620”产业体系：…" is an entry, not a heading
    const glossary = open.find((o) => o.role === 'glossary');
    if (heading && glossary && heading.level > glossary.level && heading.number) heading = null;
    if (heading) {
      while (open.length && open[open.length - 1].level >= heading.level) open.pop()!.end = pos;
      const parent = open.length ? open[open.length - 1] : null;
      const role = (heading.level <= 1 || !parent ? roleOfHeading(heading.title, targetYear) : null) ?? parent?.role ?? 'other';
      const section: Section = {
        index: sections.length,
        parent: parent ? parent.index : null,
        level: heading.level,
        number: heading.number,
        title: heading.title,
        role,
        start: pos,
        end: text.length,
      };
      sections.push(section);
      open.push(section);
    }
    if (line && !(heading && !heading.inline)) {
      const section = open.length ? open[open.length - 1].index : null;
      const paragraph: Paragraph = { index: paragraphs.length, section, start: pos, end: nl };
      paragraphs.push(paragraph);
      for (const [s, e] of splitSentences(text, pos, nl)) {
        sentences.push({ index: sentences.length, paragraph: paragraph.index, section, start: s, end: e });
      }
    }
    pos = nl + 1;
  }
  return { sections, paragraphs, sentences };
}
