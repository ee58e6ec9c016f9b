// A string under construction that remembers, for every character, where it came from in a source
// string. Normalisation stages write through it so that offsets in the normalised text can always be
// mapped back to the original.

export class MappedTextBuilder {
  private parts: string[] = [];
  private map: Int32Array = new Int32Array(1024);
  private len = 0;

  get length(): number {
    return this.len;
  }

  private reserve(extra: number): void {
    if (this.len + extra + 1 <= this.map.length) return;
    let size = this.map.length * 2;
    while (size < this.len + extra + 1) size *= 2;
    const next = new Int32Array(size);
    next.set(this.map.subarray(0, this.len));
    this.map = next;
  }

  /** Copies source[from, to) unchanged: each character maps to its own source position. */
  copy(source: string, from: number, to: number): void {
    if (to <= from) return;
    this.reserve(to - from);
    this.parts.push(source.slice(from, to));
    for (let i = from; i < to; i++) this.map[this.len++] = i;
  }

  /** Writes text whose character k came from source position `at + k` (a run copied from a same-length conversion). */
  copyMapped(text: string, at: number): void {
    if (!text) return;
    this.reserve(text.length);
    this.parts.push(text);
    for (let k = 0; k < text.length; k++) this.map[this.len++] = at + k;
  }

  /** Writes replacement text; every character of it maps to the source position `at`. */
  emit(text: string, at: number): void {
    if (!text) return;
    this.reserve(text.length);
    this.parts.push(text);
    for (let i = 0; i < text.length; i++) this.map[this.len++] = at;
  }

  lastChar(): string {
    for (let i = this.parts.length - 1; i >= 0; i--) {
      const p = this.parts[i];
      if (p.length) return p[p.length - 1];
    }
    return '';
  }

  /** The last `n` characters written (fewer at the start). */
  lastChars(n: number): string {
    let out = '';
    for (let i = this.parts.length - 1; i >= 0 && out.length < n; i--) out = this.parts[i].slice(-(n - out.length)) + out;
    return out;
  }

  /** The text and a map of length text.length + 1; the last entry is `sourceEnd`. */
  finish(sourceEnd: number): { text: string; map: Int32Array } {
    const text = this.parts.join('');
    const map = new Int32Array(this.len + 1);
    map.set(this.map.subarray(0, this.len));
    map[this.len] = sourceEnd;
    return { text, map };
  }
}

/** Composes two maps: `outer` maps c → b offsets, `inner` maps b → a offsets; the result maps c → a. */
export function composeMaps(outer: Int32Array, inner: Int32Array): Int32Array {
  const out = new Int32Array(outer.length);
  for (let i = 0; i < outer.length; i++) out[i] = inner[outer[i]];
  return out;
}

/** The original range [start, end) that a normalised range came from. */
export function toOriginalRange(map: Int32Array, start: number, end: number): [number, number] {
  const s = map[Math.max(0, Math.min(start, map.length - 1))];
  if (end <= start) return [s, s];
  // end is exclusive: map the last character in the range and step past it
  const last = map[Math.max(0, Math.min(end - 1, map.length - 1))];
  return [s, Math.max(s, last + 1)];
}

/**
 * A map stored compactly: runs of (normalised start, original start, length) over which normalised
 * and original offsets advance together. Most of a report is one long run.
 */
export function mapToRuns(map: Int32Array): Int32Array {
  const runs: number[] = [];
  let i = 0;
  while (i < map.length) {
    let j = i + 1;
    while (j < map.length && map[j] === map[j - 1] + 1) j++;
    runs.push(i, map[i], j - i);
    i = j;
  }
  return Int32Array.from(runs);
}

export function runsToMap(runs: Int32Array): Int32Array {
  let length = 0;
  for (let r = 0; r < runs.length; r += 3) length = Math.max(length, runs[r] + runs[r + 2]);
  const map = new Int32Array(length);
  for (let r = 0; r < runs.length; r += 3) for (let k = 0; k < runs[r + 2]; k++) map[runs[r] + k] = runs[r + 1] + k;
  return map;
}

/**
 * The original text stored as what the normalised text lacks: `copies` are runs of (normalised
 * start, original start, length) over which the two texts are the same characters, in original
 * order; `rest` is every other character of the original, in order. Most of a report's original is
 * its normalised text, so this is a small fraction of a second copy.
 */
export interface OriginalDelta {
  copies: Int32Array;
  rest: string;
}

/** The delta of `original` against `text` (normalised from it through `map`, see MappedTextBuilder.finish). */
export function originalDelta(text: string, original: string, map: Int32Array): OriginalDelta {
  const copies: number[] = [];
  const rest: string[] = [];
  // the original up to `covered` is accounted for; a character copied must lie beyond it, so the
  // copies stay in original order whatever order the map visits the original in
  let covered = 0;
  let i = 0;
  while (i < text.length) {
    const o = map[i];
    if (o < covered || text.charCodeAt(i) !== original.charCodeAt(o)) {
      i++;
      continue;
    }
    let length = 1;
    while (i + length < text.length && map[i + length] === o + length && text.charCodeAt(i + length) === original.charCodeAt(o + length)) length++;
    if (o > covered) rest.push(original.slice(covered, o));
    copies.push(i, o, length);
    covered = o + length;
    i += length;
  }
  if (covered < original.length) rest.push(original.slice(covered));
  return { copies: Int32Array.from(copies), rest: rest.join('') };
}

/** The original text back from the normalised text and its delta. */
export function restoreOriginal(text: string, delta: OriginalDelta): string {
  const parts: string[] = [];
  const { copies, rest } = delta;
  let at = 0; // in the original
  let taken = 0; // in rest
  for (let c = 0; c < copies.length; c += 3) {
    const [n, o, length] = [copies[c], copies[c + 1], copies[c + 2]];
    parts.push(rest.slice(taken, taken + o - at), text.slice(n, n + length));
    taken += o - at;
    at = o + length;
  }
  parts.push(rest.slice(taken));
  return parts.join('');
}
