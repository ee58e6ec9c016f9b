// `npm run bench -- [--corpus DIR] [--db FILE] [--repeat N] [--skip-ingest] [--load] [--profile]`
//
// Ingest + extraction + search indexing of a corpus into a fresh database (MB/s, reports/s, wall
// time, CPU time by thread, peak RSS, database size), with --repeat N that many times, each into a
// fresh database (every run is reported; the figures and the goal are the median run's), a re-run
// of the same corpus (all duplicates),
// the latency of a fixed query mix (p50/p95/p99), with --load a load test of the HTTP server (50
// clients for 10 s on a mix of read endpoints), and with --profile the time of each ingest stage
// run in one thread. Prints a table and writes bench/results/<time>.json with the machine and
// commit. Without --corpus: the bundled samples copied to ~50 MB with varied regions and years.
import { execSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Store } from '../src/store/store.ts';
import { collectFiles } from '../src/ingest/files.ts';
import { ingestFiles } from '../src/ingest/pipeline.ts';
import { queryFigures } from '../src/store/figures.ts';
import { dictionaryIndex, kwic } from '../src/store/term-queries.ts';
import { bundledDictionaries } from '../src/analysis/words.ts';
import { readFileBytes, readReportBytes } from '../src/readers/index.ts';
import { analyseDocument } from '../src/structure/document.ts';
import { extractFigures } from '../src/extract/extract.ts';
import { bundledTermCounts, prepareBatch, type BatchItem } from '../src/store/prepare.ts';
import { packSentences } from '../src/structure/packed.ts';
import { gazetteer } from '../src/structure/gazetteer.ts';

/**
 * Where ingestion's time goes: every stage run one file after another in this thread, timed (the
 * pipeline runs the same stages, the first five in workers and the last in the writer).
 */
async function profileStages(files: string[], dbFile: string): Promise<Record<string, number>> {
  const seconds: Record<string, number> = { read: 0, decode: 0, analyse: 0, extract: 0, 'dictionary counts': 0, 'search postings': 0, write: 0 };
  const time = async <T>(stage: string, run: () => T | Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const result = await run();
    seconds[stage] += (performance.now() - t0) / 1000;
    return result;
  };
  const store = new Store(dbFile);
  let batch: BatchItem[] = [];
  let bytes = 0;
  const flush = async () => {
    const prepared = await time('search postings', () => prepareBatch(batch));
    await time('write', () => store.writeBatch(prepared));
    batch = [];
    bytes = 0;
  };
  try {
    for (const file of files) {
      try {
        const raw = await time('decode', async () => readReportBytes(file, await time('read', () => readFileBytes(file))));
        const doc = await time('analyse', () => analyseDocument(raw));
        const extraction = await time('extract', () => extractFigures(doc));
        const termCounts = await time('dictionary counts', () => bundledTermCounts({ text: doc.text, sentences: packSentences(doc.sentences), sections: doc.sections }));
        batch.push({ doc, extraction, termCounts });
        bytes += doc.text.length * 3;
      } catch {
        // a file that fails is left out of the profile
      }
      if (bytes >= 4e6) await flush();
    }
    if (batch.length) await flush();
  } finally {
    store.close();
  }
  // decode's time includes the read it awaited
  seconds.decode -= seconds.read;
  return Object.fromEntries(Object.entries(seconds).map(([k, v]) => [k, round(v)]));
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { values: args } = parseArgs({
  options: {
    corpus: { type: 'string' },
    db: { type: 'string' },
    'skip-ingest': { type: 'boolean', default: false },
    load: { type: 'boolean', default: false },
    'target-mb': { type: 'string', default: '50' },
    repeat: { type: 'string', default: '1' },
    profile: { type: 'boolean', default: false },
  },
});

/**
 * The bundled samples written out again and again to ~`mb` MB, each copy given, in a sidecar file,
 * a region of the sample's level and a year: every region one report a year, 2002–2026, as a real
 * corpus has (the samples are one city and its districts; copies all of 苏州市 made one region
 * with hundreds of reports, which no corpus has).
 */
async function syntheticCorpus(mb: number): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'gwr-bench-'));
  const places = gazetteer();
  const regionsOf = (level: 'prefecture' | 'county') => places.regions.filter((r) => r.kind === level && !r.zone && (level === 'prefecture' || r.prefecture !== null));
  const regions = { prefecture: regionsOf('prefecture'), county: regionsOf('county') };
  const copiesSoFar = { prefecture: 0, county: 0 };
  const samples: Array<{ name: string; text: string; level: 'prefecture' | 'county' }> = [];
  for (const f of readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.txt'))) {
    const file = join(ROOT, 'examples', f);
    const level = analyseDocument(await readReportBytes(file, readFileBytes(file))).metadata.level;
    if (level !== 'prefecture' && level !== 'county') continue;
    samples.push({ name: basename(f, '.txt'), text: readFileSync(file, 'utf8'), level });
  }
  let bytes = 0;
  for (let copy = 0; bytes < mb * 1e6; copy++) {
    for (const sample of samples) {
      const n = copiesSoFar[sample.level]++;
      const region = regions[sample.level][Math.floor(n / YEARS_OF_A_REGION) % regions[sample.level].length];
      const prefecture = places.prefectureOf(region);
      const metadata = {
        level: sample.level,
        province: places.provinceOf(region).name,
        city: sample.level === 'prefecture' ? region.name : prefecture?.name ?? null,
        county: sample.level === 'county' ? region.name : null,
        code: region.code,
        year: 2002 + (n % YEARS_OF_A_REGION),
      };
      // each copy differs (so it is not a duplicate)
      const file = join(dir, `${sample.name}-${copy}.txt`);
      writeFileSync(file, `${sample.text}\n（副本 ${copy}）\n`);
      writeFileSync(`${file}.meta.json`, JSON.stringify(metadata));
      bytes += statSync(file).size;
    }
  }
  return dir;
}

const YEARS_OF_A_REGION = 25;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Timed runs of each query. */
const QUERY_RUNS = 50;

/**
 * Untimed runs before them: the first reads the query's pages into the cache, the others let V8
 * compile its code. In a fresh process the dictionary index took 70–100 ms on the first call, 20–30 ms
 * on calls 2 to 11 and 8–10 ms from then on; the server's query workers run warm. The first call's
 * time is reported beside the percentiles.
 */
const WARMUP_RUNS = 15;

const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

/** CPU seconds used so far by each thread of this process, by thread id (Linux: /proc); null elsewhere. */
function threadCpuSeconds(): Map<string, number> | null {
  try {
    const cpu = new Map<string, number>();
    for (const tid of readdirSync('/proc/self/task')) {
      try {
        const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
        // utime and stime, in clock ticks (100 a second), the 14th and 15th fields
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        cpu.set(tid, (Number(fields[11]) + Number(fields[12])) / 100);
      } catch {
        // the thread ended meanwhile
      }
    }
    return cpu;
  } catch {
    return null;
  }
}

/**
 * Where an ingest's CPU time goes, by thread: this thread (the writer), the threads started during the
 * ingest (its workers) and the others (V8's compiler and garbage collector, libuv). Threads are read
 * every 250 ms while the ingest runs (the workers have ended when it returns), so the workers' last
 * fraction of a second is missing.
 */
function watchThreads(): () => { writer: number; workers: number; other: number } | null {
  const before = threadCpuSeconds();
  if (!before) return () => null;
  const last = new Map(before);
  const sample = () => {
    for (const [tid, cpu] of threadCpuSeconds() ?? []) last.set(tid, cpu);
  };
  const timer = setInterval(sample, 250);
  return () => {
    clearInterval(timer);
    sample();
    const used = { writer: 0, workers: 0, other: 0 };
    for (const [tid, cpu] of last) {
      const delta = cpu - (before.get(tid) ?? 0);
      if (tid === String(process.pid)) used.writer += delta;
      else if (before.has(tid)) used.other += delta;
      else used.workers += delta;
    }
    return { writer: round(used.writer, 1), workers: round(used.workers, 1), other: round(used.other, 1) };
  };
}

async function ingestAll(dbFile: string, files: string[]) {
  const store = new Store(dbFile);
  const started = performance.now();
  const cpuByThread = watchThreads();
  try {
    const counts = await ingestFiles(store, files);
    return { seconds: (performance.now() - started) / 1000, cpuSecondsByThread: cpuByThread(), ...counts };
  } finally {
    store.close();
  }
}

function queryMix(store: Store): Array<{ name: string; run: () => unknown }> {
  const dict = bundledDictionaries()[0];
  const region = (store.db.prepare("SELECT city FROM documents WHERE level = 'prefecture' AND city IS NOT NULL GROUP BY city ORDER BY count(*) DESC LIMIT 1").pluck().get() as string) ?? '苏州市';
  return [
    { name: 'search, 2 characters (创新)', run: () => store.search('创新', { limit: 20 }) },
    { name: 'search, 4 characters (乡村振兴)', run: () => store.search('乡村振兴', { limit: 20 }) },
    { name: `targets of a region (${region})`, run: () => queryFigures(store.db, 'target', { region }) },
    { name: 'a metric across all regions and years (gdp targets)', run: () => queryFigures(store.db, 'target', { metric: 'gdp' }) },
    { name: `dictionary index over the corpus (${dict.name})`, run: () => dictionaryIndex(store.db, dict, {}) },
    { name: 'KWIC (低空经济, 200 lines)', run: () => kwic(store.db, '低空经济', 30, {}, 200) },
  ];
}

async function loadTest(dbFile: string): Promise<Record<string, unknown>> {
  // imported here, so that the ingest's peak memory is that of gwr add, not of an HTTP client too
  const { default: autocannon } = await import('autocannon');
  const { startServer } = await import('../src/server/serve.ts');
  const server = await startServer({ db: dbFile, port: 0, host: '127.0.0.1', token: null, log: () => {} });
  const e = encodeURIComponent;
  const paths = [
    '/api/documents?limit=50',
    `/api/search?q=${e('新质生产力')}`,
    `/api/search?q=${e('高质量发展')}&level=province`,
    `/api/track?region=${e('苏州市')}&metric=gdp`,
    '/api/track?level=national&metric=gdp',
    `/api/compare?metric=gdp&year=2024&regions=${e('苏州市,无锡市,南京市')}`,
    `/api/kwic?term=${e('低空经济')}&limit=100`,
    '/api/documents/100/reader',
    '/api/regions',
  ];
  try {
    const result = await autocannon({ url: server.url.replace(/\/$/, ''), connections: 50, duration: 10, requests: paths.map((path) => ({ method: 'GET', path })) });
    return {
      connections: 50,
      seconds: 10,
      endpoints: paths,
      requests: result.requests.total,
      requestsPerSecond: result.requests.average,
      errors: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p97_5: result.latency.p97_5, p99: result.latency.p99, max: result.latency.max },
    };
  } finally {
    await server.close();
  }
}

async function main(): Promise<void> {
  const corpus = args.corpus ?? (await syntheticCorpus(Number(args['target-mb'])));
  const workDir = mkdtempSync(join(tmpdir(), 'gwr-bench-db-'));
  const dbFile = args.db ?? join(workDir, 'bench.db');
  const { files } = await collectFiles([corpus]);
  const megabytes = files.reduce((s, f) => s + statSync(f).size, 0) / 1e6;
  const results: Record<string, unknown> = {
    when: new Date().toISOString(),
    commit: execSync('git rev-parse --short HEAD', { cwd: ROOT }).toString().trim(),
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGiB: round(totalmem() / 2 ** 30, 1), node: process.version },
    corpus: { path: args.corpus ?? '(bundled samples, replicated)', files: files.length, megabytes: round(megabytes) },
  };
  if (!args['skip-ingest']) {
    // the same ingest N times: this machine runs the same work at speeds up to a third apart from
    // one minute to the next (its CPU time varies as much), so one run says little of the code
    const repeat = Math.max(1, Number(args.repeat) || 1);
    const runs: Array<Awaited<ReturnType<typeof ingestAll>>> = [];
    let peakRssMB = 0;
    for (let i = 0; i < repeat; i++) {
      for (const suffix of ['', '-wal', '-shm']) rmSync(dbFile + suffix, { force: true });
      runs.push(await ingestAll(dbFile, files));
      // the process's peak after the first ingest, with its worker threads (they share the process):
      // what `gwr add` reaches (later runs start with the heap the earlier ones left, ~40 MB more)
      if (i === 0) peakRssMB = round(process.resourceUsage().maxRSS / 1024);
    }
    const median = [...runs].sort((a, b) => a.seconds - b.seconds)[Math.floor((runs.length - 1) / 2)];
    const rerun = await ingestAll(dbFile, files);
    results.ingest = {
      ...median,
      seconds: round(median.seconds),
      megabytesPerSecond: round(megabytes / median.seconds),
      reportsPerSecond: round(files.length / median.seconds, 1),
      peakRssMB,
      databaseMB: round(statSync(dbFile).size / 1e6),
      runs: runs.map((run) => ({ seconds: round(run.seconds), megabytesPerSecond: round(megabytes / run.seconds), cpuSecondsByThread: run.cpuSecondsByThread })),
    };
    results.rerun = { seconds: round(rerun.seconds), duplicate: rerun.duplicate, added: rerun.added };
  }
  const store = new Store(dbFile, { readonly: true });
  const latencies: Record<string, unknown> = {};
  for (const q of queryMix(store)) {
    const started = performance.now();
    q.run();
    const first = performance.now() - started;
    for (let i = 1; i < WARMUP_RUNS; i++) q.run();
    const times: number[] = [];
    for (let i = 0; i < QUERY_RUNS; i++) {
      const t0 = performance.now();
      q.run();
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    latencies[q.name] = { p50: round(percentile(times, 50)), p95: round(percentile(times, 95)), p99: round(percentile(times, 99)), first: round(first) };
  }
  store.close();
  results.queriesMs = latencies;
  if (args.load) results.load = await loadTest(dbFile);
  if (args.profile) results.profileSeconds = await profileStages(files, join(workDir, 'profile.db'));

  console.log(table(results));
  const out = join(ROOT, 'bench', 'results');
  mkdirSync(out, { recursive: true });
  const file = join(out, `${(results.when as string).replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify(results, null, 2) + '\n');
  console.log(`written to ${file}`);
  if (!args.db) rmSync(workDir, { recursive: true, force: true });
  if (!args.corpus) rmSync(corpus, { recursive: true, force: true });
}

/** The results as a table of figure, value and goal. */
function table(r: Record<string, any>): string {
  const rows: Array<[string, string, string]> = [];
  const goal = (ok: boolean, text: string) => `${text} ${ok ? '✓' : '✗'}`;
  rows.push(['corpus', `${r.corpus.files} files, ${r.corpus.megabytes} MB (${r.corpus.path})`, '']);
  rows.push(['machine', `${r.machine.cpus} × ${r.machine.cpu}, ${r.machine.memoryGiB} GiB, node ${r.machine.node}, commit ${r.commit}`, '']);
  if (r.ingest) {
    const i = r.ingest;
    const runs = i.runs as Array<{ seconds: number; megabytesPerSecond: number; cpuSecondsByThread: { writer: number; workers: number; other: number } | null }>;
    if (runs.length > 1) {
      for (const [n, run] of runs.entries()) {
        const c = run.cpuSecondsByThread;
        rows.push([`ingest: run ${n + 1} of ${runs.length}`, `${run.seconds} s, ${run.megabytesPerSecond} MB/s${c ? `, CPU ${round(c.writer + c.workers + c.other, 1)} s` : ''}`, run.megabytesPerSecond >= 10 ? '✓' : '✗']);
      }
    }
    const which = runs.length > 1 ? ` (the median of ${runs.length} runs)` : '';
    rows.push(['ingest: wall time', `${i.seconds} s${which} (${i.added} added, ${i.duplicate} duplicate, ${i.failed} failed)`, '']);
    rows.push(['ingest: throughput', `${i.megabytesPerSecond} MB/s, ${i.reportsPerSecond} reports/s`, goal(i.megabytesPerSecond >= 10, '≥ 10 MB/s')]);
    if (i.cpuSecondsByThread) {
      const c = i.cpuSecondsByThread;
      const all = round(c.writer + c.workers + c.other, 1);
      rows.push(['ingest: CPU by thread', `writer ${c.writer} s, workers ${c.workers} s, V8 and libuv threads ${c.other} s: ${all} s in ${i.seconds} s on ${r.machine.cpus} cores`, '']);
    }
    rows.push(['ingest: peak RSS', `${i.peakRssMB} MB`, goal(i.peakRssMB <= 500, '≤ 500 MB')]);
    rows.push(['ingest: database size', `${i.databaseMB} MB`, '']);
    rows.push(['re-run (all duplicates)', `${r.rerun.seconds} s`, goal(r.rerun.seconds <= 5, 'a few seconds')]);
  }
  for (const [name, q] of Object.entries(r.queriesMs as Record<string, { p50: number; p95: number; p99: number; first: number }>)) {
    rows.push([`query: ${name}`, `p50 ${q.p50} ms, p95 ${q.p95} ms, p99 ${q.p99} ms (first call ${q.first} ms)`, goal(q.p95 <= 20, 'p95 ≤ 20 ms')]);
  }
  if (r.profileSeconds) {
    const total = Object.values(r.profileSeconds as Record<string, number>).reduce((a, b) => a + b, 0);
    for (const [stage, sec] of Object.entries(r.profileSeconds as Record<string, number>)) {
      rows.push([`profile: ${stage}`, `${sec} s (${Math.round((sec / total) * 100)}%)`, '']);
    }
    rows.push(['profile: all stages in one thread', `${round(total)} s = ${round(r.corpus.megabytes / total)} MB/s`, '']);
  }
  if (r.load) rows.push(['HTTP load (50 clients, 10 s)', `${r.load.requests} requests, ${r.load.errors} errors, p50 ${r.load.latencyMs.p50} ms, p99 ${r.load.latencyMs.p99} ms`, '']);
  // CJK characters take two columns in a terminal
  const columns = (text: string) => [...text].reduce((n, ch) => n + (/[\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/.test(ch) ? 2 : 1), 0);
  const width = (k: 0 | 1) => Math.max(...rows.map((row) => columns(row[k])));
  const pad = (text: string, n: number) => text + ' '.repeat(Math.max(0, n - columns(text)));
  return rows.map((row) => `${pad(row[0], width(0))}  ${pad(row[1], width(1))}  ${row[2]}`.trimEnd()).join('\n');
}

await main();
