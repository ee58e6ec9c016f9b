// The shapes a report takes on its way through gwr: bytes → RawDocument → NormalisedText →
// AnalysedDocument (metadata, sections, paragraphs, sentences) → extracted records → store.

export type Level = 'national' | 'province' | 'prefecture' | 'county';

export type SourceFormat = 'text' | 'markdown' | 'html' | 'docx' | 'pdf';

/** What a reader gives back: the text as found in the file, before any cleaning. */
export interface RawDocument {
  path: string;
  format: SourceFormat;
  /** Name of the character encoding the bytes were decoded from (utf-8, utf-16le, gb18030, …). */
  encoding: string;
  text: string;
  /** Attributes that came with the file, e.g. `title` and `source` from a Markdown front matter. */
  attributes: Record<string, string>;
  /** Markdown heading levels by line index in `text`, when the source marked them. */
  headingLevels?: Map<number, number>;
}

/** A government work report, or a statistics bureau's yearly communiqué (统计公报) of achieved figures. */
export type DocumentKind = 'report' | 'communique';

/** Metadata of one report. Every field may be null when the text does not state it. */
export interface DocumentMetadata {
  kind: DocumentKind;
  province: string | null;
  city: string | null;
  county: string | null;
  level: Level | null;
  /** GB/T 2260 code of the most specific region (6 digits), or null. */
  code: string | null;
  /** The year the report was delivered; for a communiqué, the year its figures are for. */
  year: number | null;
  /** Session date as YYYY-MM-DD when the text states it. */
  date: string | null;
  /** The people's congress session, e.g. 区五届人大三次会议. */
  meeting: string | null;
  speaker: string | null;
  /** The speaker's office, e.g. 区长, 市长, 国务院总理. */
  speakerTitle: string | null;
}

export type SectionRole = 'review' | 'targets' | 'tasks' | 'self_building' | 'glossary' | 'other';

export interface Section {
  index: number;
  /** Index of the enclosing section, or null for a top-level one. */
  parent: number | null;
  level: number;
  /** The numbering as written: 一、 （一） 1． … or '' for an unnumbered Markdown heading. */
  number: string;
  title: string;
  role: SectionRole;
  /** Character range in the normalised text, heading included, up to the next section of the same or a higher level. */
  start: number;
  end: number;
}

export interface Paragraph {
  index: number;
  section: number | null;
  start: number;
  end: number;
}

export interface Sentence {
  index: number;
  paragraph: number;
  section: number | null;
  start: number;
  end: number;
}

export interface AnalysedDocument {
  raw: RawDocument;
  /** The normalised text that every offset refers to. */
  text: string;
  /** The text before normalisation (after decoding and markup removal). */
  originalText: string;
  /** For each normalised offset i, the offset in originalText it came from (length text.length + 1). */
  offsetMap: Int32Array;
  /** True when the text was converted from traditional to simplified characters. */
  convertedFromTraditional: boolean;
  metadata: DocumentMetadata;
  title: string | null;
  sections: Section[];
  paragraphs: Paragraph[];
  sentences: Sentence[];
  warnings: string[];
  /** sha256 of the normalised text: two files with the same report are one document. */
  hash: string;
}
