// Adding reports to the corpus: read, analyse, extract, store. One file's failure never stops the batch.
// `analyseBytes` is the per-file work (pure but for decoding); it runs in the ingest workers for a
// batch of files (pipeline.ts, batch.ts) and in the calling thread for a single upload.
import { createHash } from 'node:crypto';
import type { DocumentMetadata } from '../types.ts';
import { readReportBytes } from '../readers/index.ts';
import { analyseDocument } from '../structure/document.ts';
import type { Store } from '../store/store.ts';
import { extractFigures } from '../extract/extract.ts';
import type { BatchItem } from '../store/prepare.ts';
import type { SourceLookup } from './batch.ts';

export interface IngestOutcome {
  file: string;
  status: 'added' | 'duplicate' | 'failed';
  id?: number;
  error?: string;
  warnings?: string[];
  metadata?: DocumentMetadata;
}

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** The reason of an error, without the file name it starts with (the outcome names the file). */
export function reasonOf(err: unknown, file: string): string {
  const message = (err as Error)?.message ?? String(err);
  return message.startsWith(file) ? message.slice(file.length + 2) : message;
}

/** Decodes, analyses and (with `extract`) extracts one file's bytes: what the store needs to write it. */
export async function analyseBytes(file: string, bytes: Uint8Array, metadata: Partial<DocumentMetadata>, extract: boolean, sourceHash = sha256(bytes)): Promise<BatchItem> {
  const raw = await readReportBytes(file, bytes);
  const doc = analyseDocument(raw, metadata);
  return { doc, extraction: extract ? extractFigures(doc) : null, sourceHash };
}

/** Finds stored documents by the sha256 of their files' bytes, all in one read of the database. */
export function sourceLookup(store: Store): SourceLookup {
  return store.db.transaction((sourceHashes: string[]) =>
    sourceHashes.map((sourceHash) => {
      const id = store.findBySourceHash(sourceHash);
      return id === null ? null : { id, metadata: store.getMetadata(id) };
    }),
  );
}

/** Ingests a report already in memory (an upload); `name` only labels it, nothing is read from disk. */
export async function ingestBytes(store: Store, name: string, bytes: Uint8Array, overrides: Partial<DocumentMetadata> = {}, extract = true): Promise<IngestOutcome> {
  try {
    const item = await analyseBytes(name, bytes, overrides, extract);
    const result = store.addDocument(item.doc, item.extraction, item.sourceHash);
    return { file: name, status: result.duplicate ? 'duplicate' : 'added', id: result.id, warnings: item.doc.warnings, metadata: item.doc.metadata };
  } catch (err) {
    return { file: name, status: 'failed', error: reasonOf(err, name) };
  }
}
