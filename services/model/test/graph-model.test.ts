import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { test } from 'node:test';
import { silentLogger } from '../src/logger.js';
import { createModelRuntime } from '../src/index.js';

const SCRIPT = fileURLToPath(new URL('../scripts/make-mobilenet.ts', import.meta.url));

test('a graph model (nsfwjs MobileNetV2 "mid", written by make-mobilenet) loads and predicts', async () => {
  const repo = await mkdtemp(path.join(tmpdir(), 'tensorhop-graph-'));
  await promisify(execFile)(process.execPath, [
    '--import',
    'tsx',
    SCRIPT,
    '--variant',
    'mobilenet_v2_mid',
    '--out',
    repo,
  ]);
  const runtime = await createModelRuntime({
    repository: repo,
    backend: 'wasm',
    instances: 1,
    logger: silentLogger,
  });
  try {
    const model = runtime.resolve({});
    assert.equal(model.format, 'graph-model');
    assert.deepEqual(model.signature.inputs, [{ name: 'image', shape: [-1, 224, 224, 3], dtype: 'float32' }]);
    assert.deepEqual(model.signature.outputs, [{ name: 'probabilities', shape: [-1, 5], dtype: 'float32' }]);
    assert.deepEqual(model.preprocess, { profile: 'unit', channels: 3, fit: 'fill' });
    const outcome = await runtime.infer(model, {
      data: new Float32Array(2 * 224 * 224 * 3).fill(0.5),
      shape: [2, 224, 224, 3],
    });
    const probabilities = Array.from(outcome.outputs[0]!.data);
    assert.equal(probabilities.length, 10);
    assert.ok(Math.abs(probabilities.slice(0, 5).reduce((a, b) => a + b, 0) - 1) < 1e-4);
    assert.deepEqual(probabilities.slice(0, 5), probabilities.slice(5)); // same input, same answer
    assert.deepEqual([...outcome.classes![0]!].sort(), ['Drawing', 'Hentai', 'Neutral', 'Porn', 'Sexy']);
  } finally {
    await runtime.close();
    await rm(repo, { recursive: true, force: true }); // 4 MB of weights
  }
});
