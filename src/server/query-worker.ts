// A query worker: its own read-only connection to the database; runs one query at a time.
import { parentPort, workerData } from 'node:worker_threads';
import { Store } from '../store/store.ts';
import { HttpError, runQuery, type QueryName } from './queries.ts';

export interface QueryRequest {
  id: number;
  name: QueryName;
  params: unknown;
}

export type QueryReply = { id: number; ok: true; result: unknown } | { id: number; ok: false; status: number; message: string };

const store = new Store((workerData as { db: string }).db, { readonly: true });

parentPort!.on('message', async (req: QueryRequest) => {
  let reply: QueryReply;
  try {
    reply = { id: req.id, ok: true, result: await runQuery(store, req.name, req.params) };
  } catch (err) {
    // only errors meant for the client keep their message; anything else is logged by the server
    reply = err instanceof HttpError ? { id: req.id, ok: false, status: err.status, message: err.message } : { id: req.id, ok: false, status: 500, message: String((err as Error).stack ?? err) };
  }
  parentPort!.postMessage(reply);
});
