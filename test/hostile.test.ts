import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { readReport, ReadError } from '../src/readers/index.ts';
import { analyseDocument } from '../src/structure/document.ts';
import { extractFigures } from '../src/extract/extract.ts';
import { gwr, sample, tempDir, FIXTURES } from './helpers.ts';

const dir = tempDir();
const report = readFileSync(sample('suzhou-2024'), 'utf8');

async function refused(file: string, reason: RegExp): Promise<void> {
  await assert.rejects(readReport(file), (err: unknown) => err instanceof ReadError && err.message.startsWith(file) && reason.test(err.reason));
}

test('deeply nested HTML is read in linear time', async () => {
  const file = join(dir, 'deep.html');
  writeFileSync(file, `<html><body>${'<div>'.repeat(200_000)}<p>${report.split('\n').slice(0, 20).join('</p><p>')}</p>${'</div>'.repeat(200_000)}</body></html>`);
  const started = process.hrtime.bigint();
  const doc = analyseDocument(await readReport(file));
  assert.ok(doc.text.includes('——2024年1月16日在市十七届人大三次会议上'));
  assert.equal(doc.metadata.city, '苏州市');
  // far below the 25 s the quadratic parser took; generous so that a busy machine does not fail it
  assert.ok(Number(process.hrtime.bigint() - started) / 1e9 < 10);
});

test('a report written on one 5 MB line is read, structured and searched', async () => {
  const file = join(dir, 'one-line.txt');
  writeFileSync(file, report.replace(/\n/g, '').repeat(85));
  const doc = analyseDocument(await readReport(file));
  assert.ok(doc.text.length > 1_500_000);
  assert.equal(doc.metadata.city, '苏州市');
  assert.ok(doc.sentences.length > 10_000);
  assert.ok(extractFigures(doc).targets.some((t) => t.metric === 'gdp' && t.value === 5));
});

test('a 200 MB file and a text of more than ten million characters are refused before they are processed', async () => {
  const big = join(dir, 'big.txt');
  writeFileSync(big, '');
  truncateSync(big, 200 * 1024 * 1024);
  await refused(big, /too large \(200 MB; the limit is 100 MB\)/);
  const long = join(dir, 'long.txt');
  writeFileSync(long, '地区生产总值增长5%。'.repeat(1_000_001));
  await refused(long, /million characters of text, too many for one report/);
});

test('a zip bomb named .docx, a truncated .docx and a truncated PDF are refused with the reason', async () => {
  // a .docx whose document.xml would unpack to 300 MB (the central directory says so)
  const zeros = deflateRawSync(Buffer.alloc(300 * 1024 * 1024));
  const name = Buffer.from('word/document.xml');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(zeros.length, 18);
  local.writeUInt32LE(300 * 1024 * 1024, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(zeros.length, 20);
  central.writeUInt32LE(300 * 1024 * 1024, 24);
  central.writeUInt16LE(name.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + name.length, 12);
  end.writeUInt32LE(30 + name.length + zeros.length, 16);
  const bomb = join(dir, 'bomb.docx');
  writeFileSync(bomb, Buffer.concat([local, name, zeros, central, name, end]));
  await refused(bomb, /would unpack to 300 MB \(refused as a zip bomb\)/);

  const pdf = readFileSync(join(FIXTURES, 'suzhou-xiangcheng-2024.pdf'));
  const cut = join(dir, 'cut.pdf');
  writeFileSync(cut, pdf.subarray(0, 2000));
  await refused(cut, /not a readable PDF|no text layer/);
  const cutDocx = join(dir, 'cut.docx');
  writeFileSync(cutDocx, Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.from('word/document.xml'), Buffer.alloc(100)]));
  await refused(cutDocx, /not a readable \.docx/);
});

test('a text with no recognisable region or year is stored with warnings, and the batch goes on', () => {
  const folder = join(dir, 'batch');
  mkdirSync(folder);
  writeFileSync(join(folder, 'a-unknown.txt'), '各位代表：\n现在我向大会报告工作。\n一、过去一年工作回顾\n全年完成任务。\n');
  writeFileSync(join(folder, 'b-binary.txt'), Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 31) % 7)));
  writeFileSync(join(folder, 'c-report.txt'), report);
  const db = join(dir, 'batch.db');
  const r = gwr(['add', folder, '--db', db, '--json']);
  assert.equal(r.code, 1);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(out.files.map((f: any) => f.status), ['added', 'failed', 'added']);
  assert.ok(out.files[0].warnings.includes('no year found') && out.files[0].warnings.includes('no region found'));
  assert.match(out.files[1].error, /binary data/);
});
