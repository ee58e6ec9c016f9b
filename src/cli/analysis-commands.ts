// CLI commands for analysis across reports: `track` (targets against outcomes).
import { Command, Option } from 'commander';
import type { Level } from '../types.ts';
import { Store, resolveDbPath } from '../store/store.ts';
import { queryFigures, type StoredFigure } from '../store/figures.ts';
import { buildTrack, type TrackRecord } from '../analysis/track.ts';
import { table } from './format.ts';

function fmt(v: number | null, v2: number | null, unit: string | null): string {
  if (v === null) return '';
  return `${v}${v2 !== null ? `–${v2}` : ''}${unit ?? ''}`;
}

const MODIFIER_SIGN: Record<string, string> = { around: '≈', at_least: '≥', at_most: '≤', range: '', point: '', qualitative: '(qualitative)', not_set: '(not set)' };

/** The parent region whose targets a region's are compared with: a city's province, a county's city. */
function parentOf(rows: StoredFigure[]): { region: string; level: Level } | null {
  const r = rows.find((x) => x.level);
  if (!r) return null;
  if (r.level === 'prefecture' && r.province) return { region: r.province, level: 'province' };
  if (r.level === 'county' && r.city) return { region: r.city, level: 'prefecture' };
  if (r.level === 'county' && r.province) return { region: r.province, level: 'province' };
  return null;
}

export function trackFromStore(store: Store, opts: { region?: string; level?: Level; metric?: string; quantity?: string; tolerance?: number }): TrackRecord[] {
  const filter = { region: opts.region, level: opts.level, metric: opts.metric };
  const keep = (r: StoredFigure) => !opts.quantity || r.quantity === opts.quantity;
  const targets = queryFigures(store.db, 'target', filter).filter((r) => r.docKind === 'report' && keep(r));
  const actuals = queryFigures(store.db, 'actual', filter).filter(keep);
  const parent = parentOf(targets);
  const parentTargets = parent ? queryFigures(store.db, 'target', { region: parent.region, level: parent.level, metric: opts.metric }).filter(keep) : [];
  return buildTrack(targets, actuals, parentTargets, opts.tolerance ?? 0.5);
}

export function registerAnalysisCommands(program: Command, result: { code: number }): void {
  program
    .command('track')
    .description('targets against outcomes: each year\'s target with the actual reported for that year, attainment and gap')
    .addOption(new Option('--db <file>', 'SQLite database file (default: $GWR_DB or ./gwr.db)'))
    .option('--region <name>', 'province, city or county (its own reports)')
    .addOption(new Option('--level <level>', 'national | province | prefecture | county (national: the State Council\'s reports)').choices(['national', 'province', 'prefecture', 'county']))
    .option('--metric <id>', 'canonical metric id, e.g. gdp')
    .option('--quantity <q>', 'level | growth | reduction')
    .option('--tolerance <pp>', 'tolerance for "around" targets, in percentage points (for % figures) or percent of the target', '0.5')
    .option('--json', 'one record per target')
    .action((opts: { db?: string; region?: string; level?: Level; metric?: string; quantity?: string; tolerance: string; json?: boolean }) => {
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
        const rows = trackFromStore(store, { ...opts, tolerance });
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
