// Sentences and paragraphs packed into typed arrays, to cross from an ingest worker to the writer:
// the corpus's million sentence objects took ~0.9 s to copy (structured clone), and left as much
// garbage; a document's buffers are moved without a copy.
import type { Paragraph, Sentence } from '../types.ts';

/** Per sentence: paragraph, section (-1 for none), start, end. The index is the position. */
export const SENTENCE_FIELDS = 4;
/** Per paragraph: section (-1 for none), start, end. */
export const PARAGRAPH_FIELDS = 3;

export function packSentences(sentences: Sentence[]): Int32Array {
  const packed = new Int32Array(sentences.length * SENTENCE_FIELDS);
  for (let i = 0, at = 0; i < sentences.length; i++, at += SENTENCE_FIELDS) {
    const s = sentences[i];
    packed[at] = s.paragraph;
    packed[at + 1] = s.section ?? -1;
    packed[at + 2] = s.start;
    packed[at + 3] = s.end;
  }
  return packed;
}

export function packParagraphs(paragraphs: Paragraph[]): Int32Array {
  const packed = new Int32Array(paragraphs.length * PARAGRAPH_FIELDS);
  for (let i = 0, at = 0; i < paragraphs.length; i++, at += PARAGRAPH_FIELDS) {
    const p = paragraphs[i];
    packed[at] = p.section ?? -1;
    packed[at + 1] = p.start;
    packed[at + 2] = p.end;
  }
  return packed;
}
