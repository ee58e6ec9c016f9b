// Targets against outcomes for one region (or the national series), read from the store.
import type { Level } from '../types.ts';
import type { Store } from '../store/store.ts';
import { queryFigures, type StoredFigure } from '../store/figures.ts';
import { buildTrack, parentRegion, type TrackRecord } from '../analysis/track.ts';

export function trackFromStore(store: Store, opts: { region?: string; level?: Level; metric?: string; quantity?: string; tolerance?: number }): TrackRecord[] {
  const filter = { region: opts.region, level: opts.level, metric: opts.metric };
  const keep = (r: StoredFigure) => !opts.quantity || r.quantity === opts.quantity;
  const targets = queryFigures(store.db, 'target', filter).filter((r) => r.docKind === 'report' && keep(r));
  const actuals = queryFigures(store.db, 'actual', filter).filter(keep);
  const first = targets.find((x) => x.level);
  const parent = first ? parentRegion(first) : null;
  const parentTargets = parent ? queryFigures(store.db, 'target', { region: parent.city ?? parent.province, level: parent.level, metric: opts.metric }).filter(keep) : [];
  return buildTrack(targets, actuals, parentTargets, opts.tolerance ?? 0.5);
}
