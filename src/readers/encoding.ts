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
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i];
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
  // A file pieced together from UTF-8 and GB18030 parts: decode line by line.
  const mixed = decodeMixedLines(bytes);
  if (mixed) return mixed;
  try {
    return { text: new TextDecoder('gb18030', { fatal: true }).decode(bytes), encoding: 'gb18030' };
  } catch {
    // Damaged files: decode as UTF-8 with replacement characters if most of it is UTF-8.
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

/**
 * Line-by-line decoding for files whose lines are in different encodings: each line is UTF-8 when it
 * is valid UTF-8, else GB18030. Null unless the file really mixes the two (non-ASCII UTF-8 lines and
 * lines that are not UTF-8).
 */
function decodeMixedLines(bytes: Uint8Array): DecodedText | null {
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  const gb = new TextDecoder('gb18030', { fatal: true });
  const parts: string[] = [];
  let utf8Lines = 0;
  let otherLines = 0;
  let start = 0;
  while (start <= bytes.length) {
    let end = bytes.indexOf(0x0a, start);
    if (end === -1) end = bytes.length;
    const line = bytes.subarray(start, end);
    let text: string;
    try {
      text = utf8.decode(line);
      if (line.some((b) => b >= 0x80)) utf8Lines++;
    } catch {
      // a line that starts in UTF-8 and switches to GB18030: the UTF-8 part up to the switch, then the rest
      const prefix = validUtf8Prefix(line);
      const head = prefix > 0 && line.subarray(0, prefix).filter((b) => b >= 0x80).length >= 6 ? utf8.decode(line.subarray(0, prefix)) : '';
      const rest = head ? line.subarray(prefix) : line;
      try {
        text = head + gb.decode(rest);
      } catch {
        text = head + decodeSequenceBySequence(rest);
      }
      otherLines++;
    }
    parts.push(text);
    start = end + 1;
  }
  if (!utf8Lines || !otherLines) return null;
  return { text: parts.join('\n'), encoding: 'mixed utf-8 and gb18030 (line by line)' };
}

const gbDecoder = new TextDecoder('gb18030');

/** A line that switches encoding inside: valid UTF-8 sequences as UTF-8, GB18030 sequences as GB18030. */
function decodeSequenceBySequence(line: Uint8Array): string {
  let out = '';
  let i = 0;
  const cont = (k: number) => k < line.length && (line[k] & 0xc0) === 0x80;
  while (i < line.length) {
    const b = line[i];
    if (b < 0x80) {
      out += String.fromCharCode(b);
      i++;
      continue;
    }
    const n = b >= 0xf0 && b <= 0xf4 ? 4 : b >= 0xe0 ? 3 : b >= 0xc2 && b <= 0xdf ? 2 : 0;
    // Chinese in UTF-8 takes 3 bytes; a 2-byte "UTF-8" sequence here is more likely a GB18030
    // character, except the middle dot of names (C2 B7)
    const twoByteUtf8 = n === 2 && !(b === 0xc2 && line[i + 1] === 0xb7);
    if (n && !twoByteUtf8 && [...Array(n - 1).keys()].every((k) => cont(i + 1 + k))) {
      out += Buffer.from(line.subarray(i, i + n)).toString('utf8');
      i += n;
      continue;
    }
    if (b >= 0x81 && b <= 0xfe && i + 3 < line.length && line[i + 1] >= 0x30 && line[i + 1] <= 0x39 && line[i + 2] >= 0x81 && line[i + 3] >= 0x30 && line[i + 3] <= 0x39) {
      out += gbDecoder.decode(line.subarray(i, i + 4));
      i += 4;
    } else if (b >= 0x81 && b <= 0xfe && i + 1 < line.length && line[i + 1] >= 0x40 && line[i + 1] !== 0x7f) {
      out += gbDecoder.decode(line.subarray(i, i + 2));
      i += 2;
    } else {
      out += '\ufffd';
      i++;
    }
  }
  return out;
}

/** Length of the longest prefix of `bytes` that is valid UTF-8, ending on a character boundary. */
function validUtf8Prefix(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const n = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (!n || i + n > bytes.length) return i;
    for (let k = 1; k < n; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return i;
    i += n;
  }
  return i;
}
