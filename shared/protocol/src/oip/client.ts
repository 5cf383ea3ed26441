/**
 * The client side of the mapping: a tensorhop InferRequest as an OIP request (inputs binary or
 * JSON, tensorhop's route and keys in `parameters`), and an OIP reply — JSON data, binary parts,
 * or `{"error"}` — back as an InferResponse.
 */
import { badRequest } from '../errors.js';
import type { InferRequest, InferResponse, RowError, StageTiming } from '../messages.js';
import type { Tensor } from '../tensor.js';
import { dtypeOfOip, oipDatatype } from './datatype.js';
import { tensorFromValues, valuesOf } from './json-data.js';
import { tensorFromRaw, tensorToRaw } from './raw.js';
import { checkOipShape } from './shape.js';

export interface ToOipOptions {
  /** Inputs as binary parts and every output asked as binary. @default true */
  binary?: boolean;
  id?: string;
}

/** The OIP request (JSON header and binary parts) for a tensorhop InferRequest. */
export function toOipRequest(
  req: InferRequest,
  options: ToOipOptions = {},
): { json: unknown; parts: Uint8Array[] } {
  const binary = options.binary ?? true;
  const parts: Uint8Array[] = [];
  const inputs = req.inputs.map((t, i) => {
    const head = {
      name: req.inputNames[i] ?? `input${i}`,
      shape: [...t.shape],
      datatype: oipDatatype(t.type),
    };
    if (!binary) return { ...head, data: valuesOf(t).values };
    const raw = tensorToRaw(t);
    parts.push(raw);
    return { ...head, parameters: { binary_data_size: raw.length } };
  });
  const parameters: Record<string, string | boolean> = {};
  if (binary) parameters.binary_data_output = true;
  if (req.keys.length) parameters.tensorhop_keys = JSON.stringify(req.keys);
  if (req.config) parameters.tensorhop_config = req.config;
  if (req.route.next.length) {
    parameters.tensorhop_next = JSON.stringify(
      req.route.next.map((h) => ({
        target: h.target,
        ...(h.config ? { config: h.config } : {}),
        ...(h.outputNames ? { output_names: h.outputNames } : {}),
      })),
    );
  }
  if (req.route.next.length || req.route.mode === 'EXACT') parameters.tensorhop_mode = req.route.mode;
  const json = {
    ...(options.id === undefined ? {} : { id: options.id }),
    inputs,
    ...(req.outputNames.length ? { outputs: req.outputNames.map((name) => ({ name })) } : {}),
    parameters,
  };
  return { json, parts };
}

interface ReplyOutput {
  name?: unknown;
  datatype?: unknown;
  shape?: unknown;
  parameters?: { binary_data_size?: unknown; content_type?: unknown };
  data?: unknown;
}

function parsed<T>(text: unknown, fallback: T): T {
  if (typeof text !== 'string') return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

/** An OIP reply as an InferResponse; an `{"error"}` body becomes one request-level error. */
export function fromOipResponse(json: unknown, binary: Uint8Array, stage = 'oip'): InferResponse {
  const body = (typeof json === 'object' && json !== null ? json : {}) as {
    outputs?: ReplyOutput[];
    parameters?: Record<string, unknown>;
    error?: unknown;
    code?: unknown;
  };
  const errors = parsed<RowError[]>(body.parameters?.tensorhop_errors, []);
  if (typeof body.error === 'string' && !errors.some((e) => e.key === '') && !body.outputs?.length) {
    errors.push({
      key: '',
      code: typeof body.code === 'string' ? body.code : 'INTERNAL',
      message: body.error,
      stage,
    });
  }
  let at = 0;
  const outputs: Tensor[] = [];
  const names: string[] = [];
  for (const [i, o] of (body.outputs ?? []).entries()) {
    const what = `outputs[${i}]`;
    const type = dtypeOfOip(o.datatype, what);
    const shape = checkOipShape(o.shape, what, { maxRows: Number.MAX_SAFE_INTEGER });
    const size = o.parameters?.binary_data_size;
    if (typeof size === 'number') {
      if (size > binary.length - at) throw badRequest(`${what}: binary_data_size past the end of the body`);
      outputs.push(tensorFromRaw(type, shape, binary.subarray(at, at + size), what));
      at += size;
    } else {
      outputs.push(
        tensorFromValues(
          type,
          shape,
          o.data,
          what,
          o.parameters?.content_type === 'base64' ? 'base64' : 'utf8',
        ),
      );
    }
    names.push(String(o.name));
  }
  const keys = parsed<string[] | undefined>(body.parameters?.tensorhop_keys, undefined);
  const rows = outputs[0]?.shape[0] ?? 0;
  return {
    outputNames: names,
    outputs,
    keys: keys ?? Array.from({ length: rows }, (_, r) => String(r)),
    errors,
    trace: parsed<StageTiming[]>(body.parameters?.tensorhop_trace, []),
  };
}
