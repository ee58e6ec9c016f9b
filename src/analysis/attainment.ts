// Whether a target was attained, by its modifier. Pure.
//
// The rules (the gap is always actual − target, in the target's unit):
//   at_least   met when actual ≥ target
//   at_most    met when actual ≤ target
//   around     met when |actual − target| ≤ tolerance: percentage points for figures in % (default
//              0.5), otherwise percent of the target (default 0.5%)
//   range      met when target ≤ actual ≤ value2; the gap is 0 inside, else the distance to the
//              nearer bound (negative below, positive above)
//   point      a bare figure is a floor for most metrics (met when actual ≥ target) and a ceiling for
//              prices and unemployment (met when actual ≤ target), as reports use them
//   qualitative, not_set: not verifiable; so is any target without an actual for its year
import { toBase } from '../numbers/quantities.ts';

export type Status = 'met' | 'missed' | 'not_verifiable';

export interface TargetFigure {
  metric: string;
  quantity: string;
  value: number | null;
  value2: number | null;
  unit: string | null;
  modifier: string | null;
}

export interface ActualFigure {
  value: number | null;
  unit: string | null;
}

export interface Attainment {
  status: Status;
  gap: number | null;
  rule: string;
}

/** Metrics whose bare target figure is a ceiling. */
const CEILINGS = new Set(['cpi', 'registered_unemployment_rate', 'surveyed_unemployment_rate']);

function isPercent(unit: string | null): boolean {
  return unit === '%' || unit === '个百分点' || unit === '百分点';
}

/** The actual in the target's unit (亿元 vs 万亿元), or null when the two cannot be compared. */
function inTargetUnit(target: TargetFigure, actual: ActualFigure): number | null {
  if (actual.value === null) return null;
  if (target.unit === actual.unit || (isPercent(target.unit) && isPercent(actual.unit))) return actual.value;
  if (!target.unit || !actual.unit || isPercent(target.unit) !== isPercent(actual.unit)) return null;
  const base = toBase(actual.value, actual.unit);
  const per = toBase(1, target.unit);
  return per ? base / per : null;
}

const round = (v: number) => Math.round(v * 1e6) / 1e6;

export function attainment(target: TargetFigure, actual: ActualFigure | null, tolerance = 0.5): Attainment {
  const mod = target.modifier ?? 'point';
  if (mod === 'qualitative' || mod === 'not_set' || target.value === null) {
    return { status: 'not_verifiable', gap: null, rule: mod === 'not_set' ? 'no figure was set' : 'a qualitative target has no figure to check' };
  }
  if (!actual) return { status: 'not_verifiable', gap: null, rule: 'no actual figure for the year' };
  const a = inTargetUnit(target, actual);
  if (a === null) return { status: 'not_verifiable', gap: null, rule: `the actual (${actual.unit ?? 'no unit'}) cannot be compared with the target (${target.unit ?? 'no unit'})` };
  const t = target.value;
  const gap = round(a - t);
  switch (mod) {
    case 'at_least':
      return { status: a >= t ? 'met' : 'missed', gap, rule: 'at_least: met when actual ≥ target' };
    case 'at_most':
      return { status: a <= t ? 'met' : 'missed', gap, rule: 'at_most: met when actual ≤ target' };
    case 'around': {
      const tol = isPercent(target.unit) ? tolerance : (Math.abs(t) * tolerance) / 100;
      const unit = isPercent(target.unit) ? ' percentage points' : '% of the target';
      return { status: Math.abs(a - t) <= tol + 1e-9 ? 'met' : 'missed', gap, rule: `around: met when |actual − target| ≤ ${tolerance}${unit}` };
    }
    case 'range': {
      const hi = target.value2 ?? t;
      const inside = a >= t && a <= hi;
      return { status: inside ? 'met' : 'missed', gap: inside ? 0 : round(a < t ? a - t : a - hi), rule: 'range: met when target ≤ actual ≤ upper bound' };
    }
    default: {
      if (CEILINGS.has(target.metric)) return { status: a <= t ? 'met' : 'missed', gap, rule: 'point (a ceiling for prices and unemployment): met when actual ≤ target' };
      return { status: a >= t ? 'met' : 'missed', gap, rule: 'point (a floor): met when actual ≥ target' };
    }
  }
}
