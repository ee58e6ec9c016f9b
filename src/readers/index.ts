// Reading a file into a RawDocument. The kind of file is recognised from its bytes (PDF, DOCX/zip,
// HTML, text), never only from its name; anything else is a ReadError naming the file and the reason.
import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import type { RawDocument } from '../types.ts';
import { decodeText } from './encoding.ts';
import { ReadError } from './errors.ts';
import { splitFrontMatter } from './front-matter.ts';
import { htmlToText } from './html.ts';
import { docxToText } from './docx.ts';
import { pdfToText } from './pdf.ts';

export { ReadError } from './errors.ts';

/** Files larger than this are refused before they are read (a PDF with pictures may be large; its text is not). */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;
/** Text longer than this is not one report: the longest work reports have well under 100,000 characters. */
export const MAX_TEXT_CHARS = 10_000_000;

/**
 * Fewer characters than this, whitespace aside, are not a report (the shortest report in
 * ../shared/reports has 5,286): bytes that are not text can decode to a few characters, as the bytes
 * after a UTF-16 byte-order mark decode to Chinese characters whatever they are.
 */
const MIN_TEXT_CHARS = 20;

function checkEnoughText(path: string, text: string): string {
  // counted up to the least a report has, not through the whole text
  let chars = 0;
  for (const _ of text.matchAll(/\S/g)) if (++chars >= MIN_TEXT_CHARS) return text;
  throw new ReadError(path, `only ${chars} character${chars === 1 ? '' : 's'} of text, too few for a report (at least ${MIN_TEXT_CHARS})`);
}

function checkLength(path: string, text: string): string {
  if (text.length > MAX_TEXT_CHARS) {
    throw new ReadError(path, `has ${(text.length / 1e6).toFixed(1)} million characters of text, too many for one report (the limit is ${MAX_TEXT_CHARS / 1e6} million)`);
  }
  return text;
}

export const READABLE_EXTENSIONS = new Set(['.txt', '.md', '.markdown', '.html', '.htm', '.docx', '.pdf']);

function startsWith(bytes: Uint8Array, ascii: string): boolean {
  if (bytes.length < ascii.length) return false;
  for (let i = 0; i < ascii.length; i++) if (bytes[i] !== ascii.charCodeAt(i)) return false;
  return true;
}

function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 2000).trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || head.startsWith('<?xml') && head.includes('<html')) return true;
  const tags = text.slice(0, 20000).match(/<\/?(p|div|br|span|body|head|table|td|a|h[1-6]|li)\b[^>]*>/gi);
  return (tags?.length ?? 0) >= 10;
}

export async function readReport(path: string): Promise<RawDocument> {
  return readReportBytes(path, readFileBytes(path));
}

/**
 * A report file's bytes, refused with a ReadError when it is a folder, empty, too large or unreadable.
 * Read synchronously: it runs in the ingest workers, where waiting for the thread pool left the
 * analysis idle, and a report is read in well under a millisecond from the OS cache.
 */
export function readFileBytes(path: string): Uint8Array {
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new ReadError(path, 'is a directory');
    size = st.size;
  } catch (err) {
    if (err instanceof ReadError) throw err;
    throw new ReadError(path, `cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  if (size === 0) throw new ReadError(path, 'empty file (0 bytes)');
  if (size > MAX_FILE_BYTES) throw new ReadError(path, `too large (${Math.round(size / 1048576)} MB; the limit is ${MAX_FILE_BYTES / 1048576} MB)`);
  try {
    return new Uint8Array(readFileSync(path));
  } catch (err) {
    throw new ReadError(path, `cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
}

/** Reads a report from bytes already in memory (uploads); `path` names it in errors. */
export async function readReportBytes(path: string, bytes: Uint8Array): Promise<RawDocument> {
  if (bytes.length === 0) throw new ReadError(path, 'empty file (0 bytes)');
  const ext = extname(path).toLowerCase();
  if (startsWith(bytes, '%PDF-')) {
    return { path, format: 'pdf', encoding: 'pdf', text: checkLength(path, await pdfToText(bytes, path)), attributes: {} };
  }
  if (startsWith(bytes, 'PK\x03\x04')) {
    if (!Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes('word/document.xml')) {
      throw new ReadError(path, 'a zip archive that is not a .docx document');
    }
    return { path, format: 'docx', encoding: 'docx', text: checkEnoughText(path, checkLength(path, await docxToText(bytes, path))), attributes: {} };
  }
  if (startsWith(bytes, '\xd0\xcf\x11\xe0')) throw new ReadError(path, 'a legacy Word/Office (.doc) file: save it as .docx or PDF');
  if (startsWith(bytes, '{\\rtf')) throw new ReadError(path, 'an RTF file: save it as .docx, PDF or text');
  // a file named as a document whose bytes are not one is damaged or mislabelled: reading it as text
  // would store whatever bytes it has as a report
  if (ext === '.docx') throw new ReadError(path, 'not a .docx document (its bytes are not a zip archive)');
  if (ext === '.pdf') throw new ReadError(path, 'not a PDF document (it does not start with %PDF-)');

  if (bytes.length > 4 * MAX_TEXT_CHARS) throw new ReadError(path, `too large for one report (${Math.round(bytes.length / 1048576)} MB of text)`);
  const { text, encoding } = decodeText(bytes, path);
  checkLength(path, text);
  if (!text.trim()) throw new ReadError(path, 'contains only whitespace');
  // a report has words or figures: text without a letter or digit is what is left of bytes that are
  // not text (a byte-order mark and a stray byte decode to one replacement character)
  if (!/[\p{L}\p{N}]/u.test(text)) throw new ReadError(path, 'no letters or digits: not a text report');
  if (ext === '.html' || ext === '.htm' || looksLikeHtml(text)) {
    const html = htmlToText(text);
    if (!html.text.trim()) throw new ReadError(path, 'an HTML page with no text in its body');
    return { path, format: 'html', encoding, text: checkEnoughText(path, html.text), attributes: html.title ? { title: html.title } : {} };
  }
  const fm = splitFrontMatter(text);
  const body = fm.bodyStart ? text.slice(fm.bodyStart) : text;
  if (!body.trim()) throw new ReadError(path, 'has a front matter but no report text');
  const markdown = fm.bodyStart > 0 || ext === '.md' || ext === '.markdown';
  return { path, format: markdown ? 'markdown' : 'text', encoding, text: checkEnoughText(path, body), attributes: fm.attributes };
}
