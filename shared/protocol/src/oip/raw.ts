/**
 * Tensor data as raw bytes, as the binary tensor data extension and gRPC's `raw_*_contents` carry
 * it: little-endian, row-major, no padding; BOOL one byte; each BYTES element a 4-byte
 * little-endian length and then its bytes.
 */
import { DType, dtypeName, elementSize, isNumericDType, type DType as DTypeT } from '../dtype.js';
import { viewAs } from '../codec.js';
import { badRequest } from '../errors.js';
import { isStringTensor, shapeSize, type Tensor } from '../tensor.js';
import { allocBytes } from '../utils/bytes.js';

/** BYTES elements from length-prefixed raw bytes; exactly `count` of them must fill `bytes`. */
function splitPrefixed(bytes: Uint8Array, count: number, what: string): Uint8Array[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: Uint8Array[] = [];
  let at = 0;
  while (at < bytes.length) {
    if (out.length >= count) throw badRequest(`${what}: raw BYTES hold more than ${count} elements`);
    if (at + 4 > bytes.length) throw badRequest(`${what}: raw BYTES end inside a length prefix`);
    const size = view.getUint32(at, true);
    at += 4;
    if (size > bytes.length - at) throw badRequest(`${what}: a raw BYTES element runs past the data`);
    out.push(bytes.subarray(at, at + size));
    at += size;
  }
  if (out.length !== count)
    throw badRequest(`${what}: raw BYTES hold ${out.length} elements, shape needs ${count}`);
  return out;
}

/** A tensor over raw bytes (numeric data is a view, copied only when unaligned). */
export function tensorFromRaw(type: DTypeT, shape: number[], bytes: Uint8Array, what: string): Tensor {
  const count = shapeSize(shape);
  if (type === DType.STRING) return { type, shape, strings: splitPrefixed(bytes, count, what) };
  if (!isNumericDType(type)) throw badRequest(`${what}: ${dtypeName(type)} has no raw form`);
  const expected = count * elementSize(type);
  if (bytes.length !== expected) {
    throw badRequest(
      `${what}: shape [${shape.join(',')}] of ${dtypeName(type)} needs ${expected} bytes, got ${bytes.length}`,
    );
  }
  return { type, shape, data: viewAs(type, bytes) } as Tensor;
}

/** Bytes of a tensor's raw form. */
export function rawLength(t: Tensor): number {
  if (isStringTensor(t)) return t.strings.reduce((n, s) => n + 4 + s.length, 0);
  return t.data.byteLength;
}

/** The raw form of a tensor: a view for numeric data, a new buffer for BYTES. */
export function tensorToRaw(t: Tensor): Uint8Array {
  if (!isStringTensor(t)) return new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength);
  const out = allocBytes(rawLength(t));
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  let at = 0;
  for (const s of t.strings) {
    view.setUint32(at, s.length, true);
    out.set(s, at + 4);
    at += 4 + s.length;
  }
  return out;
}
