/**
 * gRPC messages of `inference.GRPCInferenceService` (as @grpc/proto-loader gives them: keepCase,
 * 64-bit integers as strings, bytes as Buffers) to and from the OIP shapes of @tensorhop/protocol,
 * so gRPC and REST share one mapping: `raw_input_contents` are the binary parts, typed `contents`
 * the JSON data.
 */
import {
  badRequest,
  type OipInferResponse,
  type OipInputLike,
  type OipRequestLike,
} from '@tensorhop/protocol';

/** `InferParameter` with its oneof named (proto-loader's `oneofs: true`). */
export interface GrpcParameter {
  parameter_choice?: string;
  [choice: string]: unknown;
}

export interface GrpcInferInput {
  name: string;
  datatype: string;
  shape: string[];
  parameters?: Record<string, GrpcParameter>;
  contents?: Record<string, unknown[]> | null;
}

export interface GrpcInferRequest {
  model_name: string;
  model_version: string;
  id: string;
  parameters?: Record<string, GrpcParameter>;
  inputs: GrpcInferInput[];
  outputs: { name: string; parameters?: Record<string, GrpcParameter> }[];
  raw_input_contents: Buffer[];
}

/** Which `InferTensorContents` field carries each datatype (FP16 has none: raw only). */
const CONTENTS: Record<string, string> = {
  BOOL: 'bool_contents',
  INT8: 'int_contents',
  INT16: 'int_contents',
  INT32: 'int_contents',
  INT64: 'int64_contents',
  UINT8: 'uint_contents',
  UINT16: 'uint_contents',
  UINT32: 'uint_contents',
  UINT64: 'uint64_contents',
  FP32: 'fp32_contents',
  FP64: 'fp64_contents',
  BYTES: 'bytes_contents',
};

/** A parameter map as plain values; 64-bit integers become numbers. */
export function plainParameters(map: Record<string, GrpcParameter> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, p] of Object.entries(map ?? {})) {
    const choice = p.parameter_choice;
    if (!choice) continue;
    const value = p[choice];
    out[name] = choice === 'int64_param' || choice === 'uint64_param' ? Number(value) : value;
  }
  return out;
}

/** A plain parameter map as gRPC parameters. */
export function grpcParameters(map: Record<string, unknown> | undefined): Record<string, GrpcParameter> {
  const out: Record<string, GrpcParameter> = {};
  for (const [name, value] of Object.entries(map ?? {})) {
    if (typeof value === 'boolean') out[name] = { bool_param: value };
    else if (typeof value === 'number')
      out[name] = Number.isInteger(value) ? { int64_param: value } : { double_param: value };
    else out[name] = { string_param: String(value) };
  }
  return out;
}

function inputLike(input: GrpcInferInput, raw: Buffer | undefined): OipInputLike {
  const base = {
    name: input.name,
    datatype: input.datatype,
    shape: input.shape,
    parameters: plainParameters(input.parameters),
  };
  if (raw) return { ...base, raw };
  const field = CONTENTS[input.datatype];
  const data = field ? input.contents?.[field] : undefined;
  if (!data)
    throw badRequest(
      `input ${input.name}: no contents (${input.datatype} needs ${field ?? 'raw_input_contents'})`,
    );
  return { ...base, data };
}

/** The OIP request a ModelInferRequest is; raw contents, when used, must cover every input. */
export function requestLike(msg: GrpcInferRequest): OipRequestLike {
  const raw = msg.raw_input_contents ?? [];
  if (raw.length > 0 && raw.length !== msg.inputs.length) {
    throw badRequest(
      `${raw.length} raw_input_contents for ${msg.inputs.length} inputs: raw contents must cover every input`,
    );
  }
  return {
    ...(msg.id ? { id: msg.id } : {}),
    parameters: plainParameters(msg.parameters),
    inputs: msg.inputs.map((input, i) => inputLike(input, raw[i])),
    outputs: (msg.outputs ?? []).map((o) => ({ name: o.name, parameters: plainParameters(o.parameters) })),
  };
}

/** The ModelInferResponse of an OIP response whose outputs are all raw parts. */
export function grpcResponse(json: OipInferResponse, parts: Uint8Array[]) {
  return {
    model_name: json.model_name,
    model_version: json.model_version ?? '',
    id: json.id ?? '',
    parameters: grpcParameters(json.parameters),
    outputs: json.outputs.map((o) => ({
      name: o.name,
      datatype: o.datatype,
      shape: o.shape,
      parameters: grpcParameters(o.parameters),
    })),
    raw_output_contents: parts.map((p) => Buffer.from(p.buffer, p.byteOffset, p.byteLength)),
  };
}
