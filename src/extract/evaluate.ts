// Scoring extraction against gold labels, as the contract's "Scoring" section describes: targets match
// on (metric, quantity, stretch) and are right when the modifier is the same and the values agree after
// unit scaling within 0.5%; actuals match on (metric, quantity, year). Core metrics only.
import { toBase } from '../numbers/quantities.ts';
import { taxonomy } from './taxonomy.ts';

export interface GoldFile {
  document: Record<string, unknown>;
  targets: Array<Record<string, any>>;
  actuals: Array<Record<string, any>>;
}

export interface Score {
  tp: number;
  predicted: number;
  gold: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface FileScore {
  name: string;
  targets: Score;
  actuals: Score;
  metadata: { right: number; total: number; wrong: string[] };
  missedTargets: string[];
  wrongTargets: string[];
  missedActuals: string[];
  wrongActuals: string[];
}

export const METADATA_FIELDS = ['province', 'city', 'county', 'level', 'year', 'date', 'speaker'];

export function score(tp: number, predicted: number, gold: number): Score {
  const precision = predicted ? tp / predicted : gold ? 0 : 1;
  const recall = gold ? tp / gold : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp, predicted, gold, precision, recall, f1 };
}

function sameValue(a: number | null, ua: string | null, b: number | null, ub: string | null): boolean {
  if (a === null || b === null) return a === b;
  const x = toBase(a, ua);
  const y = toBase(b, ub);
  if (x === y) return true;
  return Math.abs(x - y) <= 0.005 * Math.max(Math.abs(x), Math.abs(y));
}

const isCore = (r: Record<string, any>) => taxonomy.metrics.has(r.metric);

function describe(r: Record<string, any>): string {
  return `${r.metric}/${r.quantity}${r.stretch ? '/stretch' : ''} ${r.modifier ?? ''} ${r.value ?? '∅'}${r.value2 != null ? '–' + r.value2 : ''}${r.unit ?? ''} (${r.year})`;
}

function match(pred: Array<Record<string, any>>, gold: Array<Record<string, any>>, key: (r: Record<string, any>) => string, right: (p: Record<string, any>, g: Record<string, any>) => boolean) {
  const p = pred.filter(isCore);
  const used = new Set<number>();
  let tp = 0;
  const missed: string[] = [];
  for (const g of gold) {
    let found = -1;
    for (let i = 0; i < p.length; i++) if (!used.has(i) && key(p[i]) === key(g) && right(p[i], g)) found = i;
    if (found === -1) for (let i = 0; i < p.length; i++) if (!used.has(i) && key(p[i]) === key(g)) { found = i; break; }
    if (found !== -1) used.add(found);
    if (found !== -1 && right(p[found], g)) tp++;
    else missed.push(`gold ${describe(g)}${found !== -1 ? `, got ${describe(p[found])}` : ''}`);
  }
  const wrong = p.filter((_, i) => !used.has(i)).map((r) => `extra ${describe(r)}`);
  return { score: score(tp, p.length, gold.length), missed, wrong };
}

export function scoreFile(name: string, pred: GoldFile, gold: GoldFile): FileScore {
  const t = match(
    pred.targets, gold.targets,
    (r) => `${r.metric}|${r.quantity}|${Boolean(r.stretch)}`,
    (p, g) => p.modifier === g.modifier && sameValue(p.value, p.unit, g.value, g.unit) && sameValue(p.value2 ?? null, p.unit, g.value2 ?? null, g.unit),
  );
  const a = match(
    pred.actuals, gold.actuals,
    (r) => `${r.metric}|${r.quantity}|${r.year}`,
    (p, g) => sameValue(p.value, p.unit, g.value, g.unit),
  );
  const wrongMeta = METADATA_FIELDS.filter((f) => (pred.document[f] ?? null) !== (gold.document[f] ?? null)).map((f) => `${f}: got ${pred.document[f]}, gold ${gold.document[f]}`);
  return {
    name,
    targets: t.score,
    actuals: a.score,
    metadata: { right: METADATA_FIELDS.length - wrongMeta.length, total: METADATA_FIELDS.length, wrong: wrongMeta },
    missedTargets: t.missed,
    wrongTargets: t.wrong,
    missedActuals: a.missed,
    wrongActuals: a.wrong,
  };
}

export function totalScore(files: FileScore[]): { targets: Score; actuals: Score; metadata: number } {
  const sum = (k: 'targets' | 'actuals') => score(
    files.reduce((n, f) => n + f[k].tp, 0), files.reduce((n, f) => n + f[k].predicted, 0), files.reduce((n, f) => n + f[k].gold, 0),
  );
  const right = files.reduce((n, f) => n + f.metadata.right, 0);
  const total = files.reduce((n, f) => n + f.metadata.total, 0);
  return { targets: sum('targets'), actuals: sum('actuals'), metadata: total ? right / total : 1 };
}
