// Shared helpers for the tests: paths to the bundled samples and to ../shared, temporary folders,
// and running the real CLI as a user would.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { after } from 'node:test';
import type Database from 'better-sqlite3';
import { documentSentences, type StoredSentence } from '../src/store/sentences.ts';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const EXAMPLES = join(ROOT, 'examples');
export const GOLD = join(ROOT, 'test', 'fixtures', 'gold');
export const FIXTURES = join(ROOT, 'test', 'fixtures');
export const SHARED_REPORTS = join(ROOT, '..', 'shared', 'reports');
export const SAMPLES = ['suzhou-2020', 'suzhou-2024', 'suzhou-huqiu-2025', 'suzhou-wuzhong-2024', 'suzhou-xiangcheng-2024'];

export function sample(name: string): string {
  return join(EXAMPLES, `${name}.txt`);
}

export function gold(name: string): any {
  return JSON.parse(readFileSync(join(GOLD, `${name}.json`), 'utf8'));
}

/** A temporary folder removed when the test file ends. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gwr-test-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export function gwr(args: string[], env: Record<string, string> = {}): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'gwr.js'), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 120_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A text hard-wrapped as a PDF's text layer is, at 38 characters a line. */
export const hardWrapped = (text: string) => text.split('\n').flatMap((line) => line.match(/.{1,38}/gu) ?? ['']).join('\n');

/** Text with all whitespace removed, for comparing the text of the same report read from different formats. */
export function squeeze(s: string): string {
  return s.replace(/\s+/g, '');
}

/** Starts `gwr serve` (or `gwr demo`) as a user would, on a free port; resolves once it prints its URL. */
export async function startServer(args: string[], env: Record<string, string> = {}): Promise<{ url: string; output: () => string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'gwr.js'), ...args, '--port', '0'], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start: ${output}`)), 120_000);
    const onData = (d: Buffer) => {
      output += d;
      const m = /at (http:\/\/\S+\/)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (d: Buffer) => (output += d));
    child.on('exit', (code) => reject(new Error(`the server exited (${code}): ${output}`)));
  });
  return {
    url,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.on('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Every stored sentence of a database, by document id then index. */
export function storedSentences(db: Database.Database): StoredSentence[] {
  const ids = db.prepare('SELECT id FROM documents ORDER BY id').pluck().all() as number[];
  return ids.flatMap((id) => documentSentences(db, id));
}

/**
 * Puts a database's sentences back in the table of a row per sentence that versions 1–10 had, so that
 * a test can set the schema version back to one of those and open it again.
 */
export function sentencesAsRows(db: Database.Database): void {
  const sentences = storedSentences(db);
  db.exec(`CREATE TABLE sentences (id INTEGER PRIMARY KEY, doc_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE, idx INTEGER NOT NULL,
    paragraph INTEGER NOT NULL, section INTEGER, start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL);
    CREATE INDEX sentences_doc ON sentences (doc_id, idx); DROP TABLE sentence_blocks;`);
  const insert = db.prepare('INSERT INTO sentences VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  for (const s of sentences) insert.run(s.id, s.docId, s.index, s.paragraph, s.section, s.start, s.end, s.text);
}
