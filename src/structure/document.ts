// The whole analysis of one report, from a RawDocument to an AnalysedDocument. Pure: no I/O.
import { createHash } from 'node:crypto';
import type { AnalysedDocument, DocumentMetadata, RawDocument } from '../types.ts';
import { normaliseText } from '../normalize/normalize.ts';
import { detectMetadata, targetYearOf } from './metadata.ts';
import { analyseStructure } from './sections.ts';

/** Where the title block ends: after the greeting (各位代表：) when there is one near the top. */
function titleBlockEnd(text: string): number {
  const greeting = /(^|\n)\**(各位代表|同志们)[^\n]{0,12}\n/.exec(text.slice(0, 3000));
  if (greeting) return greeting.index + greeting[0].length;
  const firstLine = text.indexOf('\n');
  return firstLine === -1 ? 0 : firstLine + 1;
}

/**
 * A title that is the same text twice in a row, once: "2024年广州市政府工作报告2024年广州市政府工作报告",
 * a web page's title and its heading run together (34 of the 2,653 titles of ../shared/reports).
 */
function onceIfTwice(title: string): string {
  const half = title.length / 2;
  return Number.isInteger(half) && half >= 4 && title.slice(0, half) === title.slice(half) ? title.slice(0, half) : title;
}

export function analyseDocument(raw: RawDocument, overrides: Partial<DocumentMetadata> = {}): AnalysedDocument {
  const norm = normaliseText(raw.text, { markdown: raw.format === 'markdown' || raw.format === 'text' || raw.format === 'html' });
  const warnings: string[] = [];
  if (norm.convertedFromTraditional) warnings.push('converted from traditional to simplified characters');
  if (/replaced|mixed/.test(raw.encoding)) warnings.push(`decoded as ${raw.encoding}`);
  // the file's title (front matter, HTML <title>) is read as the text is: full-width digits, traditional characters
  const attributes = raw.attributes.title ? { ...raw.attributes, title: onceIfTwice(normaliseText(raw.attributes.title).text) } : raw.attributes;
  const meta = detectMetadata(norm.text, attributes);
  warnings.push(...meta.warnings);
  const metadata: DocumentMetadata = { ...meta.metadata };
  for (const [k, v] of Object.entries(overrides)) if (v !== undefined) (metadata as unknown as Record<string, unknown>)[k] = v;
  const structure = analyseStructure(norm.text, norm.headingLevels, titleBlockEnd(norm.text), targetYearOf(metadata));
  if (structure.sections.length === 0) warnings.push('no section headings found');
  return {
    raw,
    text: norm.text,
    originalText: raw.text,
    offsetMap: norm.map,
    convertedFromTraditional: norm.convertedFromTraditional,
    metadata,
    title: meta.title,
    ...structure,
    warnings,
    hash: createHash('sha256').update(norm.text).digest('hex'),
  };
}
