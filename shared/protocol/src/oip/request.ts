/**
 * An OIP inference request (REST JSON with optional binary parts, or gRPC) as tensorhop's
 * InferRequest, plus what the reply must look like (`id`, outputs asked for, which are binary).
 */
import { badRequest } from '../errors.js';
import type { InferRequest } from '../messages.js';
import type { Tensor } from '../tensor.js';
import { dtypeOfOip } from './datatype.js';
import { tensorFromValues } from './json-data.js';
import { readTensorhopParams } from './parameters.js';
import { tensorFromRaw } from './raw.js';
import { checkOipShape, type OipLimits } from './shape.js';

/** One input as the REST body or a gRPC message gives it: JSON-like `data`, or `raw` bytes. */
export interface OipInputLike {
  name?: unknown;
  datatype?: unknown;
  shape?: unknown;
  parameters?: unknown;
  data?: unknown;
  raw?: Uint8Array;
}

export interface OipRequestLike {
  id?: unknown;
  parameters?: unknown;
  inputs?: unknown;
  outputs?: unknown;
}

/** How the reply is shaped. */
export interface OipReplyOptions {
  id?: string;
  /** Outputs asked for, in order (empty: every output). */
  outputs: string[];
  /** Every output binary (`binary_data_output`), unless an output's `binary_data` says otherwise. */
  binaryAll: boolean;
  /** Per-output `binary_data`. */
  binaryOf: Record<string, boolean>;
}

export interface OipMapped {
  request: InferRequest;
  reply: OipReplyOptions;
}

export interface OipRequestOptions extends OipLimits {
  /** Config the path implies (e.g. `{model, version}`); it wins over `tensorhop_config`. */
  pathConfig?: Record<string, unknown>;
  /** The receiving stage's default successor: with it, a DEFAULT route goes on past this stage. */
  defaultNext?: string;
}

function paramsOf(v: unknown, what: string): Record<string, unknown> {
  if (v === undefined || v === null) return {};
  if (typeof v !== 'object' || Array.isArray(v)) throw badRequest(`${what}.parameters must be an object`);
  return v as Record<string, unknown>;
}

function inputTensor(input: OipInputLike, i: number, limits: OipLimits): Tensor {
  const what = `inputs[${i}]${typeof input.name === 'string' ? ` (${input.name})` : ''}`;
  if (typeof input.name !== 'string' || input.name === '') throw badRequest(`${what}: name is required`);
  const type = dtypeOfOip(input.datatype, what);
  const shape = checkOipShape(input.shape, what, limits);
  if (input.raw) return tensorFromRaw(type, shape, input.raw, what);
  if (input.data === undefined) throw badRequest(`${what}: data (or binary_data_size) is required`);
  const encoding = paramsOf(input.parameters, what).content_type === 'base64' ? 'base64' : 'utf8';
  return tensorFromValues(type, shape, input.data, what, encoding);
}

function replyOptions(req: OipRequestLike, params: Record<string, unknown>): OipReplyOptions {
  const outputs = req.outputs ?? [];
  if (!Array.isArray(outputs)) throw badRequest('outputs must be an array');
  const reply: OipReplyOptions = { outputs: [], binaryAll: params.binary_data_output === true, binaryOf: {} };
  if (req.id !== undefined) {
    if (typeof req.id !== 'string') throw badRequest('id must be a string');
    reply.id = req.id;
  }
  outputs.forEach((o: { name?: unknown; parameters?: unknown }, i) => {
    if (typeof o?.name !== 'string') throw badRequest(`outputs[${i}]: name is required`);
    reply.outputs.push(o.name);
    const binary = paramsOf(o.parameters, `outputs[${i}]`).binary_data;
    if (typeof binary === 'boolean') reply.binaryOf[o.name] = binary;
  });
  return reply;
}

/**
 * Maps a request; inputs carry `data` or `raw`. Outputs asked for go to this stage when the route
 * stops here, to the last hop when the route names one (the caller filters the final reply too).
 */
export function fromOipRequest(req: OipRequestLike, options: OipRequestOptions = {}): OipMapped {
  if (typeof req !== 'object' || req === null) throw badRequest('the body must be a JSON object');
  if (!Array.isArray(req.inputs) || req.inputs.length === 0)
    throw badRequest('inputs must be a non-empty array');
  const params = paramsOf(req.parameters, 'request');
  const th = readTensorhopParams(params);
  const inputs = (req.inputs as OipInputLike[]).map((input, i) => inputTensor(input, i, options));
  const reply = replyOptions(req, params);
  const last = th.route.next.at(-1);
  const stopsHere = !last && (th.route.mode === 'EXACT' || !options.defaultNext);
  if (last && !last.outputNames && reply.outputs.length) last.outputNames = [...reply.outputs];
  const request: InferRequest = {
    config: JSON.stringify({ ...th.config, ...options.pathConfig }),
    inputNames: (req.inputs as OipInputLike[]).map((input) => input.name as string),
    inputs,
    outputNames: stopsHere ? [...reply.outputs] : [],
    keys: th.keys,
    route: th.route,
    traceId: '',
  };
  return { request, reply };
}

/**
 * A REST body's JSON header with its binary parts attached: each input with
 * `parameters.binary_data_size` takes that many bytes, in order, and the parts must fill `binary`.
 */
export function attachBinary(json: unknown, binary: Uint8Array): OipRequestLike {
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw badRequest('the body must be a JSON object');
  const req = json as OipRequestLike;
  if (!Array.isArray(req.inputs)) return req;
  let at = 0;
  const inputs = (req.inputs as OipInputLike[]).map((input, i) => {
    const size = paramsOf(input?.parameters, `inputs[${i}]`).binary_data_size;
    if (size === undefined) return input;
    if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0 || size > binary.length - at) {
      throw badRequest(
        `inputs[${i}]: binary_data_size ${JSON.stringify(size)} does not fit the ${binary.length - at} binary bytes left`,
      );
    }
    if (input.data !== undefined) throw badRequest(`inputs[${i}]: both data and binary_data_size given`);
    const raw = binary.subarray(at, at + size);
    at += size;
    return { ...input, raw };
  });
  if (at !== binary.length)
    throw badRequest(`${binary.length - at} binary bytes after the last binary input`);
  return { ...req, inputs };
}
