import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { Document, Packer, Paragraph } from 'docx';
import { readReport, ReadError } from '../src/readers/index.ts';
import { analyseDocument } from '../src/structure/document.ts';
import { sample, squeeze, tempDir, FIXTURES } from './helpers.ts';

const dir = tempDir();
const utf8 = readFileSync(sample('suzhou-xiangcheng-2024'), 'utf8');
const reference = analyseDocument(await readReport(sample('suzhou-xiangcheng-2024')));
/** The report's text without Markdown marks, as a Word or PDF copy of it would have it. */
const plain = utf8.replace(/^#+\s*/gm, '');

test('a GB18030 copy of a report reads to the same text', async () => {
  const file = join(dir, 'xiangcheng-gb.txt');
  writeFileSync(file, iconv.encode(utf8, 'gb18030'));
  const raw = await readReport(file);
  assert.equal(raw.encoding, 'gb18030');
  assert.equal(analyseDocument(raw).text, reference.text);
});

test('UTF-8 with a BOM and UTF-16 with a BOM read to the same text', async () => {
  const bom = join(dir, 'bom.txt');
  writeFileSync(bom, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(utf8)]));
  assert.equal(analyseDocument(await readReport(bom)).text, reference.text);
  const u16 = join(dir, 'u16.txt');
  writeFileSync(u16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(utf8, 'utf16le')]));
  const raw = await readReport(u16);
  assert.equal(raw.encoding, 'utf-16le');
  assert.equal(analyseDocument(raw).text, reference.text);
});

test('a .docx made from a report reads to the same text (allowing whitespace)', async () => {
  const doc = new Document({ sections: [{ children: plain.split('\n').map((line) => new Paragraph(line)) }] });
  const file = join(dir, 'xiangcheng.docx');
  writeFileSync(file, await Packer.toBuffer(doc));
  const raw = await readReport(file);
  assert.equal(raw.format, 'docx');
  assert.equal(squeeze(analyseDocument(raw).text), squeeze(reference.text));
});

test('a .pdf made from a report reads to the same text (allowing whitespace)', async () => {
  const raw = await readReport(join(FIXTURES, 'suzhou-xiangcheng-2024.pdf'));
  assert.equal(raw.format, 'pdf');
  const doc = analyseDocument(raw);
  assert.equal(squeeze(doc.text), squeeze(reference.text));
  assert.equal(doc.metadata.county, '相城区');
});

test('an HTML page reads to its body text, without scripts and navigation', async () => {
  const file = join(dir, 'page.html');
  const body = plain.split('\n').filter(Boolean).map((l) => `<p>${l}</p>`).join('\n');
  writeFileSync(file, `<!DOCTYPE html><html><head><title>相城区政府工作报告</title><script>var x = "地区生产总值";</script></head><body><nav>首页 &gt; 政务公开</nav>${body}<footer>版权所有</footer></body></html>`);
  const raw = await readReport(file);
  assert.equal(raw.format, 'html');
  assert.equal(raw.attributes.title, '相城区政府工作报告');
  assert.equal(squeeze(analyseDocument(raw).text), squeeze(reference.text));
});

test('Markdown front matter gives the title and source attributes', async () => {
  const file = join(dir, 'fm.md');
  writeFileSync(file, `---\nsource: https://example.org/report\ntitle: 相城区政府工作报告\n---\n\n${utf8}`);
  const raw = await readReport(file);
  assert.deepEqual(raw.attributes, { source: 'https://example.org/report', title: '相城区政府工作报告' });
  assert.equal(analyseDocument(raw).text, reference.text);
});

test('front matter values that are not plain strings are read as YAML reads them', async () => {
  const file = join(dir, 'fm-typed.md');
  const lines = ['title: 相城区政府工作报告 （2024年1月8日）', 'source: https://example.org/a:b', 'year: 2024', 'date: 2024-01-08', 'quoted: "标题 # 一"', 'tags: [政府, 报告]', 'draft: false', 'empty:'];
  writeFileSync(file, `---\n${lines.join('\n')}\n---\n\n${utf8}`);
  const raw = await readReport(file);
  assert.deepEqual(raw.attributes, {
    title: '相城区政府工作报告 （2024年1月8日）',
    source: 'https://example.org/a:b',
    year: '2024',
    date: '2024-01-08',
    quoted: '标题 # 一',
    tags: '["政府","报告"]',
    draft: 'false',
  });
  // a comment after a value is YAML's, not the value's
  writeFileSync(file, `---\ntitle: 相城区政府工作报告 # 2024\n---\n\n${utf8}`);
  assert.deepEqual((await readReport(file)).attributes, { title: '相城区政府工作报告' });
});

async function readError(file: string): Promise<ReadError> {
  try {
    await readReport(file);
  } catch (err) {
    assert.ok(err instanceof ReadError);
    return err;
  }
  throw new Error(`${file} was read without an error`);
}

test('binary data, empty, whitespace-only and letterless files give clear errors naming the file', async () => {
  const bin = join(dir, 'report.txt');
  writeFileSync(bin, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
  const e1 = await readError(bin);
  assert.match(e1.message, /report\.txt: binary data/);
  const empty = join(dir, 'empty.txt');
  writeFileSync(empty, '');
  assert.match((await readError(empty)).message, /empty\.txt: empty file/);
  const blank = join(dir, 'blank.md');
  writeFileSync(blank, ' \n\t\n　\n');
  assert.match((await readError(blank)).message, /blank\.md: contains only whitespace/);
  const stray = join(dir, 'stray.txt');
  writeFileSync(stray, Buffer.from([0xff, 0xfe, 0x00])); // a UTF-16 byte-order mark and one byte
  assert.match((await readError(stray)).message, /stray\.txt: no letters or digits/);
  // after a UTF-16 byte-order mark, any bytes decode to characters: "\0garbage" to four Chinese ones
  const garbage = join(dir, 'garbage.html');
  writeFileSync(garbage, Buffer.concat([Buffer.from([0xff, 0xfe, 0x00]), Buffer.from('garbage')]));
  assert.match((await readError(garbage)).message, /garbage\.html: only 4 characters of text, too few for a report/);
  const one = join(dir, 'one.html');
  writeFileSync(one, '<html><body>短</body></html>');
  assert.match((await readError(one)).message, /one\.html: only 1 character of text, too few for a report/);
  const greeting = join(dir, 'greeting.txt');
  writeFileSync(greeting, '各位代表：\n现在，我代表市人民政府。\n');
  assert.match((await readError(greeting)).message, /greeting\.txt: only 17 characters of text/);
});

test('a zip that is not a .docx and a corrupt PDF are refused with a reason', async () => {
  const zip = join(dir, 'a.docx');
  writeFileSync(zip, Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(200, 1)]));
  assert.match((await readError(zip)).message, /a zip archive that is not a \.docx/);
  const pdf = join(dir, 'broken.pdf');
  writeFileSync(pdf, '%PDF-1.4\n1 0 obj garbage');
  assert.match((await readError(pdf)).message, /broken\.pdf: (not a readable PDF|the PDF has no text layer)/);
});

test('a .docx or .pdf whose bytes are text is refused, not stored as a report', async () => {
  const docx = join(dir, 'truncated.docx');
  writeFileSync(docx, 'PK broken');
  assert.match((await readError(docx)).message, /truncated\.docx: not a \.docx document/);
  const pdf = join(dir, 'renamed.pdf');
  writeFileSync(pdf, '2024年政府工作报告\n各位代表：');
  assert.match((await readError(pdf)).message, /renamed\.pdf: not a PDF document/);
});

test('a file mixing UTF-8 and GB18030, even within a line, reads correctly with a warning', async () => {
  const file = join(dir, 'mixed.txt');
  const cut = utf8.indexOf('完成地区生产总值');
  writeFileSync(file, Buffer.concat([Buffer.from(utf8.slice(0, cut), 'utf8'), iconv.encode(utf8.slice(cut), 'gb18030')]));
  const raw = await readReport(file);
  assert.equal(raw.encoding, 'mixed utf-8 and gb18030 (line by line)');
  const doc = analyseDocument(raw);
  assert.equal(doc.text, reference.text);
  assert.ok(doc.warnings.includes('decoded as mixed utf-8 and gb18030 (line by line)'));
});
