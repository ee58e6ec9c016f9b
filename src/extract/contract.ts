// The JSON that `gwr extract --json` prints, as shared/spec/extraction-contract.md defines it.
// Offsets are in Unicode code points of the normalised text (what Python's str slicing uses); each
// record also carries `text`, the normalised text it points at, so it can be checked without the text.
import type { AnalysedDocument } from '../types.ts';
import type { Extraction, FigureRecord } from './extract.ts';

export interface ContractDocument {
  province: string | null;
  city: string | null;
  county: string | null;
  level: string | null;
  year: number | null;
  date: string | null;
  speaker: string | null;
  [extra: string]: unknown;
}

export interface ContractOutput {
  document: ContractDocument;
  targets: Array<Record<string, unknown>>;
  actuals: Array<Record<string, unknown>>;
  commitments: Array<Record<string, unknown>>;
}

/** Converts UTF-16 offsets to code point offsets (identical unless the text has characters outside the BMP). */
export function codePointOffsets(text: string): (i: number) => number {
  let astral = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      astral = true;
      break;
    }
  }
  if (!astral) return (i) => i;
  const table = new Int32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    table[i] = cp;
    const c = text.charCodeAt(i);
    if (!(c >= 0xdc00 && c <= 0xdfff && i > 0 && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff)) cp++;
  }
  table[text.length] = cp;
  return (i) => table[i];
}

export function toContract(doc: AnalysedDocument, x: Extraction): ContractOutput {
  const cp = codePointOffsets(doc.text);
  const m = doc.metadata;
  const target = (t: FigureRecord) => ({
    metric: t.metric, label: t.label, quantity: t.quantity, value: t.value, value2: t.value2, unit: t.unit,
    modifier: t.modifier, stretch: t.stretch, year: t.year, start: cp(t.start), end: cp(t.end), text: doc.text.slice(t.start, t.end),
  });
  const actual = (a: FigureRecord) => ({
    metric: a.metric, label: a.label, quantity: a.quantity, value: a.value, unit: a.unit, year: a.year,
    estimated: a.estimated, start: cp(a.start), end: cp(a.end), text: doc.text.slice(a.start, a.end),
  });
  return {
    document: {
      province: m.province, city: m.city, county: m.county, level: m.level, year: m.year, date: m.date, speaker: m.speaker,
      code: m.code, meeting: m.meeting, speaker_title: m.speakerTitle, title: doc.title, kind: m.kind, target_year: x.targetYear,
    },
    targets: x.targets.map(target),
    actuals: x.actuals.map(actual),
    commitments: x.commitments.map((c) => ({ ...c, start: cp(c.start), end: cp(c.end), sentence: undefined, section: undefined, text: doc.text.slice(c.start, c.end) })),
  };
}
