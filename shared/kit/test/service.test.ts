/** The service kit answers every malformed request with a 4xx and its code, and keeps serving. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  DType,
  decodeInferResponse,
  encodeInferRequest,
  float32Tensor,
  inferRequest,
  pb,
} from '@tensorhop/protocol';
import {
  createService,
  loadConfig,
  serviceSchema,
  type Listening,
  type Service,
  type StageDefinition,
} from '@tensorhop/kit';
import { metadata } from '@tensorhop/sdk';

let release: (() => void) | undefined;
const echo: StageDefinition = {
  name: 'echo',
  inputs: [{ name: 'x', shape: [-1], type: DType.FLOAT32 }],
  outputs: [{ name: 'x', shape: [-1], type: DType.FLOAT32 }],
  apply: async (ctx) => {
    if (ctx.config.wait) await new Promise<void>((r) => (release = r));
    return { outputs: { x: ctx.input('x') }, keys: [...ctx.keys], errors: [] };
  },
};

async function post(url: string, body: Uint8Array | string, type = 'application/x-protobuf') {
  const payload = typeof body === 'string' ? body : Buffer.from(body);
  const res = await fetch(url, { method: 'POST', body: payload, headers: { 'content-type': type } });
  const bytes = new Uint8Array(await res.arrayBuffer());
  const enc = (res.headers.get('content-type') ?? '').includes('json') ? 'json' : 'protobuf';
  return { status: res.status, reply: decodeInferResponse(bytes, enc), headers: res.headers };
}

describe('service kit', () => {
  let service: Service;
  let listening: Listening;
  const good = () =>
    encodeInferRequest(inferRequest({ inputs: [float32Tensor([2], new Float32Array([1, 2]))] }), 'protobuf');

  before(async () => {
    const config = loadConfig(serviceSchema('echo', 0), {
      prefix: 'TENSORHOP_ECHO_',
      env: {},
      explicit: { port: 0, logLevel: 'silent', bodyLimitBytes: 4096, maxInflight: 2, drainTimeoutMs: 2000 },
    });
    service = createService({ stage: echo, config });
    listening = await service.listen();
  });
  after(() => service.close());

  const cases: [string, () => Uint8Array | string, string, number, string][] = [
    [
      'malformed protobuf',
      () => new Uint8Array([0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f]),
      'application/x-protobuf',
      400,
      'BAD_REQUEST',
    ],
    ['a truncated body', () => good().subarray(0, 10), 'application/x-protobuf', 400, 'BAD_REQUEST'],
    ['a wrong content type', () => 'hello', 'text/plain', 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['malformed JSON', () => '{"infer": ', 'application/json', 400, 'BAD_REQUEST'],
    [
      'shape and data that disagree',
      () =>
        pb.Request.encode({
          infer: { inputTensors: [{ type: 10, shape: [3], data: new Uint8Array(8) }] },
        }).finish(),
      'application/x-protobuf',
      400,
      'BAD_REQUEST',
    ],
    [
      'an unknown dtype',
      () =>
        pb.Request.encode({
          infer: { inputTensors: [{ type: 42 as number, shape: [1], data: new Uint8Array(1) }] },
        }).finish(),
      'application/x-protobuf',
      400,
      'BAD_REQUEST',
    ],
    [
      'an unknown route mode',
      () =>
        pb.Request.encode({
          infer: {
            inputTensors: [{ type: 1, shape: [1], data: new Uint8Array(1) }],
            route: { mode: 7 as number },
          },
        }).finish(),
      'application/x-protobuf',
      400,
      'BAD_REQUEST',
    ],
    ['an empty request', () => new Uint8Array(0), 'application/x-protobuf', 400, 'BAD_REQUEST'],
    ['an oversize body', () => new Uint8Array(10_000), 'application/x-protobuf', 413, 'PAYLOAD_TOO_LARGE'],
    [
      'keys that do not match the rows',
      () =>
        encodeInferRequest(
          inferRequest({ inputs: [float32Tensor([2], new Float32Array(2))], keys: ['a'] }),
          'protobuf',
        ),
      'application/x-protobuf',
      400,
      'BAD_REQUEST',
    ],
    [
      'duplicate keys',
      () =>
        encodeInferRequest(
          inferRequest({ inputs: [float32Tensor([2], new Float32Array(2))], keys: ['a', 'a'] }),
          'protobuf',
        ),
      'application/x-protobuf',
      400,
      'BAD_REQUEST',
    ],
    [
      'a config that is not a JSON object',
      () =>
        encodeInferRequest(
          inferRequest({ inputs: [float32Tensor([1], new Float32Array(1))], config: '[1]' }),
          'protobuf',
        ),
      'application/x-protobuf',
      400,
      'BAD_REQUEST',
    ],
  ];
  for (const [name, body, type, status, code] of cases) {
    test(`${name} → ${status} ${code}, and the service keeps serving`, async () => {
      const bad = await post(listening.url, body(), type);
      assert.equal(bad.status, status);
      assert.equal(bad.reply.errors[0]?.code, code);
      assert.equal(bad.reply.errors[0]?.key, '');
      assert.equal(bad.reply.errors[0]?.stage, 'echo');
      const ok = await post(listening.url, good());
      assert.equal(ok.status, 200);
      assert.deepEqual(ok.reply.keys, ['0', '1']);
    });
  }

  test('metadata by GET / (JSON) and by a protobuf metadata request', async () => {
    const json = (await (await fetch(listening.url)).json()) as { name: string; inputs: { type: string }[] };
    assert.equal(json.name, 'echo');
    assert.equal(json.inputs[0]?.type, 'FLOAT32');
    const m = await metadata(listening.url);
    assert.equal(m.name, 'echo');
    assert.equal(m.server, 'tensorhop/0.1.0');
    assert.deepEqual(m.inputs[0]?.shape, [-1]);
  });

  test('health, readiness and metrics', async () => {
    assert.equal((await fetch(`${listening.url}/healthz`)).status, 200);
    assert.equal((await fetch(`${listening.url}/readyz`)).status, 200);
    const text = await (await fetch(`${listening.url}/metrics`)).text();
    assert.match(text, /tensorhop_requests_total\{status="200",stage="echo"\} \d+/);
    assert.match(text, /tensorhop_requests_total\{status="413",stage="echo"\} 1/);
    assert.match(text, /tensorhop_request_duration_seconds_bucket/);
    assert.match(text, /tensorhop_rows_in_total\{stage="echo"\} \d+/);
    const missing = await fetch(`${listening.url}/nope`);
    assert.equal(missing.status, 404);
  });

  test('too many requests in progress → OVERLOADED 429 with Retry-After', async () => {
    const slow = () =>
      post(
        listening.url,
        encodeInferRequest(
          inferRequest({ inputs: [float32Tensor([1], new Float32Array(1))], config: '{"wait":true}' }),
          'protobuf',
        ),
      );
    const first = slow();
    await new Promise((r) => setTimeout(r, 50));
    const releaseFirst = release;
    const second = slow();
    await new Promise((r) => setTimeout(r, 50));
    const releaseSecond = release;
    const third = await post(listening.url, good());
    assert.equal(third.status, 429);
    assert.equal(third.reply.errors[0]?.code, 'OVERLOADED');
    assert.equal(third.headers.get('retry-after'), '1');
    releaseFirst?.();
    releaseSecond?.();
    assert.equal((await first).status, 200);
    assert.equal((await second).status, 200);
  });
});
