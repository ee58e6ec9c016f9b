// Text of an HTML page: the body's text with block elements as paragraph breaks; scripts, styles,
// navigation, headers and footers left out. Driven by htmlparser2's Tokenizer, which is linear: its
// Parser keeps the open-element stack with Array.unshift, quadratic for deeply nested pages, and text
// extraction needs no tree.
import { Tokenizer } from 'htmlparser2';

const BLOCK = new Set([
  'p', 'div', 'br', 'li', 'ul', 'ol', 'table', 'tr', 'td', 'th', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'section', 'article', 'blockquote', 'pre', 'hr', 'dd', 'dt', 'dl', 'center', 'main', 'title',
]);
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'nav', 'header', 'footer', 'aside', 'select', 'button', 'form', 'iframe', 'svg']);
const HEADINGS: Record<string, number> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };
const VOID = new Set(['br', 'hr', 'img', 'input', 'meta', 'link', 'area', 'base', 'col', 'embed', 'source', 'track', 'wbr']);

export interface HtmlText {
  text: string;
  title: string | null;
}

export function htmlToText(html: string): HtmlText {
  const parts: string[] = [];
  /** Depth of open elements whose content is left out; a count per name so that stray end tags do not underflow. */
  const skipping = new Map<string, number>();
  let skipDepth = 0;
  let inTitle = false;
  let title = '';
  let heading = 0;
  let tagName = '';

  const text = (s: string) => {
    if (inTitle) {
      title += s;
      return;
    }
    if (skipDepth > 0) return;
    parts.push(heading ? s.replace(/\s+/g, ' ') : s.replace(/[ \t\r\n]+/g, (ws) => (ws.includes('\n') ? ' ' : ws)));
  };
  const open = (name: string) => {
    if (SKIP.has(name) && !VOID.has(name)) {
      skipping.set(name, (skipping.get(name) ?? 0) + 1);
      skipDepth++;
    }
    if (name === 'title') inTitle = true;
    if (BLOCK.has(name)) parts.push('\n');
    if (HEADINGS[name] && skipDepth === 0) {
      heading = HEADINGS[name];
      parts.push('#'.repeat(heading) + ' ');
    }
  };
  const close = (name: string) => {
    const n = skipping.get(name) ?? 0;
    if (n > 0) {
      skipping.set(name, n - 1);
      skipDepth--;
    }
    if (name === 'title') inTitle = false;
    if (HEADINGS[name]) heading = 0;
    if (BLOCK.has(name)) parts.push('\n');
  };

  const tokenizer = new Tokenizer(
    { decodeEntities: true },
    {
      onopentagname(start, end) {
        tagName = html.slice(start, end).toLowerCase();
        open(tagName);
      },
      onopentagend() {
        // a <script> or <style> body is raw text that the tokenizer hands over as text; it is skipped above
      },
      onselfclosingtag() {
        close(tagName);
      },
      onclosetag(start, end) {
        close(html.slice(start, end).toLowerCase());
      },
      ontext(start, end) {
        text(html.slice(start, end));
      },
      ontextentity(codepoint) {
        text(String.fromCodePoint(codepoint));
      },
      onattribdata() {},
      onattribentity() {},
      onattribend() {},
      onattribname() {},
      oncdata() {},
      oncomment() {},
      ondeclaration() {},
      onend() {},
      onprocessinginstruction() {},
    },
  );
  tokenizer.write(html);
  tokenizer.end();
  const out = parts.join('').replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n');
  return { text: out, title: title.trim() || null };
}
