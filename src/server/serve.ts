// Starting and stopping the HTTP server: the writing store, the query workers and the listener.
import { availableParallelism } from 'node:os';
import { serve, type ServerType } from '@hono/node-server';
import { Store } from '../store/store.ts';
import { createApp } from './app.ts';
import { QueryPool } from './query-pool.ts';

export interface ServerOptions {
  db: string;
  port: number;
  host: string;
  /** Set only with --write: the token writes must carry. */
  token: string | null;
  maxUploadBytes?: number;
  queryTimeoutMs?: number;
  workers?: number;
  log?: (message: string) => void;
}

export interface RunningServer {
  url: string;
  close: () => Promise<void>;
}

export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const log = opts.log ?? ((m: string) => process.stderr.write(`gwr serve: ${m}\n`));
  // the writing connection creates and migrates the database before the read-only workers open it
  const store = new Store(opts.db);
  const pool = new QueryPool(opts.db, opts.workers ?? Math.max(2, availableParallelism()), { maxQueue: 500, log });
  const app = createApp({ store, pool, token: opts.token, maxUploadBytes: opts.maxUploadBytes ?? 50 * 1024 * 1024, queryTimeoutMs: opts.queryTimeoutMs ?? 10_000, log });
  const server: ServerType = await new Promise((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: opts.port, hostname: opts.host }, () => resolve(s));
    s.once('error', reject);
  });
  // a slow or stalled client cannot hold a connection open for ever
  const http = server as import('node:http').Server;
  http.requestTimeout = 120_000;
  http.headersTimeout = 15_000;
  const address = http.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  const host = opts.host === '0.0.0.0' || opts.host === '::' ? 'localhost' : opts.host;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}/`,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.close();
      store.close();
    },
  };
}
