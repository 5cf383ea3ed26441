import { TensorhopError } from '../errors.js';
import type { ModelConfig, TensorOverride } from '../repository/model-config.js';

/** Element types a model input or output may have (tfjs dtypes, and uint8 for ONNX image inputs). */
export type TensorDType = 'float32' | 'int32' | 'uint8' | 'bool' | 'string' | 'complex64';

/** Element types a served input may have: a batch of rows is built in one of these. */
export type InputDType = 'float32' | 'int32' | 'uint8';

/** True for the dtypes a served input may have. */
export const isInputDType = (dtype: string): dtype is InputDType =>
  dtype === 'float32' || dtype === 'int32' || dtype === 'uint8';

/** One input or output; `-1` in `shape` means any size (always so for the batch axis). */
export interface TensorSpec {
  name: string;
  shape: number[];
  dtype: TensorDType;
}

/** A model's one input and its outputs, as served. */
export interface Signature {
  inputs: TensorSpec[];
  outputs: TensorSpec[];
}

/** Typed arrays accepted as model input rows. */
export type RowData = Float32Array | Int32Array | Uint8Array;

/** A new zeroed batch buffer of `dtype`. */
export function inputArray(dtype: InputDType, length: number): RowData {
  if (dtype === 'int32') return new Int32Array(length);
  return dtype === 'uint8' ? new Uint8Array(length) : new Float32Array(length);
}

/** `buffer` seen as `dtype` elements. */
export function inputView(dtype: InputDType, buffer: ArrayBuffer): RowData {
  if (dtype === 'int32') return new Int32Array(buffer);
  return dtype === 'uint8' ? new Uint8Array(buffer) : new Float32Array(buffer);
}

/**
 * The served signature: the model's own, with names (and, where the model leaves them open,
 * shapes) from tensorhop.json.
 * @throws when the model has not exactly one input, or tensorhop.json contradicts the model.
 */
export function mergeSignature(model: Signature, config: Pick<ModelConfig, 'inputs' | 'outputs'>): Signature {
  if (model.inputs.length !== 1) {
    throw new Error(
      `model has ${model.inputs.length} inputs (${model.inputs.map((i) => i.name).join(', ')}); one is served`,
    );
  }
  return {
    inputs: model.inputs.map((spec, i) => mergeSpec(spec, config.inputs[i], `inputs[${i}]`)),
    outputs: model.outputs.map((spec, i) => ({ ...spec, name: config.outputs[i]?.name ?? spec.name })),
  };
}

function mergeSpec(spec: TensorSpec, override: TensorOverride | undefined, where: string): TensorSpec {
  const shape = override?.shape ?? spec.shape;
  const fits =
    shape.length === spec.shape.length && spec.shape.every((d, i) => d === -1 || d === shape[i] || i === 0);
  if (!fits)
    throw new Error(`tensorhop.json ${where}.shape [${shape}] does not fit the model's [${spec.shape}]`);
  if (override?.dtype !== undefined && override.dtype !== spec.dtype) {
    throw new Error(`tensorhop.json ${where}.dtype '${override.dtype}' is not the model's '${spec.dtype}'`);
  }
  return { name: override?.name ?? spec.name, shape: [-1, ...shape.slice(1)], dtype: spec.dtype };
}

/**
 * Checks a request's input tensor against the served input: same rank, every fixed dimension
 * equal, and a dtype that converts exactly (the model's own, or uint8 for any numeric input; a
 * uint8 input, such as an ONNX image model that scales pixels itself, takes uint8 only).
 * @throws SHAPE_MISMATCH for the whole request, naming what was expected and what came.
 */
export function checkInput(input: TensorSpec, data: RowData, shape: readonly number[]): void {
  const fixed =
    shape.length === input.shape.length && input.shape.every((d, i) => d === -1 || d === shape[i]);
  const valid = shape.every((d) => Number.isInteger(d) && d >= 0);
  if (!fixed || !valid) {
    throw new TensorhopError(
      'SHAPE_MISMATCH',
      `input '${input.name}' expects shape [${input.shape.join(',')}], got [${shape.join(',')}]`,
    );
  }
  const elements = shape.reduce((n, d) => n * d, 1);
  if (data.length !== elements) {
    throw new TensorhopError(
      'SHAPE_MISMATCH',
      `input '${input.name}' of shape [${shape.join(',')}] needs ${elements} values, got ${data.length}`,
    );
  }
  const got = dtypeOf(data);
  if (got !== input.dtype && got !== 'uint8') {
    throw new TensorhopError(
      'SHAPE_MISMATCH',
      `input '${input.name}' expects dtype ${input.dtype}, got ${got}`,
    );
  }
}

/** The dtype name of a typed array. */
export function dtypeOf(data: RowData): 'float32' | 'int32' | 'uint8' {
  if (data instanceof Float32Array) return 'float32';
  return data instanceof Int32Array ? 'int32' : 'uint8';
}

/** Elements in one row of `shape` (everything after the batch axis). */
export function rowSize(shape: readonly number[]): number {
  return shape.slice(1).reduce((n, d) => n * d, 1);
}
