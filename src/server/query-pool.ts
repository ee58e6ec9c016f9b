// Read queries run in worker threads, each with its own read-only connection: better-sqlite3 is
// synchronous, so a query in the main thread would stop the server while it runs, and could not
// be stopped. Here a query that runs past its time is ended by terminating its worker, which is
// then replaced; the client gets a 503.
import { Worker } from 'node:worker_threads';
import { HttpError, type QueryName } from './queries.ts';
import type { QueryReply, QueryRequest } from './query-worker.ts';

interface Job {
  id: number;
  name: QueryName;
  params: unknown;
  timeoutMs: number;
  resolve: (value: unknown) => void;
  reject: (err: Error) => void;
}

interface Slot {
  worker: Worker;
  job: Job | null;
  timer: NodeJS.Timeout | null;
}

export class QueryPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;

  constructor(
    private readonly db: string,
    size: number,
    private readonly options: { maxQueue: number; log: (message: string) => void },
  ) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  run(name: QueryName, params: unknown, timeoutMs: number): Promise<unknown> {
    if (this.closed) return Promise.reject(new HttpError(503, 'the server is shutting down'));
    if (this.queue.length >= this.options.maxQueue) return Promise.reject(new HttpError(503, 'the server is busy; try again shortly'));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, name, params, timeoutMs, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new HttpError(503, 'the server is shutting down'));
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private spawn(): Slot {
    const worker = new Worker(new URL('./query-worker-boot.mjs', import.meta.url), { workerData: { db: this.db } });
    const slot: Slot = { worker, job: null, timer: null };
    worker.on('message', (reply: QueryReply) => {
      const job = slot.job;
      if (!job || job.id !== reply.id) return;
      this.finish(slot);
      if (reply.ok) job.resolve(reply.result);
      else {
        if (reply.status >= 500) this.options.log(`query ${job.name} failed: ${reply.message}`);
        job.reject(new HttpError(reply.status, reply.status >= 500 ? 'internal error' : reply.message));
      }
      this.dispatch();
    });
    worker.on('error', (err) => this.replace(slot, new HttpError(500, 'internal error'), `query worker failed: ${err.stack ?? err}`));
    worker.on('exit', (code) => {
      if (!this.closed && this.slots.includes(slot)) this.replace(slot, new HttpError(500, 'internal error'), `query worker exited (${code})`);
    });
    return slot;
  }

  private finish(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
  }

  /** Ends a slot's worker (stuck or dead), answers its job with `err`, and starts a new worker. */
  private replace(slot: Slot, err: Error, logMessage: string): void {
    const job = slot.job;
    this.finish(slot);
    const at = this.slots.indexOf(slot);
    if (at === -1) return;
    this.slots.splice(at, 1);
    void slot.worker.terminate();
    this.options.log(logMessage);
    job?.reject(err);
    if (!this.closed) {
      this.slots.push(this.spawn());
      this.dispatch();
    }
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.job) continue;
      const job = this.queue.shift();
      if (!job) return;
      slot.job = job;
      slot.timer = setTimeout(
        () => this.replace(slot, new HttpError(503, `the query took longer than ${job.timeoutMs / 1000} s and was stopped; narrow it with filters`), `query ${job.name} stopped after ${job.timeoutMs} ms`),
        job.timeoutMs,
      );
      const request: QueryRequest = { id: job.id, name: job.name, params: job.params };
      slot.worker.postMessage(request);
    }
  }
}
