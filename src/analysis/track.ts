// Targets against outcomes: year t's targets paired with the actuals for year t, from year t+1's
// report or a statistics communiqué, with attainment and escalation (加码) against the parent
// region's target. Pure: figures in, records out.
import { attainment, type Status } from './attainment.ts';

/** A target or actual with its document: what tracking needs of a stored figure. */
export interface FigureRow {
  docId: number;
  docKind: 'report' | 'communique';
  docYear: number | null;
  region: string;
  level: string | null;
  metric: string;
  label: string;
  quantity: string;
  value: number | null;
  value2: number | null;
  unit: string | null;
  modifier: string | null;
  stretch: boolean;
  year: number | null;
  estimated: boolean;
  start: number;
  end: number;
  /** The text the offsets point at. */
  text: string;
  /** The whole sentence it is in, when the caller has it. */
  sentence?: string;
}

export interface TrackRecord {
  region: string;
  year: number;
  metric: string;
  quantity: string;
  label: string;
  target: { value: number | null; value2: number | null; unit: string | null; modifier: string | null; stretch: boolean; docId: number; text: string; sentence?: string; start: number; end: number };
  actual: { value: number | null; unit: string | null; estimated: boolean; source: 'report' | 'communique'; docId: number; text: string; sentence?: string; start: number; end: number } | null;
  status: Status;
  gap: number | null;
  rule: string;
  /** The parent region's target for the same metric, quantity and year (province for a city, city for a county). */
  parent: { region: string; value: number | null; value2: number | null; unit: string | null; modifier: string | null } | null;
  /** Target minus the parent's target, when both are figures in the same unit. */
  escalation: number | null;
}

/** Best actual for a year: a final figure from a work report, then a communiqué's, then an estimate. */
function rank(a: FigureRow): number {
  if (a.docKind === 'report' && !a.estimated) return 0;
  if (a.docKind === 'communique') return 1;
  return 2;
}

/**
 * The region whose targets a region's are compared with (escalation, 加码): a city's province, a
 * county's city, or its province where it belongs to no city.
 */
export function parentRegion(r: { level: string | null; province: string | null; city: string | null }): { province: string; city: string | null; level: 'province' | 'prefecture' } | null {
  if (!r.province) return null;
  if (r.level === 'prefecture') return { province: r.province, city: null, level: 'province' };
  if (r.level === 'county') return r.city ? { province: r.province, city: r.city, level: 'prefecture' } : { province: r.province, city: null, level: 'province' };
  return null;
}

const key = (metric: string, quantity: string, year: number | null) => `${metric}|${quantity}|${year}`;

export function buildTrack(targets: FigureRow[], actuals: FigureRow[], parentTargets: FigureRow[] = [], tolerance = 0.5): TrackRecord[] {
  const bestActual = new Map<string, FigureRow>();
  for (const a of actuals) {
    if (a.value === null || a.year === null) continue;
    const k = key(a.metric, a.quantity, a.year);
    const prev = bestActual.get(k);
    if (!prev || rank(a) < rank(prev)) bestActual.set(k, a);
  }
  const parentOf = new Map<string, FigureRow>();
  for (const p of parentTargets) if (!p.stretch && !parentOf.has(key(p.metric, p.quantity, p.year))) parentOf.set(key(p.metric, p.quantity, p.year), p);

  const seen = new Set<string>();
  const out: TrackRecord[] = [];
  for (const t of targets) {
    if (t.year === null || t.metric === 'other') continue;
    const k = `${key(t.metric, t.quantity, t.year)}|${t.stretch}`;
    if (seen.has(k)) continue; // the same report twice in the corpus
    seen.add(k);
    const a = bestActual.get(key(t.metric, t.quantity, t.year)) ?? null;
    const result = attainment(t, a, tolerance);
    const p = parentOf.get(key(t.metric, t.quantity, t.year)) ?? null;
    out.push({
      region: t.region,
      year: t.year,
      metric: t.metric,
      quantity: t.quantity,
      label: t.label,
      target: { value: t.value, value2: t.value2, unit: t.unit, modifier: t.modifier, stretch: t.stretch, docId: t.docId, text: t.text, sentence: t.sentence, start: t.start, end: t.end },
      actual: a ? { value: a.value, unit: a.unit, estimated: a.estimated, source: a.docKind, docId: a.docId, text: a.text, sentence: a.sentence, start: a.start, end: a.end } : null,
      status: result.status,
      gap: result.gap,
      rule: result.rule,
      parent: p ? { region: p.region, value: p.value, value2: p.value2, unit: p.unit, modifier: p.modifier } : null,
      escalation: p && p.value !== null && t.value !== null && p.unit === t.unit ? Math.round((t.value - p.value) * 1e6) / 1e6 : null,
    });
  }
  return out.sort((x, y) => x.year - y.year || x.metric.localeCompare(y.metric) || x.quantity.localeCompare(y.quantity) || Number(x.target.stretch) - Number(y.target.stretch));
}
