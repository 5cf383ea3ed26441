/**
 * What exported spans say when things go wrong, on kit services in this process exporting to a
 * loopback OTLP receiver: row errors of a hop, a hop that is down, a refused request; and that the
 * default encoding (OTLP protobuf) is flushed when a service drains, long before its batch delay.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import {
  DType,
  encodeInferRequest,
  float32Tensor,
  inferRequest,
  type NumericTensor,
} from '@tensorhop/protocol';
import { createService, loadConfig, serviceSchema, type Service, type StageDefinition } from '@tensorhop/kit';
import { startOtlpReceiver, type OtlpReceiver, type ReceivedSpan } from './helpers/otlp-receiver.js';

/** Echoes `x`; with `fails`, the rows whose value is 2 fail with IMAGE_DECODE. */
const stage = (name: string, fails = false): StageDefinition => ({
  name,
  inputs: [{ name: 'x', shape: [-1], type: DType.FLOAT32 }],
  outputs: [{ name: 'x', shape: [-1], type: DType.FLOAT32 }],
  apply: async (ctx) => {
    const x = ctx.input('x') as NumericTensor;
    const keep = ctx.keys.map((_, i) => !fails || Number(x.data[i]) !== 2);
    const values = Float32Array.from((x.data as Float32Array).filter((_, i) => keep[i]));
    return {
      outputs: { x: float32Tensor([values.length], values) },
      keys: ctx.keys.filter((_, i) => keep[i]),
      errors: ctx.keys
        .filter((_, i) => !keep[i])
        .map((key) => ({ key, code: 'IMAGE_DECODE' as const, message: 'two' })),
    };
  },
});

const configOf = (name: string, hops: Record<string, string>) =>
  loadConfig(serviceSchema(name, 0), {
    prefix: `TENSORHOP_${name.toUpperCase()}_`,
    env: {},
    explicit: { port: 0, logLevel: 'silent', hops, hopTimeoutMs: 3000 },
  });

async function post(url: string, next: string, values: number[]) {
  const body = encodeInferRequest(
    inferRequest({
      inputs: [float32Tensor([values.length], Float32Array.from(values))],
      route: { next: next ? [{ target: next }] : [], mode: 'EXACT', hopsLeft: 0 },
    }),
    'protobuf',
  );
  const res = await fetch(url, {
    method: 'POST',
    body: Buffer.from(body),
    headers: { 'content-type': 'application/x-protobuf' },
  });
  await res.arrayBuffer();
  return { status: res.status, traceId: (res.headers.get('traceparent') ?? '').slice(3, 35) };
}

describe('exported spans on failures', { timeout: 60_000 }, () => {
  let receiver: OtlpReceiver;
  let first: Service;
  let second: Service;
  let url: string;

  before(async () => {
    receiver = await startOtlpReceiver();
    process.env.OTEL_BSP_SCHEDULE_DELAY = '50';
    const env = { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json' };
    // A port that was just free: the hop `gone` is down.
    const probe = http.createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const gone = `http://127.0.0.1:${(probe.address() as AddressInfo).port}`;
    await new Promise<void>((r) => probe.close(() => r()));
    second = createService({ stage: stage('second', true), config: configOf('second', {}), env });
    const two = await second.listen();
    first = createService({
      stage: stage('first'),
      config: configOf('first', { second: two.url, gone }),
      env,
    });
    url = (await first.listen()).url;
  });

  after(async () => {
    await first?.close();
    await second?.close();
    await receiver?.close();
  });

  const spansOf = (traceId: string, count: number): Promise<ReceivedSpan[]> =>
    receiver
      .waitFor((s) => s.filter((x) => x.traceId === traceId).length >= count)
      .then((s) => s.filter((x) => x.traceId === traceId));
  const named = (spans: ReceivedSpan[], name: string) => spans.find((s) => s.name === name);

  test("a hop's row errors are on its client span, which is not an error", async () => {
    const { status, traceId } = await post(url, 'second', [1, 2, 3]);
    assert.equal(status, 200);
    const spans = await spansOf(traceId, 3);
    const hop = named(spans, 'hop second');
    assert.deepEqual(
      [
        hop?.attributes['tensorhop.rows_in'],
        hop?.attributes['tensorhop.rows_out'],
        hop?.attributes['tensorhop.error_codes'],
      ],
      [3, 2, ['IMAGE_DECODE']],
    );
    assert.equal(hop?.status, 0);
    assert.equal(named(spans, 'second infer')?.parentSpanId, hop?.spanId);
    assert.equal(named(spans, 'first infer')?.attributes['tensorhop.next'], 'second');
  });

  test('a hop that is down: the client span is an error with the code, every key accounted for', async () => {
    const { status, traceId } = await post(url, 'gone', [1, 3]);
    assert.equal(status, 502);
    const spans = await spansOf(traceId, 2);
    const hop = named(spans, 'hop gone');
    assert.equal(hop?.status, 2);
    assert.equal(hop?.attributes['error.type'], 'HOP_UNAVAILABLE');
    const server = named(spans, 'first infer');
    assert.equal(server?.attributes['http.response.status_code'], 502);
    assert.equal(server?.attributes['tensorhop.row_errors'], 2);
    assert.deepEqual(server?.attributes['tensorhop.error_codes'], ['HOP_UNAVAILABLE']);
    assert.equal(server?.status, 2);
  });

  test('a refused request keeps its code on a span that is not an error', async () => {
    const res = await fetch(url, { method: 'POST', body: 'x', headers: { 'content-type': 'text/plain' } });
    assert.equal(res.status, 415);
    const traceId = (res.headers.get('traceparent') ?? '').slice(3, 35);
    const [server] = await spansOf(traceId, 1);
    assert.equal(server?.attributes['tensorhop.error_code'], 'UNSUPPORTED_MEDIA_TYPE');
    assert.equal(server?.attributes['http.response.status_code'], 415);
    assert.equal(server?.status, 0);
  });

  test('OTLP protobuf (the default) is flushed when the service drains', async () => {
    process.env.OTEL_BSP_SCHEDULE_DELAY = '60000';
    const env = { OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `${receiver.url}/v1/traces` };
    const solo = createService({ stage: stage('solo'), config: configOf('solo', {}), env });
    const soloUrl = (await solo.listen()).url;
    assert.equal(solo.tracing.exporting, true);
    assert.equal((await post(soloUrl, '', [1])).status, 200);
    assert.equal(receiver.protobuf.length, 0, 'nothing sent before the batch delay');
    await solo.close();
    assert.equal(receiver.protobuf.length, 1);
    assert.ok((receiver.protobuf[0] ?? 0) > 50);
  });
});
