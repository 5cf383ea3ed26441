import type { DecodeOutcome } from './decode-image.js';
import type { Layout, PixelDType, ImageErrorCode } from '@tensorhop/protocol';

/** A row that produced no output, by input index. */
export interface PreprocessRowError {
  index: number;
  code: ImageErrorCode;
  message: string;
}

/** One batch tensor and what happened to each input row. */
export interface PreprocessResult {
  /** Row-major tensor values; may be a view on a larger buffer (use byteOffset/byteLength). */
  data: Float32Array | Uint8Array;
  /** `[n, h, w, c]` for NHWC or `[n, c, h, w]` for NCHW, with n = `ok.length`. */
  shape: [number, number, number, number];
  dtype: PixelDType;
  /** Input indices that produced rows, in order: `ok[i]` is row i of `data`. */
  ok: number[];
  /** Input indices that failed, in input order. */
  errors: PreprocessRowError[];
}

/** Shape of one row of the batch. */
export interface RowGeometry {
  readonly height: number;
  readonly width: number;
  readonly channels: number;
  readonly layout: Layout;
  readonly dtype: PixelDType;
}

/** Bytes a batch of `rows` rows takes. */
export function batchBytes(rows: number, g: RowGeometry): number {
  return rows * g.height * g.width * g.channels * (g.dtype === 'float32' ? 4 : 1);
}

/** The typed array every row of a batch is written into, one slot per input row. */
export function allocateBatch(rows: number, g: RowGeometry): Float32Array | Uint8Array {
  const length = rows * g.height * g.width * g.channels;
  return g.dtype === 'float32' ? new Float32Array(length) : new Uint8Array(length);
}

/**
 * Turns per-row outcomes into the result: rows were written into their input slot, so the slots of
 * failed rows are squeezed out in place (a memmove per surviving row after the first failure) and
 * the data is a view of the first `ok.length` rows; no second batch-sized allocation.
 */
export function collectBatch(
  data: Float32Array | Uint8Array,
  outcomes: readonly DecodeOutcome[],
  g: RowGeometry,
): PreprocessResult {
  const rowLength = g.height * g.width * g.channels;
  const ok: number[] = [];
  const errors: PreprocessRowError[] = [];
  outcomes.forEach((outcome, index) => {
    if (!outcome.ok) {
      errors.push({ index, code: outcome.code, message: outcome.message });
      return;
    }
    if (ok.length !== index)
      data.copyWithin(ok.length * rowLength, index * rowLength, (index + 1) * rowLength);
    ok.push(index);
  });
  const n = ok.length;
  const shape: PreprocessResult['shape'] =
    g.layout === 'NHWC' ? [n, g.height, g.width, g.channels] : [n, g.channels, g.height, g.width];
  const rows = n === outcomes.length ? data : data.subarray(0, n * rowLength);
  return { data: rows, shape, dtype: g.dtype, ok, errors };
}
