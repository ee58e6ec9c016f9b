// The HTTP API and the web pages. Reads go to the query workers; writes (upload, metadata edits,
// delete) happen here, on the one writing connection, and only when the server was started with
// --write and a token. Every route, its parameters and its answers are listed once, in READ_ROUTES
// and WRITE_ROUTES, which the OpenAPI description is made from.
import { createHash, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { z } from 'zod';
import type { Store } from '../store/store.ts';
import type { DocumentMetadata } from '../types.ts';
import { ingestBytes } from '../ingest/ingest.ts';
import { extractFigures } from '../extract/extract.ts';
import { gazetteer } from '../structure/gazetteer.ts';
import { HttpError, READ_QUERIES, type QueryName } from './queries.ts';
import type { QueryPool } from './query-pool.ts';

export interface AppOptions {
  store: Store;
  pool: QueryPool;
  /** Writes are refused unless this is set (the server was started with --write and GWR_TOKEN). */
  token: string | null;
  maxUploadBytes: number;
  queryTimeoutMs: number;
  log: (message: string) => void;
}

interface ReadRoute {
  path: string;
  query: QueryName;
  tag: string;
}

const READ_ROUTES: ReadRoute[] = [
  { path: '/api/documents', query: 'documents', tag: 'corpus' },
  { path: '/api/documents/{id}', query: 'document', tag: 'corpus' },
  { path: '/api/documents/{id}/reader', query: 'reader', tag: 'corpus' },
  { path: '/api/grid', query: 'grid', tag: 'corpus' },
  { path: '/api/regions', query: 'regions', tag: 'corpus' },
  { path: '/api/search', query: 'search', tag: 'search' },
  { path: '/api/metrics', query: 'metrics', tag: 'figures' },
  { path: '/api/figures', query: 'figures', tag: 'figures' },
  { path: '/api/track', query: 'track', tag: 'figures' },
  { path: '/api/compare', query: 'compare', tag: 'figures' },
  { path: '/api/dictionaries', query: 'dictionaries', tag: 'attention' },
  { path: '/api/index', query: 'index', tag: 'attention' },
  { path: '/api/kwic', query: 'kwic', tag: 'attention' },
  { path: '/api/spread', query: 'spread', tag: 'attention' },
  { path: '/api/export/{table}', query: 'export', tag: 'export' },
];

const MetadataEdit = z
  .object({
    kind: z.enum(['report', 'communique']).optional(),
    province: z.string().max(40).nullable().optional(),
    city: z.string().max(40).nullable().optional(),
    county: z.string().max(40).nullable().optional(),
    level: z.enum(['national', 'province', 'prefecture', 'county']).nullable().optional(),
    code: z.string().regex(/^\d{6}$/).nullable().optional(),
    year: z.number().int().min(1949).max(2100).nullable().optional(),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable().optional(),
    meeting: z.string().max(100).nullable().optional(),
    speaker: z.string().max(40).nullable().optional(),
    speakerTitle: z.string().max(40).nullable().optional(),
  })
  .strict();

const WRITE_ROUTES = [
  { method: 'post', path: '/api/documents', summary: 'Add reports: multipart/form-data with one or more `file` fields (txt, md, html, docx, pdf; the type is read from the content)', tag: 'write' },
  { method: 'patch', path: '/api/documents/{id}', summary: "Correct a document's metadata (JSON with any of the metadata fields); its figures are extracted again", tag: 'write', body: MetadataEdit },
  { method: 'delete', path: '/api/documents/{id}', summary: 'Delete a document with everything extracted from it', tag: 'write' },
] as const;

const WEB_DIR = fileURLToPath(new URL('../../web/', import.meta.url));
const ECHARTS = fileURLToPath(new URL('../../node_modules/echarts/dist/echarts.min.js', import.meta.url));

/** The web page's files, read once: a request path only ever selects one of these by name. */
function staticFiles(): Map<string, { body: Uint8Array; type: string }> {
  const types: Record<string, string> = { html: 'text/html; charset=utf-8', js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8', svg: 'image/svg+xml' };
  const files = new Map<string, { body: Uint8Array; type: string }>();
  for (const name of ['index.html', 'app.js', 'app.css', 'i18n.js', 'favicon.svg']) {
    files.set(`/${name}`, { body: readFileSync(WEB_DIR + name), type: types[name.split('.').pop()!] });
  }
  files.set('/', files.get('/index.html')!);
  files.set('/vendor/echarts.min.js', { body: readFileSync(ECHARTS), type: types.js });
  return files;
}

const toHonoPath = (p: string) => p.replace(/\{(\w+)\}/g, ':$1');

function issuesMessage(err: z.ZodError): string {
  return err.issues.map((i) => `${i.path.join('.') || 'request'}: ${i.message}`).join('; ');
}

function digest(s: string): Buffer {
  return createHash('sha256').update(s).digest();
}

/**
 * Answers of read queries, kept until the corpus changes: the corpus changes only through this
 * server's writes (or a `gwr add` beside it, which the document count in the key notices).
 */
class AnswerCache {
  private readonly answers = new Map<string, unknown>();
  constructor(private readonly size: number) {}
  get(key: string): unknown {
    const v = this.answers.get(key);
    if (v !== undefined) {
      this.answers.delete(key);
      this.answers.set(key, v);
    }
    return v;
  }
  set(key: string, value: unknown): void {
    this.answers.set(key, value);
    if (this.answers.size > this.size) this.answers.delete(this.answers.keys().next().value!);
  }
  clear(): void {
    this.answers.clear();
  }
}

export function createApp(opts: AppOptions): Hono {
  const app = new Hono();
  const cache = new AnswerCache(300);
  const corpusState = opts.store.db.prepare('SELECT count(*) || \':\' || coalesce(max(id), 0) FROM documents').pluck();
  const tokenDigest = opts.token ? digest(opts.token) : null;

  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // ECharts positions its tooltips with inline styles
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
      },
      crossOriginResourcePolicy: 'same-origin',
      referrerPolicy: 'no-referrer',
    }),
  );

  app.onError((err, c) => {
    if (err instanceof HttpError) return c.json({ error: err.message }, err.status as 400);
    opts.log(`error on ${c.req.method} ${c.req.path}: ${err.stack ?? err}`);
    return c.json({ error: 'internal error' }, 500);
  });
  const noEndpoint = (c: Context) => c.json({ error: `no such endpoint: ${c.req.method} ${c.req.path}` }, 404);
  app.notFound(noEndpoint);

  const requireWrite = async (c: Context, next: () => Promise<void>) => {
    if (!tokenDigest) throw new HttpError(403, 'this server is read-only: start it with --write and GWR_TOKEN to allow changes');
    const header = c.req.header('authorization') ?? '';
    const given = /^Bearer (.+)$/.exec(header)?.[1] ?? '';
    // both sides hashed to the same length, then compared in constant time
    if (!given || !timingSafeEqual(digest(given), tokenDigest)) {
      c.header('WWW-Authenticate', 'Bearer');
      throw new HttpError(401, 'a valid token is needed: send "Authorization: Bearer <GWR_TOKEN>"');
    }
    await next();
  };

  app.get('/api/health', (c) => c.json({ documents: opts.store.countDocuments(), write: tokenDigest !== null }));

  for (const route of READ_ROUTES) {
    const def = READ_QUERIES[route.query] as { params: z.ZodType; timeoutMs?: number };
    app.get(toHonoPath(route.path), async (c) => {
      const parsed = def.params.safeParse({ ...c.req.query(), ...c.req.param() });
      if (!parsed.success) throw new HttpError(400, issuesMessage(parsed.error));
      const key = route.query === 'export' ? null : `${corpusState.get()}|${route.query}|${JSON.stringify(parsed.data)}`;
      let result = key === null ? undefined : cache.get(key);
      if (result === undefined) {
        result = await opts.pool.run(route.query, parsed.data, def.timeoutMs ?? opts.queryTimeoutMs);
        if (key !== null) cache.set(key, result);
      }
      if (route.query === 'export') {
        const file = result as { filename: string; contentType: string; body: string | Uint8Array };
        return c.body(typeof file.body === 'string' ? (file.body as string) : (file.body as Uint8Array<ArrayBuffer>), 200, {
          'Content-Type': file.contentType,
          'Content-Disposition': `attachment; filename="${file.filename}"`,
        });
      }
      return c.json(result as object);
    });
  }

  const idOf = (c: Context) => {
    const id = Number(c.req.param('id'));
    if (!Number.isInteger(id) || id < 1) throw new HttpError(400, 'id: must be a document id (a positive integer)');
    return id;
  };
  const tooLarge = (limit: number) => (c: Context) => c.json({ error: `the request is larger than the limit of ${Math.round(limit / 1024)} KB` }, 413);

  app.post('/api/documents', requireWrite, bodyLimit({ maxSize: opts.maxUploadBytes, onError: tooLarge(opts.maxUploadBytes) }), async (c) => {
    if (!(c.req.header('content-type') ?? '').startsWith('multipart/form-data')) throw new HttpError(415, 'send the reports as multipart/form-data, one or more "file" fields');
    let form: Record<string, string | File | (string | File)[]>;
    try {
      form = await c.req.parseBody({ all: true });
    } catch {
      throw new HttpError(400, 'the multipart body could not be read');
    }
    const files = [form.file].flat().filter((f): f is File => f instanceof File);
    if (!files.length) throw new HttpError(400, 'no "file" field in the upload');
    const results = [];
    for (const file of files) {
      // the name only labels the document: it is never used to open anything
      const name = `upload/${basename(file.name || 'report').replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 200) || 'report'}`;
      const outcome = await ingestBytes(opts.store, name, new Uint8Array(await file.arrayBuffer()));
      if (outcome.status === 'failed') opts.log(`upload ${name} failed: ${outcome.error}`);
      results.push(outcome);
    }
    cache.clear();
    const status = results.every((r) => r.status === 'failed') ? 422 : results.some((r) => r.status === 'added') ? 201 : 200;
    return c.json({ results }, status);
  });

  app.patch('/api/documents/:id', requireWrite, bodyLimit({ maxSize: 16 * 1024, onError: tooLarge(16 * 1024) }), async (c) => {
    const id = idOf(c);
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      throw new HttpError(400, 'the body must be a JSON object of metadata fields');
    }
    const parsed = MetadataEdit.safeParse(body);
    if (!parsed.success) throw new HttpError(400, issuesMessage(parsed.error));
    const current = opts.store.getAnalysis(id);
    if (!current) throw new HttpError(404, `no document with id ${id}`);
    // the schema has checked every field; keys left out keep their stored value
    const edit = Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined)) as Partial<DocumentMetadata>;
    const metadata: DocumentMetadata = { ...current.metadata, ...edit };
    const regionChanged = ['province', 'city', 'county'].some((k) => k in edit);
    if (regionChanged && !('code' in edit)) metadata.code = gazetteer().codeOf(metadata);
    opts.store.updateMetadata(id, metadata, extractFigures({ ...current, metadata }));
    cache.clear();
    return c.json(opts.store.getDocument(id));
  });

  app.delete('/api/documents/:id', requireWrite, (c) => {
    const id = idOf(c);
    if (!opts.store.deleteDocument(id)) throw new HttpError(404, `no document with id ${id}`);
    cache.clear();
    return c.json({ deleted: id });
  });

  app.get('/api/openapi.json', (c) => c.json(openApiDocument()));

  const files = staticFiles();
  app.get('*', (c) => {
    if (c.req.path.startsWith('/api/')) return noEndpoint(c);
    const file = files.get(c.req.path);
    if (!file) return c.json({ error: `no such page: ${c.req.path}` }, 404);
    return c.body(file.body as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': file.type, 'Cache-Control': 'no-cache' });
  });
  return app;
}

const ErrorBody = { description: 'An error', content: { 'application/json': { schema: { type: 'object', properties: { error: { type: 'string' } }, required: ['error'] } } } };

/** The OpenAPI 3.1 description, made from the route lists and their zod schemas. */
export function openApiDocument(): object {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of READ_ROUTES) {
    const def = READ_QUERIES[route.query] as { summary: string; params: z.ZodObject };
    const schema = z.toJSONSchema(def.params, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, any>; required?: string[] };
    const parameters = Object.entries(schema.properties ?? {}).map(([name, s]) => {
      const inPath = route.path.includes(`{${name}}`);
      const { description, ...rest } = s;
      return { name, in: inPath ? 'path' : 'query', required: inPath || (schema.required ?? []).includes(name), ...(description ? { description } : {}), schema: rest };
    });
    const isFile = route.query === 'export';
    (paths[route.path] ??= {}).get = {
      tags: [route.tag],
      operationId: route.query,
      summary: def.summary,
      parameters,
      responses: {
        200: isFile
          ? { description: 'The table as a file', content: { 'text/csv': {}, 'application/json': {}, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {} } }
          : { description: 'JSON', content: { 'application/json': {} } },
        400: ErrorBody,
        ...(route.path.includes('{id}') ? { 404: ErrorBody } : {}),
        503: ErrorBody,
      },
    };
  }
  (paths['/api/health'] ??= {}).get = { tags: ['corpus'], operationId: 'health', summary: 'Documents in the corpus and whether writes are enabled', responses: { 200: { description: 'JSON', content: { 'application/json': {} } } } };
  for (const route of WRITE_ROUTES) {
    const hasId = route.path.includes('{id}');
    (paths[route.path] ??= {})[route.method] = {
      tags: [route.tag],
      summary: route.summary,
      security: [{ token: [] }],
      parameters: hasId ? [{ name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } }] : [],
      ...(route.method === 'post'
        ? { requestBody: { required: true, content: { 'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'array', items: { type: 'string', format: 'binary' } } } } } } } }
        : 'body' in route
          ? { requestBody: { required: true, content: { 'application/json': { schema: z.toJSONSchema(route.body) } } } }
          : {}),
      responses: { 200: { description: 'JSON', content: { 'application/json': {} } }, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 413: ErrorBody },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'gwr: Chinese government work reports as data',
      version: '0.1.0',
      description: 'Read endpoints are open. Write endpoints answer 403 unless the server runs with --write and GWR_TOKEN, and then need "Authorization: Bearer <token>".',
    },
    components: { securitySchemes: { token: { type: 'http', scheme: 'bearer' } } },
    paths,
  };
}
