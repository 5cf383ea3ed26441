/**
 * ONNX models in the model service: a classifier built by hand in the test (Gemm, Softmax,
 * ArgMax) served from a bare directory beside a TensorFlow.js model, checked against values
 * computed by hand, over HTTP through the native protocol (JSON mapping) and TF Serving's REST API.
 */
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { createModelRuntime, loadRepository } from '../src/index.js';
import { silentLogger } from '../src/logger.js';
import { inferJson, startModelService, type RunningModel } from './helpers/http-model.js';
import { CLASSES, expectedProbabilities, IN, writeTinyOnnx } from './helpers/onnx-tiny.js';
import { tempRepository, writeScaleModel } from './helpers/tiny-model.js';

const LABELS = ['cat', 'dog', 'bird'];
let repo: string;
let model: RunningModel;

before(async () => {
  repo = await tempRepository();
  await writeTinyOnnx(repo, 'tiny', 1, { labels: LABELS });
  await writeTinyOnnx(repo, 'fixed', 1, { batch: 1, config: { top_k: 0, instances: 1 } });
  await writeScaleModel(repo, 'scale', 1, { scale: 2 });
  model = await startModelService(repo, { backend: 'wasm', default: 'tiny', onnxProvider: 'auto' });
});
after(() => model?.close());

/** Rows of varied values, negative and positive. */
function features(n: number, seed = 1): Float32Array {
  return Float32Array.from({ length: n * IN }, (_, i) => Math.sin(seed * 7.3 + i * 1.7) * 3);
}

function assertClose(actual: number[], expected: number[], tolerance: number): void {
  assert.equal(actual.length, expected.length);
  actual.forEach((v, i) =>
    assert.ok(Math.abs(v - expected[i]!) <= tolerance, `[${i}] ${v} vs ${expected[i]}`),
  );
}

test('a bare directory with model.onnx and labels.txt answers with softmax(xW+b), argmax and top-k labels', async () => {
  const x = features(5);
  const reply = await inferJson(model.url, { name: 'features', shape: [5, IN], data: x });
  assert.equal(reply.status, 200);
  assert.deepEqual(reply.keys, ['0', '1', '2', '3', '4']);
  const expected = expectedProbabilities(x);
  assert.deepEqual(reply.outputs.probabilities!.shape, [5, CLASSES]);
  assertClose(reply.outputs.probabilities!.values as number[], expected.flat(), 1e-6);
  const argmax = expected.map((row) => row.indexOf(Math.max(...row)));
  assert.deepEqual(reply.outputs.best!.values, argmax);
  // labels.txt without tensorhop.json: classes and scores with the default k (5, capped at 3 classes).
  assert.deepEqual(reply.outputs.classes!.shape, [5, CLASSES]);
  expected.forEach((row, r) => {
    const order = [0, 1, 2].sort((a, b) => row[b]! - row[a]!);
    assert.deepEqual(
      reply.outputs.classes!.values.slice(r * 3, r * 3 + 3),
      order.map((c) => LABELS[c]),
    );
    assertClose(
      (reply.outputs.scores!.values as number[]).slice(r * 3, r * 3 + 3),
      order.map((c) => row[c]!),
      1e-6,
    );
  });
});

test('concurrent one-row requests are batched together and each gets its own row back', async () => {
  const inputs = Array.from({ length: 16 }, (_, i) => features(1, i + 10));
  const replies = await Promise.all(
    inputs.map((x) => inferJson(model.url, { name: 'features', shape: [1, IN], data: x }, { top_k: 1 })),
  );
  replies.forEach((reply, i) => {
    assertClose(reply.outputs.probabilities!.values as number[], expectedProbabilities(inputs[i]!)[0]!, 1e-6);
    assert.deepEqual(reply.outputs.classes!.shape, [1, 1]);
  });
});

test('a tensor that does not fit the graph fails as a whole with SHAPE_MISMATCH', async () => {
  for (const shape of [
    [2, IN + 1],
    [2, 2, 2],
  ]) {
    const size = shape.reduce((a, b) => a * b, 1);
    const reply = await inferJson(model.url, { name: 'features', shape, data: new Float32Array(size) });
    assert.equal(reply.status, 400);
    assert.equal(reply.errors[0]?.code, 'SHAPE_MISMATCH');
    assert.match(reply.errors[0]!.message, /features.*\[-1,4\]/);
  }
});

test('a graph exported with a batch of 1 still serves several rows', async () => {
  const x = features(3, 5);
  const reply = await inferJson(model.url, { name: 'features', shape: [3, IN], data: x }, { model: 'fixed' });
  assert.equal(reply.status, 200);
  assertClose(reply.outputs.probabilities!.values as number[], expectedProbabilities(x).flat(), 1e-6);
  assert.equal(reply.outputs.classes, undefined); // no labels, top_k 0
});

test('metadata names the graph signature and the runtime; the TF.js model beside it keeps its own', async () => {
  const meta = (await (await fetch(model.url)).json()) as {
    server: string;
    description: string;
    inputs: { name: string; shape: string[]; type: string }[];
    outputs: { name: string; type: string }[];
  };
  assert.match(meta.server, /backend onnxruntime-(cpu|cuda)/);
  assert.equal(meta.description, 'tiny'); // a bare directory has no description of its own
  assert.deepEqual(meta.inputs, [{ name: 'features', description: '', shape: ['-1', '4'], type: 'FLOAT32' }]);
  assert.deepEqual(
    meta.outputs.map((o) => [o.name, o.type]),
    [
      ['probabilities', 'FLOAT32'],
      ['best', 'INT32'],
      ['classes', 'STRING'],
      ['scores', 'FLOAT32'],
    ],
  );
  const tf = (await (await fetch(`${model.url}/v1/models/scale/metadata`)).json()) as {
    metadata: { tensorhop: { backend: string } };
  };
  assert.equal(tf.metadata.tensorhop.backend, 'wasm');
  const onnx = (await (await fetch(`${model.url}/v1/models/tiny/metadata`)).json()) as {
    metadata: { tensorhop: { backend: string; runtime: { skipped: { name: string; reason: string }[] } } };
  };
  const { backend, runtime } = onnx.metadata.tensorhop;
  // `auto` prefers CUDA; where its provider library is absent the skip says why.
  if (backend === 'onnxruntime-cpu') {
    const cuda = runtime.skipped.find((s) => s.name === 'onnxruntime-cuda');
    assert.ok(cuda && cuda.reason.length > 10, JSON.stringify(runtime));
  } else assert.equal(backend, 'onnxruntime-cuda');
});

test("TF Serving's REST API predicts with the ONNX model in row and columnar formats", async () => {
  const x = features(2, 3);
  const rows = [Array.from(x.subarray(0, IN)), Array.from(x.subarray(IN))];
  const expected = expectedProbabilities(x);
  const post = (body: object) =>
    fetch(`${model.url}/v1/models/tiny:predict`, { method: 'POST', body: JSON.stringify(body) });
  const byRow = (await (await post({ instances: rows })).json()) as {
    predictions: { probabilities: number[]; best: number; classes: string[] }[];
  };
  byRow.predictions.forEach((p, i) => {
    assertClose(p.probabilities, expected[i]!, 1e-6);
    assert.equal(p.classes[0], LABELS[expected[i]!.indexOf(Math.max(...expected[i]!))]);
  });
  const columnar = (await (await post({ inputs: { features: rows }, top_k: 0 })).json()) as {
    outputs: { probabilities: number[][]; best: number[] };
  };
  assertClose(columnar.outputs.probabilities.flat(), expected.flat(), 1e-6);
  assert.equal(columnar.outputs.best.length, 2);
  const bad = await post({ instances: [[1, 2, 3]] });
  assert.equal(bad.status, 400);
  assert.match(((await bad.json()) as { error: string }).error, /shape \[4\]/);
});

test('/metrics says what runs each model, with instances and threads', async () => {
  const text = await (await fetch(`${model.url}/metrics`)).text();
  assert.match(
    text,
    /tensorhop_model_runtime_info\{model="tiny",version="1",runtime="onnxruntime-(cpu|cuda)",instances="\d+",threads="\d+"/,
  );
  assert.match(
    text,
    /tensorhop_model_runtime_info\{model="scale",version="1",runtime="wasm",instances="\d+",threads="1"/,
  );
  assert.match(text, /tensorhop_model_backend_info\{backend="onnxruntime-(cpu|cuda)"/);
  // tensorhop.json's `instances` beside a bare graph; threads then fill the cores.
  assert.match(
    text,
    /tensorhop_model_runtime_info\{model="fixed",version="1",runtime="onnxruntime-(cpu|cuda)",instances="1",threads="\d+"/,
  );
});

test('threads and instances are configurable; the runtime reports them', async () => {
  const runtime = await createModelRuntime({
    repository: repo,
    only: ['tiny'],
    logger: silentLogger,
    instances: 1,
    onnx: { provider: 'cpu', threads: 2 },
  });
  try {
    const info = runtime.resolve({});
    assert.equal(info.runtime.name, 'onnxruntime-cpu');
    assert.deepEqual([info.instances, info.threads, info.runtime.detail], [1, 2, '2 threads']);
    assert.deepEqual(info.runtime.skipped, []); // 'cpu' asks for the CPU only
  } finally {
    await runtime.close();
  }
});

test("provider 'cuda' alone either runs on CUDA or fails to load saying why", async () => {
  const attempt = createModelRuntime({
    repository: repo,
    only: ['tiny'],
    logger: silentLogger,
    instances: 1,
    onnx: { provider: 'cuda', threads: 1 },
  });
  const outcome = await attempt.then(
    async (runtime) => {
      const name = runtime.resolve({}).runtime.name;
      await runtime.close();
      return name;
    },
    (error: Error) => error.message,
  );
  if (outcome !== 'onnxruntime-cuda') {
    assert.match(outcome, /no ONNX Runtime provider for 'cuda' opens the model \(onnxruntime-cuda: .{10,}\)/);
  }
});

test('a broken model.onnx fails to load naming the model; model.json beside model.onnx is refused', async () => {
  const broken = await tempRepository();
  await mkdir(path.join(broken, 'junk', '1'), { recursive: true });
  await writeFile(path.join(broken, 'junk', '1', 'model.onnx'), 'not a protobuf');
  await assert.rejects(
    createModelRuntime({ repository: broken, logger: silentLogger, instances: 1 }),
    /model junk version 1: .*(protobuf|parse|load)/i,
  );
  const both = await tempRepository();
  const dir = await writeScaleModel(both, 'twice', 1);
  await writeTinyOnnx(both, 'twice', 1);
  await assert.rejects(loadRepository(both), new RegExp(`${dir}: holds both model.json and model.onnx`));
});
