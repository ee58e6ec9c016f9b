// Decoding bytes into text. The encoding is detected from the bytes (BOM, then strict UTF-8, then
// GB18030), never guessed from the file name. GB18030 is used rather than the `gbk` label, which
// mis-decodes four-byte sequences.
import { ReadError } from './errors.ts';

export interface DecodedText {
  text: string;
  encoding: string;
}

/** True when the bytes look like binary data rather than text in any of the supported encodings. */
export function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, Math.min(bytes.length, 64 * 1024));
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    // Control characters other than tab, newline, form feed and carriage return; ESC shows up in a few
    // scraped files, so one here and there is tolerated.
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) control++;
  }
  return control > 8 && control / sample.length > 0.01;
}

export function decodeText(bytes: Uint8Array, file: string): DecodedText {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    try {
      return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3)), encoding: 'utf-8' };
    } catch {
      throw new ReadError(file, 'starts with a UTF-8 byte-order mark but is not valid UTF-8');
    }
  }
  if (looksBinary(bytes)) throw new ReadError(file, 'binary data, not text');
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // not UTF-8: try GB18030, which covers GB2312 and GBK
  }
  try {
    return { text: new TextDecoder('gb18030', { fatal: true }).decode(bytes), encoding: 'gb18030' };
  } catch {
    // Mixed or damaged files: decode as UTF-8 with replacement characters if most of it is UTF-8.
  }
  const lossy = new TextDecoder('utf-8').decode(bytes);
  const bad = countReplacement(lossy);
  if (bad / Math.max(1, lossy.length) < 0.01) return { text: lossy, encoding: 'utf-8 (with invalid bytes replaced)' };
  const gb = new TextDecoder('gb18030').decode(bytes);
  if (countReplacement(gb) / Math.max(1, gb.length) < 0.01) return { text: gb, encoding: 'gb18030 (with invalid bytes replaced)' };
  throw new ReadError(file, 'not valid text in UTF-8, UTF-16 or GB18030');
}

function countReplacement(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\ufffd'); i !== -1; i = text.indexOf('\ufffd', i + 1)) n++;
  return n;
}
