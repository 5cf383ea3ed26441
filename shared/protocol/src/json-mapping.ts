/**
 * The proto3 JSON mapping of the protocol's messages, both ways: lowerCamelCase names (snake_case
 * accepted on input), enums by name (numbers accepted), int64 as strings (numbers accepted), bytes
 * as base64. `config` may also be given as a JSON object for convenience with curl.
 */
import { decodeTensor } from './codec.js';
import { DType, dtypeFromName, dtypeName, isDType } from './dtype.js';
import { badRequest } from './errors.js';
import type { InferRequest, InferResponse, Metadata, Request, RouteMode } from './messages.js';
import type { pb } from './pb.js';
import type { Tensor } from './tensor.js';
import { fromBase64, toBase64 } from './utils/bytes.js';

type Json = Record<string, unknown>;

const b64 = toBase64;

function tensorToJson(t: Tensor): Json {
  const out: Json = { type: dtypeName(t.type), shape: t.shape.map(String) };
  if (t.type === DType.STRING) out.stringVal = t.strings.map(b64);
  else out.data = b64(new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength));
  return out;
}

export function inferRequestToJson(r: InferRequest): Json {
  return {
    config: r.config,
    inputNames: r.inputNames,
    inputTensors: r.inputs.map(tensorToJson),
    outputNames: r.outputNames,
    keys: r.keys,
    route: {
      next: r.route.next.map((h) => ({
        target: h.target,
        config: h.config ?? '',
        outputNames: h.outputNames ?? [],
      })),
      mode: r.route.mode,
      hopsLeft: r.route.hopsLeft,
    },
    traceId: r.traceId,
  };
}

export function inferResponseToJson(r: InferResponse): Json {
  return {
    outputNames: r.outputNames,
    outputTensors: r.outputs.map(tensorToJson),
    keys: r.keys,
    errors: r.errors,
    trace: r.trace.map((t) => ({
      ...t,
      startedAtMs: String(t.startedAtMs),
      rowsIn: String(t.rowsIn),
      rowsOut: String(t.rowsOut),
      bytesIn: String(t.bytesIn),
      bytesOut: String(t.bytesOut),
    })),
  };
}

export function metadataToJson(m: Metadata): Json {
  const ioJson = (x: Metadata['inputs'][number]): Json => ({
    name: x.name,
    description: x.description ?? '',
    shape: x.shape.map(String),
    type: dtypeName(x.type),
  });
  return { ...m, inputs: m.inputs.map(ioJson), outputs: m.outputs.map(ioJson) };
}

// ---- input side -------------------------------------------------------------------------------

const camel = (k: string): string => k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

function obj(v: unknown, what: string): Json {
  if (v === undefined || v === null) return {};
  if (typeof v !== 'object' || Array.isArray(v)) throw badRequest(`${what}: expected an object`);
  const out: Json = {};
  for (const [k, val] of Object.entries(v)) out[camel(k)] = val;
  return out;
}

function list(v: unknown, what: string): unknown[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw badRequest(`${what}: expected an array`);
  return v;
}

function str(v: unknown, what: string): string {
  if (v === undefined || v === null) return '';
  if (typeof v !== 'string') throw badRequest(`${what}: expected a string`);
  return v;
}

function strings(v: unknown, what: string): string[] {
  return list(v, what).map((s, i) => str(s, `${what}[${i}]`));
}

function int(v: unknown, what: string): number {
  if (v === undefined || v === null) return 0;
  const n = typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isSafeInteger(n)) throw badRequest(`${what}: expected an integer`);
  return n;
}

/** `config` is JSON text on the wire; an object is accepted too and kept as its JSON text. */
function configText(v: unknown, what: string): string {
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) return JSON.stringify(v);
  return str(v, what);
}

function base64(v: unknown, what: string): Uint8Array {
  const bytes = fromBase64(str(v, what));
  if (!bytes) throw badRequest(`${what}: not valid base64`);
  return bytes;
}

function enumValue(v: unknown, what: string): number {
  if (v === undefined || v === null) return 0;
  const n = typeof v === 'string' ? dtypeFromName(v) : v;
  if (!isDType(n)) throw badRequest(`${what}: unknown dtype ${JSON.stringify(v)}`);
  return n;
}

function tensorFromJson(v: unknown, what: string): Tensor {
  const t = obj(v, what);
  const wire: pb.ITensor = {
    type: enumValue(t.type, `${what}.type`),
    shape: list(t.shape, `${what}.shape`).map((d, i) => int(d, `${what}.shape[${i}]`)),
    data: t.data === undefined ? new Uint8Array(0) : base64(t.data, `${what}.data`),
    stringVal: list(t.stringVal, `${what}.stringVal`).map((s, i) => base64(s, `${what}.stringVal[${i}]`)),
  };
  return decodeTensor(wire, what);
}

function modeFromJson(v: unknown): RouteMode {
  if (v === undefined || v === null || v === 'DEFAULT' || v === 0) return 'DEFAULT';
  if (v === 'EXACT' || v === 1) return 'EXACT';
  throw badRequest(`route.mode: unknown value ${JSON.stringify(v)}`);
}

export function inferRequestFromJson(v: unknown): InferRequest {
  const m = obj(v, 'infer');
  const route = obj(m.route, 'route');
  return {
    config: configText(m.config, 'config'),
    inputNames: strings(m.inputNames, 'inputNames'),
    inputs: list(m.inputTensors, 'inputTensors').map((t, i) => tensorFromJson(t, `inputTensors[${i}]`)),
    outputNames: strings(m.outputNames, 'outputNames'),
    keys: strings(m.keys, 'keys'),
    route: {
      next: list(route.next, 'route.next').map((h, i) => {
        const hop = obj(h, `route.next[${i}]`);
        const out: InferRequest['route']['next'][number] = {
          target: str(hop.target, `route.next[${i}].target`),
        };
        const config = configText(hop.config, `route.next[${i}].config`);
        if (config) out.config = config;
        const names = strings(hop.outputNames, `route.next[${i}].outputNames`);
        if (names.length) out.outputNames = names;
        return out;
      }),
      mode: modeFromJson(route.mode),
      hopsLeft: int(route.hopsLeft, 'route.hopsLeft'),
    },
    traceId: str(m.traceId, 'traceId'),
  };
}

/** A JSON body is either `{"infer": {...}}`, `{"metadata": {}}`, or a bare InferRequest. */
export function requestFromJson(v: unknown): Request {
  const m = obj(v, 'request');
  if (m.metadata !== undefined) {
    const config = (m.metadata as { config?: unknown } | null)?.config ?? '';
    if (typeof config !== 'string') throw badRequest('metadata.config must be JSON text');
    return { metadata: { config } };
  }
  if (m.infer !== undefined) return { infer: inferRequestFromJson(m.infer) };
  if (m.inputTensors !== undefined) return { infer: inferRequestFromJson(m) };
  throw badRequest('request has neither "infer" nor "metadata"');
}

export function inferResponseFromJson(v: unknown): InferResponse {
  const m = obj(v, 'response');
  return {
    outputNames: strings(m.outputNames, 'outputNames'),
    outputs: list(m.outputTensors, 'outputTensors').map((t, i) => tensorFromJson(t, `outputTensors[${i}]`)),
    keys: strings(m.keys, 'keys'),
    errors: list(m.errors, 'errors').map((e, i) => {
      const x = obj(e, `errors[${i}]`);
      return {
        key: str(x.key, 'key'),
        code: str(x.code, 'code'),
        message: str(x.message, 'message'),
        stage: str(x.stage, 'stage'),
      };
    }),
    trace: list(m.trace, 'trace').map((e, i) => {
      const x = obj(e, `trace[${i}]`);
      return {
        stage: str(x.stage, 'stage'),
        instance: str(x.instance, 'instance'),
        startedAtMs: int(x.startedAtMs, 'startedAtMs'),
        durationMs: typeof x.durationMs === 'number' ? x.durationMs : Number(x.durationMs ?? 0),
        rowsIn: int(x.rowsIn, 'rowsIn'),
        rowsOut: int(x.rowsOut, 'rowsOut'),
        bytesIn: int(x.bytesIn, 'bytesIn'),
        bytesOut: int(x.bytesOut, 'bytesOut'),
        traceId: str(x.traceId, 'traceId'),
        spanId: str(x.spanId, 'spanId'),
      };
    }),
  };
}

export function metadataFromJson(v: unknown): Metadata {
  const m = obj(v, 'metadata');
  const io = (x: unknown, what: string): Metadata['inputs'][number] => {
    const o = obj(x, what);
    return {
      name: str(o.name, 'name'),
      description: str(o.description, 'description'),
      shape: list(o.shape, 'shape').map((d, i) => int(d, `shape[${i}]`)),
      type: enumValue(o.type, 'type') as Metadata['inputs'][number]['type'],
    };
  };
  return {
    name: str(m.name, 'name'),
    version: str(m.version, 'version'),
    server: str(m.server, 'server'),
    description: str(m.description, 'description'),
    inputs: list(m.inputs, 'inputs').map((x, i) => io(x, `inputs[${i}]`)),
    outputs: list(m.outputs, 'outputs').map((x, i) => io(x, `outputs[${i}]`)),
    defaultNext: str(m.defaultNext, 'defaultNext'),
    preprocess: str(m.preprocess, 'preprocess'),
  };
}
