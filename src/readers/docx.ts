// Text of a .docx file, paragraph by paragraph (mammoth).
import { ReadError } from './errors.ts';

/** A .docx whose XML would unpack to more than this is refused (zip bombs). */
const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;

export async function docxToText(bytes: Uint8Array, file: string): Promise<string> {
  const unpacked = zipUnpackedSize(bytes);
  if (unpacked > MAX_UNPACKED_BYTES) throw new ReadError(file, `the .docx would unpack to ${Math.round(unpacked / 1048576)} MB (refused as a zip bomb)`);
  try {
    // loaded on first use: each ingest thread would hold its 12 MB for the rare .docx
    const { default: mammoth } = await import('mammoth');
    const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
    return result.value;
  } catch (err) {
    throw new ReadError(file, `not a readable .docx (${(err as Error).message.split('\n')[0]})`);
  }
}

/** Sum of the uncompressed sizes in a zip's central directory (0 when it cannot be found). */
export function zipUnpackedSize(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65557); i--) {
    if (view.getUint32(i, true) !== 0x06054b50) continue;
    const entries = view.getUint16(i + 10, true);
    let p = view.getUint32(i + 16, true);
    let total = 0;
    for (let e = 0; e < entries && p + 46 <= bytes.length; e++) {
      if (view.getUint32(p, true) !== 0x02014b50) break;
      total += view.getUint32(p + 24, true);
      p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
    }
    return total;
  }
  return 0;
}
