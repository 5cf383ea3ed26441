/** How instances and threads are placed on the cores by default and when asked. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { placeModel } from '../src/runtime/placement.js';

test('ONNX defaults: one instance threading over the cores, up to 4 threads, never oversubscribed', () => {
  const expected: Record<number, [number, number]> = {
    1: [1, 1],
    2: [1, 2],
    3: [1, 3],
    4: [1, 4],
    5: [2, 2],
    6: [2, 3],
    8: [2, 4],
    64: [16, 4],
  };
  for (const [cores, [instances, threads]] of Object.entries(expected)) {
    const placed = placeModel('onnx', '', {}, Number(cores));
    assert.deepEqual([placed.instances, placed.threads], [instances, threads], `${cores} cores`);
    assert.ok(placed.instances * placed.threads <= Number(cores));
  }
});

test('ONNX threads follow the instances asked for, and instances the threads asked for', () => {
  assert.deepEqual(placeModel('onnx', '', { instances: 1 }, 8), { instances: 1, threads: 8 });
  assert.deepEqual(placeModel('onnx', '', { instances: 3 }, 8), { instances: 3, threads: 2 });
  assert.deepEqual(placeModel('onnx', '', { onnxThreads: 4 }, 8), { instances: 2, threads: 4 });
  assert.deepEqual(placeModel('onnx', '', { configInstances: 2 }, 8), { instances: 2, threads: 4 });
  // The service's setting wins over tensorhop.json's; both explicit values are kept even if they oversubscribe.
  assert.deepEqual(placeModel('onnx', '', { instances: 4, configInstances: 2, onnxThreads: 4 }, 8), {
    instances: 4,
    threads: 4,
  });
  assert.deepEqual(placeModel('onnx', '', { onnxThreads: 16 }, 8), { instances: 1, threads: 16 });
});

test('TensorFlow.js keeps its rule: one instance on tfjs-node, one per core on wasm', () => {
  assert.deepEqual(placeModel('layers-model', 'tensorflow', {}, 8), { instances: 1, threads: 1 });
  assert.deepEqual(placeModel('graph-model', 'wasm', {}, 8), { instances: 8, threads: 1 });
  assert.deepEqual(placeModel('layers-model', 'wasm', { configInstances: 3 }, 8), {
    instances: 3,
    threads: 1,
  });
});
