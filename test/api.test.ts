// The HTTP API as a client meets it: `gwr serve` started as a user starts it, on a database of the
// bundled reports, and plain HTTP requests.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLES, SHARED_REPORTS, gwr, startServer, tempDir } from './helpers.ts';

const TOKEN = 'test-token-0123456789';
const dir = tempDir();
const db = join(dir, 'api.db');
let readOnly: Awaited<ReturnType<typeof startServer>>;
let writable: Awaited<ReturnType<typeof startServer>>;

before(async () => {
  const added = gwr(['add', EXAMPLES, '--db', db]);
  assert.equal(added.code, 0, added.stderr);
  [readOnly, writable] = await Promise.all([startServer(['serve', '--db', db]), startServer(['serve', '--db', db, '--write', '--timeout', '5'], { GWR_TOKEN: TOKEN })]);
});
after(async () => {
  await Promise.all([readOnly?.stop(), writable?.stop()]);
});

async function get(base: string, path: string): Promise<{ status: number; body: any; headers: Headers }> {
  const res = await fetch(new URL(path, base));
  const text = await res.text();
  let body: any = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON (an export or a page)
  }
  return { status: res.status, body, headers: res.headers };
}

test('read endpoints answer from the corpus: documents, reader offsets, search, track, compare, index, KWIC, spread', async () => {
  const base = readOnly.url;
  const docs = await get(base, '/api/documents?level=prefecture');
  assert.equal(docs.status, 200);
  assert.equal(docs.body.total, 2);
  const suzhou2024 = docs.body.documents.find((d: any) => d.year === 2024);
  assert.equal(suzhou2024.region, '江苏省苏州市');
  assert.equal(suzhou2024.path, 'suzhou-2024.txt', 'only the file name, never the server folders');

  const reader = (await get(base, `/api/documents/${suzhou2024.id}/reader`)).body;
  const gdp = reader.figures.find((f: any) => f.kind === 'target' && f.metric === 'gdp');
  assert.equal(gdp.value, 5);
  assert.equal(gdp.modifier, 'at_least');
  // every figure points at its text, inside its sentence
  for (const f of reader.figures) {
    assert.equal(reader.text.slice(f.start, f.end), f.text);
    assert.ok(f.sentenceStart <= f.start && f.end <= f.sentenceEnd);
  }
  assert.equal(reader.text.slice(gdp.sentenceStart, gdp.sentenceEnd).includes('地区生产总值增长5%以上'), true);
  // and every commitment, inside its sentence, its text naming its object
  assert.ok(reader.commitments.length > 5);
  for (const c of reader.commitments) {
    assert.ok(c.sentenceStart <= c.start && c.end <= c.sentenceEnd, JSON.stringify(c));
    assert.ok(reader.text.slice(c.start, c.end).includes(c.object), JSON.stringify(c));
  }

  const hits = (await get(base, `/api/search?q=${encodeURIComponent('新质生产力')}`)).body;
  assert.equal(hits.length, 7);
  for (const h of hits) assert.equal(h.match, '新质生产力');

  const track = (await get(base, `/api/track?region=${encodeURIComponent('苏州市')}&metric=gdp`)).body;
  assert.deepEqual(
    track.filter((r: any) => r.quantity === 'growth').map((r: any) => [r.year, r.target.value, r.target.modifier, r.status]),
    [
      [2020, 6, 'around', 'not_verifiable'],
      [2024, 5, 'at_least', 'not_verifiable'],
    ],
  );

  const compare = (await get(base, `/api/compare?metric=gdp&year=2024&regions=${encodeURIComponent('苏州市,吴中区,相城区')}`)).body;
  assert.deepEqual(
    compare.map((r: any) => [r.region, r.target?.value, r.target?.modifier]),
    [
      ['苏州市', 5, 'at_least'],
      ['吴中区', 5, 'at_least'],
      ['相城区', 5.5, 'point'],
    ],
  );

  const index = (await get(base, '/api/index?dictionary=digital_economy')).body;
  assert.equal(index.length, 5);
  for (const r of index) assert.equal(r.index, Math.round((r.hits / r.chars) * 1e8) / 1e4);

  const kwic = (await get(base, `/api/kwic?term=${encodeURIComponent('低空经济')}&window=10`)).body;
  assert.ok(kwic.length >= 3);
  for (const l of kwic) assert.equal(l.term, '低空经济');

  const spread = (await get(base, `/api/spread?term=${encodeURIComponent('低空经济')}`)).body;
  assert.equal(spread.first.year, 2024);
});

test('exports download as gwr export writes them: CSV with a BOM, XLSX as a zip', async () => {
  const res = await fetch(new URL('/api/export/targets?format=csv&level=prefecture', readOnly.url));
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type')!, /text\/csv/);
  assert.match(res.headers.get('content-disposition')!, /attachment; filename="gwr-targets\.csv"/);
  const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
  assert.equal(csv.charCodeAt(0), 0xfeff, 'a BOM so that Excel reads UTF-8');
  assert.ok(csv.includes('gdp,growth,地区生产总值,5,,%,5,%,at_least'));
  const cli = gwr(['export', 'targets', '--level', 'prefecture', '--db', db]);
  assert.equal(csv, cli.stdout, 'the same table as the CLI');
  const xlsx = await fetch(new URL('/api/export/attainment?format=xlsx', readOnly.url));
  const bytes = new Uint8Array(await xlsx.arrayBuffer());
  assert.equal(String.fromCharCode(bytes[0], bytes[1]), 'PK');
});

test('bad input gets a JSON error with the right status and no stack trace', async () => {
  const base = readOnly.url;
  const cases: Array<[string, number, RegExp]> = [
    ['/api/search?q=x', 400, /q: /],
    ['/api/documents/abc', 400, /id: /],
    ['/api/documents/999999', 404, /no document with id 999999/],
    ['/api/figures?kind=target&metric=gdp%27%3B%20DROP%20TABLE%20documents%3B--', 400, /metric/],
    ['/api/index?dictionary=..%2F..%2Fetc%2Fpasswd', 404, /no bundled dictionary/],
    ['/api/export/secrets', 400, /table/],
    ['/api/track', 400, /region/],
    ['/api/nothing', 404, /no such endpoint/],
    ['/../../etc/passwd', 404, /no such/],
  ];
  for (const [path, status, message] of cases) {
    const r = await get(base, path);
    assert.equal(r.status, status, path);
    assert.match(r.body.error, message, path);
    assert.doesNotMatch(JSON.stringify(r.body), /\bat .+\.ts:\d+/, 'no stack trace');
  }
  // the SQL-looking metric reached nothing: the corpus is whole
  assert.equal((await get(base, '/api/health')).body.documents, 5);
});

test('security headers on every answer', async () => {
  const r = await get(readOnly.url, '/');
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-security-policy')!, /default-src 'self'; script-src 'self'/);
  assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(r.headers.get('referrer-policy'), 'no-referrer');
  assert.match(r.headers.get('x-frame-options')!, /SAMEORIGIN|DENY/);
});

test('the OpenAPI document lists every endpoint with its parameters', async () => {
  const { body } = await get(readOnly.url, '/api/openapi.json');
  assert.equal(body.openapi, '3.1.0');
  for (const p of ['/api/documents', '/api/documents/{id}', '/api/documents/{id}/reader', '/api/search', '/api/track', '/api/compare', '/api/index', '/api/kwic', '/api/spread', '/api/export/{table}', '/api/health']) {
    assert.ok(body.paths[p]?.get, p);
  }
  const search = body.paths['/api/search'].get.parameters;
  assert.deepEqual(
    search.find((p: any) => p.name === 'q'),
    { name: 'q', in: 'query', required: true, schema: { type: 'string', minLength: 2, maxLength: 100 } },
  );
  assert.deepEqual(body.paths['/api/documents/{id}'].patch.security, [{ token: [] }]);
  assert.ok(body.paths['/api/documents'].post.requestBody);
});

test('writes: refused on a read-only server, refused without the right token, done with it', async () => {
  const report = readFileSync(join(SHARED_REPORTS, 'national', '2024.md'));
  const form = () => {
    const f = new FormData();
    f.append('file', new Blob([report]), '2024.md');
    return f;
  };
  const ro = await fetch(new URL('/api/documents', readOnly.url), { method: 'POST', body: form(), headers: { Authorization: `Bearer ${TOKEN}` } });
  assert.equal(ro.status, 403);
  assert.match((await ro.json()).error, /read-only/);
  for (const auth of [undefined, 'Bearer wrong-token-0123456789', `Bearer ${TOKEN}x`, TOKEN]) {
    const r = await fetch(new URL('/api/documents', writable.url), { method: 'POST', body: form(), headers: auth ? { Authorization: auth } : {} });
    assert.equal(r.status, 401, String(auth));
  }
  assert.equal((await get(writable.url, '/api/health')).body.documents, 5);

  const ok = await fetch(new URL('/api/documents', writable.url), { method: 'POST', body: form(), headers: { Authorization: `Bearer ${TOKEN}` } });
  assert.equal(ok.status, 201);
  const [added] = (await ok.json()).results;
  assert.equal(added.status, 'added');
  assert.equal(added.metadata.level, 'national');
  assert.equal(added.metadata.year, 2024);
  const national = (await get(writable.url, '/api/track?level=national&metric=gdp')).body;
  assert.deepEqual(national.filter((r: any) => r.quantity === 'growth').map((r: any) => [r.year, r.target.value, r.target.modifier]), [[2024, 5, 'around']]);

  // the type is read from the content, not the name: a PNG called report.txt is refused with the reason
  const png = new FormData();
  png.append('file', new Blob([Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3, 0xff, 0xfe, 0, 0])]), 'report.txt');
  const bad = await fetch(new URL('/api/documents', writable.url), { method: 'POST', body: png, headers: { Authorization: `Bearer ${TOKEN}` } });
  assert.equal(bad.status, 422);
  const [failed] = (await bad.json()).results;
  assert.equal(failed.status, 'failed');
  assert.match(failed.error, /binary/);
  assert.equal(failed.file, 'upload/report.txt');

  // a metadata correction re-extracts the figures for the new year
  const id = added.id;
  const patch = await fetch(new URL(`/api/documents/${id}`, writable.url), { method: 'PATCH', body: JSON.stringify({ year: 2023 }), headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' } });
  assert.equal(patch.status, 200);
  assert.equal((await patch.json()).year, 2023);
  const moved = (await get(writable.url, '/api/track?level=national&metric=gdp')).body;
  assert.deepEqual(moved.filter((r: any) => r.quantity === 'growth').map((r: any) => [r.year, r.target.value]), [[2023, 5]]);
  const badPatch = await fetch(new URL(`/api/documents/${id}`, writable.url), { method: 'PATCH', body: JSON.stringify({ year: 'soon', path: '/etc' }), headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' } });
  assert.equal(badPatch.status, 400);

  const del = await fetch(new URL(`/api/documents/${id}`, writable.url), { method: 'DELETE', headers: { Authorization: `Bearer ${TOKEN}` } });
  assert.equal(del.status, 200);
  assert.equal((await get(writable.url, '/api/health')).body.documents, 5);
  assert.equal((await get(writable.url, `/api/documents/${id}`)).status, 404);
});

test('an upload over the size limit is refused with 413 before it is read', async () => {
  const small = await startServer(['serve', '--db', db, '--write', '--max-upload-mb', '1'], { GWR_TOKEN: TOKEN });
  try {
    const f = new FormData();
    f.append('file', new Blob([new Uint8Array(2 * 1024 * 1024).fill(0x41)]), 'big.txt');
    const r = await fetch(new URL('/api/documents', small.url), { method: 'POST', body: f, headers: { Authorization: `Bearer ${TOKEN}` } });
    assert.equal(r.status, 413);
    assert.match((await r.json()).error, /larger than the limit/);
  } finally {
    await small.stop();
  }
});

test('a query that runs past the time limit is stopped with 503 and the server goes on', async () => {
  const slow = await startServer(['serve', '--db', db, '--timeout', '0.001']);
  try {
    const r = await get(slow.url, '/api/kwic?term=%E5%8F%91%E5%B1%95&limit=2000');
    assert.equal(r.status, 503);
    assert.match(r.body.error, /took longer than/);
    // the health endpoint does not go through the workers; the server is still there
    assert.equal((await get(slow.url, '/api/health')).status, 200);
  } finally {
    await slow.stop();
  }
});

test('gwr serve --write without a token in GWR_TOKEN refuses to start', () => {
  const r = gwr(['serve', '--db', db, '--write', '--port', '0'], { GWR_TOKEN: '' });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--write needs a token of at least 12 characters in \$GWR_TOKEN/);
});
