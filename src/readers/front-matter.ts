// YAML front matter at the top of a Markdown file (as in the shared report collection): `title` and
// `source` become document attributes; the report text is what follows it.
import { parse } from 'yaml';

export interface FrontMatter {
  attributes: Record<string, string>;
  /** Offset in the text where the body starts. */
  bodyStart: number;
}

/** A `key: value` line. */
const KEY_VALUE = /^([A-Za-z_][\w-]*)[ \t]*:[ \t]+(\S(?:.*\S)?)[ \t]*$/;

/**
 * A value YAML reads as the string it is written as: no indicator first, nothing a number, date,
 * boolean or null starts with, and neither ": " nor " #" inside.
 */
function isPlainString(value: string): boolean {
  return !/^[-?:,[\]{}#&*!|>'"%@`0-9+.~]/.test(value) && !/: | #/.test(value) && !/^(?:true|false|null|yes|no|on|off|y|n)$/i.test(value);
}

/**
 * The attributes of a front matter made only of `key: value` lines with plain string values, as
 * the collection's are (title and source), or null for anything else, which the YAML parser reads.
 * The parser's first call compiled it: ~0.2 s of an ingest worker.
 */
function plainAttributes(block: string): Record<string, string> | null {
  const attributes: Record<string, string> = {};
  for (const line of block.split(/\r?\n/)) {
    if (!line.trim()) continue;
    const kv = KEY_VALUE.exec(line);
    if (!kv || !isPlainString(kv[2])) return null;
    attributes[kv[1]] = kv[2];
  }
  return attributes;
}

export function splitFrontMatter(text: string): FrontMatter {
  const m = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(\r?\n|$)/.exec(text);
  if (!m) return { attributes: {}, bodyStart: 0 };
  const plain = plainAttributes(m[1]);
  if (plain) return { attributes: plain, bodyStart: m[0].length };
  const attributes: Record<string, string> = {};
  try {
    const parsed = parse(m[1]);
    if (parsed && typeof parsed === 'object') {
      for (const [k, v] of Object.entries(parsed)) {
        if (v === null || v === undefined) continue;
        attributes[k] = v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'object' ? JSON.stringify(v) : String(v);
      }
    }
  } catch {
    // A front matter that is not valid YAML is still not report text: read `key: value` lines as they are.
    for (const line of m[1].split(/\r?\n/)) {
      const kv = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line);
      if (kv) attributes[kv[1]] = kv[2].replace(/^["']|["']$/g, '');
    }
  }
  return { attributes, bodyStart: m[0].length };
}
