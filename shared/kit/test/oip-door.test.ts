/**
 * The OIP door shares the native door's bounds: requests in progress count across both protocols
 * (OVERLOADED as `{"error"}`, status 429), a stage's own outputs and `tensorhop_config` reach it,
 * and a draining service's door refuses infers of every protocol.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DType, encodeInferRequest, float32Tensor, inferRequest } from '@tensorhop/protocol';
import { createService, loadConfig, serviceSchema, type StageDefinition } from '@tensorhop/kit';

let release: (() => void) | undefined;
const scale: StageDefinition = {
  name: 'scale',
  inputs: [{ name: 'x', shape: [-1], type: DType.FLOAT32 }],
  outputs: [{ name: 'y', shape: [-1], type: DType.FLOAT32 }],
  apply: async (ctx) => {
    if (ctx.config.wait) await new Promise<void>((r) => (release = r));
    const x = ctx.input('x');
    const k = typeof ctx.config.k === 'number' ? ctx.config.k : 1;
    const y = Float32Array.from(x.type === DType.FLOAT32 ? (x.data as Float32Array) : [], (v) => v * k);
    return { outputs: { y: float32Tensor([...x.shape], y) }, keys: [...ctx.keys], errors: [] };
  },
};

const oipBody = (parameters: Record<string, unknown> = {}) =>
  JSON.stringify({ inputs: [{ name: 'x', shape: [2], datatype: 'FP32', data: [1, 2] }], parameters });

test('slots are shared with the native protocol; config reaches the stage; draining refuses', async () => {
  const config = loadConfig(serviceSchema('scale', 0), {
    prefix: 'TENSORHOP_SCALE_',
    env: {},
    explicit: { port: 0, logLevel: 'silent', maxInflight: 1, drainTimeoutMs: 2000 },
  });
  const service = createService({ stage: scale, config });
  const { url } = await service.listen();
  const infer = `${url}/v2/models/scale/infer`;

  const ok = await fetch(infer, { method: 'POST', body: oipBody({ tensorhop_config: '{"k": 3}' }) });
  const body = (await ok.json()) as { model_name: string; outputs: { name: string; data: number[] }[] };
  assert.deepEqual(
    [ok.status, body.model_name, body.outputs],
    [200, 'scale', [{ name: 'y', datatype: 'FP32', shape: [2], data: [3, 6] }]],
  );

  const native = fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-protobuf' },
    body: Buffer.from(
      encodeInferRequest(
        inferRequest({ inputs: [float32Tensor([1], new Float32Array([1]))], config: '{"wait": true}' }),
        'protobuf',
      ),
    ),
  });
  while (!release) await new Promise((r) => setTimeout(r, 5));
  const busy = await fetch(infer, { method: 'POST', body: oipBody() });
  assert.equal(busy.status, 429);
  assert.equal(busy.headers.get('retry-after'), '1');
  assert.equal(((await busy.json()) as { code: string }).code, 'OVERLOADED');

  const closing = service.close();
  const request = inferRequest({ inputs: [float32Tensor([1], new Float32Array([1]))] });
  await assert.rejects(
    service.door.run(request, { traceId: 't', protocol: 'oip' }, () => 0),
    {
      code: 'UNAVAILABLE',
    },
  );
  release();
  assert.equal((await native).status, 200);
  await closing;
});

test('OIP joins the trace: parameters.traceparent wins over the header, is echoed, and reaches StageTiming', async () => {
  const config = loadConfig(serviceSchema('scale', 0), {
    prefix: 'TENSORHOP_SCALE_',
    env: {},
    explicit: { port: 0, logLevel: 'silent' },
  });
  const service = createService({ stage: scale, config, env: {} });
  const { url } = await service.listen();
  try {
    const inParams = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    const inHeader = '00-11111111111111111111111111111111-2222222222222222-01';
    const res = await fetch(`${url}/v2/models/scale/infer`, {
      method: 'POST',
      headers: { traceparent: inHeader },
      body: oipBody({ traceparent: inParams }),
    });
    assert.equal(res.status, 200);
    assert.match(
      res.headers.get('traceparent') ?? '',
      /^00-0af7651916cd43dd8448eb211c80319c-[0-9a-f]{16}-01$/,
    );
    const body = (await res.json()) as { parameters: { tensorhop_trace: string } };
    const trace = JSON.parse(body.parameters.tensorhop_trace) as { traceId?: string; stage: string }[];
    assert.equal(trace[0]?.stage, 'scale');
    assert.equal(trace[0]?.traceId, '0af7651916cd43dd8448eb211c80319c');
    const viaHeader = await fetch(`${url}/v2/models/scale/infer`, {
      method: 'POST',
      headers: { traceparent: inHeader },
      body: oipBody(),
    });
    assert.match(viaHeader.headers.get('traceparent') ?? '', /^00-1{32}-/);
  } finally {
    await service.close();
  }
});
