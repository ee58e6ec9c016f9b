// The `gwr` command line. Each command is a thin view over the store and the pure stages.
import { Command, CommanderError, Option } from 'commander';
import cliProgress from 'cli-progress';
import type { DocumentMetadata, Level } from '../types.ts';
import { Store, resolveDbPath, regionName, type DocumentFilter } from '../store/store.ts';
import { collectFiles, parseMetadataOverrides } from '../ingest/files.ts';
import type { IngestOutcome } from '../ingest/ingest.ts';
import { ingestFiles } from '../ingest/pipeline.ts';
import { table, truncate } from './format.ts';
import { registerExtractionCommands } from './extraction-commands.ts';
import { registerAnalysisCommands } from './analysis-commands.ts';
import { registerExportCommand } from './export-command.ts';
import { registerServerCommands } from './server-commands.ts';

const LEVELS = ['national', 'province', 'prefecture', 'county'];

function out(s: string): void {
  process.stdout.write(s.endsWith('\n') ? s : s + '\n');
}

function json(value: unknown): void {
  out(JSON.stringify(value, null, 2));
}

export function openStore(opts: { db?: string }): Store {
  return new Store(resolveDbPath(opts.db));
}

function filterFrom(opts: { level?: string; year?: string; region?: string }): DocumentFilter {
  const f: DocumentFilter = {};
  if (opts.level) f.level = opts.level as Level;
  if (opts.year !== undefined) {
    const y = Number(opts.year);
    if (!Number.isInteger(y)) throw new CommanderError(2, 'gwr.badYear', `--year must be a year, not "${opts.year}"`);
    f.year = y;
  }
  if (opts.region) f.region = opts.region;
  return f;
}

const dbOption = () => new Option('--db <file>', 'SQLite database file (default: $GWR_DB or ./gwr.db)');
const levelOption = () => new Option('--level <level>', 'national | province | prefecture | county').choices(LEVELS);

async function addCommand(paths: string[], opts: Record<string, string | boolean | undefined>): Promise<number> {
  const overrides: Partial<DocumentMetadata> = parseMetadataOverrides(
    Object.fromEntries(
      ['province', 'city', 'county', 'level', 'code', 'year', 'date', 'meeting', 'speaker', 'speakerTitle']
        .filter((k) => opts[k] !== undefined)
        .map((k) => [k, opts[k]]),
    ),
    'command line',
  );
  const list = await collectFiles(paths);
  for (const m of list.missing) process.stderr.write(`gwr: ${m}: no such file or folder\n`);
  if (!list.files.length) {
    process.stderr.write('gwr: no report files found\n');
    return list.missing.length ? 1 : 0;
  }
  const positive = (flag: string, value: unknown, min: number): number | undefined => {
    if (value === undefined) return undefined;
    const n = Number(value);
    if (!Number.isFinite(n) || n < min) throw new CommanderError(2, 'gwr.badNumber', `--${flag} must be a number of at least ${min}, not "${value}"`);
    return n;
  };
  const batchMb = positive('batch-mb', opts.batchMb, 0.001);
  const workers = positive('workers', opts.workers, 0);
  const store = openStore(opts as { db?: string });
  const showBar = process.stderr.isTTY && list.files.length > 1 && !opts.json;
  const bar = showBar
    ? new cliProgress.SingleBar({ format: 'gwr add [{bar}] {value}/{total} files | {added} added, {duplicate} duplicate, {failed} failed', hideCursor: true, stream: process.stderr }, cliProgress.Presets.shades_classic)
    : null;
  const counts = { added: 0, duplicate: 0, failed: 0 };
  bar?.start(list.files.length, 0, counts);
  const outcomes: IngestOutcome[] = [];
  const verbose = !showBar && list.files.length <= 50 && !opts.json;
  try {
    await ingestFiles(store, list.files, {
      overrides,
      extract: opts.extract !== false,
      batchBytes: batchMb === undefined ? undefined : batchMb * 1e6,
      workers: workers === undefined ? undefined : Math.floor(workers),
      onOutcome: (o) => {
        // only failures are kept, unless the whole list is asked for: memory stays flat on big runs
        if (opts.json || o.status === 'failed') outcomes.push(o);
        counts[o.status]++;
        bar?.increment(1, counts);
        if (verbose) {
          if (o.status === 'failed') process.stderr.write(`failed     ${o.file}: ${o.error}\n`);
          else out(`${o.status === 'added' ? 'added    ' : 'duplicate'}  #${o.id}  ${o.file}  ${o.metadata ? `${regionName(o.metadata)} ${o.metadata.year ?? ''}` : ''}${o.status === 'duplicate' ? '  (already in the corpus, not added again)' : ''}`);
        }
      },
    });
  } finally {
    bar?.stop();
    store.close();
  }
  if (opts.json) {
    json({ added: counts.added, duplicate: counts.duplicate, failed: counts.failed, skipped: list.skipped, missing: list.missing, files: outcomes });
  } else {
    const failures = outcomes.filter((o) => o.status === 'failed');
    if (!verbose && failures.length) {
      process.stderr.write(`\n${failures.length} file(s) failed:\n`);
      for (const f of failures) process.stderr.write(`  ${f.file}: ${f.error}\n`);
    }
    const skipped = list.skipped.length ? `, ${list.skipped.length} skipped (not a report file type)` : '';
    out(`${counts.added} added, ${counts.duplicate} already present, ${counts.failed} failed${skipped} — database ${resolveDbPath(opts.db as string | undefined)}`);
  }
  return counts.failed > 0 || list.missing.length > 0 ? 1 : 0;
}

function listCommand(opts: { db?: string; json?: boolean; level?: string; year?: string; region?: string }): number {
  const store = openStore(opts);
  try {
    const docs = store.listDocuments(filterFrom(opts));
    if (opts.json) json(docs);
    else if (!docs.length) out('no documents (add some with: gwr add FILES_OR_FOLDERS)');
    else out(table(['id', 'region', 'level', 'year', 'date', 'speaker', 'chars', 'sections'], docs.map((d) => [d.id, regionName(d), d.level, d.year, d.date, d.speaker, d.chars, d.sections])));
    return 0;
  } finally {
    store.close();
  }
}

function showCommand(idText: string, opts: { db?: string; json?: boolean; text?: boolean; original?: boolean }): number {
  const id = Number(idText);
  if (!Number.isInteger(id)) throw new CommanderError(2, 'gwr.badId', `document id must be a number, not "${idText}"`);
  const store = openStore(opts);
  try {
    const d = store.getDocument(id);
    if (!d) {
      process.stderr.write(`gwr: no document with id ${id}\n`);
      return 1;
    }
    if (opts.text || opts.original) {
      process.stdout.write((opts.original ? store.getOriginalText(id) : store.getText(id)) ?? '');
      return 0;
    }
    if (opts.json) {
      json(d);
      return 0;
    }
    const fields: Array<[string, unknown]> = [
      ['id', d.id], ['title', d.title], ['region', regionName(d)], ['province', d.province], ['city', d.city], ['county', d.county],
      ['level', d.level], ['code', d.code], ['year', d.year], ['date', d.date], ['meeting', d.meeting],
      ['speaker', d.speaker ? `${d.speaker}${d.speakerTitle ? ` (${d.speakerTitle})` : ''}` : null],
      ['file', `${d.path} (${d.format}, ${d.encoding})`], ['source', d.source], ['chars', d.chars], ['sentences', d.sentenceCount],
      ['warnings', d.warnings.join('; ') || null],
    ];
    for (const [k, v] of fields) if (v !== null && v !== undefined && v !== '') out(`${k.padEnd(10)} ${v}`);
    out('\nsections:');
    for (const s of d.sectionList) {
      out(`${'  '.repeat(Math.max(0, s.level))}${s.number}${truncate(s.title, 50)}  [${s.role}]  ${s.start}–${s.end}`);
    }
    return 0;
  } finally {
    store.close();
  }
}

function searchCommand(query: string, opts: { db?: string; json?: boolean; limit: string; level?: string; year?: string; region?: string; context: string }): number {
  if (Array.from(query.trim()).length < 2) {
    process.stderr.write('gwr: a search needs at least 2 characters\n');
    return 2;
  }
  const store = openStore(opts);
  try {
    const hits = store.search(query, { ...filterFrom(opts), limit: Number(opts.limit), context: Number(opts.context) });
    if (opts.json) {
      json(hits);
      return 0;
    }
    if (!hits.length) out(`no hits for "${query}"`);
    for (const h of hits) {
      out(`#${h.docId} ${h.region} ${h.year ?? ''}  § ${h.sectionTitle ? truncate(h.sectionTitle, 30) : '(opening)'}  [${h.start}–${h.end}]`);
      out(`    …${h.before}【${h.match}】${h.after}…`);
    }
    return 0;
  } finally {
    store.close();
  }
}

export function buildProgram(result: { code: number }): Command {
  const program = new Command('gwr')
    .description('Chinese government work reports (政府工作报告) as structured, traceable, searchable data')
    .exitOverride()
    .showHelpAfterError();

  const add = program
    .command('add')
    .description('add report files or folders to the corpus (txt/md in UTF-8, UTF-16 or GB18030; html; docx; pdf)')
    .argument('<paths...>', 'files or folders (searched recursively)')
    .addOption(dbOption())
    .option('--json', 'print the outcome of every file as JSON')
    .option('--no-extract', 'store the documents without extracting figures')
    .option('--batch-mb <megabytes>', 'input written per transaction (default 1)')
    .option('--workers <n>', 'threads that read and analyse the files (default: one per core but one, which writes; at most 4; 0: none)');
  for (const k of ['province', 'city', 'county', 'code', 'year', 'date', 'meeting', 'speaker']) add.option(`--${k} <value>`, `set the ${k} instead of detecting it`);
  add.addOption(levelOption()).option('--speaker-title <value>', "set the speaker's title");
  add.action(async (paths, opts) => {
    result.code = await addCommand(paths, opts);
  });

  program
    .command('list')
    .description('list the documents in the corpus')
    .addOption(dbOption())
    .addOption(levelOption())
    .option('--year <year>', 'only this year')
    .option('--region <name>', 'only this province, city or county (prefix: 苏州 finds 苏州市)')
    .option('--json', 'print JSON')
    .action((opts) => {
      result.code = listCommand(opts);
    });

  program
    .command('show')
    .description('show one document: metadata and section outline with character ranges')
    .argument('<id>', 'document id (see gwr list)')
    .addOption(dbOption())
    .option('--json', 'print JSON')
    .option('--text', 'print the normalised text (the offsets of sections, sentences and figures are in it)')
    .option('--original', 'print the text as it was read from the file, before normalisation')
    .action((id, opts) => {
      result.code = showCommand(id, opts);
    });

  program
    .command('search')
    .description('full-text search over sentences (2 or more characters; several terms must all occur)')
    .argument('<query>', 'text to find')
    .addOption(dbOption())
    .addOption(levelOption())
    .option('--year <year>', 'only this year')
    .option('--region <name>', 'only this province, city or county')
    .option('--limit <n>', 'most hits to show', '20')
    .option('--context <n>', 'characters of context on each side', '30')
    .option('--json', 'print JSON')
    .action((query, opts) => {
      result.code = searchCommand(query, opts);
    });

  registerExtractionCommands(program, result);
  registerAnalysisCommands(program, result);
  registerExportCommand(program, result);
  registerServerCommands(program, result);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const result = { code: 0 };
  const program = buildProgram(result);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return result.code;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
      if (err.code.startsWith('gwr.')) process.stderr.write(`gwr: ${err.message}\n`);
      return err.exitCode || 2;
    }
    process.stderr.write(`gwr: ${(err as Error).message}\n`);
    return 1;
  }
}
