// Crashes and concurrency: a batch killed with SIGKILL leaves every document whole or absent, and a
// re-run completes it; two processes adding to one database do not corrupt it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ROOT, SHARED_REPORTS, gwr, tempDir } from './helpers.ts';

const dir = tempDir();
const batch = [join(SHARED_REPORTS, 'city', '广州市'), join(SHARED_REPORTS, 'province', '广东省')];

function check(dbFile: string): { documents: number } {
  const db = new Database(dbFile, { readonly: true });
  try {
    assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
    const documents = db.prepare('SELECT count(*) FROM documents').pluck().get() as number;
    // every document has its sentences, their search rows and its sections: none is half-written
    const incomplete = db.prepare(`SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM sentence_blocks b WHERE b.doc_id = d.id)
      OR NOT EXISTS (SELECT 1 FROM sections s WHERE s.doc_id = d.id)`).pluck().get();
    assert.equal(incomplete, 0);
    // every sentence lies in its document's id range, and every range in a segment of search postings
    // (a block's fields are 16 bytes a sentence)
    assert.equal(db.prepare('SELECT count(*) FROM sentence_blocks b JOIN documents d ON d.id = b.doc_id WHERE b.first < d.sentence_start OR b.first + length(b.fields) / 16 > d.sentence_end').pluck().get(), 0);
    const unindexed = db.prepare(`SELECT count(*) FROM documents d WHERE d.sentence_end > d.sentence_start
      AND NOT EXISTS (SELECT 1 FROM segments g WHERE g.base <= d.sentence_start AND g.base + g.sentences >= d.sentence_end)`).pluck().get();
    assert.equal(unindexed, 0);
    assert.equal(db.prepare('SELECT count(*) - count(DISTINCT hash) FROM documents').pluck().get(), 0);
    return { documents };
  } finally {
    db.close();
  }
}

test('gwr add killed with SIGKILL mid-batch: every document whole or absent, and a re-run completes the batch', async () => {
  const db = join(dir, 'killed.db');
  // small transactions (100 kB of input each), so that the kill lands between two of them
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'gwr.js'), 'add', ...batch, '--db', db, '--batch-mb', '0.1'], { stdio: 'ignore' });
  // wait until some documents are in, then kill it without warning
  const started = Date.now();
  let seen = 0;
  while (Date.now() - started < 60_000) {
    await new Promise((r) => setTimeout(r, 200));
    try {
      const c = new Database(db, { readonly: true, timeout: 1000 });
      seen = c.prepare('SELECT count(*) FROM documents').pluck().get() as number;
      c.close();
    } catch {
      // not created yet
    }
    if (seen >= 5) break;
  }
  child.kill('SIGKILL');
  await new Promise((r) => child.on('exit', r));
  assert.ok(seen >= 5, 'the batch had started');
  const partial = check(db).documents;
  assert.ok(partial < 61, `killed before the end (${partial} documents)`);
  const rerun = gwr(['add', ...batch, '--db', db]);
  assert.equal(rerun.code, 0, rerun.stderr);
  assert.match(rerun.stdout, new RegExp(`(\\d+) added, ${partial} already present, 0 failed`));
  assert.equal(check(db).documents, 61);
});

test('two gwr add processes on one database at once', async () => {
  const db = join(dir, 'concurrent.db');
  const run = (paths: string[]) =>
    new Promise<string>((resolve) => {
      const child = spawn(process.execPath, [join(ROOT, 'bin', 'gwr.js'), 'add', ...paths, '--db', db], { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      child.on('exit', (code) => resolve(`exit ${code}${code === 0 ? '' : `: ${stderr.slice(-2000)}`}`));
    });
  // overlapping batches: both add the 广东 province reports
  const results = await Promise.all([run(batch), run([batch[1], join(SHARED_REPORTS, 'city', '深圳市')])]);
  assert.deepEqual(results, ['exit 0', 'exit 0']);
  const { documents } = check(db);
  const expected = gwr(['add', ...batch, join(SHARED_REPORTS, 'city', '深圳市'), '--db', join(dir, 'sequential.db')]);
  assert.equal(expected.code, 0);
  assert.equal(documents, check(join(dir, 'sequential.db')).documents);
});

test('several processes creating the same new database at the same instant all open it', async () => {
  // Each waits for a common start time, then opens the store: switching to WAL and migrating a new
  // file race unless the store takes the locks in the right order.
  const script = `import { Store } from ${JSON.stringify(join(ROOT, 'src', 'store', 'store.ts'))};
    const [file, at] = process.argv.slice(-2);
    while (Date.now() < Number(at)) {}
    new Store(file).close();`;
  for (let round = 0; round < 5; round++) {
    const db = join(dir, `fresh-${round}.db`);
    const at = String(Date.now() + 1500);
    const results = await Promise.all(
      [1, 2, 3].map(
        () =>
          new Promise<string>((resolve) => {
            const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, db, at], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
            let stderr = '';
            child.stderr.on('data', (d) => (stderr += d));
            child.on('exit', (code) => resolve(code === 0 ? 'opened' : stderr.split('\n').find((l) => l.includes('Error')) ?? `exit ${code}`));
          }),
      ),
    );
    assert.deepEqual(results, ['opened', 'opened', 'opened'], `round ${round}`);
    const c = new Database(db, { readonly: true });
    assert.equal(c.pragma('journal_mode', { simple: true }), 'wal');
    c.close();
  }
});
