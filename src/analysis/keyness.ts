// Keyness between two groups of texts: log-likelihood G² (Dunning 1993, as in Rayson & Garside 2000)
// with Hardie's (2014) Log Ratio as effect size. Pure.

export interface KeynessRow {
  word: string;
  a: number;
  b: number;
  /** Frequencies per 10,000 words. */
  aPer10k: number;
  bPer10k: number;
  g2: number;
  /** log2 of the ratio of relative frequencies (A over B); 0.5 is added to a zero count. */
  logRatio: number;
  /** Which group uses the word more. */
  keyFor: 'a' | 'b';
}

export function keyness(a: Map<string, number>, b: Map<string, number>, opts: { minCount?: number } = {}): KeynessRow[] {
  const minCount = opts.minCount ?? 5;
  const totalA = [...a.values()].reduce((x, y) => x + y, 0);
  const totalB = [...b.values()].reduce((x, y) => x + y, 0);
  if (!totalA || !totalB) return [];
  const words = new Set([...a.keys(), ...b.keys()]);
  const rows: KeynessRow[] = [];
  for (const word of words) {
    const oa = a.get(word) ?? 0;
    const ob = b.get(word) ?? 0;
    if (oa + ob < minCount) continue;
    const ea = (totalA * (oa + ob)) / (totalA + totalB);
    const eb = (totalB * (oa + ob)) / (totalA + totalB);
    const g2 = 2 * ((oa ? oa * Math.log(oa / ea) : 0) + (ob ? ob * Math.log(ob / eb) : 0));
    const logRatio = Math.log2(((oa || 0.5) / totalA) / ((ob || 0.5) / totalB));
    rows.push({
      word, a: oa, b: ob,
      aPer10k: Math.round((oa / totalA) * 1e4 * 100) / 100,
      bPer10k: Math.round((ob / totalB) * 1e4 * 100) / 100,
      g2: Math.round(g2 * 100) / 100,
      logRatio: Math.round(logRatio * 100) / 100,
      keyFor: oa / totalA >= ob / totalB ? 'a' : 'b',
    });
  }
  return rows.sort((x, y) => y.g2 - x.g2);
}

/** G² of 3.84 is p < 0.05, 6.63 p < 0.01, 10.83 p < 0.001, 15.13 p < 0.0001 (one degree of freedom). */
export const G2_CRITICAL = { p05: 3.84, p01: 6.63, p001: 10.83, p0001: 15.13 };
