/**
 * Hop tables may point at the gateway's pool routes, so hops are balanced too; with the gateway's
 * API keys on, a stage sends its hop key (TENSORHOP_HOPS_API_KEY) on every hop call.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { float32Tensor, type NumericTensor } from '@tensorhop/protocol';
import { buildInferRequest, inferRaw } from '@tensorhop/sdk';
import { createServer as createGateway, loadGatewayConfig, type Gateway } from '@tensorhop/gateway';
import { addStage, startStage, timesStage, type Running } from './helpers/toy-stages.js';

let add: Running;
let times: Running[];
let gateway: Gateway;
let gatewayUrl = '';

before(async () => {
  add = await startStage(addStage);
  times = await Promise.all([startStage(timesStage), startStage(timesStage)]);
  gateway = createGateway(
    loadGatewayConfig({
      env: {},
      explicit: {
        port: 0,
        host: '127.0.0.1',
        logLevel: 'silent',
        apiKeys: ['secret-key'],
        upstreams: { add: add.url, times: times.map((t) => t.url).join(',') },
      },
    }),
    { defaultMetrics: false },
  );
  gatewayUrl = (await gateway.listen()).url;
  add.service.config.hops = { times: `${gatewayUrl}/v1/times` };
});

after(async () => {
  await gateway.close();
  await Promise.all([add, ...times].map((s) => s.service.close()));
});

const request = () =>
  buildInferRequest([float32Tensor([2], new Float32Array([1, 2]))], {
    route: { next: ['times'], mode: 'EXACT' },
  });

test('without the hop key the gateway refuses the hop, and the reply says so', async () => {
  add.service.config.hopsApiKey = '';
  const reply = await inferRaw(`${gatewayUrl}/v1/add`, request(), { headers: { 'x-api-key': 'secret-key' } });
  assert.equal(reply.status, 401);
  assert.equal(reply.response.errors[0]?.code, 'UNAUTHORIZED');
});

test('with the hop key, hops through the gateway are balanced over both replicas', async () => {
  add.service.config.hopsApiKey = 'secret-key';
  for (let i = 0; i < 6; i++) {
    const reply = await inferRaw(`${gatewayUrl}/v1/add`, request(), {
      headers: { authorization: 'Bearer secret-key' },
    });
    assert.equal(reply.status, 200);
    assert.deepEqual(Array.from((reply.response.outputs[0] as NumericTensor).data as Float32Array), [4, 6]);
  }
  const served = await Promise.all(
    times.map(async (t) => {
      const text = await (await fetch(`${t.url}/metrics`)).text();
      return Number(/tensorhop_rows_in_total\{stage="times"\} (\d+)/.exec(text)?.[1] ?? 0);
    }),
  );
  assert.ok(
    served.every((n) => n >= 2),
    `both replicas served hops: ${served.join(', ')}`,
  );
});
