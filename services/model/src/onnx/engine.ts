/**
 * An ONNX model (`<dir>/model.onnx`) as an {@link EngineModel}: one ONNX Runtime session per
 * instance, its provider picked by {@link openSession}.
 */
import path from 'node:path';
import type { Tensor } from 'onnxruntime-node';
import type { EngineModel } from '../runtime/engine.js';
import type { RawTensor } from '../runtime/worker-protocol.js';
import type { OnnxOptions } from './options.js';
import { openSession } from './providers.js';
import { onnxSignature, servedDType } from './signature.js';
import { dtypeOf, type RowData } from '../runtime/signature.js';

/** File name of an ONNX model in a repository version directory. */
export const ONNX_FILE = 'model.onnx';

/**
 * Opens `<dir>/model.onnx`.
 * @throws when the file does not load, no provider opens it, or its signature cannot be served.
 */
export async function loadOnnxModel(dir: string, options: OnnxOptions): Promise<EngineModel> {
  const ort = await import('onnxruntime-node');
  const { session, runtime } = await openSession(ort, path.join(dir, ONNX_FILE), options);
  const { signature, fixedBatch } = onnxSignature(session);
  const input = signature.inputs[0]!.name;
  const runOne = async (data: RowData, shape: number[]): Promise<RawTensor[]> => {
    const type = dtypeOf(data);
    const result = await session.run({ [input]: new ort.Tensor(type, data, shape) });
    return session.outputNames.map((name) => toRaw(result[name]!, name));
  };
  return {
    runtime,
    signature,
    // A graph exported with a batch of 1 still serves batches: one row at a time.
    run: (data, shape) =>
      fixedBatch === 1 && shape[0] !== 1 ? runRows(runOne, data, shape) : runOne(data, shape),
  };
}

type RunBatch = (data: RowData, shape: number[]) => Promise<RawTensor[]>;

async function runRows(runOne: RunBatch, data: RowData, shape: number[]): Promise<RawTensor[]> {
  const rows = shape[0]!;
  const size = data.length / Math.max(rows, 1);
  const parts: RawTensor[][] = [];
  for (let row = 0; row < rows; row++) {
    parts.push(await runOne(data.slice(row * size, (row + 1) * size), [1, ...shape.slice(1)]));
  }
  return (parts[0] ?? []).map((first, i) => {
    const bytes = first.buffer.byteLength;
    const out = new Uint8Array(bytes * rows);
    parts.forEach((part, row) => out.set(new Uint8Array(part[i]!.buffer), row * bytes));
    return { dtype: first.dtype, shape: [rows, ...first.shape.slice(1)], buffer: out.buffer };
  });
}

/** Copies an output into its own buffer, in the dtype it is served as. */
function toRaw(tensor: Tensor, name: string): RawTensor {
  const dtype = servedDType(tensor.type);
  const shape = [...tensor.dims];
  const data = tensor.data as ArrayLike<number | bigint>;
  if (dtype === 'float32') {
    const out =
      tensor.type === 'float32' ? (data as Float32Array).slice() : Float32Array.from(data as Float64Array);
    return { dtype, shape, buffer: out.buffer as ArrayBuffer };
  }
  if (dtype === 'bool') return { dtype, shape, buffer: Uint8Array.from(data as Uint8Array).buffer };
  if (dtype === 'int32') {
    const out = new Int32Array(data.length);
    for (let i = 0; i < out.length; i++) out[i] = Number(data[i]);
    return { dtype, shape, buffer: out.buffer };
  }
  throw new Error(`output '${name}' is ${tensor.type}, which is not served`);
}
