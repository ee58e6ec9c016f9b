// Adding files to the corpus: read, analyse, extract, store. One file's failure never stops the batch.
import type { DocumentMetadata } from '../types.ts';
import { readReport, readReportBytes } from '../readers/index.ts';
import { analyseDocument } from '../structure/document.ts';
import type { ExtraWriter, Store } from '../store/store.ts';
import type { AnalysedDocument, RawDocument } from '../types.ts';
import { readSidecar } from './files.ts';
import { extractFigures } from '../extract/extract.ts';
import { figureWriter } from '../store/figures.ts';

export interface IngestOutcome {
  file: string;
  status: 'added' | 'duplicate' | 'failed';
  id?: number;
  error?: string;
  warnings?: string[];
  metadata?: DocumentMetadata;
}

/** Hook that lets later stages (extraction) add their rows in the same transaction as the document. */
export type DocumentExtras = (doc: AnalysedDocument) => ExtraWriter | undefined;

/** Extraction's rows (figures, commitments), written in the same transaction as their document. */
export const extractionExtras: DocumentExtras = (doc) => figureWriter(extractFigures(doc));

export async function ingestFile(store: Store, file: string, overrides: Partial<DocumentMetadata> = {}, extras?: DocumentExtras): Promise<IngestOutcome> {
  return ingest(store, file, async () => ({ raw: await readReport(file), sidecar: await readSidecar(file) }), overrides, extras);
}

/** Ingests a report already in memory (an upload); `name` only labels it, nothing is read from disk. */
export async function ingestBytes(store: Store, name: string, bytes: Uint8Array, overrides: Partial<DocumentMetadata> = {}, extras?: DocumentExtras): Promise<IngestOutcome> {
  return ingest(store, name, async () => ({ raw: await readReportBytes(name, bytes), sidecar: {} }), overrides, extras);
}

async function ingest(
  store: Store,
  file: string,
  read: () => Promise<{ raw: RawDocument; sidecar: Partial<DocumentMetadata> }>,
  overrides: Partial<DocumentMetadata>,
  extras?: DocumentExtras,
): Promise<IngestOutcome> {
  try {
    const { raw, sidecar } = await read();
    const doc = analyseDocument(raw, { ...sidecar, ...overrides });
    const result = store.addDocument(doc, extras?.(doc));
    return { file, status: result.duplicate ? 'duplicate' : 'added', id: result.id, warnings: doc.warnings, metadata: doc.metadata };
  } catch (err) {
    const message = (err as Error).message ?? String(err);
    return { file, status: 'failed', error: message.startsWith(file) ? message.slice(file.length + 2) : message };
  }
}
