/**
 * The default MNIST CNN (a TensorFlow.js Sequential model) converted to ONNX by the project's script
 * gives the original's probabilities (≤ 1e-4 apart) on every held-out digit, served side by side by
 * the model service on the two runtimes.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { after, before, test } from 'node:test';
import { loadMnist } from '../scripts/mnist-data.js';
import { silentLogger } from '../src/logger.js';
import { createModelRuntime, type ModelRuntime } from '../src/index.js';
import { DEFAULT_REPOSITORY } from '../src/repository/repository.js';

const SCRIPT = fileURLToPath(new URL('../scripts/make-mnist-onnx.ts', import.meta.url));
const { test: heldOut } = loadMnist();
let repo: string;
let runtime: ModelRuntime;

before(async () => {
  repo = await mkdtemp(path.join(tmpdir(), 'tensorhop-mnist-onnx-'));
  await cp(path.join(DEFAULT_REPOSITORY, 'mnist'), path.join(repo, 'mnist'), { recursive: true });
  await promisify(execFile)(process.execPath, ['--import', 'tsx', SCRIPT, '--source', repo, '--out', repo]);
  runtime = await createModelRuntime({ repository: repo, backend: 'wasm', logger: silentLogger });
});
after(async () => {
  await runtime?.close();
  await rm(repo, { recursive: true, force: true });
});

test('MNIST in ONNX Runtime gives the TensorFlow.js probabilities on every held-out digit', async (t) => {
  const input = { data: heldOut.images, shape: [heldOut.count, 28, 28, 1] };
  const tfjsModel = runtime.resolve({ model: 'mnist' });
  const onnxModel = runtime.resolve({ model: 'mnist_onnx' });
  assert.equal(onnxModel.format, 'onnx');
  assert.deepEqual(onnxModel.signature.inputs, tfjsModel.signature.inputs);
  const [a, b] = await Promise.all([runtime.infer(tfjsModel, input), runtime.infer(onnxModel, input)]);
  const pa = a.outputs[0]!.data as Float32Array;
  const pb = b.outputs[0]!.data as Float32Array;
  assert.equal(pa.length, heldOut.count * 10);
  assert.equal(pb.length, pa.length);
  let diff = 0;
  for (let i = 0; i < pa.length; i++) diff = Math.max(diff, Math.abs(pa[i]! - pb[i]!));
  assert.ok(diff <= 1e-4, `max abs diff ${diff}`);
  t.diagnostic(`max abs diff over ${heldOut.count} digits: ${diff.toExponential(2)}`);
  assert.deepEqual(b.classes, a.classes);
});
