// Int32 arrays stored as BLOBs (offset runs, the original's copies): little-endian int32s, as the
// typed arrays of these machines hold them.

/** The bytes of an Int32Array, for binding as a BLOB (no copy). */
export function int32Blob(values: Int32Array): Buffer {
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength);
}

/** An Int32Array of a BLOB read back, copied out: a Buffer from SQLite need not be aligned for one. */
export function blobInt32(blob: Buffer): Int32Array {
  return new Int32Array(blob.buffer.slice(blob.byteOffset, blob.byteOffset + blob.byteLength));
}
