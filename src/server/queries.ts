// The read queries of the HTTP API: each one a name, a zod schema of its parameters (which also
// documents it in the OpenAPI description) and a function of a store. They run in the query
// workers, so a slow one can be stopped without stopping the server.
import { basename } from 'node:path';
import { z } from 'zod';
import type { Store, DocumentDetail, DocumentSummary } from '../store/store.ts';
import { documentConditions, regionName } from '../store/store.ts';
import { queryFigures } from '../store/figures.ts';
import { documentSentences } from '../store/sentences.ts';
import { dictionaryIndex, kwic, spread } from '../store/term-queries.ts';
import { bundledDictionaries, type Dictionary } from '../analysis/words.ts';
import { taxonomy } from '../extract/taxonomy.ts';
import { trackFromStore } from '../queries/track.ts';
import { EXPORT_TABLES, buildExport, workbook } from '../queries/exports.ts';
import { toCsv, toJsonRecords } from '../analysis/tables.ts';

/** An error with the HTTP status it should be answered with. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const LEVELS = ['national', 'province', 'prefecture', 'county'] as const;
const level = z.enum(LEVELS).optional().describe('national, province, prefecture or county');
const region = z.string().trim().min(1).max(40).optional().describe('province, city or county, full or short name (苏州 finds 苏州市)');
const year = z.coerce.number().int().min(1949).max(2100).optional();
const id = z.coerce.number().int().min(1).describe('document id');
const term = z.string().trim().min(2).max(40).describe('a term of 2 or more characters');
const metric = z.string().trim().regex(/^[a-z_]+$/).max(60).describe('canonical metric id (gdp, general_budget_revenue, …)');
const quantity = z.enum(['level', 'growth', 'reduction']);
const limit = (max: number, dflt: number) => z.coerce.number().int().min(1).max(max).default(dflt);
const offset = z.coerce.number().int().min(0).max(1_000_000).default(0);
const dictionaryName = z.string().trim().min(1).max(60).describe('name of a bundled dictionary (see /api/dictionaries)');

/** The bundled dictionaries by name; a request never names a file. */
function dictionary(name: string): Dictionary {
  const found = bundledDictionaries().find((d) => d.name === name);
  if (!found) throw new HttpError(404, `no bundled dictionary named "${name}"`);
  return found;
}

function existingDocument(store: Store, id: number): DocumentDetail {
  const d = store.getDocument(id);
  if (!d) throw new HttpError(404, `no document with id ${id}`);
  return d;
}

/** A document as the API shows it: the file's own name only, never the server's folders. */
function publicSummary<T extends DocumentSummary>(d: T): T & { region: string } {
  return { ...d, path: basename(d.path), region: regionName(d) };
}

function query<S extends z.ZodType, R>(def: { summary: string; params: S; timeoutMs?: number; run: (store: Store, params: z.output<S>) => R | Promise<R> }) {
  return def;
}

export const READ_QUERIES = {
  documents: query({
    summary: 'Documents of the corpus, filtered and paged',
    params: z.object({ kind: z.enum(['report', 'communique']).optional(), level, region, year, limit: limit(1000, 100), offset }),
    run: (store, p) => {
      const filter = { kind: p.kind, level: p.level, region: p.region, year: p.year };
      return { total: store.countDocuments(filter), documents: store.listDocuments(filter, p).map(publicSummary) };
    },
  }),

  grid: query({
    summary: 'Every document as a region × year cell (for the corpus grid)',
    params: z.object({ kind: z.enum(['report', 'communique']).optional(), level }),
    run: (store, p) => {
      const params: unknown[] = [];
      const where = documentConditions({ kind: p.kind, level: p.level }, params);
      return store.db
        .prepare(`SELECT d.id, d.kind, d.level, d.province, d.city, d.county, d.year FROM documents d ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY d.province, d.city, d.county, d.year`)
        .all(...params)
        .map((r) => ({ ...(r as Record<string, unknown>), region: regionName(r as Parameters<typeof regionName>[0]) }));
    },
  }),

  document: query({
    summary: 'One document: metadata, section outline, warnings',
    params: z.object({ id }),
    run: (store, p) => publicSummary(existingDocument(store, p.id)),
  }),

  reader: query({
    summary: 'One document for reading: its normalised text, sections, and every extracted figure and commitment with offsets',
    params: z.object({ id }),
    run: (store, p) => {
      const d = existingDocument(store, p.id);
      const figures = [...queryFigures(store.db, 'target', { docId: p.id }), ...queryFigures(store.db, 'actual', { docId: p.id })].sort((a, b) => a.start - b.start);
      const sentences = documentSentences(store.db, p.id, false);
      const commitments = (
        store.db.prepare('SELECT id, action, object, quantity, unit, start, end, sentence FROM commitments WHERE doc_id = ? ORDER BY start').all(p.id) as Array<Record<string, number | string>>
      ).map(({ sentence, ...c }) => ({ ...c, sentenceStart: sentences[sentence as number]?.start, sentenceEnd: sentences[sentence as number]?.end }));
      return { document: publicSummary(d), text: store.getText(p.id), figures, commitments };
    },
  }),

  search: query({
    summary: 'Full-text search over sentences (any query of 2 or more characters; several terms separated by spaces must all occur)',
    params: z.object({ q: z.string().trim().min(2).max(100), level, region, year, kind: z.enum(['report', 'communique']).optional(), limit: limit(200, 20), offset }),
    run: (store, p) => {
      try {
        return store.search(p.q, p);
      } catch (err) {
        throw new HttpError(400, (err as Error).message);
      }
    },
  }),

  figures: query({
    summary: 'Extracted targets or actuals (one region, one metric, or the whole corpus), each with its source sentence',
    params: z.object({
      kind: z.enum(['target', 'actual']),
      region,
      level,
      metric: metric.optional(),
      quantity: quantity.optional(),
      year: year.describe('the year the figure is for'),
      limit: limit(20000, 5000),
    }),
    run: (store, p) =>
      queryFigures(store.db, p.kind, { region: p.region, level: p.level, metric: p.metric, figureYear: p.year })
        .filter((f) => !p.quantity || f.quantity === p.quantity)
        .slice(0, p.limit),
  }),

  track: query({
    summary: "A region's targets against its outcomes over the years, with attainment and escalation against the parent region",
    params: z.object({ region, level, metric: metric.optional(), quantity: quantity.optional(), tolerance: z.coerce.number().min(0).max(10).default(0.5) }),
    run: (store, p) => {
      if (!p.region && p.level !== 'national') throw new HttpError(400, 'track needs a region, or level=national');
      return trackFromStore(store, p);
    },
  }),

  compare: query({
    summary: 'Several regions side by side: the target and the actual of one metric for one year',
    params: z.object({
      metric,
      quantity: quantity.default('growth'),
      year: z.coerce.number().int().min(1949).max(2100),
      regions: z
        .string()
        .transform((s) => s.split(/[,，、\s]+/).filter(Boolean))
        .pipe(z.array(z.string().max(40)).min(1).max(40))
        .describe('region names separated by commas'),
    }),
    run: (store, p) =>
      p.regions.map((name) => {
        const pick = (kind: 'target' | 'actual') => {
          const rows = queryFigures(store.db, kind, { region: name, metric: p.metric, figureYear: p.year }).filter((f) => f.quantity === p.quantity && !f.stretch);
          // the region's own report first, a communiqué after it
          return rows.find((f) => f.docKind === 'report') ?? rows[0] ?? null;
        };
        return { region: name, target: pick('target'), actual: pick('actual') };
      }),
  }),

  metrics: query({
    summary: 'The canonical metrics with their Chinese names',
    params: z.object({}),
    run: () => [...taxonomy.metrics.values()].map((m) => ({ id: m.id, name: m.aliases[0], kind: m.kind })),
  }),

  regions: query({
    summary: 'Every region with documents in the corpus, with its level and number of documents',
    params: z.object({}),
    run: (store) =>
      (store.db.prepare("SELECT province, city, county, level, count(*) AS documents, min(year) AS first, max(year) AS last FROM documents WHERE kind = 'report' GROUP BY province, city, county, level ORDER BY province, city, county").all() as Array<
        Record<string, any>
      >).map((r) => ({ region: regionName(r as Parameters<typeof regionName>[0]), name: r.level === 'national' ? '全国' : r.county ?? r.city ?? r.province, ...r })),
  }),

  dictionaries: query({
    summary: 'The bundled attention dictionaries',
    params: z.object({}),
    run: () => bundledDictionaries().map((d) => ({ name: d.name, description: d.description, citation: d.citation, terms: d.terms })),
  }),

  index: query({
    summary: "A dictionary's attention index (hits per 10,000 characters) for each report of a filter, overall and per section role",
    params: z.object({ dictionary: dictionaryName, level, region, year }),
    timeoutMs: 30_000,
    run: (store, p) => dictionaryIndex(store.db, dictionary(p.dictionary), { level: p.level, region: p.region, year: p.year }),
  }),

  kwic: query({
    summary: 'Keyword in context: each occurrence of a term with the characters around it',
    params: z.object({ term, window: z.coerce.number().int().min(1).max(200).default(30), level, region, year, limit: limit(2000, 200) }),
    run: (store, p) => kwic(store.db, p.term, p.window, { level: p.level, region: p.region, year: p.year }, p.limit),
  }),

  spread: query({
    summary: 'First appearance and spread of a term across regions and years',
    params: z.object({ term, level, region }),
    run: (store, p) => spread(store.db, p.term, { level: p.level, region: p.region }),
  }),

  export: query({
    summary: 'A table as `gwr export` writes it: CSV (UTF-8 with BOM), XLSX (long table and wide panel) or JSON',
    params: z.object({
      table: z.enum(EXPORT_TABLES),
      format: z.enum(['csv', 'xlsx', 'json']).default('csv'),
      wide: z.enum(['0', '1', 'true', 'false']).optional().transform((v) => v === '1' || v === 'true'),
      level,
      region,
      year,
      dictionary: dictionaryName.optional(),
      tolerance: z.coerce.number().min(0).max(10).default(0.5),
    }),
    timeoutMs: 60_000,
    run: async (store, p) => {
      if (p.dictionary) dictionary(p.dictionary);
      const tables = buildExport(store, p.table, { level: p.level, region: p.region, year: p.year }, { tolerance: p.tolerance, dict: p.dictionary ? [p.dictionary] : undefined });
      const table = p.wide && tables[1] ? tables[1] : tables[0];
      const name = `gwr-${table.name}`;
      if (p.format === 'xlsx') return { filename: `${name}.xlsx`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', body: new Uint8Array(await workbook(tables)) };
      if (p.format === 'json') return { filename: `${name}.json`, contentType: 'application/json; charset=utf-8', body: JSON.stringify(toJsonRecords(table)) };
      return { filename: `${name}.csv`, contentType: 'text/csv; charset=utf-8', body: toCsv(table) };
    },
  }),
};

export type QueryName = keyof typeof READ_QUERIES;

/** Runs a query by name on parameters already validated against its schema. */
export async function runQuery(store: Store, name: QueryName, params: unknown): Promise<unknown> {
  const q = READ_QUERIES[name] as { run: (store: Store, params: unknown) => unknown };
  return q.run(store, params);
}
