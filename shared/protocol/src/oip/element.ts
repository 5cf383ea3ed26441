/**
 * One JSON (or gRPC typed-contents) element written into a typed array slot, with its type and
 * range checked: a value that does not fit is a BAD_REQUEST, never a silent wrap.
 */
import { DType, type NumericDType, type TypedArray } from '../dtype.js';
import { badRequest } from '../errors.js';
import { toHalf } from './half.js';

type Put = (value: unknown, i: number) => void;

const INT_RANGES: Partial<Record<NumericDType, [number, number]>> = {
  [DType.UINT8]: [0, 255],
  [DType.INT8]: [-128, 127],
  [DType.UINT16]: [0, 65535],
  [DType.INT16]: [-32768, 32767],
  [DType.UINT32]: [0, 4294967295],
  [DType.INT32]: [-2147483648, 2147483647],
};

const BIG_RANGES: Partial<Record<NumericDType, [bigint, bigint]>> = {
  [DType.UINT64]: [0n, 2n ** 64n - 1n],
  [DType.INT64]: [-(2n ** 63n), 2n ** 63n - 1n],
};

function bad(what: string, value: unknown, type: string): never {
  const shown = JSON.stringify(value)?.slice(0, 40) ?? String(value);
  throw badRequest(`${what}: ${shown} is not a valid ${type} element`);
}

/** 64-bit integers come as JSON numbers or, past 2^53, as decimal strings (and as Longs from gRPC). */
function toBigInt(value: unknown): bigint | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value);
  if (typeof value === 'string' && /^-?\d{1,20}$/.test(value)) return BigInt(value);
  if (typeof value === 'bigint') return value;
  return undefined;
}

/** A writer of elements of `type` into `out`; `what` names the tensor in errors. */
export function elementWriter(type: NumericDType, out: TypedArray, what: string): Put {
  const name = `${what} (${type === DType.BOOL ? 'BOOL' : 'numeric'})`;
  if (type === DType.FLOAT32 || type === DType.FLOAT64) {
    const a = out as Float32Array;
    return (v, i) => {
      if (typeof v !== 'number') bad(name, v, 'floating-point');
      a[i] = v;
    };
  }
  if (type === DType.FLOAT16) {
    const a = out as Uint16Array;
    return (v, i) => {
      if (typeof v !== 'number') bad(name, v, 'FP16');
      a[i] = toHalf(v);
    };
  }
  if (type === DType.BOOL) {
    const a = out as Uint8Array;
    return (v, i) => {
      if (v === true || v === 1) a[i] = 1;
      else if (v === false || v === 0) a[i] = 0;
      else bad(name, v, 'BOOL');
    };
  }
  const big = BIG_RANGES[type];
  if (big) {
    const a = out as BigInt64Array;
    return (v, i) => {
      const b = toBigInt(v);
      if (b === undefined || b < big[0] || b > big[1]) bad(name, v, '64-bit integer');
      a[i] = b;
    };
  }
  const [min, max] = INT_RANGES[type] as [number, number];
  const a = out as Int32Array;
  return (v, i) => {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) bad(name, v, 'integer in range');
    a[i] = v;
  };
}
