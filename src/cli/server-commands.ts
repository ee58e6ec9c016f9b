// `gwr serve` (the HTTP API and web pages) and `gwr demo` (the bundled samples, then serve).
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, Option } from 'commander';
import { Store, resolveDbPath } from '../store/store.ts';
import { collectFiles } from '../ingest/files.ts';
import { ingestFiles } from '../ingest/pipeline.ts';

const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));
export const DEFAULT_PORT = 8470;
const MIN_TOKEN_LENGTH = 12;

interface ServeFlags {
  port: string;
  host: string;
  db?: string;
  write?: boolean;
  timeout: string;
  maxUploadMb: string;
}

function serverOptions(cmd: Command): Command {
  return cmd
    .option('--port <port>', 'port to listen on', String(DEFAULT_PORT))
    .option('--host <host>', 'address to listen on (0.0.0.0 for every interface)', '127.0.0.1')
    .addOption(new Option('--db <file>', 'SQLite database file (default: $GWR_DB or ./gwr.db)'))
    .option('--write', 'allow uploads, metadata edits and deletes, with the token in $GWR_TOKEN')
    .option('--timeout <seconds>', 'longest time a read query may run', '10')
    .option('--max-upload-mb <mb>', 'largest upload', '50');
}

async function serveUntilStopped(flags: ServeFlags, db: string, result: { code: number }): Promise<void> {
  const port = Number(flags.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`gwr: --port must be a port number, not "${flags.port}"\n`);
    result.code = 2;
    return;
  }
  let token: string | null = null;
  if (flags.write) {
    token = process.env.GWR_TOKEN ?? '';
    if (token.length < MIN_TOKEN_LENGTH) {
      process.stderr.write(`gwr: --write needs a token of at least ${MIN_TOKEN_LENGTH} characters in $GWR_TOKEN\n`);
      result.code = 2;
      return;
    }
  }
  let server;
  try {
    // loaded here: the server's modules (15 MB) are not needed by the other commands
    const { startServer } = await import('../server/serve.ts');
    server = await startServer({ db, port, host: flags.host, token, queryTimeoutMs: Number(flags.timeout) * 1000, maxUploadBytes: Number(flags.maxUploadMb) * 1024 * 1024 });
  } catch (err) {
    process.stderr.write(`gwr: cannot start the server: ${(err as Error).message}\n`);
    result.code = 1;
    return;
  }
  process.stdout.write(`gwr serves ${db} at ${server.url} (${token ? 'write-enabled: writes need the token' : 'read-only'}); Ctrl-C stops it\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
}

export function registerServerCommands(program: Command, result: { code: number }): void {
  serverOptions(program.command('serve').description('serve the HTTP API (/api/, described at /api/openapi.json) and the web dashboard')).action(async (flags: ServeFlags) => {
    await serveUntilStopped(flags, resolveDbPath(flags.db), result);
  });

  serverOptions(program.command('demo').description('load the bundled sample reports into the database if it is empty, then serve it')).action(async (flags: ServeFlags) => {
    const db = resolveDbPath(flags.db);
    const store = new Store(db);
    try {
      if (store.countDocuments() === 0) {
        const { files } = await collectFiles([EXAMPLES]);
        await ingestFiles(store, files, {
          onOutcome: (o) => process.stdout.write(`${o.status.padEnd(9)} ${join('examples', o.file.slice(EXAMPLES.length))}${o.error ? `: ${o.error}` : ''}\n`),
        });
      }
    } finally {
      store.close();
    }
    await serveUntilStopped(flags, db, result);
  });
}
