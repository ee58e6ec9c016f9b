// Shared helpers for the tests: paths to the bundled samples and to ../shared, temporary folders,
// and running the real CLI as a user would.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { after } from 'node:test';

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
