/**
 * Tensor data as JSON values: nested (`[[1,2],[3,4]]`) or flat (`[1,2,3,4]`), row-major, as the
 * spec allows both. Elements are counted against the shape before the typed array is allocated,
 * so a shape that promises more than the body holds costs nothing.
 */
import { DType, isNumericDType, typedArrayCtor, type DType as DTypeT, type TypedArray } from '../dtype.js';
import { badRequest } from '../errors.js';
import { shapeSize, type Tensor } from '../tensor.js';
import { fromBase64, toBase64, utf8Encode } from '../utils/bytes.js';
import { elementWriter } from './element.js';
import { fromHalf } from './half.js';

/** How BYTES elements are written in JSON: UTF-8 text (the spec's way) or base64 (for binary bytes). */
export type BytesEncoding = 'utf8' | 'base64';

/** Leaves of nested arrays, in row-major order; stops past `limit` (the caller then refuses). */
function countLeaves(data: unknown, limit: number): number {
  let n = 0;
  const stack: unknown[] = [data];
  while (stack.length > 0 && n <= limit) {
    const v = stack.pop();
    if (Array.isArray(v)) for (let i = v.length - 1; i >= 0; i--) stack.push(v[i]);
    else n++;
  }
  return n;
}

function eachLeaf(data: unknown[], put: (v: unknown, i: number) => void): void {
  let i = 0;
  const stack: unknown[] = [data];
  while (stack.length > 0) {
    const v = stack.pop();
    if (Array.isArray(v)) for (let j = v.length - 1; j >= 0; j--) stack.push(v[j]);
    else put(v, i++);
  }
}

function isFlat(data: unknown[], count: number): boolean {
  if (data.length !== count) return false;
  for (let i = 0; i < data.length; i++) if (Array.isArray(data[i])) return false;
  return true;
}

function bytesElement(what: string, encoding: BytesEncoding) {
  return (v: unknown): Uint8Array => {
    if (v instanceof Uint8Array) return v;
    if (typeof v !== 'string') throw badRequest(`${what}: BYTES elements must be strings`);
    if (encoding === 'utf8') return utf8Encode(v);
    const bytes = fromBase64(v);
    if (!bytes) throw badRequest(`${what}: a BYTES element is not valid base64`);
    return bytes;
  };
}

/** A tensor of `type` and (validated) `shape` from JSON `data`; element count and types checked. */
export function tensorFromValues(
  type: DTypeT,
  shape: number[],
  data: unknown,
  what: string,
  encoding: BytesEncoding = 'utf8',
): Tensor {
  if (!Array.isArray(data)) throw badRequest(`${what}: data must be an array`);
  const count = shapeSize(shape);
  const flat = isFlat(data, count);
  const found = flat ? count : countLeaves(data, count);
  if (found !== count) {
    const got = found > count ? `more than ${count}` : String(found);
    throw badRequest(`${what}: shape [${shape.join(',')}] needs ${count} elements, data has ${got}`);
  }
  if (type === DType.STRING) {
    const toBytes = bytesElement(what, encoding);
    const strings: Uint8Array[] = new Array<Uint8Array>(count);
    const put = (v: unknown, i: number): void => void (strings[i] = toBytes(v));
    if (flat) data.forEach(put);
    else eachLeaf(data, put);
    return { type, shape, strings };
  }
  if (!isNumericDType(type)) throw badRequest(`${what}: no data for this datatype`);
  const out = new (typedArrayCtor(type))(count);
  const put = elementWriter(type, out, what);
  if (flat) for (let i = 0; i < count; i++) put(data[i], i);
  else eachLeaf(data, put);
  return { type, shape, data: out } as Tensor;
}

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true });

/** UTF-8 text of each element, or undefined when one of them is not valid UTF-8. */
function utf8Strings(strings: readonly Uint8Array[]): string[] | undefined {
  const out: string[] = [];
  try {
    for (const s of strings) out.push(fatalUtf8.decode(s));
  } catch {
    return undefined;
  }
  return out;
}

/**
 * The flat JSON values of a tensor. BYTES come back as UTF-8 text when every element is valid
 * UTF-8, else as base64 (the encoding returned says which: OIP clients see `content_type`).
 * 64-bit integers past 2^53 come as decimal strings, since a JSON number would round them.
 */
export function valuesOf(t: Tensor): { values: unknown[]; encoding?: BytesEncoding } {
  if (t.type === DType.STRING) {
    const text = utf8Strings(t.strings);
    if (text) return { values: text, encoding: 'utf8' };
    return { values: t.strings.map(toBase64), encoding: 'base64' };
  }
  const data = t.data as TypedArray;
  if (t.type === DType.BOOL) return { values: Array.from(data as Uint8Array, (b) => b !== 0) };
  if (t.type === DType.FLOAT16) return { values: Array.from(data as Uint16Array, fromHalf) };
  if (t.type === DType.INT64 || t.type === DType.UINT64) {
    return {
      values: Array.from(data as BigInt64Array, (b) => {
        const n = Number(b);
        return Number.isSafeInteger(n) ? n : b.toString();
      }),
    };
  }
  return { values: Array.from(data as Float32Array) };
}
