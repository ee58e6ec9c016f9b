// Adding files to the corpus: read, analyse, extract, store. One file's failure never stops the batch.
import type { DocumentMetadata } from '../types.ts';
import { readReport } from '../readers/index.ts';
import { analyseDocument } from '../structure/document.ts';
import type { ExtraWriter, Store } from '../store/store.ts';
import type { AnalysedDocument } from '../types.ts';
import { readSidecar } from './files.ts';

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

export async function ingestFile(store: Store, file: string, overrides: Partial<DocumentMetadata> = {}, extras?: DocumentExtras): Promise<IngestOutcome> {
  try {
    const sidecar = await readSidecar(file);
    const raw = await readReport(file);
    const doc = analyseDocument(raw, { ...sidecar, ...overrides });
    const result = store.addDocument(doc, extras?.(doc));
    return { file, status: result.duplicate ? 'duplicate' : 'added', id: result.id, warnings: doc.warnings, metadata: doc.metadata };
  } catch (err) {
    const message = (err as Error).message ?? String(err);
    return { file, status: 'failed', error: message.startsWith(file) ? message.slice(file.length + 2) : message };
  }
}
