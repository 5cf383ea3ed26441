/**
 * W3C Trace Context (`traceparent`, `tracestate`) without the OpenTelemetry SDK: parsing what a
 * caller sent, the trace id every log line and StageTiming carries, and cheap random ids. Tracing
 * that exports spans (otel-tracing.ts) builds on the same resolution, so ids agree either way.
 */
import { createHash, randomFillSync } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** Where a call's trace comes from: HTTP headers, OIP `parameters`, gRPC metadata. */
export interface TraceCarrier {
  /** W3C `traceparent` (`00-<32 hex trace id>-<16 hex parent span id>-<2 hex flags>`). */
  traceparent?: string | undefined;
  /** W3C `tracestate`, passed on unchanged. */
  tracestate?: string | undefined;
  /** The caller's own trace id: the request's `trace_id` field or the `x-trace-id` header. */
  traceId?: string | undefined;
}

/** A call's trace, resolved once at the door. */
export interface IncomingTrace {
  /** The id in logs, `InferRequest.trace_id` and StageTiming: the caller's own id, else `w3cTraceId`. */
  traceId: string;
  /** 32 lowercase hex: the W3C/OpenTelemetry trace id. */
  w3cTraceId: string;
  /** The caller's span (16 hex), when a valid traceparent came in. */
  parentSpanId?: string;
  /** W3C trace flags; bit 0 is "sampled". */
  flags: number;
  tracestate?: string;
  /** The caller's traceparent (valid, in version 00's form), for passing on when nothing is exported. */
  traceparent?: string;
}

const HEX32 = /^[0-9a-f]{32}$/;
const HEX16 = /^[0-9a-f]{16}$/;
const TOKEN = /^[\w.-]{1,64}$/;
const ZERO32 = '0'.repeat(32);
const ZERO16 = '0'.repeat(16);
const TRACESTATE_MAX = 512;

/** Parses a traceparent; invalid or unknown-shaped values are ignored (the spec says: restart the trace). */
export function parseTraceparent(
  value: string | undefined,
): { traceId: string; spanId: string; flags: number } | undefined {
  if (value === undefined || value.length < 55) return undefined;
  const v = value.trim();
  const version = v.slice(0, 2);
  if (!/^[0-9a-f]{2}$/.test(version) || version === 'ff') return undefined;
  // Version 00 is exactly 55 characters; later versions may append fields after a dash.
  if (version === '00' ? v.length !== 55 : v.length > 55 && v[55] !== '-') return undefined;
  if (v[2] !== '-' || v[35] !== '-' || v[52] !== '-') return undefined;
  const traceId = v.slice(3, 35);
  const spanId = v.slice(36, 52);
  const flags = v.slice(53, 55);
  if (!HEX32.test(traceId) || traceId === ZERO32 || !HEX16.test(spanId) || spanId === ZERO16)
    return undefined;
  if (!/^[0-9a-f]{2}$/.test(flags)) return undefined;
  return { traceId, spanId, flags: parseInt(flags, 16) };
}

/** `00-<trace>-<span>-<flags>`. */
export function formatTraceparent(traceId: string, spanId: string, flags: number): string {
  return `00-${traceId}-${spanId}-${(flags & 0xff).toString(16).padStart(2, '0')}`;
}

const cleanTracestate = (v: string | undefined): string | undefined =>
  v !== undefined && v.length > 0 && v.length <= TRACESTATE_MAX && /^[\x20-\x7e]+$/.test(v) ? v : undefined;

/**
 * The W3C trace id a caller's own id stands for: itself when it is one, a 64-bit id padded with
 * zeros (as OpenTelemetry does for B3 and Jaeger ids), else a hash of it, so every stage a client
 * calls with the same `x-trace-id` lands in the same trace.
 */
export function w3cTraceIdOf(id: string): string {
  if (HEX32.test(id) && id !== ZERO32) return id;
  if (HEX16.test(id) && id !== ZERO16) return ZERO16 + id;
  return createHash('sha256').update(id).digest('hex').slice(0, 32);
}

// Random ids from a refilled pool: one getrandom call per 256 ids instead of one per request.
const pool = Buffer.alloc(4096);
let used = pool.length;

function randomHex(bytes: number): string {
  for (;;) {
    if (used + bytes > pool.length) {
      randomFillSync(pool);
      used = 0;
    }
    const hex = pool.toString('hex', used, (used += bytes));
    if (!/^0+$/.test(hex)) return hex;
  }
}

/** A new random 32-hex trace id. */
export const newTraceId = (): string => randomHex(16);
/** A new random 16-hex span id. */
export const newSpanId = (): string => randomHex(8);

/**
 * Resolves a call's trace: a valid traceparent decides the trace; without one, the caller's own
 * id (kept as given in logs, mapped by `w3cTraceIdOf` for spans) or a new one. A caller's own id
 * that is not a W3C id stays the logged id even with a traceparent, so a token such as
 * `my-job-42` reads the same in the logs of every stage it passes.
 */
export function resolveTrace(carrier: TraceCarrier): IncomingTrace {
  const parent = parseTraceparent(carrier.traceparent);
  const own = carrier.traceId !== undefined && TOKEN.test(carrier.traceId) ? carrier.traceId : undefined;
  const tracestate = parent ? cleanTracestate(carrier.tracestate) : undefined;
  if (parent) {
    const traceId = own !== undefined && !HEX32.test(own) ? own : parent.traceId;
    return {
      traceId,
      w3cTraceId: parent.traceId,
      parentSpanId: parent.spanId,
      flags: parent.flags,
      // Passed on in version 00's form: a later version's extra fields are not ours to forward.
      traceparent: formatTraceparent(parent.traceId, parent.spanId, parent.flags),
      ...(tracestate ? { tracestate } : {}),
    };
  }
  if (own !== undefined) return { traceId: own, w3cTraceId: w3cTraceIdOf(own), flags: 0 };
  const fresh = newTraceId();
  return { traceId: fresh, w3cTraceId: fresh, flags: 0 };
}

const text = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : undefined;

/**
 * A trace carrier from any keyed source: `get('traceparent')`, `get('tracestate')`,
 * `get('x-trace-id')`; the first value is taken from arrays. For gRPC metadata:
 * `traceCarrierFrom((k) => metadata.get(k))`.
 */
export function traceCarrierFrom(get: (name: string) => unknown): TraceCarrier {
  return {
    traceparent: text(get('traceparent')),
    tracestate: text(get('tracestate')),
    traceId: text(get('x-trace-id')),
  };
}

/** The trace carrier of an HTTP request: `traceparent`, `tracestate` and `x-trace-id`. */
export function traceCarrierOf(headers: IncomingHttpHeaders): TraceCarrier {
  return traceCarrierFrom((name) => headers[name]);
}

/**
 * The trace carrier of an Open Inference Protocol request: string `parameters.traceparent` and
 * `parameters.tracestate` win over `fallback` (the HTTP headers or gRPC metadata of the call).
 */
export function traceCarrierOfOip(
  parameters: Readonly<Record<string, unknown>> | undefined,
  fallback: TraceCarrier = {},
): TraceCarrier {
  const traceparent = text(parameters?.traceparent);
  if (traceparent === undefined) return fallback;
  return { ...fallback, traceparent, tracestate: text(parameters?.tracestate) };
}
