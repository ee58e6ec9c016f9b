// Encoding text as overlapping character pairs for the sentence_pairs full-text index. Each pair is
// written as one 8-character ASCII token (two code points in base 36, 4 characters each), so the
// `ascii` tokenizer sees it as a single token whatever the characters are (Chinese, digits, %, …).

const codes = new Map<string, string>();
function code(ch: string): string {
  let c = codes.get(ch);
  if (c === undefined) {
    c = ch.codePointAt(0)!.toString(36).padStart(4, '0');
    codes.set(ch, c);
  }
  return c;
}

function chars(text: string): string[] {
  return Array.from(text.toLowerCase());
}

/** The pair tokens of a text, space-separated; a pair with whitespace in it is left out. */
export function encodePairs(text: string): string {
  const cs = chars(text);
  const tokens: string[] = [];
  for (let i = 0; i + 1 < cs.length; i++) {
    if (/\s/.test(cs[i]) || /\s/.test(cs[i + 1])) continue;
    tokens.push(code(cs[i]) + code(cs[i + 1]));
  }
  return tokens.join(' ');
}

/**
 * The FTS5 query for a user query: each whitespace-separated term of 2 or more characters becomes
 * the phrase of its pairs; terms are ANDed. Returns null when no term is long enough.
 */
export function pairQuery(query: string): string | null {
  const terms = query.trim().split(/\s+/).filter((t) => Array.from(t).length >= 2);
  if (!terms.length) return null;
  return terms.map((t) => `"${encodePairs(t)}"`).join(' AND ');
}

/** The search terms of a query, as matched (lower case). */
export function queryTerms(query: string): string[] {
  return query.trim().toLowerCase().split(/\s+/).filter((t) => Array.from(t).length >= 2);
}
