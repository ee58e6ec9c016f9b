// Text layer of a PDF (unpdf, page by page). Lines break where the page wrapped; the normaliser joins them.
import { extractText, getDocumentProxy } from 'unpdf';
import { ReadError } from './errors.ts';

export async function pdfToText(bytes: Uint8Array, file: string): Promise<string> {
  let pages: string[];
  try {
    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    const result = await extractText(pdf, { mergePages: false });
    pages = result.text as string[];
  } catch (err) {
    throw new ReadError(file, `not a readable PDF (${(err as Error).message.split('\n')[0]})`);
  }
  const text = pages.join('\n');
  if (text.replace(/\s/g, '').length < 20) throw new ReadError(file, 'the PDF has no text layer (scanned pages need OCR first)');
  return text;
}
