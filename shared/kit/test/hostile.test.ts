/**
 * Issue 9: requests that used to take a stage down. Each is bounded before work starts and answered
 * with its documented code, and the stage keeps serving ordinary requests meanwhile.
 */
import assert from 'node:assert/strict';
import net from 'node:net';
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

const echo: StageDefinition = {
  name: 'echo',
  inputs: [{ name: 'x', shape: [-1], type: DType.FLOAT32 }],
  outputs: [{ name: 'x', shape: [-1], type: DType.FLOAT32 }],
  apply: async (ctx) => {
    if (typeof ctx.config.reserve === 'number') ctx.reserveOutput(ctx.config.reserve);
    if (typeof ctx.config.holdMs === 'number')
      await new Promise((r) => setTimeout(r, ctx.config.holdMs as number));
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

const good = (config = '') =>
  encodeInferRequest(
    inferRequest({
      inputs: [float32Tensor([2], new Float32Array([1, 2]))],
      config,
      route: { next: [], mode: 'EXACT', hopsLeft: 0 },
    }),
    'protobuf',
  );

describe('hostile requests are bounded before work', () => {
  let service: Service;
  let listening: Listening;

  before(async () => {
    const config = loadConfig(serviceSchema('echo', 0), {
      prefix: 'TENSORHOP_ECHO_',
      env: {},
      explicit: {
        port: 0,
        logLevel: 'silent',
        maxInflight: 4,
        maxRows: 100,
        bodyTimeoutMs: 400,
        memoryBudgetBytes: 1000,
        maxReplyBytes: 5000,
        next: 'dead',
        hops: { dead: 'http://127.0.0.1:1' },
      },
    });
    service = createService({ stage: echo, config });
    listening = await service.listen();
  });
  after(() => service.close());

  test('an 18-byte STRING tensor of shape [400000000, 0] is PAYLOAD_TOO_LARGE at once, in protobuf and JSON', async () => {
    const body = pb.Request.encode({
      infer: { inputTensors: [{ type: DType.STRING, shape: [400_000_000, 0] }] },
    }).finish();
    assert.ok(body.length <= 20, `${body.length} bytes`);
    const t0 = Date.now();
    const proto = await post(listening.url, body);
    assert.equal(proto.status, 413);
    assert.equal(proto.reply.errors[0]?.code, 'PAYLOAD_TOO_LARGE');
    const json = await post(
      listening.url,
      JSON.stringify({ infer: { inputTensors: [{ type: 'STRING', shape: ['400000000', '0'] }] } }),
      'application/json',
    );
    assert.equal(json.status, 413);
    assert.equal(json.reply.errors[0]?.code, 'PAYLOAD_TOO_LARGE');
    assert.ok(Date.now() - t0 < 2000, 'refused without building keys');
    assert.equal((await post(listening.url, good('{"holdMs":0}'))).status, 200);
  });

  test('more keys than rows allowed is PAYLOAD_TOO_LARGE, the limit is named', async () => {
    const many = inferRequest({
      inputs: [float32Tensor([101], new Float32Array(101))],
      keys: Array.from({ length: 101 }, (_, i) => `k${i}`),
    });
    const r = await post(listening.url, encodeInferRequest(many, 'protobuf'));
    assert.equal(r.status, 413);
    assert.match(r.reply.errors[0]?.message ?? '', /at most 100 rows/);
  });

  test('hops_left above 8 is refused with HOP_LIMIT', async () => {
    const req = inferRequest({
      inputs: [float32Tensor([1], new Float32Array(1))],
      route: { next: [], mode: 'EXACT', hopsLeft: 9 },
    });
    const r = await post(listening.url, encodeInferRequest(req, 'protobuf'));
    assert.equal(r.status, 508);
    assert.equal(r.reply.errors[0]?.code, 'HOP_LIMIT');
  });

  test("readiness is the stage's own: a dead default next hop does not make it unready", async () => {
    const res = await fetch(`${listening.url}/readyz`);
    assert.equal(res.status, 200);
    assert.equal(((await res.json()) as { ready: boolean }).ready, true);
  });

  test('memory budget: a reply that could never fit is PAYLOAD_TOO_LARGE, one that does not fit now is OVERLOADED', async () => {
    const exact = { next: [], mode: 'EXACT' as const, hopsLeft: 0 };
    const ask = (reserve: number, holdMs = 0) =>
      post(
        listening.url,
        encodeInferRequest(
          inferRequest({
            inputs: [float32Tensor([1], new Float32Array(1))],
            config: JSON.stringify({ reserve, holdMs }),
            route: exact,
          }),
          'protobuf',
        ),
      );
    const tooBig = await ask(3000);
    assert.equal(tooBig.status, 413);
    const overReply = await ask(6000);
    assert.equal(overReply.status, 413);
    assert.match(overReply.reply.errors[0]?.message ?? '', /limit of 5000/);
    const holder = ask(700, 300);
    await new Promise((r) => setTimeout(r, 80));
    const refused = await ask(700);
    assert.equal(refused.status, 429);
    assert.equal(refused.reply.errors[0]?.code, 'OVERLOADED');
    assert.equal(refused.headers.get('retry-after'), '1');
    assert.equal((await holder).status, 200);
    assert.equal((await ask(700)).status, 200, 'the budget is given back once the reply is sent');
  });

  test('slow bodies hold no slot: 20 trickling sockets, ordinary requests still answered, senders cut off with 408', async () => {
    const sockets: net.Socket[] = [];
    const statuses: Promise<string>[] = [];
    const port = Number(new URL(listening.url).port);
    for (let i = 0; i < 20; i++) {
      const s = net.connect(port, '127.0.0.1');
      sockets.push(s);
      statuses.push(
        new Promise((resolve) => {
          let text = '';
          s.on('data', (d) => (text += d.toString('latin1')));
          s.on('close', () => resolve(text.split('\r\n')[0] ?? ''));
          s.on('error', () => undefined);
        }),
      );
      s.write(
        'POST / HTTP/1.1\r\nhost: x\r\ncontent-type: application/x-protobuf\r\ncontent-length: 1000000\r\n\r\n',
      );
    }
    const drip = setInterval(() => sockets.forEach((s) => s.writable && s.write('a')), 50);
    try {
      for (let i = 0; i < 5; i++) assert.equal((await post(listening.url, good())).status, 200);
      const lines = await Promise.all(statuses);
      assert.ok(
        lines.every((l) => l.startsWith('HTTP/1.1 408')),
        lines.join(' | '),
      );
    } finally {
      clearInterval(drip);
      sockets.forEach((s) => s.destroy());
    }
  });
});
