/**
 * The exporting tracer: OpenTelemetry's SDK with a batch span processor and the OTLP/HTTP
 * exporter (protobuf, or JSON with `OTEL_EXPORTER_OTLP_PROTOCOL=http/json`). Loaded only by
 * `createTracing` when an endpoint is configured. Contexts are passed explicitly, never through a
 * global context manager or provider, so several services in one process keep their own.
 * The SDK reads its other standard variables itself: OTEL_TRACES_SAMPLER(_ARG), OTEL_BSP_*,
 * OTEL_EXPORTER_OTLP_HEADERS / _TIMEOUT / _COMPRESSION, OTEL_SERVICE_NAME, OTEL_RESOURCE_ATTRIBUTES.
 */
import os from 'node:os';
import {
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  createTraceState,
  diag,
  trace,
  type Attributes,
  type Span,
} from '@opentelemetry/api';
import {
  defaultResource,
  detectResources,
  envDetector,
  resourceFromAttributes,
} from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor, RandomIdGenerator } from '@opentelemetry/sdk-trace-base';
import {
  ATTR_ERROR_TYPE,
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_SERVER_ADDRESS,
  ATTR_SERVER_PORT,
  ATTR_SERVICE_NAME,
  ATTR_SERVICE_VERSION,
  ATTR_URL_FULL,
} from '@opentelemetry/semantic-conventions';
import type { Logger } from 'pino';
import { formatTraceparent, resolveTrace, type TraceCarrier } from './trace-context.js';
import {
  traceResponseHeaders,
  type HopSpan,
  type SpanResult,
  type StageSpan,
  type Tracing,
  type TracingIdentity,
  type TracingSettings,
} from './tracing.js';

const SHUTDOWN_MS = 5000;

/**
 * Root spans take the trace id the request already has (a caller's x-trace-id or trace_id), so
 * logs and spans agree: the id is handed over just before the span starts (startSpan is synchronous).
 */
class RequestIdGenerator extends RandomIdGenerator {
  next: string | undefined;
  private readonly random = new RandomIdGenerator();
  override generateTraceId = (): string => {
    const id = this.next;
    this.next = undefined;
    return id ?? this.random.generateTraceId();
  };
}

function errorType(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    return (error as Error).name ?? 'Error';
  }
  return 'Error';
}

/** Rows, bytes, codes and status as span attributes; the status code per OTel's HTTP rules. */
function finish(span: Span, r: SpanResult, isError: (status: number) => boolean): void {
  const a: Attributes = {};
  if (r.status > 0) a[ATTR_HTTP_RESPONSE_STATUS_CODE] = r.status;
  if (r.rowsIn !== undefined) a['tensorhop.rows_in'] = r.rowsIn;
  if (r.rowsOut !== undefined) a['tensorhop.rows_out'] = r.rowsOut;
  if (r.bytesIn !== undefined) a['tensorhop.bytes_in'] = r.bytesIn;
  if (r.bytesOut !== undefined) a['tensorhop.bytes_out'] = r.bytesOut;
  if (r.next !== undefined) a['tensorhop.next'] = r.next;
  if (r.errors) {
    a['tensorhop.row_errors'] = r.errors.length;
    if (r.errors.length) a['tensorhop.error_codes'] = [...new Set(r.errors.map((e) => e.code))].sort();
  }
  // A refused request (4xx on a server span) is the caller's mistake, not a failed span: its
  // code is kept, the span stays unset.
  const failed = r.status === 0 || isError(r.status);
  if (r.error !== undefined) a['tensorhop.error_code'] = errorType(r.error);
  if (failed) a[ATTR_ERROR_TYPE] = r.error !== undefined ? errorType(r.error) : String(r.status);
  span.setAttributes(a);
  if (failed) {
    const message = r.error instanceof Error ? r.error.message : `HTTP ${r.status}`;
    span.setStatus({ code: SpanStatusCode.ERROR, message });
  }
  span.end();
}

function urlAttributes(url: string | undefined): Attributes {
  if (url === undefined) return {};
  const target = new URL(url);
  return {
    [ATTR_URL_FULL]: target.href,
    [ATTR_SERVER_ADDRESS]: target.hostname,
    [ATTR_SERVER_PORT]: Number(target.port || (target.protocol === 'https:' ? 443 : 80)),
  };
}

let diagSet = false;

/** The SDK's own warnings (an unreachable collector, say) go to the service's log, once per process. */
function routeDiagnostics(log: Logger | undefined): void {
  if (!log || diagSet) return;
  diagSet = true;
  const warn = (message: string): void => void log.warn({ otel: true }, message);
  diag.setLogger({ error: warn, warn, info: () => {}, debug: () => {}, verbose: () => {} });
}

async function exporterFor(settings: TracingSettings) {
  if (settings.protocol === 'http/json') {
    const { OTLPTraceExporter } = await import('@opentelemetry/exporter-trace-otlp-http');
    return new OTLPTraceExporter({ url: settings.url });
  }
  const { OTLPTraceExporter } = await import('@opentelemetry/exporter-trace-otlp-proto');
  return new OTLPTraceExporter({ url: settings.url });
}

export async function createOtelTracing(
  settings: TracingSettings,
  identity: TracingIdentity,
  log?: Logger,
): Promise<Tracing> {
  routeDiagnostics(log);
  const ids = new RequestIdGenerator();
  const resource = defaultResource()
    .merge(
      resourceFromAttributes({
        [ATTR_SERVICE_NAME]: identity.service,
        'service.instance.id': `${os.hostname()}:${process.pid}`,
        ...(identity.version ? { [ATTR_SERVICE_VERSION]: identity.version } : {}),
      }),
    )
    .merge(detectResources({ detectors: [envDetector] }));
  const provider = new BasicTracerProvider({
    resource,
    idGenerator: ids,
    spanProcessors: [new BatchSpanProcessor(await exporterFor(settings))],
  });
  const tracer = provider.getTracer('@tensorhop/kit');

  function startStage(name: string, carrier: TraceCarrier, startTimeMs?: number): StageSpan {
    const t = resolveTrace(carrier);
    let parent = ROOT_CONTEXT;
    if (t.parentSpanId) {
      parent = trace.setSpanContext(ROOT_CONTEXT, {
        traceId: t.w3cTraceId,
        spanId: t.parentSpanId,
        traceFlags: t.flags,
        isRemote: true,
        ...(t.tracestate ? { traceState: createTraceState(t.tracestate) } : {}),
      });
    } else {
      ids.next = t.w3cTraceId;
    }
    const attributes: Attributes = { 'tensorhop.trace_id': t.traceId, [ATTR_HTTP_REQUEST_METHOD]: 'POST' };
    const options = { kind: SpanKind.SERVER, attributes, ...(startTimeMs ? { startTime: startTimeMs } : {}) };
    const span = tracer.startSpan(name, options, parent);
    const own = span.spanContext();
    const context = trace.setSpan(parent, span);
    return {
      traceId: t.traceId,
      w3cTraceId: own.traceId,
      spanId: own.spanId,
      responseHeaders: () => traceResponseHeaders(t, own.spanId, own.traceFlags),
      hop(hop: string, url?: string): HopSpan {
        const attributes = {
          'tensorhop.hop': hop,
          [ATTR_HTTP_REQUEST_METHOD]: 'POST',
          ...urlAttributes(url),
        };
        const client = tracer.startSpan(`hop ${hop}`, { kind: SpanKind.CLIENT, attributes }, context);
        const sc = client.spanContext();
        const headers: Record<string, string> = {
          traceparent: formatTraceparent(sc.traceId, sc.spanId, sc.traceFlags),
        };
        const state = sc.traceState?.serialize();
        if (state) headers.tracestate = state;
        return { headers, end: (r) => finish(client, r, (s) => s === 0 || s >= 400) };
      },
      end: (r) => finish(span, r, (s) => s >= 500),
    };
  }

  async function shutdown(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, SHUTDOWN_MS)));
    try {
      await Promise.race([provider.shutdown(), late]);
    } finally {
      clearTimeout(timer);
    }
  }

  return { exporting: true, startStage, shutdown };
}
