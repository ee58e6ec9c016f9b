// Turning analysed documents into what the store writes: plain data (it crosses from the ingest
// workers to the one writer), with the character pairs of the whole batch already collected for
// the search postings.
import type { AnalysedDocument, DocumentMetadata, Section } from '../types.ts';
import { SENTENCE_FIELDS, packParagraphs, packSentences } from '../structure/packed.ts';
import type { Extraction } from '../extract/extract.ts';
import { mapToRuns, originalDelta, type OriginalDelta } from '../normalize/mapped-text.ts';
import { SegmentBuilder, type PairOccurrences } from './pair-index.ts';
import { countDictionaries, dictionaryVersion, packCounts, type CountInput, type PackedCounts } from '../analysis/dictionary-counts.ts';
import { bundledDictionaries } from '../analysis/words.ts';

/** The bundled dictionaries' counts in a document, packed as they are stored, each with its dictionary's version. */
export function bundledTermCounts(doc: CountInput): Array<{ version: string; counts: PackedCounts }> {
  const dictionaries = bundledDictionaries();
  return countDictionaries(doc, dictionaries).map((counts, i) => ({ version: dictionaryVersion(dictionaries[i]), counts: packCounts(counts, dictionaries[i]) }));
}

export interface PreparedDocument {
  /** sha256 of the normalised text: the document's identity. */
  hash: string;
  /** sha256 of the file's bytes, when it came from a file: a re-run skips such a file unread. */
  sourceHash: string | null;
  path: string;
  format: string;
  encoding: string;
  title: string | null;
  source: string | null;
  attributes: Record<string, string>;
  metadata: DocumentMetadata;
  traditional: boolean;
  warnings: string[];
  text: string;
  /** The original text, as its difference from `text`. */
  original: OriginalDelta;
  /** The offset map as runs (see mapToRuns). */
  runs: Int32Array;
  sections: Section[];
  /** Packed, see packParagraphs. */
  paragraphs: Int32Array;
  /** Packed, see packSentences: sentence i is the document's sentence of index i. */
  sentences: Int32Array;
  /** Ordinal of the document's first sentence in its batch: its sentence ids are the batch base + ordinal. */
  firstOrdinal: number;
  /** Figures and commitments, or null when extraction was not asked for. */
  extraction: Extraction | null;
  /** The bundled dictionaries' hits, by dictionary version; null when they are still to be counted. */
  termCounts: Array<{ version: string; counts: PackedCounts }> | null;
}

export interface PreparedBatch {
  documents: PreparedDocument[];
  /** Sentences in the batch: the number of sentence ids the writer reserves for it. */
  sentenceCount: number;
  /**
   * The batch's character pairs and the sentences they occur in: the writer turns them into search
   * postings (see pair-index.ts). Null when they are left to the writer to collect.
   */
  pairs: PairOccurrences | null;
}

export interface BatchItem {
  doc: AnalysedDocument;
  extraction?: Extraction | null;
  sourceHash?: string | null;
  /** Counted when left out; null leaves the counting to the writer's thread (see pipeline.ts). */
  termCounts?: PreparedDocument['termCounts'];
}

/** With `pairs` false, the batch's search pairs are left to the writer (see pipeline.ts). */
export function prepareBatch(items: BatchItem[], opts: { pairs?: boolean } = {}): PreparedBatch {
  let ordinals = 0;
  const documents = items.map(({ doc, extraction = null, sourceHash = null, termCounts }): PreparedDocument => {
    const firstOrdinal = ordinals;
    ordinals += doc.sentences.length;
    const sentences = packSentences(doc.sentences);
    return {
      hash: doc.hash,
      sourceHash,
      path: doc.raw.path,
      format: doc.raw.format,
      encoding: doc.raw.encoding,
      title: doc.title,
      source: doc.raw.attributes.source ?? null,
      attributes: doc.raw.attributes,
      metadata: doc.metadata,
      traditional: doc.convertedFromTraditional,
      warnings: doc.warnings,
      text: doc.text,
      original: originalDelta(doc.text, doc.originalText, doc.offsetMap),
      runs: mapToRuns(doc.offsetMap),
      sections: doc.sections,
      paragraphs: packParagraphs(doc.paragraphs),
      sentences,
      firstOrdinal,
      extraction,
      termCounts: termCounts === undefined ? bundledTermCounts({ text: doc.text, sentences, sections: doc.sections }) : termCounts,
    };
  });
  return { documents, sentenceCount: ordinals, pairs: opts.pairs === false ? null : collectPairs(documents) };
}

/** The character pairs of prepared documents, their sentences numbered from 0 across them in order. */
export function collectPairs(documents: PreparedDocument[]): PairOccurrences {
  const segment = new SegmentBuilder();
  for (const d of documents) {
    const packed = d.sentences;
    for (let i = 0; i < packed.length; i += SENTENCE_FIELDS) segment.add(d.text.slice(packed[i + 2], packed[i + 3]));
  }
  return segment.occurrences();
}

/** Sentences in a prepared document. */
export const sentenceCount = (d: PreparedDocument): number => d.sentences.length / SENTENCE_FIELDS;
