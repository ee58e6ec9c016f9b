// Finding the report files named on the command line (files, or folders searched recursively) and
// their sidecar metadata files.
import { existsSync, readFileSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { DocumentMetadata, Level } from '../types.ts';
import { READABLE_EXTENSIONS } from '../readers/index.ts';

export interface FileList {
  files: string[];
  /** Files in folders that were passed over because their type is not a report type. */
  skipped: string[];
  /** Paths that do not exist. */
  missing: string[];
}

const SIDECAR = '.meta.json';

export async function collectFiles(paths: string[]): Promise<FileList> {
  const out: FileList = { files: [], skipped: [], missing: [] };
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      const p = join(dir, e.name);
      if (e.isDirectory()) {
        if (!e.name.startsWith('.') && e.name !== 'node_modules') await walk(p);
      } else if (e.isFile()) {
        if (e.name.endsWith(SIDECAR) || e.name.startsWith('.')) continue;
        if (READABLE_EXTENSIONS.has(extname(e.name).toLowerCase())) out.files.push(p);
        else out.skipped.push(p);
      }
    }
  };
  for (const p of paths) {
    try {
      const st = await stat(p);
      if (st.isDirectory()) await walk(p);
      else out.files.push(p);
    } catch {
      out.missing.push(p);
    }
  }
  return out;
}

const LEVELS = new Set(['national', 'province', 'prefecture', 'county']);

/** Checks user-given metadata (flags or sidecar) and keeps the known fields. */
export function parseMetadataOverrides(input: Record<string, unknown>, where: string): Partial<DocumentMetadata> {
  const out: Partial<DocumentMetadata> = {};
  const str = (k: string) => {
    const v = input[k];
    if (v === undefined) return undefined;
    if (v !== null && typeof v !== 'string') throw new Error(`${where}: "${k}" must be a string`);
    return v as string | null;
  };
  for (const k of ['province', 'city', 'county', 'code', 'date', 'meeting', 'speaker', 'speakerTitle'] as const) {
    const v = str(k);
    if (v !== undefined) out[k] = v;
  }
  if (out.date && !/^\d{4}-\d{2}-\d{2}$/.test(out.date)) throw new Error(`${where}: "date" must be YYYY-MM-DD`);
  const level = str('level');
  if (level !== undefined) {
    if (level !== null && !LEVELS.has(level)) throw new Error(`${where}: "level" must be one of national, province, prefecture, county`);
    out.level = level as Level | null;
  }
  if (input.year !== undefined) {
    const y = Number(input.year);
    if (!Number.isInteger(y) || y < 1949 || y > 2100) throw new Error(`${where}: "year" must be a year`);
    out.year = y;
  }
  return out;
}

/** Metadata from `<file>.meta.json` beside a report, when there is one. */
export function readSidecar(file: string): Partial<DocumentMetadata> {
  const candidates = [file + SIDECAR, file.replace(/\.[^./\\]+$/, '') + SIDECAR];
  for (const c of candidates) {
    // most reports have none: looked up without throwing (two failed reads a file, with their
    // exceptions, cost an ingest worker about a second over ../shared/reports)
    if (!existsSync(c)) continue;
    let text: string;
    try {
      text = readFileSync(c, 'utf8');
    } catch {
      continue;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (err) {
      throw new Error(`${c}: not valid JSON (${(err as Error).message})`);
    }
    if (!parsed || typeof parsed !== 'object') throw new Error(`${c}: must be a JSON object`);
    return parseMetadataOverrides(parsed as Record<string, unknown>, c);
  }
  return {};
}
