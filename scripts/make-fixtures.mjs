// Makes test/fixtures/suzhou-xiangcheng-2024.pdf: the 相城 sample set as a PDF with a text layer
// and page numbers, for the PDF reader's test. Needs Debian's fonts-noto-cjk and the pdfkit dev dependency.
import { createWriteStream, readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';

const FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
const text = readFileSync(new URL('../examples/suzhou-xiangcheng-2024.txt', import.meta.url), 'utf8').replace(/^#+\s*/gm, '');
const doc = new PDFDocument({ size: 'A4', margins: { top: 60, bottom: 60, left: 70, right: 70 }, bufferPages: true });
doc.pipe(createWriteStream(new URL('../test/fixtures/suzhou-xiangcheng-2024.pdf', import.meta.url)));
doc.font(FONT, 'NotoSansCJKsc-Regular').fontSize(11);
for (const para of text.split('\n')) {
  if (para.trim()) doc.text(para.trim(), { paragraphGap: 6, lineGap: 2 });
}
const pages = doc.bufferedPageRange();
for (let i = 0; i < pages.count; i++) {
  doc.switchToPage(i);
  doc.text(`- ${i + 1} -`, 0, doc.page.height - 40, { align: 'center', width: doc.page.width, lineBreak: false });
}
doc.end();
