// Robustness of extraction on noisy text: each sampled report is also read as noisy copies of itself
// (the ways reports reach users: full-width digits, GB18030, spaces before units, hard-wrapped lines
// with page numbers, a government web page, plain text without Markdown, a PDF's text layer), and the
// core records (targets and actuals of the taxonomy's metrics) of each copy are compared with those of
// the clean text. Nothing is written to disk.
//
//   node --import tsx scripts/noise-check.ts [--sample 0.05] [--seed 101] [--max 120] DIR...
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import iconv from 'iconv-lite';
import { collectFiles } from '../src/ingest/files.ts';
import { analyseBytes } from '../src/ingest/ingest.ts';

const { values: args, positionals: dirs } = parseArgs({
  allowPositionals: true,
  options: { sample: { type: 'string', default: '0.05' }, seed: { type: 'string', default: '101' }, max: { type: 'string', default: '120' } },
});

/** A small seeded generator (mulberry32): the same sample on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FRONT_MATTER = /^---\n[\s\S]*?\n---\n/;
const utf8 = (text: string) => new TextEncoder().encode(text);
const htmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Lines of at most `width` characters. */
const wrap = (line: string, width: number) => line.match(new RegExp(`.{1,${width}}`, 'gu')) ?? [''];

/** The noisy copies of a report's text: name, file name (its extension picks the reader) and bytes. */
function noisyCopies(text: string): Array<{ name: string; file: string; bytes: Uint8Array }> {
  const title = /^title: *(.*)$/m.exec(text)?.[1] ?? '';
  const fullWidth = text.replace(/[0-9%.]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
  const spaced = text.replace(/(\d)([%亿万元个])/g, '$1 $2').replace(/([\u4e00-\u9fff])(\d)/g, '$1 $2');
  // hard wraps every 38 characters, a page number every 30 lines
  const wrapped = text
    .split('\n')
    .flatMap((p) => wrap(p, 38))
    .flatMap((l, i) => (i % 30 === 29 ? [l, '', `— ${Math.floor(i / 30) + 1} —`, ''] : [l]))
    .join('\n');
  // a web page: navigation, indented paragraphs, entities, a <br> after the first sentence of a long paragraph, a footer
  const paragraphs = text.replace(FRONT_MATTER, '').split('\n').filter((p) => p.trim() && !p.startsWith('---'));
  const page = [
    `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${htmlEscape(title)}</title></head><body>`,
    '<div class="nav"><a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; 政府工作报告</div><div class="content">',
    ...paragraphs.map((p) => {
      const body = htmlEscape(p.replace(/\*\*/g, ''));
      return `<p style="text-indent:2em">&nbsp;&nbsp;　　${p.length > 80 ? body.replace('。', '。<br/>') : body}</p>`;
    }),
    '</div><div class="footer">主办单位：市人民政府办公室　　网站标识码：1234567890</div></body></html>',
  ].join('\n');
  const plain = text.replace(/\*\*/g, '').replace(/^#+\s*/gm, '');
  // a PDF's text layer: only an indent opens a paragraph, lines of 36, a running header and a page number every 40 lines
  const pdf = plain
    .replace(FRONT_MATTER, '')
    .split('\n')
    .filter((p) => p.trim())
    .flatMap((p) => wrap(`　　${p.trim()}`, 36))
    .flatMap((l, i) => (i % 40 === 0 && i ? [`- ${i / 40} -`, '政府工作报告', l] : [l]))
    .join('\n');
  return [
    { name: 'full-width digits', file: 'copy.txt', bytes: utf8(fullWidth) },
    { name: 'GB18030', file: 'copy.txt', bytes: iconv.encode(text, 'gb18030') },
    { name: 'spaces before units', file: 'copy.txt', bytes: utf8(spaced) },
    { name: 'hard-wrapped', file: 'copy.txt', bytes: utf8(wrapped) },
    { name: 'web page', file: 'copy.html', bytes: utf8(page) },
    { name: 'plain text', file: 'copy.txt', bytes: utf8(plain) },
    { name: 'PDF text layer', file: 'copy.txt', bytes: utf8(pdf) },
  ];
}

/** The core records of a file: targets and actuals of the taxonomy's metrics, as comparable keys. */
async function coreRecords(file: string, bytes: Uint8Array): Promise<Set<string>> {
  const { extraction } = await analyseBytes(file, bytes, {}, true);
  return new Set(
    [...extraction!.targets, ...extraction!.actuals]
      .filter((r) => r.metric !== 'other')
      .map((r) => [r.kind, r.metric, r.quantity, r.value, r.value2 ?? '', r.modifier ?? '', r.year].join('|')),
  );
}

const next = random(Number(args.seed));
const { files } = await collectFiles(dirs.length ? dirs : ['../shared/reports']);
const sample = files
  .filter((f) => f.endsWith('.md') && !f.includes('nbs-communique'))
  .sort()
  .filter(() => next() < Number(args.sample))
  .slice(0, Number(args.max));

const lost = new Map<string, number>();
const gained = new Map<string, number>();
let records = 0;
for (const file of sample) {
  const bytes = readFileSync(file);
  const clean = await coreRecords(file, bytes);
  records += clean.size;
  for (const copy of noisyCopies(new TextDecoder().decode(bytes))) {
    const got = await coreRecords(copy.file, copy.bytes);
    const missing = [...clean].filter((k) => !got.has(k));
    const extra = [...got].filter((k) => !clean.has(k));
    lost.set(copy.name, (lost.get(copy.name) ?? 0) + missing.length);
    gained.set(copy.name, (gained.get(copy.name) ?? 0) + extra.length);
    if (missing.length || extra.length) console.log(`${file} (${copy.name}): lost ${missing.join(' ; ') || '-'}; gained ${extra.join(' ; ') || '-'}`);
  }
}
console.log(`\n${sample.length} reports, ${records} core records in their clean text`);
for (const [name] of lost) console.log(`${name.padEnd(22)} lost ${String(lost.get(name)).padStart(4)}   gained ${String(gained.get(name)).padStart(4)}`);
