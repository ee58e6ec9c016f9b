// `gwr export`: tidy long tables (and wide panels) of the corpus as CSV, XLSX or JSON.
import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { Command, Option } from 'commander';
import type { Level } from '../types.ts';
import { Store, resolveDbPath } from '../store/store.ts';
import { stataDo, toCsv, toJsonRecords } from '../analysis/tables.ts';
import { EXPORT_TABLES, buildExport, workbook, type ExportTable } from '../queries/exports.ts';

export function registerExportCommand(program: Command, result: { code: number }): void {
  program
    .command('export')
    .description('tidy tables for Excel, Stata, R and pandas: targets, actuals, attainment, indices, commitments, documents')
    .addArgument(new Command().createArgument('<table>', EXPORT_TABLES.join(' | ')).choices(EXPORT_TABLES))
    .addOption(new Option('--format <format>', 'csv (UTF-8 with BOM) | xlsx | json').choices(['csv', 'xlsx', 'json']).default('csv'))
    .option('--out <file>', 'file to write (needed for xlsx; csv and json go to standard output without it)')
    .option('--wide', 'the wide panel (region × year) instead of the long table (xlsx has both sheets)')
    .option('--stata', 'with csv --out: also write a .do file that imports it with variable labels')
    .option('--region <name>', 'only this region')
    .addOption(new Option('--level <level>', 'only this level').choices(['national', 'province', 'prefecture', 'county']))
    .option('--year <year>', 'only documents of this year')
    .option('--dict <names...>', 'indices: dictionaries (default: all bundled)')
    .option('--tolerance <pp>', 'attainment: tolerance for "around" targets', '0.5')
    .addOption(new Option('--db <file>', 'SQLite database file (default: $GWR_DB or ./gwr.db)'))
    .action(async (kind: ExportTable, opts: { format: 'csv' | 'xlsx' | 'json'; out?: string; wide?: boolean; stata?: boolean; region?: string; level?: Level; year?: string; dict?: string[]; tolerance: string; db?: string }) => {
      if (opts.format === 'xlsx' && !opts.out) {
        process.stderr.write('gwr: --format xlsx needs --out FILE\n');
        result.code = 2;
        return;
      }
      if (opts.stata && (opts.format !== 'csv' || !opts.out)) {
        process.stderr.write('gwr: --stata goes with --format csv --out FILE\n');
        result.code = 2;
        return;
      }
      const store = new Store(resolveDbPath(opts.db));
      try {
        const tables = buildExport(store, kind, { region: opts.region, level: opts.level, year: opts.year ? Number(opts.year) : undefined }, { tolerance: Number(opts.tolerance), dict: opts.dict });
        const table = opts.wide && tables[1] ? tables[1] : tables[0];
        if (opts.format === 'xlsx') {
          writeFileSync(opts.out!, await workbook(tables));
          process.stdout.write(`${tables.map((t) => `${t.name}: ${t.rows.length} rows`).join(', ')} written to ${opts.out}\n`);
          return;
        }
        const content = opts.format === 'csv' ? toCsv(table) : JSON.stringify(toJsonRecords(table), null, 2) + '\n';
        if (!opts.out) {
          process.stdout.write(content);
          return;
        }
        writeFileSync(opts.out, content);
        if (opts.stata) writeFileSync(opts.out.replace(/\.csv$/i, '') + '.do', stataDo(table, basename(opts.out)));
        process.stdout.write(`${table.name}: ${table.rows.length} rows written to ${opts.out}${opts.stata ? ' (and a .do file)' : ''}\n`);
      } catch (err) {
        process.stderr.write(`gwr: ${(err as Error).message}\n`);
        result.code = 1;
      } finally {
        store.close();
      }
    });
}
