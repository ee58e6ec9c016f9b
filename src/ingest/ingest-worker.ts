// Ingest worker: reads and analyses batches of files sent by the pipeline and sends back what the
// writer needs. Its read-only connection answers whether a file's bytes are already stored.
import { parentPort, workerData } from 'node:worker_threads';
import { Store } from '../store/store.ts';
import { analyseBatch, transferables, type BatchRequest } from './batch.ts';
import { sourceLookup } from './ingest.ts';

const store = new Store((workerData as { db: string }).db, { readonly: true });
const lookup = sourceLookup(store);

// batches are done one after another, in the order they came (the pipeline sends the next one early)
let previous: Promise<void> = Promise.resolve();
parentPort!.on('message', (request: BatchRequest) => {
  previous = previous.then(async () => {
    const reply = await analyseBatch(request, lookup);
    parentPort!.postMessage(reply, transferables(reply));
  }).catch((err) => {
    // the pipeline hears of it as the worker's failure, and fails the batches it holds
    setImmediate(() => {
      throw err;
    });
  });
});
