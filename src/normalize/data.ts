// Loader for data/normalisation.json: radical and digit look-alikes and boilerplate line patterns.
import { readDataFile } from '../data-files.ts';

interface NormalisationFile {
  radicals: { map: Record<string, string> };
  pageNumberLines: string[];
  boilerplateLines: string[];
  digitLookalikes: { map: Record<string, string>; unitAfter: string };
  watermarkHints: string;
}

function load() {
  const raw = readDataFile<NormalisationFile>('normalisation.json');
  return {
    radicals: new Map(Object.entries(raw.radicals.map)),
    pageNumberLines: raw.pageNumberLines.map((p) => new RegExp(p)),
    boilerplateLines: raw.boilerplateLines.map((p) => new RegExp(p)),
    digitLookalikes: { map: new Map(Object.entries(raw.digitLookalikes.map)), unitAfter: new RegExp(`^${raw.digitLookalikes.unitAfter}`) },
    watermarkHints: new RegExp(raw.watermarkHints),
  };
}

export const normalisationData = load();
