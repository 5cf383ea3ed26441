/**
 * The series the HPAs scale on (k8s-autoscaling.test.ts): a service's /metrics reports the rows of
 * the infer requests it has in progress, and drops them when the requests end, failed or not.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DType, encodeInferRequest, float32Tensor, inferRequest } from '@tensorhop/protocol';
import {
  createService,
  loadConfig,
  serviceSchema,
  type Listening,
  type Service,
  type StageDefinition,
} from '@tensorhop/kit';

const waiting: (() => void)[] = [];
/** A stage that holds each request until the test releases it (or fails it when asked). */
const hold: StageDefinition = {
  name: 'hold',
  inputs: [{ name: 'x', shape: [-1], type: DType.FLOAT32 }],
  outputs: [{ name: 'x', shape: [-1], type: DType.FLOAT32 }],
  apply: async (ctx) => {
    await new Promise<void>((r) => waiting.push(r));
    if (ctx.config.fail) throw new Error('asked to fail');
    return { outputs: { x: ctx.input('x') }, keys: [...ctx.keys], errors: [] };
  },
};

let service: Service;
let listening: Listening;

before(async () => {
  const config = loadConfig(serviceSchema('hold', 0), {
    prefix: 'TENSORHOP_HOLD_',
    env: {},
    explicit: { port: 0, logLevel: 'silent' },
  });
  service = createService({ stage: hold, config });
  listening = await service.listen();
});
after(() => service.close());

async function inflightRows(): Promise<number> {
  const text = await (await fetch(`${listening.url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith('tensorhop_inflight_rows{'));
  assert.ok(line, `tensorhop_inflight_rows in /metrics:\n${text.slice(0, 400)}`);
  return Number(line.split(' ').pop());
}

function send(rows: number, config: object = {}): Promise<number> {
  const x = float32Tensor([rows], new Float32Array(rows));
  const body = encodeInferRequest(inferRequest({ inputs: [x], config: JSON.stringify(config) }), 'protobuf');
  return fetch(listening.url, {
    method: 'POST',
    body: Buffer.from(body),
    headers: { 'content-type': 'application/x-protobuf' },
  }).then((r) => r.status);
}

async function until(n: number): Promise<void> {
  const deadline = Date.now() + 5000;
  while (waiting.length < n) {
    assert.ok(Date.now() < deadline, `${n} requests reach the stage`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

test('tensorhop_inflight_rows counts the rows in progress and returns to 0', async () => {
  assert.equal(await inflightRows(), 0);
  const first = send(5);
  await until(1);
  const second = send(3, { fail: true });
  await until(2);
  assert.equal(await inflightRows(), 8);
  waiting.shift()?.();
  const statuses = [await first];
  assert.equal(await inflightRows(), 3);
  waiting.shift()?.();
  statuses.push(await second);
  assert.deepEqual(statuses, [200, 500]);
  assert.equal(await inflightRows(), 0);
});
