/**
 * A door into the stage for protocols other than the native POST / (OIP REST, OIP gRPC): the same
 * admission (draining, requests in progress), request deadline, memory budget, hop routing
 * (handleInfer), metrics and one log line per request — so every protocol counts against the same
 * bounds and is drained together.
 */
import { performance } from 'node:perf_hooks';
import type { Logger } from 'pino';
import { TensorhopError, isTensorhopError, type InferRequest } from '@tensorhop/protocol';
import { hopHeaders } from './hops.js';
import { handleInfer, type HandlerDeps, type Outcome } from './infer-handler.js';
import type { MemoryBudget } from './memory-budget.js';
import type { ServiceMetrics } from './metrics.js';
import type { ServiceConfig } from './service-config.js';
import type { StageDefinition } from './stage.js';
import type { TraceCarrier } from './trace-context.js';
import type { StageSpan } from './tracing.js';

export interface InferDoorDeps {
  stage: StageDefinition;
  config: ServiceConfig;
  log: Logger;
  metrics: ServiceMetrics;
  budget: MemoryBudget;
  isDraining(): boolean;
  /** Takes a request slot; false when every slot is taken. */
  enter(): boolean;
  leave(): void;
  /** Starts the call's span (Service.startTrace). */
  startTrace(carrier: TraceCarrier, options?: { name?: string; startTimeMs?: number }): StageSpan;
}

export interface DoorCall {
  /** Aborts when the caller goes away. */
  signal?: AbortSignal;
  traceId: string;
  /** Tensor bytes the reply may carry in this protocol's encoding. @default config.maxReplyBytes */
  maxReplyBytes?: number;
  /** Names the protocol in the log line (`oip`, `grpc`). */
  protocol: string;
  /** What the caller sent to carry its trace (traceparent from headers, parameters or metadata). */
  carrier?: TraceCarrier;
  /** Receives the reply headers that echo the trace (traceparent, tracestate, x-trace-id). */
  setHeaders?(headers: Record<string, string>): void;
}

export interface InferDoor {
  /**
   * Runs one infer request, then `send` while the reply's memory is still reserved. Throws a
   * TensorhopError for a request refused or failed as a whole (after counting and logging it).
   */
  run<T>(request: InferRequest, call: DoorCall, send: (outcome: Outcome) => T | Promise<T>): Promise<T>;
  isDraining(): boolean;
}

/**
 * handleInfer's dependencies for one call, whichever door it came in by (POST /, OIP, gRPC): the
 * service's hop table and bounds, the call's span and reply limit, and reply memory reserved from
 * the service's budget into `releases` (given back once the reply is sent).
 */
export function callDeps(
  deps: Pick<InferDoorDeps, 'stage' | 'config' | 'metrics' | 'budget'>,
  call: { span: StageSpan; releases: (() => void)[]; maxReplyBytes: number },
): HandlerDeps {
  const { config } = deps;
  return {
    stage: deps.stage,
    span: call.span,
    hops: config.hops,
    defaultNext: config.next,
    hopTimeoutMs: config.hopTimeoutMs,
    hopHeaders: hopHeaders(config.hopsApiKey),
    metrics: deps.metrics,
    maxRows: config.maxRows,
    maxReplyBytes: call.maxReplyBytes,
    reserve: (bytes, what) => void call.releases.push(deps.budget.reserve(bytes, what)),
  };
}

export function createInferDoor(deps: InferDoorDeps): InferDoor {
  const { stage, config, metrics } = deps;

  function admit(): void {
    if (deps.isDraining()) throw new TensorhopError('UNAVAILABLE', `${stage.name} is shutting down`);
    if (!deps.enter()) {
      throw new TensorhopError('OVERLOADED', `${stage.name} has ${config.maxInflight} requests in progress`);
    }
  }

  async function run<T>(
    request: InferRequest,
    call: DoorCall,
    send: (o: Outcome) => T | Promise<T>,
  ): Promise<T> {
    const t0 = performance.now();
    const carrier = call.carrier ?? (call.traceId ? { traceId: call.traceId } : {});
    const span = deps.startTrace(carrier, { startTimeMs: Date.now() });
    call.setHeaders?.(span.responseHeaders());
    const controller = new AbortController();
    const onAbort = (): void => controller.abort(new Error('client went away'));
    call.signal?.addEventListener('abort', onAbort, { once: true });
    const timer = setTimeout(() => controller.abort(new Error('request deadline')), config.requestTimeoutMs);
    const releases: (() => void)[] = [];
    let status = 500;
    let rows = { rowsIn: 0, rowsOut: 0, next: undefined as string | undefined };
    let slot = false;
    try {
      admit();
      slot = true;
      request.traceId = span.traceId;
      const outcome = await handleInfer(
        callDeps(deps, {
          span,
          releases,
          maxReplyBytes: Math.min(config.maxReplyBytes, call.maxReplyBytes ?? Infinity),
        }),
        request,
        controller.signal,
        deps.log.child({ trace_id: span.traceId, span_id: span.spanId }),
      );
      status = outcome.status;
      rows = { rowsIn: outcome.rowsIn, rowsOut: outcome.rowsOut, next: outcome.next };
      span.end({ status, ...rows, errors: outcome.reply.errors });
      metrics.rowsIn.inc(outcome.rowsIn);
      metrics.rowsOut.inc(outcome.rowsOut);
      return await send(outcome);
    } catch (error) {
      status = isTensorhopError(error) ? error.status : 500;
      span.end({ status, error });
      if (status === 500) deps.log.error({ err: error, trace_id: span.traceId }, 'request failed');
      throw error;
    } finally {
      clearTimeout(timer);
      call.signal?.removeEventListener('abort', onAbort);
      for (const release of releases) release();
      if (slot) deps.leave();
      const seconds = (performance.now() - t0) / 1000;
      metrics.requests.inc({ status: String(status) });
      metrics.latency.observe({ status: String(status) }, seconds);
      const ms = Math.round(seconds * 1e4) / 10;
      deps.log.info({ trace_id: span.traceId, protocol: call.protocol, status, ms, ...rows }, 'infer');
    }
  }
  return { run, isDraining: deps.isDraining };
}
