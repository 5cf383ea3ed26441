/**
 * Tracing across hops, as one small interface every door uses (POST /, OIP REST, OIP gRPC, the
 * gateway): a stage span per call, a hop span per call to the next stage. Without an OTLP endpoint
 * in the environment the plain tracer only resolves ids and carries them; the OpenTelemetry SDK is
 * not even loaded, so a request pays for a regex and a few header writes.
 */
import type { Logger } from 'pino';
import type { RowError } from '@tensorhop/protocol';
import { ConfigError } from './config.js';
import {
  formatTraceparent,
  newSpanId,
  resolveTrace,
  type TraceCarrier,
  type IncomingTrace,
} from './trace-context.js';

/** What a span records when it ends. Everything but `status` is optional. */
export interface SpanResult {
  /** HTTP status of the call (0 when no reply came). */
  status: number;
  rowsIn?: number;
  rowsOut?: number;
  bytesIn?: number;
  bytesOut?: number;
  /** Row errors of the reply: their count and distinct codes are recorded. */
  errors?: readonly Pick<RowError, 'code'>[];
  /** Hop the rows went on to (stage spans). */
  next?: string | undefined;
  /** The failure that ended the call, if any: its `code` (or name) becomes `error.type`. */
  error?: unknown;
}

/** The client side of one call to a hop. */
export interface HopSpan {
  /** Headers that carry the trace to the hop (`traceparent`, `tracestate`); may be empty. */
  readonly headers: Readonly<Record<string, string>>;
  end(result: SpanResult): void;
}

/** The server side of one call to a stage (or one request through the gateway). */
export interface StageSpan {
  /** The id for logs, `InferRequest.trace_id` and StageTiming (see `resolveTrace`). */
  readonly traceId: string;
  /** 32 hex: the W3C trace id. */
  readonly w3cTraceId: string;
  /** 16 hex: this call's span id (exported only when tracing exports). */
  readonly spanId: string;
  /** Headers for the reply: `traceparent` (this span), `tracestate`, `x-trace-id`. */
  responseHeaders(): Record<string, string>;
  /** Starts the client span of a call to hop `name` (at `url`, when known). */
  hop(name: string, url?: string): HopSpan;
  end(result: SpanResult): void;
}

export interface Tracing {
  /** True when spans are exported (an OTLP endpoint is configured). */
  readonly exporting: boolean;
  /**
   * Starts the span of one incoming call. Doors call it with what the caller sent: HTTP headers
   * (`traceCarrierOf(req.headers)`), OIP `parameters.traceparent`, gRPC metadata.
   * @param name span name, e.g. `downloader infer`
   * @param startTimeMs when the call arrived (epoch ms), if before now
   */
  startStage(name: string, carrier: TraceCarrier, startTimeMs?: number): StageSpan;
  /** Exports what is buffered and stops; bounded in time. */
  shutdown(): Promise<void>;
}

const NO_HOP: HopSpan = { headers: Object.freeze({}), end: () => {} };

/** Reply headers shared by both tracers. */
export function traceResponseHeaders(
  t: IncomingTrace,
  spanId: string,
  flags: number,
): Record<string, string> {
  const headers: Record<string, string> = {
    traceparent: formatTraceparent(t.w3cTraceId, spanId, flags),
    'x-trace-id': t.traceId,
  };
  if (t.tracestate) headers.tracestate = t.tracestate;
  return headers;
}

/**
 * The tracer without an exporter: ids only. A hop gets the caller's traceparent unchanged (as a
 * proxy that records nothing would pass it), so spans of stages that do export still hang off
 * the last span that was exported; the trace id reaches every hop in `InferRequest.trace_id`.
 */
export const plainTracing: Tracing = {
  exporting: false,
  startStage(_name, carrier) {
    const t = resolveTrace(carrier);
    const spanId = newSpanId();
    const hopHeaders: Record<string, string> = {};
    if (t.traceparent) hopHeaders.traceparent = t.traceparent;
    if (t.tracestate) hopHeaders.tracestate = t.tracestate;
    const hop: HopSpan = t.traceparent ? { headers: hopHeaders, end: () => {} } : NO_HOP;
    return {
      traceId: t.traceId,
      w3cTraceId: t.w3cTraceId,
      spanId,
      responseHeaders: () => traceResponseHeaders(t, spanId, t.flags),
      hop: () => hop,
      end: () => {},
    };
  },
  shutdown: () => Promise.resolve(),
};

/** What the environment asks of tracing, checked at start-up. */
export interface TracingSettings {
  /** An OTLP endpoint is set and tracing is not disabled. */
  enabled: boolean;
  /** OTLP over HTTP: `http/protobuf` (the OTel default) or `http/json`. */
  protocol: 'http/protobuf' | 'http/json';
  /** Where spans go: `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`, or `OTEL_EXPORTER_OTLP_ENDPOINT` + `/v1/traces`. */
  url: string;
}

const env = (e: NodeJS.ProcessEnv, name: string): string => (e[name] ?? '').trim();

/**
 * Reads the standard OpenTelemetry variables that decide whether and how to export. Values this
 * kit cannot honour stop the service with a message naming the variable, as its own config does.
 */
export function tracingSettings(e: NodeJS.ProcessEnv = process.env): TracingSettings {
  const traces = env(e, 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT');
  const base = env(e, 'OTEL_EXPORTER_OTLP_ENDPOINT');
  const url = traces !== '' ? traces : base !== '' ? `${base.replace(/\/+$/, '')}/v1/traces` : '';
  const protocol = env(e, 'OTEL_EXPORTER_OTLP_TRACES_PROTOCOL') || env(e, 'OTEL_EXPORTER_OTLP_PROTOCOL');
  if (protocol !== '' && protocol !== 'http/protobuf' && protocol !== 'http/json') {
    throw new ConfigError(
      'OTEL_EXPORTER_OTLP_PROTOCOL',
      `${protocol}: tensorhop exports OTLP over HTTP, use http/protobuf or http/json`,
    );
  }
  const exporter = env(e, 'OTEL_TRACES_EXPORTER') || 'otlp';
  if (exporter !== 'otlp' && exporter !== 'none') {
    throw new ConfigError('OTEL_TRACES_EXPORTER', `${exporter}: use otlp or none`);
  }
  if (url !== '' && !/^https?:\/\//.test(url)) {
    const name = traces !== '' ? 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT' : 'OTEL_EXPORTER_OTLP_ENDPOINT';
    throw new ConfigError(name, `${url}: an http:// or https:// URL is needed`);
  }
  const disabled = env(e, 'OTEL_SDK_DISABLED').toLowerCase() === 'true' || exporter === 'none';
  return {
    enabled: url !== '' && !disabled,
    protocol: protocol === 'http/json' ? 'http/json' : 'http/protobuf',
    url,
  };
}

/** Identity of the process in exported spans (`service.name` unless OTEL_SERVICE_NAME says otherwise). */
export interface TracingIdentity {
  service: string;
  version?: string;
}

/**
 * The tracer for one service: the plain one, or, when the settings enable export, the
 * OpenTelemetry SDK loaded on demand.
 */
export async function createTracing(
  settings: TracingSettings,
  identity: TracingIdentity,
  log?: Logger,
): Promise<Tracing> {
  if (!settings.enabled) return plainTracing;
  const { createOtelTracing } = await import('./otel-tracing.js');
  return createOtelTracing(settings, identity, log);
}
