/**
 * One infer request through a stage: validate, apply, account for every key, then stop or forward
 * the surviving rows to the next hop and merge its reply with this stage's row errors and timing.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import type { Logger } from 'pino';
import { hopMetadata } from './hop-client.js';
import {
  TensorhopError,
  badRequest,
  type InferRequest,
  type InferResponse,
  type Metadata,
  type RowError,
  type StageTiming,
  accountKeys,
  commonRowCount,
  resolveKeys,
  byteLength,
  rowCount,
  type Tensor,
} from '@tensorhop/protocol';
import { errorReply } from './respond.js';
import { accountForwarded } from './hop-reply.js';
import { forward, planNextHop, type HopTable, type NextHop } from './hops.js';
import type { ServiceMetrics } from './metrics.js';
import type { StageContext, StageDefinition, StageResult } from './stage.js';
import type { StageSpan } from './tracing.js';

const INSTANCE = `${os.hostname()}:${process.pid}`;

export interface HandlerDeps {
  stage: StageDefinition;
  hops: HopTable;
  defaultNext: string;
  hopTimeoutMs: number;
  hopHeaders: Record<string, string>;
  metrics: ServiceMetrics;
  /** The call's span (Service.startTrace): its id goes in StageTiming, hop calls get client spans. */
  span?: StageSpan;
  /** Rows one request may carry. */
  maxRows: number;
  /** Tensor bytes the reply may carry in the request's encoding. */
  maxReplyBytes: number;
  /** Takes bytes from the process's memory budget until the reply is sent (or throws). */
  reserve(bytes: number, what: string): void;
}

export interface Outcome {
  status: number;
  reply: InferResponse;
  retryAfterSeconds?: number;
  rowsIn: number;
  rowsOut: number;
  next?: string;
  /**
   * Set when the next hop's reply already accounts for every forwarded key: its bytes as they came,
   * to be sent behind this stage's own errors and timing without decoding and re-encoding its tensors.
   */
  passThrough?: { errors: RowError[]; timing: StageTiming; bytes: Uint8Array };
}

/** Rows are bounded before any key or buffer is made: a shape like [4e8, 0] carries no data. */
function checkRows(req: InferRequest, maxRows: number): number {
  if (req.keys.length > maxRows) {
    throw new TensorhopError(
      'PAYLOAD_TOO_LARGE',
      `${req.keys.length} keys: at most ${maxRows} rows a request`,
    );
  }
  for (const t of req.inputs) {
    const n = rowCount(t);
    if (n > maxRows) {
      throw new TensorhopError('PAYLOAD_TOO_LARGE', `${n} rows: at most ${maxRows} rows a request`);
    }
  }
  return commonRowCount(req.inputs);
}

export function parseConfig(text: string): Record<string, unknown> {
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw badRequest('config is not valid JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw badRequest('config must be a JSON object');
  }
  return value as Record<string, unknown>;
}

function makeInput(req: InferRequest) {
  return (name: string): Tensor => {
    const i = req.inputNames.indexOf(name);
    const found = i >= 0 ? req.inputs[i] : req.inputs.length === 1 ? req.inputs[0] : undefined;
    if (!found) throw badRequest(`missing input ${JSON.stringify(name)}`);
    return found;
  };
}

export function hopMetadataFetcher(hops: HopTable, timeoutMs: number, headers: Record<string, string> = {}) {
  return (name: string, config = ''): Promise<Metadata> => {
    const url = Object.hasOwn(hops, name) ? hops[name] : undefined;
    if (url === undefined)
      return Promise.reject(new TensorhopError('UNKNOWN_HOP', `unknown hop ${JSON.stringify(name)}`));
    return hopMetadata(url, { timeoutMs, headers }, config);
  };
}

/** Checks a stage's result against the rule that every key comes back exactly once. */
function settle(stageName: string, keys: readonly string[], result: StageResult, log: Logger) {
  const errors: RowError[] = result.errors.map((e) => ({
    key: e.key,
    code: e.code,
    message: e.message,
    stage: stageName,
  }));
  const names = Object.keys(result.outputs);
  const outputs = Object.values(result.outputs);
  for (const [i, t] of outputs.entries()) {
    if (rowCount(t) !== result.keys.length) {
      throw new TensorhopError(
        'INTERNAL',
        `stage output ${names[i]} has ${rowCount(t)} rows for ${result.keys.length} keys`,
      );
    }
  }
  const account = accountKeys(keys, result.keys, errors);
  if (account.duplicated.length || account.unexpected.length) {
    log.error({ account }, 'stage broke the exactly-once rule');
    throw new TensorhopError('INTERNAL', 'stage returned a key twice or a key it was not given');
  }
  for (const key of account.missing) {
    errors.push({ key, code: 'INTERNAL', message: 'the stage lost this row', stage: stageName });
  }
  return { names, outputs, keys: result.keys, errors };
}

function selectOutputs(wanted: readonly string[], names: string[], outputs: Tensor[]) {
  if (wanted.length === 0) return { names, outputs };
  const picked = wanted.map((w) => {
    const i = names.indexOf(w);
    if (i < 0) throw badRequest(`unknown output ${JSON.stringify(w)}: this stage gives ${names.join(', ')}`);
    return outputs[i] as Tensor;
  });
  return { names: [...wanted], outputs: picked };
}

export async function handleInfer(
  deps: HandlerDeps,
  req: InferRequest,
  signal: AbortSignal,
  log: Logger,
): Promise<Outcome> {
  if (req.inputs.length === 0) throw badRequest('request has no input tensors');
  if (req.inputNames.length > 0 && req.inputNames.length !== req.inputs.length) {
    throw badRequest(`${req.inputNames.length} input names for ${req.inputs.length} input tensors`);
  }
  const rows = checkRows(req, deps.maxRows);
  const keys = resolveKeys(req.keys, rows);
  const config = parseConfig(req.config);
  const next: NextHop | undefined = planNextHop(req.route, deps.defaultNext, deps.hops);
  const startedAtMs = Date.now();
  let reserved = 0;
  const t0 = performance.now();
  const ctx: StageContext = {
    inputs: req.inputs,
    inputNames: req.inputNames,
    input: makeInput(req),
    keys,
    config,
    signal,
    traceId: req.traceId,
    log,
    nextHop: next?.name,
    nextHopConfig: next?.hop.config ?? '',
    hopMetadata: hopMetadataFetcher(deps.hops, Math.min(deps.hopTimeoutMs, 10_000), deps.hopHeaders),
    reserveOutput: (bytes: number) => {
      // Cumulative per request: a stage may reserve row by row as its outputs arrive.
      if (reserved + bytes > deps.maxReplyBytes) {
        throw new TensorhopError(
          'PAYLOAD_TOO_LARGE',
          `the reply would carry ${reserved + bytes} bytes of tensors, over the limit of ${deps.maxReplyBytes} for this encoding`,
        );
      }
      deps.reserve(bytes, `a reply of ${keys.length} rows`);
      reserved += bytes;
    },
  };
  const own = settle(deps.stage.name, keys, await deps.stage.apply(ctx), log);
  const selected = selectOutputs(req.outputNames, own.names, own.outputs);
  const timing: StageTiming = {
    stage: deps.stage.name,
    instance: INSTANCE,
    startedAtMs,
    durationMs: performance.now() - t0,
    rowsIn: keys.length,
    rowsOut: own.keys.length,
    bytesIn: req.inputs.reduce((n, t) => n + byteLength(t), 0),
    bytesOut: selected.outputs.reduce((n, t) => n + byteLength(t), 0),
    traceId: req.traceId,
    spanId: deps.span?.spanId ?? '',
  };
  for (const e of own.errors) deps.metrics.rowErrors.inc({ code: e.code });
  const counts = { rowsIn: keys.length, rowsOut: own.keys.length };
  if (!next || own.keys.length === 0) {
    const reply = {
      outputNames: selected.names,
      outputs: selected.outputs,
      keys: own.keys,
      errors: own.errors,
      trace: [timing],
    };
    return { status: 200, reply, ...counts };
  }
  const hop = deps.span?.hop(next.name, next.url);
  const sent = { rowsIn: own.keys.length, bytesIn: timing.bytesOut };
  try {
    const down = await forward({
      next,
      outputNames: selected.names,
      outputs: selected.outputs,
      keys: own.keys,
      traceId: req.traceId,
      timeoutMs: deps.hopTimeoutMs,
      signal,
      headers: hop ? { ...deps.hopHeaders, ...hop.headers } : deps.hopHeaders,
    });
    const back = { rowsOut: down.response.keys.length, bytesOut: down.bytes.byteLength };
    hop?.end({ status: down.status, ...sent, ...back, errors: down.response.errors });
    deps.metrics.hopCalls.inc({ hop: next.name, outcome: String(down.status) });
    if (down.status >= 400) deps.stage.onHopFailure?.(next.name, down.response.errors[0]?.code ?? 'INTERNAL');
    const downstream = accountForwarded(own.keys, down.response, next.name);
    const reply = {
      ...downstream,
      errors: [...own.errors, ...downstream.errors],
      trace: [timing, ...downstream.trace],
    };
    const retry = down.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: down.retryAfterSeconds };
    const passThrough =
      downstream === down.response ? { passThrough: { errors: own.errors, timing, bytes: down.bytes } } : {};
    return { status: down.status, reply, ...retry, ...counts, next: next.name, ...passThrough };
  } catch (error) {
    // The hop failed after this stage worked its rows: every forwarded key still comes back.
    const failed = errorReply(error, next.name);
    const code = failed.reply.errors[0]?.code ?? 'INTERNAL';
    hop?.end({ status: 0, ...sent, error });
    deps.metrics.hopCalls.inc({ hop: next.name, outcome: code });
    deps.stage.onHopFailure?.(next.name, code);
    const downstream = accountForwarded(own.keys, failed.reply, next.name);
    const reply = { ...downstream, errors: [...own.errors, ...downstream.errors], trace: [timing] };
    return { ...failed, reply, ...counts, next: next.name };
  }
}
