/**
 * tensorhop's InferResponse as an OIP inference response: outputs as JSON `data` or as binary
 * parts (binary tensor data extension, or gRPC's `raw_output_contents`), and tensorhop's keys,
 * row errors and timings in `parameters`.
 */
import { toTensorhopError } from '../errors.js';
import type { InferResponse } from '../messages.js';
import type { Tensor } from '../tensor.js';
import { oipDatatype, type OipDatatype } from './datatype.js';
import { valuesOf } from './json-data.js';
import { writeTensorhopParams } from './parameters.js';
import { tensorToRaw } from './raw.js';
import type { OipReplyOptions } from './request.js';

export interface OipResponseOutput {
  name: string;
  datatype: OipDatatype;
  shape: number[];
  parameters?: Record<string, string | number | boolean>;
  data?: unknown[];
}

export interface OipInferResponse {
  model_name: string;
  model_version?: string;
  id?: string;
  parameters: Record<string, string>;
  outputs: OipResponseOutput[];
  /** Set when the request failed after its rows were worked (a hop failed): keys are still all there. */
  error?: string;
}

export interface OipReplyTarget {
  modelName: string;
  modelVersion?: string;
}

/** The outputs of `reply` the request asked for (all when it named none), in the order it named them. */
export function pickOutputs(
  reply: InferResponse,
  wanted: readonly string[],
): { name: string; tensor: Tensor }[] {
  const all = reply.outputNames.map((name, i) => ({ name, tensor: reply.outputs[i] as Tensor }));
  if (wanted.length === 0) return all;
  return wanted.flatMap((w) => all.filter((o) => o.name === w));
}

function isBinary(name: string, options: OipReplyOptions): boolean {
  return options.binaryOf[name] ?? options.binaryAll;
}

/**
 * The response object and its binary parts (in output order). With `allRaw`, every output is a
 * part and carries no `binary_data_size` (gRPC's raw contents); otherwise each output is binary
 * as the request asked.
 */
export function toOipResponse(
  reply: InferResponse,
  target: OipReplyTarget,
  options: OipReplyOptions,
  allRaw = false,
): { json: OipInferResponse; parts: Uint8Array[] } {
  const parts: Uint8Array[] = [];
  const outputs = pickOutputs(reply, options.outputs).map(({ name, tensor }): OipResponseOutput => {
    const out: OipResponseOutput = { name, datatype: oipDatatype(tensor.type), shape: [...tensor.shape] };
    if (allRaw || isBinary(name, options)) {
      const raw = tensorToRaw(tensor);
      parts.push(raw);
      if (!allRaw) out.parameters = { binary_data_size: raw.length };
      return out;
    }
    const { values, encoding } = valuesOf(tensor);
    if (encoding === 'base64') out.parameters = { content_type: 'base64' };
    out.data = values;
    return out;
  });
  const json: OipInferResponse = {
    model_name: target.modelName,
    ...(target.modelVersion ? { model_version: target.modelVersion } : {}),
    ...(options.id === undefined ? {} : { id: options.id }),
    parameters: writeTensorhopParams(reply),
    outputs,
  };
  return { json, parts };
}

/** The error body of the spec, `{"error": "..."}`, with tensorhop's stable code beside it. */
export function oipErrorBody(error: unknown): { status: number; body: { error: string; code: string } } {
  const e = toTensorhopError(error);
  return { status: e.status, body: { error: e.message, code: e.code } };
}
