// Runs every test file under test/ with node's test runner through tsx. The files are listed
// explicitly: `node --test` with no file list finds none of the .ts files and passes with 0 tests.
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';

const files = readdirSync(new URL('../test/', import.meta.url))
  .filter((f) => f.endsWith('.test.ts'))
  .sort()
  .map((f) => `test/${f}`);
if (!files.length) {
  console.error('no test files found');
  process.exit(1);
}
// many tests read real reports from the shared collection beside the clone: without it they would
// each fail with ENOENT (97 of them), so say it once (the path is test/helpers.ts's SHARED_REPORTS)
const shared = fileURLToPath(new URL('../../shared/reports/', import.meta.url));
if (!existsSync(shared)) {
  console.error(`the tests read real reports from ${shared}, which does not exist: put the shared collection (../shared) beside this clone, or link it there`);
  process.exit(1);
}
const args = ['--import', 'tsx', '--test', '--test-concurrency=2', ...process.argv.slice(2), ...files];
const result = spawnSync(process.execPath, args, { stdio: 'inherit' });
process.exit(result.status ?? 1);
