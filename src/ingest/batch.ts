// One batch of files read, analysed and prepared for the writer: what an ingest worker does with
// each request (and the calling thread, for a batch too small to be worth a worker). A file whose
// bytes are already in the corpus is recognised by their sha256 and not analysed again.
import type { DocumentMetadata } from '../types.ts';
import { readFileBytes } from '../readers/index.ts';
import { prepareBatch, type BatchItem, type PreparedBatch } from '../store/prepare.ts';
import { readSidecar } from './files.ts';
import { analyseBytes, reasonOf, sha256 } from './ingest.ts';

export interface BatchRequest {
  batch: number;
  extract: boolean;
  /** Leave the bundled dictionaries' counts and the search pairs to the writer's thread (see pipeline.ts). */
  leaveToWriter: boolean;
  /** Metadata given for every file; a sidecar file's fields come first, these win. */
  overrides: Partial<DocumentMetadata>;
  /** `index` is the file's place in the whole run, so outcomes can be reported in order. */
  files: Array<{ index: number; file: string }>;
}

export interface BatchReply {
  batch: number;
  prepared: PreparedBatch;
  /** The run index of each prepared document, in order. */
  indexes: number[];
  failures: Array<{ index: number; error: string }>;
  /** Files whose exact bytes are already in the corpus. */
  known: Array<{ index: number; id: number; metadata: DocumentMetadata | null }>;
}

/** The stored document with each of these file byte hashes (sha256), if any, in order. */
export type SourceLookup = (sourceHashes: string[]) => Array<{ id: number; metadata: DocumentMetadata | null } | null>;

export async function analyseBatch(request: BatchRequest, lookup: SourceLookup): Promise<BatchReply> {
  const items: BatchItem[] = [];
  const reply: BatchReply = { batch: request.batch, prepared: prepareBatch([]), indexes: [], failures: [], known: [] };
  // the files' bytes first, then one look in the corpus for all of them: a look per file began a read
  // of the database each, which reads its pages again after every batch the writer adds
  const read: Array<{ index: number; file: string; bytes: Uint8Array; sourceHash: string }> = [];
  for (const { index, file } of request.files) {
    try {
      const bytes = readFileBytes(file);
      read.push({ index, file, bytes, sourceHash: sha256(bytes) });
    } catch (err) {
      reply.failures.push({ index, error: reasonOf(err, file) });
    }
  }
  const known = read.length ? lookup(read.map((r) => r.sourceHash)) : [];
  for (const [i, { index, file, bytes, sourceHash }] of read.entries()) {
    const stored = known[i];
    if (stored) {
      reply.known.push({ index, ...stored });
      continue;
    }
    try {
      const metadata = { ...readSidecar(file), ...request.overrides };
      const item = await analyseBytes(file, bytes, metadata, request.extract, sourceHash);
      if (request.leaveToWriter) item.termCounts = null;
      items.push(item);
      reply.indexes.push(index);
    } catch (err) {
      reply.failures.push({ index, error: reasonOf(err, file) });
    }
  }
  reply.prepared = prepareBatch(items, { pairs: !request.leaveToWriter });
  return reply;
}

/** The buffers of a reply that can be moved to another thread instead of copied. */
export function transferables(reply: BatchReply): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const d of reply.prepared.documents) for (const a of [d.runs, d.sentences, d.paragraphs, d.original.copies]) buffers.add(a.buffer as ArrayBuffer);
  for (const a of Object.values(reply.prepared.pairs ?? {})) buffers.add(a.buffer as ArrayBuffer);
  return [...buffers];
}
