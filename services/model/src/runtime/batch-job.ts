import type { TensorhopError } from '../errors.js';
import { inputArray, type InputDType, type RowData } from './signature.js';
import type { RawTensor } from './worker-protocol.js';

/** A run of rows that failed together (their batch's instance died, or the batch threw). */
export interface FailedRows {
  start: number;
  count: number;
  error: TensorhopError;
}

/** What one request gets back: outputs `[n, ...]` (undefined if no row succeeded) and failures. */
export interface BatchedResult {
  outputs: { dtype: string; shape: number[]; data: Float32Array | Int32Array | Uint8Array }[] | undefined;
  failures: FailedRows[];
}

/** One request in the queue: its rows, how far batching got, and its result so far. */
export interface Job {
  data: RowData;
  rowShape: number[];
  rowSize: number;
  rows: number;
  /** Next row not yet put in a batch. */
  next: number;
  /** Rows not yet answered. */
  open: number;
  /** When it was queued (performance.now()). */
  at: number;
  result: BatchedResult;
  done: boolean;
  resolve: (result: BatchedResult) => void;
  reject: (error: unknown) => void;
}

/** Rows `start … start+count-1` of a job, placed at row `offset` of a batch. */
export interface Segment {
  job: Job;
  start: number;
  count: number;
  offset: number;
}

export function createJob(data: RowData, shape: number[], settle: Pick<Job, 'resolve' | 'reject'>): Job {
  const rows = shape[0]!;
  return {
    data,
    rowShape: shape.slice(1),
    rowSize: data.length / rows,
    rows,
    next: 0,
    open: rows,
    at: performance.now(),
    result: { outputs: undefined, failures: [] },
    done: false,
    ...settle,
  };
}

/** Copies the segments' rows into one new batch buffer of the model's dtype (uint8 rows convert exactly). */
export function gatherBatch(segments: Segment[], dtype: InputDType): RowData {
  const size = segments[0]!.job.rowSize;
  const rows = segments.reduce((n, s) => n + s.count, 0);
  const batch = inputArray(dtype, rows * size);
  for (const s of segments) {
    batch.set(s.job.data.subarray(s.start * size, (s.start + s.count) * size), s.offset * size);
  }
  return batch;
}

/** Copies one segment's output rows into its job's outputs, at the job's own row index. */
export function scatterOutputs(segment: Segment, outputs: RawTensor[]): void {
  const { job } = segment;
  job.result.outputs ??= outputs.map((o) => {
    const shape = [job.rows, ...o.shape.slice(1)];
    return {
      dtype: o.dtype,
      shape,
      data: typedArray(
        o.dtype,
        shape.reduce((n, d) => n * d, 1),
      ),
    };
  });
  outputs.forEach((o, i) => {
    const target = job.result.outputs![i]!;
    const size = target.data.length / job.rows;
    const source = viewOf(o).subarray(segment.offset * size, (segment.offset + segment.count) * size);
    target.data.set(source, segment.start * size);
  });
}

function typedArray(dtype: string, length: number): Float32Array | Int32Array | Uint8Array {
  if (dtype === 'int32') return new Int32Array(length);
  return dtype === 'bool' ? new Uint8Array(length) : new Float32Array(length);
}

function viewOf(o: RawTensor): Float32Array | Int32Array | Uint8Array {
  if (o.dtype === 'int32') return new Int32Array(o.buffer);
  return o.dtype === 'bool' ? new Uint8Array(o.buffer) : new Float32Array(o.buffer);
}
