// YAML front matter at the top of a Markdown file (as in the shared report collection): `title` and
// `source` become document attributes; the report text is what follows it.
import { parse } from 'yaml';

export interface FrontMatter {
  attributes: Record<string, string>;
  /** Offset in the text where the body starts. */
  bodyStart: number;
}

export function splitFrontMatter(text: string): FrontMatter {
  const m = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(\r?\n|$)/.exec(text);
  if (!m) return { attributes: {}, bodyStart: 0 };
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
