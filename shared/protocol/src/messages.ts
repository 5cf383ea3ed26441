/**
 * The protocol's messages as plain typed objects, and their protobuf encoding. Tensors inside are
 * decoded (`Tensor`), so a stage never touches wire bytes.
 */
import { decodeTensor, encodeTensor } from './codec.js';
import { badRequest } from './errors.js';
import { pb } from './pb.js';
import type { Tensor } from './tensor.js';
import type { DType } from './dtype.js';

export type RouteMode = 'DEFAULT' | 'EXACT';

/** One hop of a route: `target` is a name from the receiving service's hop table, never a URL. */
export interface Hop {
  target: string;
  /** JSON text with the options for that stage. @default '' */
  config?: string;
  outputNames?: string[];
}

export interface Route {
  next: Hop[];
  /** @default 'DEFAULT' */
  mode: RouteMode;
  /** 0 means unset: the receiving service starts it at 8. */
  hopsLeft: number;
}

export interface InferRequest {
  config: string;
  inputNames: string[];
  inputs: Tensor[];
  outputNames: string[];
  keys: string[];
  route: Route;
  traceId: string;
}

export interface RowError {
  /** Empty for a request-level error. */
  key: string;
  code: string;
  message: string;
  stage: string;
}

export interface StageTiming {
  stage: string;
  instance: string;
  startedAtMs: number;
  durationMs: number;
  rowsIn: number;
  rowsOut: number;
  bytesIn: number;
  bytesOut: number;
  /** The request's trace id, as in `InferRequest.traceId`. */
  traceId: string;
  /** This stage call's span id (16 hex; exported as a span when tracing is on). */
  spanId: string;
}

export interface InferResponse {
  outputNames: string[];
  outputs: Tensor[];
  keys: string[];
  errors: RowError[];
  trace: StageTiming[];
}

export interface IOMetadata {
  name: string;
  description?: string;
  /** -1 means any size along that dimension. */
  shape: number[];
  type: DType;
}

export interface Metadata {
  name: string;
  version: string;
  server: string;
  description: string;
  inputs: IOMetadata[];
  outputs: IOMetadata[];
  defaultNext: string;
  /** The model's preprocessing hint as JSON text; empty elsewhere. */
  preprocess: string;
}

/** A metadata request names, in `config`, what to describe (a model service: which model). */
export interface MetadataRequest {
  config: string;
}

export type Request = { infer: InferRequest } | { metadata: MetadataRequest };

export function emptyRoute(): Route {
  return { next: [], mode: 'DEFAULT', hopsLeft: 0 };
}

/** An InferRequest with every field defaulted. */
export function inferRequest(fields: Partial<InferRequest> & { inputs: Tensor[] }): InferRequest {
  return {
    config: '',
    inputNames: [],
    outputNames: [],
    keys: [],
    route: emptyRoute(),
    traceId: '',
    ...fields,
  };
}

export function emptyResponse(): InferResponse {
  return { outputNames: [], outputs: [], keys: [], errors: [], trace: [] };
}

function hopFromPb(h: pb.IHop): Hop {
  const hop: Hop = { target: h.target ?? '' };
  if (h.config) hop.config = h.config;
  if (h.outputNames?.length) hop.outputNames = [...h.outputNames];
  return hop;
}

function routeFromPb(r: pb.IRoute | null | undefined): Route {
  return {
    next: (r?.next ?? []).map(hopFromPb),
    mode: r?.mode === pb.Route.Mode.EXACT ? 'EXACT' : 'DEFAULT',
    hopsLeft: r?.hopsLeft ?? 0,
  };
}

export function inferRequestToPb(r: InferRequest): pb.IInferRequest {
  return {
    config: r.config,
    inputNames: r.inputNames,
    inputTensors: r.inputs.map(encodeTensor),
    outputNames: r.outputNames,
    keys: r.keys,
    route: {
      next: r.route.next.map((h) => ({
        target: h.target,
        config: h.config ?? '',
        outputNames: h.outputNames ?? [],
      })),
      mode: r.route.mode === 'EXACT' ? pb.Route.Mode.EXACT : pb.Route.Mode.DEFAULT,
      hopsLeft: r.route.hopsLeft,
    },
    traceId: r.traceId,
  };
}

export function inferRequestFromPb(m: pb.IInferRequest): InferRequest {
  const route = routeFromPb(m.route);
  if (m.route && m.route.mode !== undefined && m.route.mode !== null && m.route.mode > 1) {
    throw badRequest(`route.mode: unknown value ${m.route.mode}`);
  }
  return {
    config: m.config ?? '',
    inputNames: [...(m.inputNames ?? [])],
    inputs: (m.inputTensors ?? []).map((t, i) => decodeTensor(t, `input_tensors[${i}]`)),
    outputNames: [...(m.outputNames ?? [])],
    keys: [...(m.keys ?? [])],
    route,
    traceId: m.traceId ?? '',
  };
}

export function inferResponseToPb(r: InferResponse): pb.IInferResponse {
  return {
    outputNames: r.outputNames,
    outputTensors: r.outputs.map(encodeTensor),
    keys: r.keys,
    errors: r.errors,
    trace: r.trace,
  };
}

export function inferResponseFromPb(m: pb.IInferResponse): InferResponse {
  return {
    outputNames: [...(m.outputNames ?? [])],
    outputs: (m.outputTensors ?? []).map((t, i) => decodeTensor(t, `output_tensors[${i}]`)),
    keys: [...(m.keys ?? [])],
    errors: (m.errors ?? []).map((e) => ({
      key: e.key ?? '',
      code: e.code ?? '',
      message: e.message ?? '',
      stage: e.stage ?? '',
    })),
    trace: (m.trace ?? []).map((t) => ({
      stage: t.stage ?? '',
      instance: t.instance ?? '',
      startedAtMs: Number(t.startedAtMs ?? 0),
      durationMs: t.durationMs ?? 0,
      rowsIn: Number(t.rowsIn ?? 0),
      rowsOut: Number(t.rowsOut ?? 0),
      bytesIn: Number(t.bytesIn ?? 0),
      bytesOut: Number(t.bytesOut ?? 0),
      traceId: t.traceId ?? '',
      spanId: t.spanId ?? '',
    })),
  };
}

export function metadataToPb(m: Metadata): pb.IMetadataResponse {
  return { ...m, inputs: m.inputs.map(ioToPb), outputs: m.outputs.map(ioToPb) };
}

function ioToPb(io: IOMetadata): pb.IIOMetadata {
  return { name: io.name, description: io.description ?? '', shape: io.shape, type: io.type };
}

export function metadataFromPb(m: pb.IMetadataResponse): Metadata {
  const io = (x: pb.IIOMetadata): IOMetadata => ({
    name: x.name ?? '',
    description: x.description ?? '',
    shape: (x.shape ?? []).map(Number),
    type: (x.type ?? 0) as DType,
  });
  return {
    name: m.name ?? '',
    version: m.version ?? '',
    server: m.server ?? '',
    description: m.description ?? '',
    inputs: (m.inputs ?? []).map(io),
    outputs: (m.outputs ?? []).map(io),
    defaultNext: m.defaultNext ?? '',
    preprocess: m.preprocess ?? '',
  };
}
