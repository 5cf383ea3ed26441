/**
 * Tensor codec: wire tensors (`pb.ITensor`) to typed arrays and back. Decoding returns views over the
 * received bytes when their offset is aligned for the element type, and copies only when it is not.
 */
import {
  DType,
  dtypeName,
  elementSize,
  isDType,
  isNumericDType,
  typedArrayCtor,
  type TypedArray,
} from './dtype.js';
import { badRequest } from './errors.js';
import type { pb } from './pb.js';
import { shapeSize, type Tensor } from './tensor.js';

if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) {
  // The wire format is little-endian and views are taken without swapping.
  throw new Error('tensorhop needs a little-endian host');
}

/** Bounds for a tensor taken from the wire; guards against shapes that overflow or lie. */
const MAX_ELEMENTS = 2 ** 31;

function checkShape(shape: readonly (number | { toNumber(): number })[], what: string): number[] {
  const dims = shape.map((d) => (typeof d === 'number' ? d : d.toNumber()));
  for (const d of dims) {
    if (!Number.isSafeInteger(d) || d < 0) {
      throw badRequest(`${what}: shape [${dims.join(',')}] has an invalid dimension ${d}`);
    }
  }
  if (shapeSize(dims) > MAX_ELEMENTS) throw badRequest(`${what}: shape [${dims.join(',')}] is too large`);
  return dims;
}

/** A typed-array view over `bytes`, copied only when `bytes` is not aligned for the element type. */
export function viewAs(type: number, bytes: Uint8Array): TypedArray {
  if (!isDType(type) || !isNumericDType(type)) throw badRequest(`${dtypeName(type)} has no typed array`);
  const Ctor = typedArrayCtor(type);
  const size = Ctor.BYTES_PER_ELEMENT;
  if (bytes.byteOffset % size === 0) return new Ctor(bytes.buffer, bytes.byteOffset, bytes.byteLength / size);
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return new Ctor(copy.buffer, 0, bytes.byteLength / size);
}

/** Decodes a wire tensor, checking that its type is known and `shape × element size` matches its data. */
export function decodeTensor(wire: pb.ITensor, what = 'tensor'): Tensor {
  const type = wire.type ?? DType.NULL;
  if (!isDType(type)) throw badRequest(`${what}: unknown dtype ${type}`);
  const shape = checkShape(wire.shape ?? [], what);
  const count = shapeSize(shape);
  const data = wire.data ?? new Uint8Array(0);
  const strings = wire.stringVal ?? [];
  if (type === DType.NULL) throw badRequest(`${what}: dtype NULL carries no data`);
  if (type === DType.STRING) {
    if (data.length > 0) throw badRequest(`${what}: STRING tensor must use string_val, not data`);
    if (strings.length !== count) {
      throw badRequest(`${what}: shape [${shape.join(',')}] needs ${count} strings, got ${strings.length}`);
    }
    return { type, shape, strings };
  }
  if (strings.length > 0)
    throw badRequest(`${what}: ${dtypeName(type)} tensor must use data, not string_val`);
  const expected = count * elementSize(type);
  if (data.length !== expected) {
    throw badRequest(
      `${what}: shape [${shape.join(',')}] of ${dtypeName(type)} needs ${expected} bytes, got ${data.length}`,
    );
  }
  return { type, shape, data: viewAs(type, data) } as Tensor;
}

/** The wire form of a tensor; numeric data is passed as a byte view, not copied. */
export function encodeTensor(t: Tensor): pb.ITensor {
  if (t.type === DType.STRING) {
    return { type: t.type, shape: [...t.shape], stringVal: [...t.strings] };
  }
  const data = t.data;
  return {
    type: t.type,
    shape: [...t.shape],
    data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
  };
}
