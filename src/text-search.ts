// A regex search that tries its pattern only where a match can start. A regex search tries the pattern
// at every position of the text; in a report most positions cannot start a figure or a metric's name,
// and ruling them out with a table lookup first made extraction's two busiest patterns (figures,
// metric names) several times faster.

const ONE_UNIT = 1;
const TWO_UNITS = 2;

export class StartIndexedPattern {
  private readonly sticky: RegExp;
  /** By a text's first code unit: ONE_UNIT when a start is that unit alone, TWO_UNITS when a start begins with it. */
  private readonly first = new Uint8Array(65536);
  /** Starts of two code units, as (first << 16) | second. */
  private readonly pairs = new Set<number>();

  /**
   * `starts`: texts of one or two code units, one of which every match of the pattern begins with
   * (longer ones are cut to their first two). A match that begins otherwise is never found.
   */
  constructor(pattern: RegExp, starts: Iterable<string>) {
    this.sticky = new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, '') + 'y');
    for (const start of starts) {
      if (!start) throw new Error('a start must not be empty');
      const a = start.charCodeAt(0);
      if (start.length === 1) this.first[a] |= ONE_UNIT;
      else {
        this.first[a] |= TWO_UNITS;
        this.pairs.add((a << 16) | start.charCodeAt(1));
      }
    }
  }

  /** The leftmost match at or after `from`: what a global search from lastIndex `from` finds. */
  find(text: string, from = 0): RegExpExecArray | null {
    const { first, pairs, sticky } = this;
    for (let i = from; i < text.length; i++) {
      const kind = first[text.charCodeAt(i)];
      if (kind === 0) continue;
      if (!(kind & ONE_UNIT) && !pairs.has((text.charCodeAt(i) << 16) | text.charCodeAt(i + 1))) continue;
      sticky.lastIndex = i;
      const m = sticky.exec(text);
      if (m) return m;
    }
    return null;
  }

  /** The match after `previous`, searched from its end (past an empty match, from the next position), as a global regex goes on. */
  next(text: string, previous: RegExpExecArray): RegExpExecArray | null {
    return this.find(text, previous.index + Math.max(1, previous[0].length));
  }

  /** The text with every match replaced by `replacement` (as String.replace with a global regex, `$` patterns aside). */
  replaceAll(text: string, replacement: string): string {
    let out = '';
    let at = 0;
    for (let m = this.find(text); m; m = this.next(text, m)) {
      out += text.slice(at, m.index) + replacement;
      at = m.index + m[0].length;
    }
    return out + text.slice(at);
  }
}
