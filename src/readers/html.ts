// Text of an HTML page: the body's text with block elements as paragraph breaks; scripts, styles,
// navigation, headers and footers left out. Streams through htmlparser2, so deep nesting costs no stack.
import { Parser } from 'htmlparser2';

const BLOCK = new Set([
  'p', 'div', 'br', 'li', 'ul', 'ol', 'table', 'tr', 'td', 'th', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'section', 'article', 'blockquote', 'pre', 'hr', 'dd', 'dt', 'dl', 'center', 'main', 'title',
]);
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'nav', 'header', 'footer', 'aside', 'select', 'button', 'form', 'iframe', 'svg']);
const HEADINGS: Record<string, number> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };

export interface HtmlText {
  text: string;
  title: string | null;
}

export function htmlToText(html: string): HtmlText {
  const parts: string[] = [];
  let skipDepth = 0;
  let inTitle = false;
  let title = '';
  let heading = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (SKIP.has(name)) skipDepth++;
        if (name === 'title') inTitle = true;
        if (BLOCK.has(name)) parts.push('\n');
        if (HEADINGS[name] && skipDepth === 0) {
          heading = HEADINGS[name];
          parts.push('#'.repeat(heading) + ' ');
        }
      },
      ontext(text) {
        if (inTitle) {
          title += text;
          return;
        }
        if (skipDepth > 0) return;
        parts.push(heading ? text.replace(/\s+/g, ' ') : text.replace(/[ \t\r\n]+/g, (ws) => (ws.includes('\n') ? ' ' : ws)));
      },
      onclosetag(name) {
        if (SKIP.has(name) && skipDepth > 0) skipDepth--;
        if (name === 'title') inTitle = false;
        if (HEADINGS[name]) heading = 0;
        if (BLOCK.has(name)) parts.push('\n');
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  const text = parts.join('').replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n');
  return { text, title: title.trim() || null };
}
