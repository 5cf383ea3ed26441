/**
 * The in-memory tensor: a typed array over the data (never a `number[]`) or a list of byte strings.
 */
import { DType, elementSize, type NumericDType, type TypedArray, type TypedArrayFor } from './dtype.js';
import { badRequest } from './errors.js';
import { utf8Encode } from './utils/bytes.js';

export interface NumericTensor<T extends NumericDType = NumericDType> {
  readonly type: T;
  readonly shape: readonly number[];
  readonly data: TypedArrayFor[T];
}

export interface StringTensor {
  readonly type: typeof DType.STRING;
  readonly shape: readonly number[];
  readonly strings: readonly Uint8Array[];
}

export type Tensor = NumericTensor | StringTensor;

export function isStringTensor(t: Tensor): t is StringTensor {
  return t.type === DType.STRING;
}

/** Number of elements of a shape; a scalar (`[]`) has one. */
export function shapeSize(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** Size of dimension 0, the row count; a scalar counts as one row. */
export function rowCount(t: Tensor): number {
  return t.shape.length === 0 ? 1 : (t.shape[0] ?? 0);
}

export function numericTensor<T extends NumericDType>(
  type: T,
  shape: readonly number[],
  data: TypedArrayFor[T],
): NumericTensor<T> {
  if (shapeSize(shape) !== data.length) {
    throw badRequest(`shape [${shape.join(',')}] needs ${shapeSize(shape)} elements, got ${data.length}`);
  }
  return { type, shape: [...shape], data };
}

export function float32Tensor(
  shape: readonly number[],
  data: Float32Array,
): NumericTensor<typeof DType.FLOAT32> {
  return numericTensor(DType.FLOAT32, shape, data);
}

/** A STRING tensor of one row per item; strings are UTF-8 encoded. */
export function stringTensor(
  items: readonly (string | Uint8Array)[],
  shape: readonly number[] = [items.length],
): StringTensor {
  const strings = items.map((s) => (typeof s === 'string' ? utf8Encode(s) : s));
  if (shapeSize(shape) !== strings.length) {
    throw badRequest(`shape [${shape.join(',')}] needs ${shapeSize(shape)} strings, got ${strings.length}`);
  }
  return { type: DType.STRING, shape: [...shape], strings };
}

/** The bytes of a tensor's payload (strings summed), for metrics and timings. */
export function byteLength(t: Tensor): number {
  if (isStringTensor(t)) return t.strings.reduce((n, s) => n + s.length, 0);
  return t.data.byteLength;
}

/** Element `i` of a numeric tensor as a JS number (BigInt types converted). */
export function numberAt(t: NumericTensor, i: number): number {
  return Number((t.data as TypedArray)[i] ?? 0);
}

export function elementBytes(t: NumericTensor): number {
  return elementSize(t.type);
}
