// CLI commands for extraction: `extract` (files → contract JSON or a table), `eval` (against gold
// labels) and `targets`/`actuals` (from the database).
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { Command, Option } from 'commander';
import { readReport } from '../readers/index.ts';
import { analyseDocument } from '../structure/document.ts';
import { extractFigures } from '../extract/extract.ts';
import { toContract, type ContractOutput } from '../extract/contract.ts';
import { scoreFile, totalScore, type GoldFile, type Score } from '../extract/evaluate.ts';
import { queryFigures } from '../store/figures.ts';
import { collectFiles } from '../ingest/files.ts';
import { table, truncate } from './format.ts';
import { Store, resolveDbPath } from '../store/store.ts';

async function extractFile(file: string): Promise<ContractOutput> {
  const doc = analyseDocument(await readReport(file));
  return toContract(doc, extractFigures(doc));
}

function fmtValue(r: Record<string, any>): string {
  if (r.modifier === 'not_set') return '(not set)';
  if (r.value === null) return '(qualitative)';
  return `${r.value}${r.value2 !== null && r.value2 !== undefined ? `–${r.value2}` : ''}${r.unit ?? ''}`;
}

function printExtraction(file: string, x: ContractOutput): void {
  const d = x.document;
  process.stdout.write(`${file}: ${[d.province, d.city, d.county].filter(Boolean).join('') || (d.level === 'national' ? '全国' : '?')} ${d.level ?? ''} ${d.year ?? ''} ${d.date ?? ''} ${d.speaker ?? ''}\n\n`);
  process.stdout.write(`targets for ${d.target_year ?? '?'} (${x.targets.length})\n`);
  process.stdout.write(table(['metric', 'quantity', 'value', 'modifier', 'stretch', 'label', 'offsets'], x.targets.map((t: any) => [t.metric, t.quantity, fmtValue(t), t.modifier, t.stretch ? 'yes' : '', truncate(t.label, 24), `${t.start}–${t.end}`])) + '\n\n');
  process.stdout.write(`actuals (${x.actuals.length})\n`);
  process.stdout.write(table(['metric', 'quantity', 'value', 'year', 'estimated', 'label', 'offsets'], x.actuals.map((a: any) => [a.metric, a.quantity, fmtValue(a), a.year, a.estimated ? 'yes' : '', truncate(a.label, 24), `${a.start}–${a.end}`])) + '\n\n');
  process.stdout.write(`commitments (${x.commitments.length})\n`);
  process.stdout.write(table(['action', 'object', 'quantity', 'unit'], x.commitments.slice(0, 40).map((c: any) => [c.action, truncate(c.object, 20), c.quantity, c.unit])) + (x.commitments.length > 40 ? `\n… ${x.commitments.length - 40} more (--json for all)` : '') + '\n');
}

function pct(s: Score): string {
  return `P ${s.precision.toFixed(3)}  R ${s.recall.toFixed(3)}  F1 ${s.f1.toFixed(3)}  (${s.tp}/${s.predicted} predicted, ${s.gold} gold)`;
}

export function registerExtractionCommands(program: Command, result: { code: number }): void {
  program
    .command('extract')
    .description('extract targets, actuals and commitments from report files (no database needed)')
    .argument('<paths...>', 'report files or folders')
    .option('--json', 'print the JSON of the extraction contract')
    .option('--out <dir>', 'write one <basename>.json per input file into this folder')
    .action(async (paths: string[], opts: { json?: boolean; out?: string }) => {
      const list = await collectFiles(paths);
      for (const m of list.missing) process.stderr.write(`gwr: ${m}: no such file or folder\n`);
      let failed = list.missing.length;
      if (opts.out) await mkdir(opts.out, { recursive: true });
      const single = list.files.length === 1 && !opts.out;
      const all: Array<ContractOutput & { file: string }> = [];
      for (const file of list.files) {
        let x: ContractOutput;
        try {
          x = await extractFile(file);
        } catch (err) {
          process.stderr.write(`gwr: ${(err as Error).message}\n`);
          failed++;
          continue;
        }
        if (opts.out) await writeFile(join(opts.out, `${basename(file, extname(file))}.json`), JSON.stringify(x, null, 2) + '\n');
        else if (opts.json) all.push({ file, ...x });
        else printExtraction(file, x);
      }
      if (opts.json && !opts.out) {
        const value = single ? (({ file: _f, ...rest }) => rest)(all[0] ?? { file: '' }) : all;
        if (all.length) process.stdout.write(JSON.stringify(value, null, 2) + '\n');
      }
      if (opts.out) process.stdout.write(`${list.files.length - failed + list.missing.length} file(s) written to ${opts.out}\n`);
      result.code = failed ? 1 : 0;
    });

  program
    .command('eval')
    .description('score extraction against gold labels (P/R/F1 for targets and actuals, metadata accuracy)')
    .requiredOption('--texts <dir>', 'folder of report texts (<name>.txt/.md/…)')
    .requiredOption('--gold <dir>', 'folder of gold labels (<name>.json)')
    .option('--json', 'print JSON')
    .option('--verbose', 'list every miss')
    .action(async (opts: { texts: string; gold: string; json?: boolean; verbose?: boolean }) => {
      const golds = (await readdir(opts.gold)).filter((f) => f.endsWith('.json')).sort();
      const texts = await readdir(opts.texts);
      const files = [];
      for (const g of golds) {
        const name = basename(g, '.json');
        const text = texts.find((t) => basename(t, extname(t)) === name);
        if (!text) {
          process.stderr.write(`gwr: no text for gold file ${g} in ${opts.texts}\n`);
          result.code = 1;
          continue;
        }
        const gold = JSON.parse(await readFile(join(opts.gold, g), 'utf8')) as GoldFile;
        const pred = (await extractFile(join(opts.texts, text))) as unknown as GoldFile;
        files.push(scoreFile(name, pred, gold));
      }
      const total = totalScore(files);
      if (opts.json) {
        process.stdout.write(JSON.stringify({ files, total }, null, 2) + '\n');
        return;
      }
      for (const f of files) {
        process.stdout.write(`${f.name}\n  targets  ${pct(f.targets)}\n  actuals  ${pct(f.actuals)}\n  metadata ${f.metadata.right}/${f.metadata.total}\n`);
        if (opts.verbose) for (const line of [...f.metadata.wrong, ...f.missedTargets, ...f.wrongTargets, ...f.missedActuals, ...f.wrongActuals]) process.stdout.write(`    ${line}\n`);
      }
      process.stdout.write(`TOTAL\n  targets  ${pct(total.targets)}\n  actuals  ${pct(total.actuals)}\n  metadata ${(total.metadata * 100).toFixed(1)}%\n`);
    });

  for (const kind of ['target', 'actual'] as const) {
    program
      .command(`${kind}s`)
      .description(`${kind}s stored in the database, with their source sentence`)
      .addOption(new Option('--db <file>', 'SQLite database file (default: $GWR_DB or ./gwr.db)'))
      .option('--region <name>', 'province, city or county (prefix: 苏州 finds 苏州市)')
      .option('--year <year>', `year the ${kind} is for`)
      .option('--metric <id>', 'canonical metric id (gdp, retail_sales, …) or other')
      .addOption(new Option('--level <level>', 'national | province | prefecture | county').choices(['national', 'province', 'prefecture', 'county']))
      .option('--json', 'print JSON')
      .action((opts: { db?: string; region?: string; year?: string; metric?: string; level?: any; json?: boolean }) => {
        const store = new Store(resolveDbPath(opts.db));
        try {
          const rows = queryFigures(store.db, kind, { region: opts.region, figureYear: opts.year ? Number(opts.year) : undefined, metric: opts.metric, level: opts.level });
          if (opts.json) process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
          else if (!rows.length) process.stdout.write(`no ${kind}s found\n`);
          else {
            process.stdout.write(table(
              ['doc', 'region', 'year', 'metric', 'quantity', 'value', kind === 'target' ? 'modifier' : 'estimated', 'source'],
              rows.map((r) => [r.docId, r.region, r.year, r.metric, r.quantity, fmtValue(r), kind === 'target' ? r.modifier : r.estimated ? 'yes' : '', `${truncate(r.text, 36)} [${r.start}–${r.end}]`]),
            ) + '\n');
          }
        } finally {
          store.close();
        }
      });
  }
}
