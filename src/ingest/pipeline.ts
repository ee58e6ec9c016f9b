// Ingesting many files: this thread cuts the list into batches (by size) and sends them to worker
// threads, which read each file, skip it when its exact bytes are already in the corpus (sha256),
// and decode, analyse and extract the rest and collect the batch's character pairs. This thread,
// the one writer, sorts the pairs into search postings and writes each batch in one transaction, in
// the order of the files (with one worker it also counts the dictionaries' hits and collects the
// pairs, see leaveToWriter). It reads no files itself, so it is free to write while the workers read. At most
// a few batches are in flight, so memory stays bounded whatever the number of files.
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { DocumentMetadata } from '../types.ts';
import type { Store } from '../store/store.ts';
import { analyseBatch, type BatchReply, type BatchRequest } from './batch.ts';
import { sourceLookup, type IngestOutcome } from './ingest.ts';
import { bundledTermCounts, prepareBatch } from '../store/prepare.ts';

export interface IngestOptions {
  /** Metadata given by the user for every file (a sidecar file's fields come first, these win). */
  overrides?: Partial<DocumentMetadata>;
  /** Extract figures and commitments (default true). */
  extract?: boolean;
  /** Worker threads; 0 analyses in this thread. Default: one per core but one (this thread writes), at most 4. */
  workers?: number;
  /** A batch closes at this many bytes of input: one transaction and one postings segment. */
  batchBytes?: number;
  /** Called with each file's outcome, in the order of `files`. */
  onOutcome?: (outcome: IngestOutcome) => void;
}

export interface IngestCounts {
  added: number;
  duplicate: number;
  failed: number;
}

const DEFAULT_BATCH_BYTES = 1_000_000;
const MAX_BATCH_FILES = 200;

/** A file's size, 0 when it cannot be read (its read fails with the reason). */
function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

type Job = { request: BatchRequest; resolve: (r: BatchReply) => void; reject: (e: Error) => void };

/**
 * A worker holds up to this many batches: it works through them in order, so when it finishes one
 * the next is already there. With one at a time it sat idle while this thread wrote, for its reply
 * is only read, and the next batch sent, when this thread is free (6.5 s of a 30 s profiled run,
 * 4.2 s with two). With three, and two more replies allowed to wait for the writer (maxInFlight),
 * a run of slow batches on either side no longer stalls the other: ../shared/reports in 1.8 s less
 * on average over 9 alternating pairs (faster in 8), at the same peak memory.
 */
const BATCHES_PER_WORKER = 3;

/** Runs batches on worker threads, started on first use. */
class WorkerPool {
  private workers: Array<{ worker: Worker; jobs: Job[] }> = [];
  private queue: Job[] = [];

  constructor(
    private readonly size: number,
    private readonly db: string,
  ) {}

  run(request: BatchRequest): Promise<BatchReply> {
    return new Promise((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      this.dispatch();
    });
  }

  private spawn(): { worker: Worker; jobs: Job[] } {
    // V8 flags are per process but read when an isolate starts: workers started from here on keep
    // their young generation at 8 MB semi-spaces instead of growing it (the peak of a 2-core ingest
    // went from ~540 to ~490 MB, at the same speed; a limit on the old generation, or gc() between
    // batches, cost 20–40% in speed)
    setFlagsFromString('--max-semi-space-size=8');
    const worker = new Worker(new URL('./ingest-worker-boot.mjs', import.meta.url), { workerData: { db: this.db } });
    const slot = { worker, jobs: [] as Job[] };
    worker.on('message', (reply: BatchReply) => {
      slot.jobs.shift()?.resolve(reply);
      this.dispatch();
    });
    worker.on('error', (err) => {
      // a worker that failed is replaced; its batches fail with the reason
      this.workers = this.workers.filter((w) => w !== slot);
      for (const job of slot.jobs.splice(0)) job.reject(err);
      this.dispatch();
    });
    return slot;
  }

  private dispatch(): void {
    while (this.queue.length) {
      // the worker with the fewest batches and room for one more; a new one rather than a busy one
      let slot = this.workers.filter((w) => w.jobs.length < BATCHES_PER_WORKER).sort((a, b) => a.jobs.length - b.jobs.length)[0];
      if ((!slot || slot.jobs.length) && this.workers.length < this.size) {
        slot = this.spawn();
        this.workers.push(slot);
      }
      if (!slot) return;
      const job = this.queue.shift()!;
      slot.jobs.push(job);
      slot.worker.postMessage(job.request);
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }
}

/** Reports outcomes in file order although batches finish out of order. */
class OrderedOutcomes {
  private next = 0;
  private waiting = new Map<number, IngestOutcome>();
  readonly counts: IngestCounts = { added: 0, duplicate: 0, failed: 0 };

  constructor(private readonly report: (o: IngestOutcome) => void) {}

  has(index: number): boolean {
    return index < this.next || this.waiting.has(index);
  }

  set(index: number, outcome: IngestOutcome): void {
    this.waiting.set(index, outcome);
    for (let o = this.waiting.get(this.next); o; o = this.waiting.get(this.next)) {
      this.waiting.delete(this.next++);
      this.counts[o.status]++;
      this.report(o);
    }
  }
}

export async function ingestFiles(store: Store, files: string[], opts: IngestOptions = {}): Promise<IngestCounts> {
  const extract = opts.extract ?? true;
  const overrides = opts.overrides ?? {};
  const batchBytes = opts.batchBytes ?? DEFAULT_BATCH_BYTES;
  // this thread writes, so the workers get the other cores: on 2 cores, 1 worker was as fast as 2
  // (the writer's core was shared three ways) and used 500 MB instead of 800
  const size = opts.workers ?? Math.min(4, Math.max(1, availableParallelism() - 1));
  const pool = size > 0 ? new WorkerPool(size, store.path) : null;
  // four batches more than there are workers: each worker has its next batches ready while this
  // thread writes, and replies can wait for it (see BATCHES_PER_WORKER)
  const maxInFlight = size + 4;
  // With one worker, this thread counts the dictionaries' hits (a quarter of the analysis) and
  // collects the search pairs, so that the worker is not the bottleneck. (On 2 cores,
  // ../shared/reports in ~30 s instead of ~37 with the counts.) The pairs went back and forth with
  // the writer's load: since sentences are written in blocks, the writer has room for them (CPU
  // seconds of this thread and the worker in 3 alternating bench runs: 8.4–11.0 and 11.2–13.2 with
  // the pairs in the worker, 9.8–10.9 and 10.0–10.7 with them here; wall 14.1–17.4 s and 14.1–15.1 s).
  const leaveToWriter = size === 1;
  const outcomes = new OrderedOutcomes(opts.onOutcome ?? (() => {}));
  const lookup = sourceLookup(store);

  // batches are written in the order they were made: each write waits for the previous one
  let written: Promise<void> = Promise.resolve();
  const inFlight: Array<Promise<void>> = [];

  const write = (request: BatchRequest, reply: BatchReply) => {
    const name = (index: number) => files[index];
    for (const f of reply.failures) outcomes.set(f.index, { file: name(f.index), status: 'failed', error: f.error });
    for (const k of reply.known) outcomes.set(k.index, { file: name(k.index), status: 'duplicate', id: k.id, metadata: k.metadata ?? undefined });
    for (const d of reply.prepared.documents) d.termCounts ??= bundledTermCounts(d);
    let results: ReturnType<Store['writeBatch']>;
    try {
      results = store.writeBatch(reply.prepared);
    } catch (err) {
      const error = `not written to the database (${(err as Error).message})`;
      results = reply.indexes.map(() => ({ error }));
    }
    results.forEach((r, i) => {
      const index = reply.indexes[i];
      const d = reply.prepared.documents[i];
      if ('error' in r) outcomes.set(index, { file: name(index), status: 'failed', error: r.error });
      else outcomes.set(index, { file: name(index), status: r.duplicate ? 'duplicate' : 'added', id: r.id, warnings: d.warnings, metadata: d.metadata });
    });
    // a file the reply does not account for (a worker that died) fails rather than stall the run
    for (const f of request.files) if (!outcomes.has(f.index)) outcomes.set(f.index, { file: f.file, status: 'failed', error: 'not analysed (the worker stopped)' });
  };

  const submit = async (request: BatchRequest, only: boolean) => {
    // a run of one small batch is analysed here: starting workers would cost more than it saves
    const reply =
      pool && !only
        ? pool.run(request).catch((err: Error): BatchReply => ({
            batch: request.batch,
            prepared: prepareBatch([]),
            indexes: [],
            known: [],
            failures: request.files.map((f) => ({ index: f.index, error: `analysis failed (${err.message})` })),
          }))
        : analyseBatch(request, lookup);
    const done = written.then(async () => write(request, await reply));
    written = done;
    inFlight.push(done);
    while (inFlight.length >= maxInFlight) await inFlight.shift();
  };

  let batch: BatchRequest['files'] = [];
  let bytesInBatch = 0;
  let batchNumber = 0;
  try {
    for (let index = 0; index < files.length; index++) {
      const file = files[index];
      batch.push({ index, file });
      // synchronous: an awaited stat waited for this thread to finish writing a batch, and the
      // workers for their next batch
      bytesInBatch += sizeOf(file);
      if (bytesInBatch >= batchBytes || batch.length >= MAX_BATCH_FILES || index === files.length - 1) {
        const only = batchNumber === 0 && index === files.length - 1;
        await submit({ batch: batchNumber++, extract, leaveToWriter, overrides, files: batch }, only);
        // while the worker starts (~0.5 s), this thread loads what counting the dictionaries needs
        // (jieba's words), which its first write waited for (that write took 0.30–0.37 s instead of
        // 0.45–0.67 in 3 alternating pairs of runs over ../shared/reports)
        if (batchNumber === 1 && pool && leaveToWriter) bundledTermCounts({ text: '', sentences: new Int32Array(0), sections: [] });
        batch = [];
        bytesInBatch = 0;
      }
    }
    await written;
  } finally {
    await pool?.close();
  }
  return outcomes.counts;
}
