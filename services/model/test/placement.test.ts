/** How instances and threads are placed on the cores by default and when asked. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { placeModel } from '../src/runtime/placement.js';

test('ONNX defaults fill the cores without oversubscribing them', () => {
  for (const cores of [1, 2, 3, 8, 64]) {
    const { instances, threads } = placeModel('onnx', '', {}, cores);
    assert.deepEqual([instances, threads], [cores, 1]);
    assert.ok(instances * threads <= cores);
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
