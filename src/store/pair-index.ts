// The search index: for every pair of adjacent characters, the sentences that contain it. A query of
// k characters is looked up by its k-1 pairs; the sentences that have them all are checked for the
// whole query. Any substring of 2 or more characters is found, in Chinese, digits or Latin.
//
// Why not FTS5: with each pair as a token it indexed at ~7.6 MB/s in the one writer thread, which
// capped ingestion below the 10 MB/s goal. Here the worker that analysed a batch of documents
// collects its pairs into typed arrays, and the writer sorts them into a few thousand rows
// ("segments" cut into buckets by pair) with counting sorts.
//
// A segment covers a batch of sentences whose ids were reserved together (`base` + ordinal). A
// bucket row holds, for each of its pairs in key order: the two code units, the byte length of the
// postings, and the postings as ascending ordinal deltas (all varints).

export const BUCKETS = 4096;

/** One pair: two UTF-16 code units (after lower-casing), packed as a * 65536 + b. */
export type PairKey = number;

export function bucketOf(key: PairKey): number {
  return (Math.imul(key >>> 16, 0x9e3779b1) ^ Math.imul(key & 0xffff, 0x85ebca6b)) >>> 20; // top 12 bits: 0..4095
}

/** Code units that end a run of indexed characters (whitespace as \s knows it). */
const SPACE = new Uint8Array(65536);
for (let c = 0; c < 65536; c++) if (c <= 32 || /\s/.test(String.fromCharCode(c))) SPACE[c] = 1;

/** The distinct pairs of a text (a query's), in the order they first occur (see SegmentBuilder.add). */
export function pairsOf(text: string): PairKey[] {
  const segment = new SegmentBuilder(6);
  segment.add(text);
  return Array.from(segment.occurrences().keys, (key) => key >>> 0);
}

/** Growable Int32Array. */
class IntList {
  data: Int32Array;
  length = 0;
  constructor(capacity: number) {
    this.data = new Int32Array(capacity);
  }

  push(n: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = n;
  }
}

/**
 * Collects the postings of a batch of sentences, numbered 0, 1, 2, … in the order they are added.
 * Built for speed (it sees every character of the corpus): pairs get dense ids from an
 * open-addressing hash table (a Map would box every key above 2^30), occurrences go to typed arrays,
 * and a counting sort groups them by pair.
 *
 * A slot of the table is four int32: the pair's key (as int32: as uint32, a Chinese pair's key above
 * 2^31 was a double in every compare), its dense id (-1: the slot is free) and the last ordinal it was
 * listed for (a pair is listed once per sentence). A batch's table is larger than the processor's
 * nearest caches; with the three in one cache line instead of three arrays, collecting the pairs of
 * ../shared/reports' sentences in 1 MB batches took 15–33% less time in 5 alternating runs in one
 * process (the new code run first).
 */
export class SegmentBuilder {
  private table: Int32Array;
  /** (slots - 1) * 4: the table index of the last slot. */
  private mask: number;
  /** 32 - log2(slots): a slot is picked by the hash's high bits (the low ones depend only on the key's low bits). */
  private shift: number;
  private keys: IntList;
  private occurrencePair: IntList;
  private occurrenceOrdinal: IntList;
  sentences = 0;

  /** `bits`: the tables start with room for 2^bits entries (a batch's sentences need 2^16 and more). */
  constructor(bits = 16) {
    this.table = SegmentBuilder.emptyTable(1 << bits);
    this.mask = ((1 << bits) - 1) << 2;
    this.shift = 32 - bits;
    this.keys = new IntList(1 << bits);
    this.occurrencePair = new IntList(1 << bits);
    this.occurrenceOrdinal = new IntList(1 << bits);
  }

  private static emptyTable(slots: number): Int32Array {
    const table = new Int32Array(slots * 4);
    for (let i = 1; i < table.length; i += 4) table[i] = -1;
    return table;
  }

  /**
   * Adds a sentence with the next ordinal, or a given one (ascending, gaps allowed); returns it. Its
   * pairs are those of adjacent code units in lower case; pairs with whitespace are left out. (One
   * loop, the lookup inline, without a callback per pair: a callback made it a third slower.)
   */
  add(text: string, ordinal = this.sentences): number {
    this.sentences = ordinal + 1;
    const lower = text.toLowerCase();
    // (kept in locals: an insert may grow the table)
    let table = this.table;
    let mask = this.mask;
    let shift = this.shift;
    let prev = -1;
    for (let i = 0; i < lower.length; i++) {
      const c = lower.charCodeAt(i);
      if (SPACE[c]) {
        prev = -1;
        continue;
      }
      if (prev >= 0) {
        const key = (prev << 16) | c;
        let slot = (Math.imul(key, 0x9e3779b1) >>> shift) << 2;
        let id = table[slot + 1];
        while (id !== -1 && table[slot] !== key) {
          slot = (slot + 4) & mask;
          id = table[slot + 1];
        }
        if (id === -1) {
          slot = this.insert(key);
          table = this.table;
          mask = this.mask;
          shift = this.shift;
        }
        if (table[slot + 2] !== ordinal) {
          table[slot + 2] = ordinal;
          this.occurrencePair.push(table[slot + 1]);
          this.occurrenceOrdinal.push(ordinal);
        }
      }
      prev = c;
    }
    return ordinal;
  }

  /** Gives a new key the next id; returns its slot (in a table that may have grown). */
  private insert(key: number): number {
    const id = this.keys.length;
    this.keys.push(key);
    // at most half full
    if (id * 2 >= this.mask >> 2) this.grow();
    const slot = this.freeSlot(key);
    this.table[slot] = key;
    this.table[slot + 1] = id;
    this.table[slot + 2] = -1;
    return slot;
  }

  /** The slot where a key not in the table goes. */
  private freeSlot(key: number): number {
    let slot = (Math.imul(key, 0x9e3779b1) >>> this.shift) << 2;
    while (this.table[slot + 1] !== -1) slot = (slot + 4) & this.mask;
    return slot;
  }

  /** Twice the slots. */
  private grow(): void {
    const old = this.table;
    const slots = (old.length / 4) * 2;
    this.table = SegmentBuilder.emptyTable(slots);
    this.mask = (slots - 1) << 2;
    this.shift--;
    for (let i = 0; i < old.length; i += 4) {
      if (old[i + 1] === -1) continue;
      const slot = this.freeSlot(old[i]);
      this.table[slot] = old[i];
      this.table[slot + 1] = old[i + 1];
      this.table[slot + 2] = old[i + 2];
    }
  }

  /** The pairs and their occurrences collected so far, as buffers that can move to another thread. */
  occurrences(): PairOccurrences {
    return {
      keys: this.keys.data.slice(0, this.keys.length),
      pairs: this.occurrencePair.data.slice(0, this.occurrencePair.length),
      ordinals: this.occurrenceOrdinal.data.slice(0, this.occurrenceOrdinal.length),
    };
  }

  /** The bucket rows of the segment (see buildBuckets). */
  build(): Array<{ bucket: number; postings: Buffer }> {
    return buildBuckets(this.occurrences());
  }
}

/**
 * A segment's pairs and where they occur: `keys[id]` is the pair of dense id `id`; occurrence i is
 * pair `pairs[i]` in sentence `ordinals[i]` (ascending for each pair, a pair once per sentence).
 */
export interface PairOccurrences {
  keys: Int32Array;
  pairs: Int32Array;
  ordinals: Int32Array;
}

/**
 * The bucket rows of a segment: bucket number and its bytes (views into one buffer). The writer
 * builds them from the occurrences an ingest worker collected: the worker had more work than the
 * writer, and this is a tenth of its share.
 */
export function buildBuckets(occurrences: PairOccurrences): Array<{ bucket: number; postings: Buffer }> {
  const keys = occurrences.keys;
  const n = keys.length;
  // counting sort of the occurrences by pair; ordinals stay ascending within a pair
  const start = new Int32Array(n + 1);
  const pairOf = occurrences.pairs;
  const ordinalOf = occurrences.ordinals;
  const total = pairOf.length;
  for (let i = 0; i < total; i++) start[pairOf[i] + 1]++;
  for (let i = 0; i < n; i++) start[i + 1] += start[i];
  const fill = start.slice(0, n);
  const sorted = new Int32Array(total);
  for (let i = 0; i < total; i++) sorted[fill[pairOf[i]]++] = ordinalOf[i];
  // pairs in (bucket, key) order: a counting sort by bucket, then each bucket's few pairs by key
  const bucketStart = new Int32Array(BUCKETS + 1);
  const bucketOfId = new Int32Array(n);
  for (let id = 0; id < n; id++) {
    bucketOfId[id] = bucketOf(keys[id] >>> 0);
    bucketStart[bucketOfId[id] + 1]++;
  }
  for (let b = 0; b < BUCKETS; b++) bucketStart[b + 1] += bucketStart[b];
  const bucketFill = bucketStart.slice(0, BUCKETS);
  const order = new Int32Array(n);
  for (let id = 0; id < n; id++) order[bucketFill[bucketOfId[id]]++] = id;
  // each pair's postings as deltas, their byte length, and the exact size of all rows: the bytes are
  // then written into one buffer without a check for room (a method call per posting with one was
  // most of the time here)
  const postingBytes = new Int32Array(n);
  let size = 0;
  for (let id = 0; id < n; id++) {
    let bytes = 0;
    let prev = 0;
    for (let j = start[id]; j < start[id + 1]; j++) {
      const d = sorted[j] - prev;
      prev = sorted[j];
      sorted[j] = d;
      bytes += varintLength(d);
    }
    postingBytes[id] = bytes;
    const key = keys[id] >>> 0;
    size += varintLength(key >>> 16) + varintLength(key & 0xffff) + varintLength(bytes) + bytes;
  }
  const out = new Uint8Array(size);
  let at = 0;
  const rows: Array<{ bucket: number; from: number; to: number }> = [];
  for (let bucket = 0; bucket < BUCKETS; bucket++) {
    const first = bucketStart[bucket];
    const last = bucketStart[bucket + 1];
    if (first === last) continue;
    // a bucket holds a few dozen pairs: an insertion sort by key, in place
    for (let i = first + 1; i < last; i++) {
      const id = order[i];
      const key = keys[id] >>> 0;
      let j = i - 1;
      for (; j >= first && keys[order[j]] >>> 0 > key; j--) order[j + 1] = order[j];
      order[j + 1] = id;
    }
    const from = at;
    for (let i = first; i < last; i++) {
      const id = order[i];
      const key = keys[id] >>> 0;
      at = writeVarint(out, at, key >>> 16);
      at = writeVarint(out, at, key & 0xffff);
      // the byte length of the postings goes before them
      at = writeVarint(out, at, postingBytes[id]);
      for (let j = start[id]; j < start[id + 1]; j++) at = writeVarint(out, at, sorted[j]);
    }
    rows.push({ bucket, from, to: at });
  }
  // Buffers (views of one copy), as SQLite's binding takes them
  return rows.map((r) => ({ bucket: r.bucket, postings: Buffer.from(out.buffer, r.from, r.to - r.from) }));
}

/** Bytes of n (0 ≤ n < 2^28) as a varint. */
function varintLength(n: number): number {
  return n < 0x80 ? 1 : n < 0x4000 ? 2 : n < 0x200000 ? 3 : 4;
}

/** Writes n (0 ≤ n < 2^32) as a varint at `at`; returns where the next byte goes. */
function writeVarint(buf: Uint8Array, at: number, n: number): number {
  while (n >= 0x80) {
    buf[at++] = (n & 0x7f) | 0x80;
    n >>>= 7;
  }
  buf[at++] = n;
  return at;
}

/** Where a bucket row holds one pair's postings: byte offset and length, or null when the pair is not there. */
export function findPostings(row: Uint8Array, key: PairKey): { at: number; length: number } | null {
  const want1 = key >>> 16;
  const want2 = key & 0xffff;
  const cursor = { i: 0 };
  while (cursor.i < row.length) {
    const a = readVarint(row, cursor);
    const b = readVarint(row, cursor);
    const length = readVarint(row, cursor);
    if (a === want1 && b === want2) return { at: cursor.i, length };
    if (a > want1 || (a === want1 && b > want2)) return null; // keys are sorted: it is not here
    cursor.i += length;
  }
  return null;
}

/** The sentence ids of postings found by findPostings (ascending), appended to `into`. */
export function decodeAt(row: Uint8Array, place: { at: number; length: number }, base: number, into: number[]): void {
  const end = place.at + place.length;
  let id = base;
  for (let i = place.at; i < end; ) {
    // varints inline, one byte the common case: this loop reads every posting of a common pair
    const first = row[i++];
    if (first < 0x80) {
      id += first;
    } else {
      let n = first & 0x7f;
      let shift = 7;
      for (;;) {
        const byte = row[i++];
        n |= (byte & 0x7f) << shift;
        if (byte < 0x80) break;
        shift += 7;
      }
      id += n >>> 0;
    }
    into.push(id);
  }
}

function readVarint(b: Uint8Array, cursor: { i: number }): number {
  let n = 0;
  let shift = 0;
  for (;;) {
    const byte = b[cursor.i++];
    n |= (byte & 0x7f) << shift;
    if (byte < 0x80) return n >>> 0;
    shift += 7;
  }
}

/** Ids present in every (ascending) list, ascending. */
export function intersectSorted(lists: number[][]): number[] {
  if (!lists.length) return [];
  const sorted = [...lists].sort((a, b) => a.length - b.length);
  let result = sorted[0];
  for (const other of sorted.slice(1)) {
    const next: number[] = [];
    let j = 0;
    for (const id of result) {
      while (j < other.length && other[j] < id) j++;
      if (j === other.length) break;
      if (other[j] === id) next.push(id);
    }
    result = next;
  }
  return result;
}

/** The search terms of a query (split on whitespace, lower case), those of 2 or more characters. */
export function queryTerms(query: string): string[] {
  return query.trim().toLowerCase().split(/\s+/).filter((t) => Array.from(t).length >= 2);
}
