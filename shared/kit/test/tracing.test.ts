/**
 * Trace context without an exporter: which traceparents are taken, which trace id a call gets,
 * which settings enable export, and that a service started without an OTLP endpoint carries the
 * trace to its hops and echoes it while loading no part of the OpenTelemetry SDK.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, test } from 'node:test';
import {
  ConfigError,
  formatTraceparent,
  parseTraceparent,
  plainTracing,
  resolveTrace,
  traceCarrierFrom,
  traceCarrierOf,
  traceCarrierOfOip,
  tracingSettings,
  w3cTraceIdOf,
} from '@tensorhop/kit';

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const PARENT = '00f067aa0ba902b7';
const VALID = `00-${TRACE}-${PARENT}-01`;

describe('traceparent', () => {
  test('a valid header is parsed, and formatted back the same', () => {
    assert.deepEqual(parseTraceparent(VALID), { traceId: TRACE, spanId: PARENT, flags: 1 });
    assert.equal(formatTraceparent(TRACE, PARENT, 1), VALID);
    // A later version may append fields; the first four still count.
    assert.deepEqual(parseTraceparent(`01-${TRACE}-${PARENT}-00-extra`), {
      traceId: TRACE,
      spanId: PARENT,
      flags: 0,
    });
  });

  test('malformed values are ignored', () => {
    for (const bad of [
      '',
      'garbage',
      `ff-${TRACE}-${PARENT}-01`,
      `00-${'0'.repeat(32)}-${PARENT}-01`,
      `00-${TRACE}-${'0'.repeat(16)}-01`,
      `00-${TRACE.toUpperCase()}-${PARENT}-01`,
      `00-${TRACE}-${PARENT}-01-extra`,
      `00_${TRACE}-${PARENT}-01`,
      `00-${TRACE}-${PARENT}-zz`,
    ]) {
      assert.equal(parseTraceparent(bad), undefined, bad);
    }
  });
});

describe('the trace id of a call', () => {
  test('a traceparent decides the trace; its span becomes the parent', () => {
    const t = resolveTrace({ traceparent: VALID, tracestate: 'vendor=a1' });
    assert.equal(t.w3cTraceId, TRACE);
    assert.equal(t.parentSpanId, PARENT);
    assert.equal(t.flags, 1);
    assert.equal(t.tracestate, 'vendor=a1');
  });

  test('a 32-hex x-trace-id that differs from the traceparent loses to it', () => {
    const t = resolveTrace({ traceparent: VALID, traceId: 'a'.repeat(32) });
    assert.equal(t.traceId, TRACE);
  });

  test("a caller's own token stays the logged id, even beside a traceparent", () => {
    assert.equal(resolveTrace({ traceparent: VALID, traceId: 'job-42' }).traceId, 'job-42');
    const alone = resolveTrace({ traceId: 'job-42' });
    assert.equal(alone.traceId, 'job-42');
    assert.equal(alone.w3cTraceId, w3cTraceIdOf('job-42'));
    assert.match(alone.w3cTraceId, /^[0-9a-f]{32}$/);
    assert.equal(w3cTraceIdOf('job-42'), w3cTraceIdOf('job-42'), 'the same token maps to the same trace');
    assert.equal(w3cTraceIdOf('0123456789abcdef'), '00000000000000000123456789abcdef');
    assert.equal(w3cTraceIdOf(TRACE), TRACE);
  });

  test('without anything, a new random 32-hex id; tokens with odd characters are not taken', () => {
    const a = resolveTrace({});
    const b = resolveTrace({ traceId: 'has space' });
    assert.match(a.traceId, /^[0-9a-f]{32}$/);
    assert.equal(a.w3cTraceId, a.traceId);
    assert.notEqual(a.traceId, b.traceId);
    assert.match(b.traceId, /^[0-9a-f]{32}$/);
  });

  test('the plain tracer echoes the trace with its own span id and passes the traceparent on unchanged', () => {
    const span = plainTracing.startStage('x infer', { traceparent: VALID, tracestate: 'v=1' });
    assert.match(span.spanId, /^[0-9a-f]{16}$/);
    assert.deepEqual(span.responseHeaders(), {
      traceparent: `00-${TRACE}-${span.spanId}-01`,
      tracestate: 'v=1',
      'x-trace-id': TRACE,
    });
    assert.deepEqual(span.hop('next', 'http://127.0.0.1:1').headers, {
      traceparent: VALID,
      tracestate: 'v=1',
    });
    assert.deepEqual(plainTracing.startStage('x infer', {}).hop('next').headers, {});
    // A later version's extra fields are not passed on.
    const later = plainTracing.startStage('x infer', {
      traceparent: `01-${TRACE}-${PARENT}-01-${'f'.repeat(900)}`,
    });
    assert.deepEqual(later.hop('next').headers, { traceparent: VALID });
  });
});

describe('trace carriers', () => {
  test('HTTP headers, gRPC-style metadata and OIP parameters', () => {
    assert.deepEqual(traceCarrierOf({ traceparent: VALID, 'x-trace-id': 'job-1' }), {
      traceparent: VALID,
      tracestate: undefined,
      traceId: 'job-1',
    });
    const metadata = new Map<string, string[]>([
      ['traceparent', [VALID]],
      ['tracestate', ['a=1']],
    ]);
    assert.deepEqual(
      traceCarrierFrom((k) => metadata.get(k)),
      { traceparent: VALID, tracestate: 'a=1', traceId: undefined },
    );
    const headers = { traceparent: `00-${'1'.repeat(32)}-${PARENT}-01`, traceId: 'job-2' };
    // A parameter wins over the headers; a non-string parameter is ignored.
    assert.deepEqual(traceCarrierOfOip({ traceparent: VALID }, headers), {
      ...headers,
      traceparent: VALID,
      tracestate: undefined,
    });
    assert.deepEqual(traceCarrierOfOip({ traceparent: 42 }, headers), headers);
    assert.deepEqual(traceCarrierOfOip(undefined), {});
  });
});

describe('tracing settings from the environment', () => {
  test('export is on only with an OTLP endpoint, and off when disabled', () => {
    assert.equal(tracingSettings({}).enabled, false);
    const on = tracingSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' });
    assert.deepEqual(on, {
      enabled: true,
      protocol: 'http/protobuf',
      url: 'http://collector:4318/v1/traces',
    });
    const traces = tracingSettings({
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://tempo:4318/custom',
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
    });
    assert.deepEqual(traces, { enabled: true, protocol: 'http/json', url: 'http://tempo:4318/custom' });
    const endpoint = { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318' };
    assert.equal(tracingSettings({ ...endpoint, OTEL_SDK_DISABLED: 'true' }).enabled, false);
    assert.equal(tracingSettings({ ...endpoint, OTEL_TRACES_EXPORTER: 'none' }).enabled, false);
  });

  test('values the kit cannot honour stop start-up, naming the variable', () => {
    const cases: [NodeJS.ProcessEnv, string][] = [
      [{ OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' }, 'OTEL_EXPORTER_OTLP_PROTOCOL'],
      [{ OTEL_TRACES_EXPORTER: 'zipkin' }, 'OTEL_TRACES_EXPORTER'],
      [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' }, 'OTEL_EXPORTER_OTLP_ENDPOINT'],
    ];
    for (const [env, variable] of cases) {
      assert.throws(
        () => tracingSettings(env),
        (e: unknown) => e instanceof ConfigError && e.variable === variable,
      );
    }
  });
});

describe('a service without an OTLP endpoint', () => {
  const run = (traceparent: string) =>
    JSON.parse(
      execFileSync(
        process.execPath,
        ['--import', 'tsx', 'shared/kit/test/fixtures/plain-trace.ts', traceparent],
        {
          encoding: 'utf8',
          env: { ...process.env, TENSORHOP_LOG_LEVEL: 'silent' },
        },
      ),
    ) as {
      status: number;
      exporting: boolean[];
      traceparent: string;
      xTraceId: string;
      trace: { stage: string; traceId: string; spanId: string }[];
      loaded: string[];
    };

  test('carries and echoes the trace, and loads no part of the OpenTelemetry SDK', () => {
    const out = run(VALID);
    assert.equal(out.status, 200);
    assert.deepEqual(out.exporting, [false, false]);
    assert.deepEqual(
      out.trace.map((t) => [t.stage, t.traceId]),
      [
        ['first', TRACE],
        ['second', TRACE],
      ],
    );
    const [first, second] = out.trace;
    assert.match(first?.spanId ?? '', /^[0-9a-f]{16}$/);
    assert.notEqual(first?.spanId, second?.spanId);
    assert.equal(out.traceparent, `00-${TRACE}-${first?.spanId}-01`);
    assert.equal(out.xTraceId, TRACE);
    // prom-client loads @opentelemetry/api for its exemplars; the SDK and exporters stay unloaded.
    assert.deepEqual(
      out.loaded.filter((p) => !p.includes('/@opentelemetry/api/')),
      [],
    );
  });

  test('without a traceparent, a new trace id reaches every hop', () => {
    const out = run('');
    const id = out.xTraceId;
    assert.match(id, /^[0-9a-f]{32}$/);
    assert.deepEqual(
      out.trace.map((t) => t.traceId),
      [id, id],
    );
    assert.match(out.traceparent, new RegExp(`^00-${id}-[0-9a-f]{16}-00$`));
  });
});
