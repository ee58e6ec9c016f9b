// Glossary entries (名词解释) and numbered slogans (“四个走在前”, “1030产业体系”, “两重两新”) with the
// explanation the report gives. Pure: text and structure in, entries out.
import type { AnalysedDocument } from '../types.ts';

export interface GlossaryEntry {
  term: string;
  explanation: string;
  start: number;
  end: number;
}

export interface Slogan {
  slogan: string;
  /** Times it is written in quotation marks in the report. */
  count: number;
  /** Offset of its first occurrence. */
  start: number;
  explanation: string | null;
}

const ENTRY = /^(?:\d{1,3}[.．、]|[〔[（(【]\d{1,3}[〕\]）)】]|[①-⑳])?\s*([^：:。；，,]{1,30}?)\s*[：:]\s*(.+)$/;

/** Entries of the report's glossary part: "9．“0620”产业体系：新一代信息技术、…". */
export function glossaryEntries(doc: Pick<AnalysedDocument, 'text' | 'sections' | 'paragraphs'>): GlossaryEntry[] {
  const out: GlossaryEntry[] = [];
  for (const p of doc.paragraphs) {
    if (p.section === null || doc.sections[p.section].role !== 'glossary') continue;
    const line = doc.text.slice(p.start, p.end);
    const m = ENTRY.exec(line);
    if (!m) continue;
    const term = m[1].replace(/[“”"]/g, '').trim();
    if (!term || /^(注|说明|附)/.test(term)) continue;
    out.push({ term, explanation: m[2].trim(), start: p.start, end: p.end });
  }
  return out;
}

/** A slogan is short, quoted, and counts something: a digit or a Chinese numeral. */
const QUOTED = /“([^“”\n]{2,14})”/g;
const NUMBERED = /[0-9一二三四五六七八九十两百千万双]/;

export function slogans(doc: Pick<AnalysedDocument, 'text' | 'sections' | 'paragraphs'>): Slogan[] {
  const { text } = doc;
  const glossary = new Map<string, string>();
  for (const e of glossaryEntries(doc)) glossary.set(e.term, e.explanation);
  const found = new Map<string, Slogan>();
  for (let m = QUOTED.exec(text); m; m = QUOTED.exec(text)) {
    const slogan = m[1];
    if (!NUMBERED.test(slogan) || /^[\d.%]+$/.test(slogan) || /[，。；：]/.test(slogan)) continue;
    const seen = found.get(slogan);
    if (seen) {
      seen.count++;
      continue;
    }
    found.set(slogan, { slogan, count: 1, start: m.index, explanation: null });
  }
  for (const s of found.values()) {
    // an entry for the slogan, or for a pair it is part of (“两重”“两新” → 两重两新)
    s.explanation = glossary.get(s.slogan) ?? [...glossary].find(([term]) => term.includes(s.slogan) && term.length <= 2 * s.slogan.length + 2)?.[1] ?? inlineExplanation(text, s.slogan);
  }
  return [...found.values()].sort((a, b) => a.start - b.start);
}

/** "“两重”（国家重大战略实施和重点领域安全能力建设）", "“三基三主”，即…": an explanation right after a slogan. */
function inlineExplanation(text: string, slogan: string): string | null {
  const quoted = `“${slogan}”`;
  for (let at = text.indexOf(quoted); at !== -1; at = text.indexOf(quoted, at + 1)) {
    const after = text.slice(at + quoted.length, at + quoted.length + 120);
    const paren = /^[（(]([^）)]{4,100})[）)]/.exec(after);
    if (paren) return paren[1];
    const namely = /^[，,]?\s*即([^。；]{4,100})/.exec(after);
    if (namely) return namely[1];
  }
  return null;
}
