import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { loadMnist } from '../scripts/mnist-data.js';
import { silentLogger } from '../src/logger.js';
import { createModelRuntime, type ModelRuntime } from '../src/index.js';
import { DEFAULT_REPOSITORY } from '../src/repository/repository.js';

const { test: heldOut } = loadMnist();
let runtime: ModelRuntime;

before(async () => {
  runtime = await createModelRuntime({
    repository: DEFAULT_REPOSITORY,
    backend: 'auto',
    logger: silentLogger,
    only: ['mnist'],
  });
});
after(() => runtime.close());

test('the default model is mnist, served hot on the chosen backend', () => {
  const model = runtime.resolve({});
  assert.equal(model.name, 'mnist');
  assert.deepEqual(model.signature.inputs, [{ name: 'image', shape: [-1, 28, 28, 1], dtype: 'float32' }]);
  assert.deepEqual(model.signature.outputs, [{ name: 'probabilities', shape: [-1, 10], dtype: 'float32' }]);
  assert.equal(model.topK, 5);
  assert.equal(runtime.ready(), true);
  // tfjs-node is an optional dependency that is not installed here: auto says why it skipped it.
  assert.ok(['tensorflow-gpu', 'tensorflow', 'wasm', 'cpu'].includes(runtime.backend.name));
  for (const skipped of runtime.backend.skipped) assert.ok(skipped.reason.length > 0);
});

test('classifies held-out MNIST digits with at least 97% accuracy', async () => {
  const model = runtime.resolve({ model: 'mnist', version: 1 });
  const outcome = await runtime.infer(model, { data: heldOut.images, shape: [heldOut.count, 28, 28, 1] });
  let correct = 0;
  for (let i = 0; i < heldOut.count; i++)
    if (outcome.classes![i]![0] === String(heldOut.labels[i])) correct++;
  const accuracy = correct / heldOut.count;
  assert.ok(accuracy >= 0.97, `accuracy ${accuracy} on ${heldOut.count} held-out digits`);

  // classes [N,5] best first, scores [N,5] matching the probabilities output.
  assert.equal(outcome.k, 5);
  assert.equal(outcome.scores!.length, heldOut.count * 5);
  const probabilities = outcome.outputs[0]!.data;
  const best = Number(outcome.classes![0]![0]);
  assert.equal(outcome.scores![0], probabilities[best]);
  assert.ok(outcome.scores![0]! >= outcome.scores![1]!);
  const sum = Array.from(probabilities.subarray(0, 10)).reduce((a, b) => a + b, 0);
  assert.ok(Math.abs(sum - 1) < 1e-4, 'softmax row sums to 1');
});

test('top_k picks how many classes come back; 0 means none', async () => {
  const model = runtime.resolve({});
  const input = { data: heldOut.images.subarray(0, 784 * 2), shape: [2, 28, 28, 1] };
  const three = await runtime.infer(model, input, { topK: 3 });
  assert.deepEqual(
    three.classes!.map((c) => c.length),
    [3, 3],
  );
  assert.equal(three.scores!.length, 6);
  const none = await runtime.infer(model, input, { topK: 0 });
  assert.equal(none.classes, undefined);
  assert.equal(none.k, 0);
  await assert.rejects(runtime.infer(model, input, { topK: -1 }), { code: 'BAD_REQUEST' });
});

test('a request whose shape does not fit fails as a whole with SHAPE_MISMATCH', async () => {
  const model = runtime.resolve({});
  await assert.rejects(runtime.infer(model, { data: new Float32Array(2 * 784), shape: [2, 784] }), {
    code: 'SHAPE_MISMATCH',
    message: "input 'image' expects shape [-1,28,28,1], got [2,784]",
  });
});
