// CLI commands for analysis across reports: `track` (targets against outcomes).
import { Command, Option } from 'commander';
import type { Level } from '../types.ts';
import { Store, resolveDbPath } from '../store/store.ts';
import { trackFromStore } from '../queries/track.ts';
import { table, truncate } from './format.ts';
import { bundledDictionaries, loadDictionary } from '../analysis/words.ts';
import { dictionaryIndex, filteredDocuments, kwic, spread } from '../store/term-queries.ts';
import { wordCounts } from '../analysis/words.ts';
import { keyness } from '../analysis/keyness.ts';
import { glossaryEntries, slogans } from '../extract/glossary.ts';
import type Database from 'better-sqlite3';
import type { DocumentFilter } from '../store/store.ts';

function fmt(v: number | null, v2: number | null, unit: string | null): string {
  if (v === null) return '';
  return `${v}${v2 !== null ? `–${v2}` : ''}${unit ?? ''}`;
}

const MODIFIER_SIGN: Record<string, string> = { around: '≈', at_least: '≥', at_most: '≤', range: '', point: '', qualitative: '(qualitative)', not_set: '(not set)' };

const dbOpt = () => new Option('--db <file>', 'SQLite database file (default: $GWR_DB or ./gwr.db)');

/** The usual document filters of the analysis commands. */
function withFilters(cmd: Command): Command {
  return cmd
    .addOption(dbOpt())
    .option('--region <name>', 'province, city or county (prefix: 苏州 finds 苏州市)')
    .addOption(new Option('--level <level>', 'national | province | prefecture | county').choices(['national', 'province', 'prefecture', 'county']))
    .option('--year <year>', 'only this year')
    .option('--json', 'print JSON');
}

function filterOf(opts: { region?: string; level?: Level; year?: string }): DocumentFilter {
  return { region: opts.region, level: opts.level, year: opts.year === undefined ? undefined : Number(opts.year) };
}

/** Runs a command body with the store open, turning thrown errors into a message and exit code 1. */
function withStore(result: { code: number }, db: string | undefined, body: (store: Store) => void): void {
  const store = new Store(resolveDbPath(db));
  try {
    body(store);
  } catch (err) {
    process.stderr.write(`gwr: ${(err as Error).message}\n`);
    result.code = 1;
  } finally {
    store.close();
  }
}

/** Word counts over the documents of a filter. */
function corpusWords(db: Database.Database, filter: DocumentFilter): { counts: Map<string, number>; documents: number } {
  const docs = filteredDocuments(db, filter);
  const text = db.prepare('SELECT text FROM document_texts WHERE doc_id = ?').pluck();
  const counts = new Map<string, number>();
  for (const id of docs.keys()) wordCounts(text.get(id) as string, counts);
  return { counts, documents: docs.size };
}

/** "2013-2017" or "2020" as a year filter. */
function yearRange(spec: string): (y: number | null) => boolean {
  const m = /^(\d{4})(?:\s*[-–~]\s*(\d{4}))?$/.exec(spec.trim());
  if (!m) throw new Error(`a year or a range of years is needed (2013-2017), not "${spec}"`);
  const lo = Number(m[1]);
  const hi = Number(m[2] ?? m[1]);
  return (y) => y !== null && y >= lo && y <= hi;
}

export function registerAnalysisCommands(program: Command, result: { code: number }): void {
  withFilters(
    program
      .command('glossary')
      .description('glossary entries (名词解释) of the reports, with their explanations')
      .option('--term <text>', 'only entries whose term contains this'),
  ).action((opts: { term?: string; db?: string; json?: boolean; region?: string; level?: Level; year?: string }) => {
    withStore(result, opts.db, (store) => {
      const rows = [];
      for (const d of filteredDocuments(store.db, filterOf(opts)).values()) {
        const st = store.getStructure(d.id)!;
        for (const e of glossaryEntries(st)) if (!opts.term || e.term.includes(opts.term)) rows.push({ docId: d.id, region: d.region, year: d.year, ...e });
      }
      if (opts.json) process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
      else process.stdout.write(table(['doc', 'region', 'year', 'term', 'explanation'], rows.map((r) => [r.docId, r.region, r.year, r.term, truncate(r.explanation, 60)])) + '\n');
    });
  });

  withFilters(
    program
      .command('slogans')
      .description('numbered slogans in quotation marks (“四个走在前”, “1030产业体系”) across reports, with explanations')
      .option('--top <n>', 'how many', '50'),
  ).action((opts: { top: string; db?: string; json?: boolean; region?: string; level?: Level; year?: string }) => {
    withStore(result, opts.db, (store) => {
      const all = new Map<string, { slogan: string; reports: number; mentions: number; firstYear: number | null; firstDoc: number; regions: Set<string>; explanation: string | null }>();
      for (const d of filteredDocuments(store.db, filterOf(opts)).values()) {
        for (const s of slogans(store.getStructure(d.id)!)) {
          const a = all.get(s.slogan) ?? { slogan: s.slogan, reports: 0, mentions: 0, firstYear: d.year, firstDoc: d.id, regions: new Set<string>(), explanation: null };
          a.reports++;
          a.mentions += s.count;
          a.regions.add(d.region);
          a.explanation ??= s.explanation;
          if (d.year !== null && (a.firstYear === null || d.year < a.firstYear)) {
            a.firstYear = d.year;
            a.firstDoc = d.id;
          }
          all.set(s.slogan, a);
        }
      }
      const rows = [...all.values()].sort((a, b) => b.reports - a.reports || b.mentions - a.mentions).slice(0, Number(opts.top)).map((a) => ({ ...a, regions: [...a.regions] }));
      if (opts.json) process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
      else process.stdout.write(table(['slogan', 'reports', 'mentions', 'first', 'regions', 'explanation'], rows.map((r) => [r.slogan, r.reports, r.mentions, r.firstYear, r.regions.length, truncate(r.explanation ?? '', 50)])) + '\n');
    });
  });

  withFilters(
    program
      .command('words')
      .description('word frequencies (jieba, with policy terms kept whole and stop words left out)')
      .option('--top <n>', 'how many words', '50'),
  ).action((opts: { top: string; db?: string; json?: boolean; region?: string; level?: Level; year?: string }) => {
    withStore(result, opts.db, (store) => {
      const { counts, documents } = corpusWords(store.db, filterOf(opts));
      const total = [...counts.values()].reduce((a, b) => a + b, 0);
      const top = [...counts].sort((a, b) => b[1] - a[1]).slice(0, Number(opts.top)).map(([word, count]) => ({ word, count, per10k: Math.round((count / total) * 1e4 * 100) / 100 }));
      if (opts.json) process.stdout.write(JSON.stringify({ documents, words: total, top }, null, 2) + '\n');
      else process.stdout.write(`${documents} reports, ${total} words\n` + table(['word', 'count', 'per 10k words'], top.map((t) => [t.word, t.count, t.per10k])) + '\n');
    });
  });

  program
    .command('keyness')
    .description('words key to one group of reports against another: log-likelihood G² and Log Ratio')
    .addOption(dbOpt())
    .requiredOption('--a <years>', 'group A: a year or range of years, e.g. 2013-2017')
    .requiredOption('--b <years>', 'group B, e.g. 2021-2025')
    .option('--region <name>', 'only this region')
    .addOption(new Option('--level <level>', 'only this level').choices(['national', 'province', 'prefecture', 'county']))
    .option('--top <n>', 'how many words for each group', '30')
    .option('--min <n>', 'least count in both groups together', '5')
    .option('--json', 'print JSON')
    .action((opts: { a: string; b: string; db?: string; region?: string; level?: Level; top: string; min: string; json?: boolean }) => {
      withStore(result, opts.db, (store) => {
        const inA = yearRange(opts.a);
        const inB = yearRange(opts.b);
        const docs = filteredDocuments(store.db, { region: opts.region, level: opts.level });
        const text = store.db.prepare('SELECT text FROM document_texts WHERE doc_id = ?').pluck();
        const a = new Map<string, number>();
        const b = new Map<string, number>();
        let na = 0;
        let nb = 0;
        for (const d of docs.values()) {
          if (inA(d.year)) {
            wordCounts(text.get(d.id) as string, a);
            na++;
          } else if (inB(d.year)) {
            wordCounts(text.get(d.id) as string, b);
            nb++;
          }
        }
        if (!na || !nb) throw new Error(`each group needs reports: A has ${na}, B has ${nb}`);
        const rows = keyness(a, b, { minCount: Number(opts.min) });
        const top = Number(opts.top);
        const forA = rows.filter((r) => r.keyFor === 'a').slice(0, top);
        const forB = rows.filter((r) => r.keyFor === 'b').slice(0, top);
        if (opts.json) {
          process.stdout.write(JSON.stringify({ a: { years: opts.a, reports: na }, b: { years: opts.b, reports: nb }, keyForA: forA, keyForB: forB }, null, 2) + '\n');
          return;
        }
        const show = (title: string, list: typeof rows) =>
          `${title}\n` + table(['word', 'A', 'B', 'A/10k', 'B/10k', 'G²', 'log ratio'], list.map((r) => [r.word, r.a, r.b, r.aPer10k, r.bPer10k, r.g2, r.logRatio])) + '\n\n';
        process.stdout.write(show(`key for A (${opts.a}, ${na} reports)`, forA) + show(`key for B (${opts.b}, ${nb} reports)`, forB));
      });
    });

  program
    .command('dicts')
    .description('the bundled dictionaries, with description and citation')
    .option('--json', 'print JSON')
    .action((opts: { json?: boolean }) => {
      const ds = bundledDictionaries();
      if (opts.json) process.stdout.write(JSON.stringify(ds, null, 2) + '\n');
      else for (const d of ds) process.stdout.write(`${d.name}  ${d.title}  (${d.terms.length} terms)\n  ${d.description}\n  ${d.citation}\n\n`);
    });

  withFilters(
    program
      .command('index')
      .description('a dictionary\'s attention index per report: hits per 10,000 characters, overall and per section role')
      .requiredOption('--dict <name|file>', 'a bundled dictionary (gwr dicts) or your own YAML/JSON/plain-list file'),
  ).action((opts: { dict: string; db?: string; json?: boolean; region?: string; level?: Level; year?: string }) => {
    withStore(result, opts.db, (store) => {
      const dictionary = loadDictionary(opts.dict);
      const rows = dictionaryIndex(store.db, dictionary, filterOf(opts));
      if (opts.json) {
        process.stdout.write(JSON.stringify({ dictionary: { name: dictionary.name, citation: dictionary.citation }, rows }, null, 2) + '\n');
        return;
      }
      const r2 = (r: (typeof rows)[number], role: string) => r.roles[role]?.index ?? '';
      process.stdout.write(`${dictionary.title}: hits per 10,000 characters\n`);
      process.stdout.write(table(['doc', 'region', 'year', 'chars', 'hits', 'index', 'review', 'targets', 'tasks'], rows.map((r) => [r.docId, r.region, r.year, r.chars, r.hits, r.index, r2(r, 'review'), r2(r, 'targets'), r2(r, 'tasks')])) + '\n');
    });
  });

  withFilters(
    program
      .command('kwic')
      .description('keyword in context: every occurrence of a term with the text around it')
      .argument('<term>', 'the term (2 or more characters)')
      .option('--window <n>', 'characters on each side', '30')
      .option('--limit <n>', 'most lines to show', '200'),
  ).action((term: string, opts: { window: string; limit: string; db?: string; json?: boolean; region?: string; level?: Level; year?: string }) => {
    withStore(result, opts.db, (store) => {
      const lines = kwic(store.db, term, Number(opts.window), filterOf(opts), Number(opts.limit));
      if (opts.json) process.stdout.write(JSON.stringify(lines, null, 2) + '\n');
      else if (!lines.length) process.stdout.write(`no occurrences of ${term}\n`);
      else {
        const w = Number(opts.window);
        for (const l of lines) process.stdout.write(`#${l.docId} ${truncate(`${l.region} ${l.year ?? ''}`, 22).padEnd(22)} ${l.left.padStart(w, '　')}【${l.term}】${l.right}\n`);
      }
    });
  });

  withFilters(
    program
      .command('spread')
      .description('first appearance and spread of a term across regions and years')
      .argument('<term>', 'the term (2 or more characters)'),
  ).action((term: string, opts: { db?: string; json?: boolean; region?: string; level?: Level; year?: string }) => {
    withStore(result, opts.db, (store) => {
      const s = spread(store.db, term, filterOf(opts));
      if (opts.json) {
        process.stdout.write(JSON.stringify(s, null, 2) + '\n');
        return;
      }
      if (!s.first) {
        process.stdout.write(`${term}: not used in any report of the corpus\n`);
        return;
      }
      process.stdout.write(`${term}: first in #${s.first.docId} ${s.first.region} ${s.first.year ?? ''} (${s.first.level}); in ${s.documents} reports of ${s.regions} regions\n\n`);
      process.stdout.write(table(['year', 'reports using it', 'reports', 'share', 'regions'], s.byYear.filter((y) => y.documents > 0).map((y) => [y.year, y.documents, y.corpus, y.share, truncate(y.regions.join('、'), 60)])) + '\n');
    });
  });

  program
    .command('track')
    .description('targets against outcomes: each year\'s target with the actual reported for that year, attainment and gap')
    .addOption(new Option('--db <file>', 'SQLite database file (default: $GWR_DB or ./gwr.db)'))
    .option('--region <name>', 'province, city or county (its own reports)')
    .addOption(new Option('--level <level>', 'national | province | prefecture | county (national: the State Council\'s reports)').choices(['national', 'province', 'prefecture', 'county']))
    .option('--metric <id>', 'canonical metric id, e.g. gdp')
    .option('--quantity <q>', 'level | growth | reduction')
    .option('--year <year>', 'only the targets for this year')
    .option('--tolerance <pp>', 'tolerance for "around" targets, in percentage points (for % figures) or percent of the target', '0.5')
    .option('--json', 'one record per target')
    .action((opts: { db?: string; region?: string; level?: Level; metric?: string; quantity?: string; year?: string; tolerance: string; json?: boolean }) => {
      if (!opts.region && !opts.level) {
        process.stderr.write('gwr: track needs --region NAME or --level national\n');
        result.code = 2;
        return;
      }
      const tolerance = Number(opts.tolerance);
      if (!Number.isFinite(tolerance) || tolerance < 0) {
        process.stderr.write('gwr: --tolerance must be a non-negative number\n');
        result.code = 2;
        return;
      }
      const store = new Store(resolveDbPath(opts.db));
      try {
        const rows = trackFromStore(store, { ...opts, tolerance }).filter((r) => !opts.year || r.year === Number(opts.year));
        if (opts.json) {
          process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
          return;
        }
        if (!rows.length) {
          process.stdout.write('no targets found\n');
          return;
        }
        process.stdout.write(table(
          ['year', 'region', 'metric', 'quantity', 'target', 'actual', 'source', 'status', 'gap', 'parent target', 'escalation'],
          rows.map((r) => [
            r.year, r.region, r.metric, r.quantity,
            `${MODIFIER_SIGN[r.target.modifier ?? 'point'] ?? ''}${fmt(r.target.value, r.target.value2, r.target.unit)}${r.target.stretch ? ' (力争)' : ''}`,
            r.actual ? `${fmt(r.actual.value, null, r.actual.unit)}${r.actual.estimated ? ' (预计)' : ''}` : '',
            r.actual ? `${r.actual.source} #${r.actual.docId}` : '',
            r.status, r.gap, r.parent ? `${r.parent.region} ${MODIFIER_SIGN[r.parent.modifier ?? 'point'] ?? ''}${fmt(r.parent.value, r.parent.value2, r.parent.unit)}` : '', r.escalation,
          ]),
        ) + '\n');
      } finally {
        store.close();
      }
    });
}
