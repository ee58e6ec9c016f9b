// The web dashboard in a real browser (Debian chromium driven by playwright-core) against `gwr demo`
// on the bundled reports: every page loads, reader → record → source sentence, a search, charts,
// an upload in write mode, and a write without the token refused. Screenshots of every page go to
// $GWR_SCREENSHOTS when it is set.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { SHARED_REPORTS, startServer, tempDir } from './helpers.ts';

const CHROMIUM = process.env.GWR_CHROMIUM ?? '/usr/bin/chromium';
const TOKEN = 'web-test-token-0123456789';
const SHOTS = process.env.GWR_SCREENSHOTS;
const dir = tempDir();
let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

before(async () => {
  assert.ok(existsSync(CHROMIUM), `chromium is needed at ${CHROMIUM} (apt-get install chromium; .ci/run installs it)`);
  if (SHOTS) mkdirSync(SHOTS, { recursive: true });
  server = await startServer(['demo', '--db', join(dir, 'web.db'), '--write'], { GWR_TOKEN: TOKEN });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-quic', '--disable-sync'],
  });
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('pageerror', (e) => pageErrors.push(e.message));
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** Opens a route and waits until the page has drawn it. */
async function open(hash: string): Promise<void> {
  // through a blank page, so that opening the route the page is already on draws it afresh
  await page.goto('about:blank');
  await page.goto(new URL(hash, server.url).href);
  await page.waitForFunction(() => document.body.dataset.ready, null, { timeout: 30_000 });
  assert.equal(await page.locator('p.error').count(), 0, (await page.locator('p.error').first().textContent().catch(() => '')) ?? '');
}

async function shot(name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

test('corpus page: the five bundled reports in a table and in the region × year grid', async () => {
  await open('#/corpus');
  assert.equal(await page.locator('table.documents tbody tr').count(), 5);
  assert.ok((await page.locator('.pager').textContent())!.includes('5'));
  assert.equal(await page.locator('#nav a.active').textContent(), '报告库');
  await shot('corpus');
  await open('#/corpus?view=grid');
  assert.equal(await page.locator('table.grid a.cell').count(), 5);
  assert.equal(await page.locator('table.grid tbody th').filter({ hasText: '江苏省苏州市相城区' }).count(), 1);
  await shot('corpus-grid');
});

test('reader: a figure in the side table scrolls to its sentence; a figure in the text shows its record', async () => {
  await open('#/corpus?level=prefecture&year=2024');
  await page.locator('table.documents a', { hasText: '江苏省苏州市' }).click();
  await page.waitForSelector('.report-text mark.fig');
  await page.locator('.figure-table tr', { hasText: '地区生产总值' }).first().click();
  const selected = page.locator('.report-text .sent.selected');
  assert.equal(await selected.count(), 1);
  assert.ok((await selected.textContent())!.includes('地区生产总值增长5%以上'));
  assert.ok(await selected.isVisible());
  const inView = await selected.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const box = el.closest('.report-text')!.getBoundingClientRect();
    return r.top >= box.top && r.top <= box.bottom;
  });
  assert.ok(inView, 'the sentence is scrolled into view');
  const record = page.locator('.record');
  assert.ok((await record.textContent())!.includes('gdp'));
  assert.ok((await record.textContent())!.includes('以上'));
  await shot('reader');

  // a mark in the text: its record, and the source sentence quoted
  await page.locator('.report-text mark.fig.actual', { hasText: '地区生产总值24653亿元' }).click();
  const text = (await record.textContent())!;
  // the level and the growth share these characters: both records are shown
  assert.deepEqual((await record.locator('dd', { hasText: /^(24653亿元|4\.6%)$/ }).allTextContents()).sort(), ['24653亿元', '4.6%']);
  assert.ok(text.includes('实际'), text);
  assert.ok(text.includes('24653亿元'), text);
  assert.ok(text.includes('2023'), text);
  await shot('reader-record');
});

test('search: hits with the term highlighted, each a link into the reader at the hit', async () => {
  await open('#/search');
  await page.fill('input[name=q]', '新质生产力');
  await page.click('form.search-form button[type=submit]');
  await page.waitForSelector('ol.hits li');
  assert.equal(await page.locator('ol.hits li').count(), 7);
  for (const m of await page.locator('ol.hits mark').allTextContents()) assert.equal(m, '新质生产力');
  await shot('search');
  await page.locator('ol.hits li a').first().click();
  await page.waitForSelector('.report-text p.flash');
  assert.ok((await page.locator('.report-text p.flash').textContent())!.includes('新质生产力'));
});

test('targets vs outcomes, compare and attention draw their charts', async () => {
  await open(`#/targets?region=${encodeURIComponent('苏州市')}&metric=gdp&quantity=growth`);
  await page.waitForSelector('#track-chart[data-drawn] canvas');
  assert.deepEqual(
    (await page.locator('table.track tbody tr').allTextContents()).map((r) => r.slice(0, 4)),
    ['2020', '2024'],
  );
  assert.ok((await page.locator('table.track').textContent())!.includes('6% 左右'));
  await shot('targets');

  await open('#/compare');
  await page.waitForSelector('#compare-chart[data-drawn] canvas');
  await page.waitForSelector('#compare-time-chart[data-drawn] canvas');
  assert.equal(await page.locator('table.compare tbody tr').count(), 4);
  await shot('compare');

  await open(`#/attention?dictionary=digital_economy&term=${encodeURIComponent('低空经济')}`);
  await page.waitForSelector('#index-chart[data-drawn] canvas');
  await page.waitForSelector('#spread-chart[data-drawn] canvas');
  assert.ok((await page.locator('table.kwic tbody tr').count()) >= 3);
  for (const kw of await page.locator('table.kwic td.kw').allTextContents()) assert.equal(kw, '低空经济');
  await shot('attention');
});

test('upload in write mode: the file is added and listed; without the token the write is refused', async () => {
  await open('#/corpus');
  // no token yet: the page says so and nothing is sent
  await page.setInputFiles('.upload input[type=file]', join(SHARED_REPORTS, 'national', '2025.md'));
  await page.waitForSelector('.upload-list li.failed');
  // a write without the token, straight at the API, is refused
  const refused = await page.evaluate(async () => {
    const f = new FormData();
    f.append('file', new Blob(['政府工作报告'.repeat(50)]), 'x.txt');
    const r = await fetch('/api/documents', { method: 'POST', body: f });
    return { status: r.status, body: await r.json() };
  });
  assert.equal(refused.status, 401);
  assert.match(refused.body.error, /token/);

  await page.fill('.upload input[name=token]', TOKEN);
  await page.setInputFiles('.upload input[type=file]', join(SHARED_REPORTS, 'national', '2025.md'));
  await page.waitForSelector('.upload-list li.added');
  assert.match((await page.locator('.upload-list li.added').textContent())!, /已加入 #6/);
  await page.waitForFunction(() => document.querySelectorAll('table.documents tbody tr').length === 6);
  assert.ok((await page.locator('table.documents').textContent())!.includes('全国'));
  await shot('upload');
});

test('the English switch translates the pages', async () => {
  await open('#/corpus');
  await page.click('#lang');
  await page.waitForFunction(() => document.querySelector('#nav a')?.textContent === 'Corpus');
  assert.equal(await page.locator('h1').first().textContent(), 'Corpus');
  await shot('corpus-en');
  await page.click('#lang');
  await page.waitForFunction(() => document.querySelector('#nav a')?.textContent === '报告库');
});

test('no script errors on any page', () => {
  assert.deepEqual(pageErrors, []);
});
