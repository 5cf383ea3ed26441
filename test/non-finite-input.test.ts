/**
 * Issue 9, point 6: a float input holding NaN or Infinity must fail its row with INPUT_NOT_FINITE
 * (in the error table) instead of giving ordinary-looking scores; the finite rows of the same
 * request still get their scores. Seen by the fuzz test, whose NaN/Infinity pixel rows never
 * produced the code.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { accountKeys, float32Tensor } from '@tensorhop/protocol';
import { infer } from '@tensorhop/sdk';
import { startServiceProcesses, type ServiceProcesses } from './helpers/service-processes.js';

let stack: ServiceProcesses;

before(async () => {
  stack = await startServiceProcesses(15400);
});

after(async () => {
  await stack?.stop();
});

test('NaN and Infinity rows fail with INPUT_NOT_FINITE, the finite row is scored', async () => {
  const data = new Float32Array(3 * 784).fill(0.5);
  data[10] = NaN;
  data[784 + 20] = Infinity;
  const keys = ['nan', 'inf', 'fine'];
  const reply = await infer(stack.urls.model, [float32Tensor([3, 28, 28, 1], data)], {
    keys,
    route: { next: [], mode: 'EXACT' },
  });
  assert.deepEqual(accountKeys(keys, reply.keys, reply.errors), {
    missing: [],
    duplicated: [],
    unexpected: [],
  });
  assert.deepEqual(
    reply.errors.map((e) => [e.key, e.code, e.stage]),
    [
      ['nan', 'INPUT_NOT_FINITE', 'model'],
      ['inf', 'INPUT_NOT_FINITE', 'model'],
    ],
  );
  assert.deepEqual(reply.keys, ['fine']);
});
