import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { after, before, test } from 'node:test';
import express from 'express';
import { loadMnist } from '../scripts/mnist-data.js';
import { silentLogger } from '../src/logger.js';
import { createModelRuntime, type ModelRuntime } from '../src/index.js';
import { DEFAULT_REPOSITORY } from '../src/repository/repository.js';
import { mountTfServingRoutes } from '../src/tfserving/routes.js';
import { drawnDigit, mnistPng } from './helpers/digits.js';

const { test: heldOut } = loadMnist();
let runtime: ModelRuntime;
let server: Server;
let base: string;

before(async () => {
  runtime = await createModelRuntime({
    repository: DEFAULT_REPOSITORY,
    backend: 'wasm',
    instances: 1,
    logger: silentLogger,
    only: ['mnist'],
  });
  const app = express();
  mountTfServingRoutes(app, { runtime, logger: silentLogger });
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/models`;
});
after(async () => {
  server.close();
  await runtime.close();
});

/** The JSON replies, loosely: predictions are objects keyed by output name. */
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function call(path: string, body?: unknown): Promise<{ status: number; json: Json }> {
  const init =
    body === undefined
      ? {}
      : { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body) };
  const res = await fetch(base + path, init);
  return { status: res.status, json: (await res.json()) as Json };
}

/** Held-out digit `row` as nested arrays [28][28][1]. */
function nested(row: number): number[][][] {
  return Array.from({ length: 28 }, (_, y) =>
    Array.from({ length: 28 }, (_, x) => [heldOut.images[row * 784 + y * 28 + x]!]),
  );
}

test('model status as TF Serving gives it', async () => {
  const expected = {
    model_version_status: [
      { version: '1', state: 'AVAILABLE', status: { error_code: 'OK', error_message: '' } },
    ],
  };
  assert.deepEqual(await call('/mnist'), { status: 200, json: expected });
  assert.deepEqual(await call('/mnist/versions/1'), { status: 200, json: expected });
});

test('metadata is a serving_default signature_def', async () => {
  const { status, json } = await call('/mnist/metadata');
  assert.equal(status, 200);
  assert.deepEqual(json.model_spec, { name: 'mnist', signature_name: '', version: '1' });
  const def = json.metadata.signature_def.signature_def.serving_default;
  assert.equal(def.method_name, 'tensorflow/serving/predict');
  assert.deepEqual(def.inputs.image, {
    dtype: 'DT_FLOAT',
    tensor_shape: { dim: ['-1', '28', '28', '1'].map((size) => ({ size, name: '' })), unknown_rank: false },
    name: 'image',
  });
  assert.deepEqual(Object.keys(def.outputs), ['probabilities', 'classes', 'scores']);
  assert.equal(def.outputs.classes.dtype, 'DT_STRING');
  assert.deepEqual(json.metadata.tensorhop.preprocess, {
    profile: 'unit',
    channels: 1,
    invert: true,
    fit: 'contain',
  });
});

test('predict with instances (row format)', async () => {
  const rows = [0, 400, 900];
  const { status, json } = await call('/mnist/versions/1:predict', { instances: rows.map(nested) });
  assert.equal(status, 200);
  assert.equal(json.predictions.length, 3);
  json.predictions.forEach((p: Json, i: number) => {
    assert.equal(p.classes[0], String(heldOut.labels[rows[i]!]));
    assert.equal(p.probabilities.length, 10);
    assert.equal(p.scores.length, 5);
    assert.equal(p.scores[0], Math.max(...p.probabilities));
  });
});

test('predict with inputs (columnar format) and top_k 0 gives the bare output', async () => {
  const { status, json } = await call('/mnist:predict', {
    inputs: { image: [nested(5), nested(6)] },
    top_k: 0,
  });
  assert.equal(status, 200);
  assert.equal(json.outputs.length, 2);
  json.outputs.forEach((probabilities: number[], i: number) => {
    assert.equal(probabilities.indexOf(Math.max(...probabilities)), heldOut.labels[5 + i]);
  });
});

test("predict with b64 images runs the model's preprocessing hint", async () => {
  const images = [
    await drawnDigit('7'),
    await drawnDigit('1', 320, 200),
    await drawnDigit('0'),
    await mnistPng(heldOut, 1200),
  ];
  const instances = images.map((png) => ({ b64: png.toString('base64') }));
  const { status, json } = await call('/mnist:predict', { instances });
  assert.equal(status, 200);
  assert.deepEqual(
    json.predictions.map((p: Json) => p.classes[0]),
    ['7', '1', '0', String(heldOut.labels[1200])],
  );
  const named = await call('/mnist:predict', { inputs: { image: [{ b64: images[0]!.toString('base64') }] } });
  assert.equal(named.json.outputs.classes[0][0], '7');
});

test('unknown models and versions are 404', async () => {
  const model = await call('/nope');
  assert.equal(model.status, 404);
  assert.match(model.json.error, /model 'nope' not found \(models: mnist\)/);
  assert.equal((await call('/mnist/versions/9/metadata')).status, 404);
  assert.equal((await call('/nope:predict', { instances: [nested(0)] })).status, 404);
});

test('bad input is 400 with an error message', async () => {
  const wrongShape = await call('/mnist:predict', { instances: [[1, 2, 3]] });
  assert.equal(wrongShape.status, 400);
  assert.match(
    wrongShape.json.error,
    /row 0: expected nested arrays of shape \[28,28,1\], got length 3 at depth 0/,
  );
  const both = await call('/mnist:predict', { instances: [nested(0)], inputs: [nested(0)] });
  assert.deepEqual(both, {
    status: 400,
    json: {
      error: "request must have exactly one of 'instances' (row format) or 'inputs' (columnar format)",
    },
  });
  assert.equal((await call('/mnist:predict', '{"instances": [')).status, 400);
  assert.equal((await call('/mnist:predict', { instances: [{ b64: 'bm90IGFuIGltYWdl' }] })).status, 400);
  assert.equal((await call('/mnist:predict', { instances: [{ pixels: nested(0) }] })).status, 400);
  assert.equal((await call('/mnist:predict', { instances: [] })).status, 400);
  assert.equal((await fetch(`${base}/mnist:predict`)).status, 405);
});
