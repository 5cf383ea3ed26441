/**
 * Issue 11: a model the request names is first-class, not only the default one. Its metadata is
 * what a metadata request naming it gets; the preprocessor resizes to *its* input when the hop
 * names it; and the SDK's client mode reads *its* preprocessing hint.
 */
import assert from 'node:assert/strict';
import { cp, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import sharp from 'sharp';
import { isStringTensor, stringTensor } from '@tensorhop/protocol';
import { classify, infer, InferError, metadata } from '@tensorhop/sdk';
import type { Listening, Service } from '@tensorhop/kit';
import { createServer as createModel, loadModelConfig, type ModelService } from '@tensorhop/model';
import { createServer as createPreprocessor, loadPreprocessorConfig } from '@tensorhop/preprocessor';
import { fileSystemHandler } from '../services/model/src/tfjs/file-io-handler.js';

let model: ModelService;
let modelAt: Listening;
let preprocessor: Service;
let preprocessorAt: Listening;
let png: Buffer;

/** A second model with another input size than the default mnist's 28×28: 8×8 grey, 2 labels. */
async function writeTiny8(repo: string): Promise<void> {
  await tf.setBackend('cpu');
  const dir = path.join(repo, 'tiny8', '1');
  await mkdir(dir, { recursive: true });
  const m = tf.sequential();
  m.add(tf.layers.flatten({ inputShape: [8, 8, 1] }));
  m.add(tf.layers.dense({ units: 2, activation: 'softmax' }));
  await m.save(fileSystemHandler(path.join(dir, 'model.json')));
  const config = {
    inputs: [{ name: 'pixels', shape: [-1, 8, 8, 1], dtype: 'float32' }],
    preprocess: { profile: 'unit', channels: 1 },
  };
  await writeFile(path.join(dir, 'tensorhop.json'), JSON.stringify(config));
  await writeFile(path.join(dir, 'labels.txt'), 'light\ndark\n');
}

before(async () => {
  const repo = await mkdtemp(path.join(tmpdir(), 'tensorhop-named-'));
  await cp(path.resolve('models/mnist'), path.join(repo, 'mnist'), { recursive: true });
  await writeTiny8(repo);
  model = createModel(
    loadModelConfig({
      env: {},
      explicit: {
        port: 0,
        logLevel: 'silent',
        repository: repo,
        default: 'mnist',
        backend: 'wasm',
        instances: 1,
      },
    }),
  );
  modelAt = await model.listen();
  await model.loaded;
  preprocessor = createPreprocessor(
    loadPreprocessorConfig({
      env: {},
      explicit: { port: 0, logLevel: 'silent', hops: { model: modelAt.url }, next: 'model' },
    }),
  );
  preprocessorAt = await preprocessor.listen();
  png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#202020' } })
    .png()
    .toBuffer();
});
after(async () => {
  await preprocessor?.close();
  await model?.close();
});

test('a metadata request naming a model describes that model; GET /?model= does too; an unknown one is NOT_FOUND', async () => {
  const byDefault = await metadata(modelAt.url);
  assert.deepEqual(byDefault.inputs[0]?.shape, [-1, 28, 28, 1]);
  const named = await metadata(modelAt.url, { config: { model: 'tiny8' } });
  assert.deepEqual(named.inputs[0]?.shape, [-1, 8, 8, 1]);
  assert.match(named.description, /tiny8/);
  const viaGet = (await (await fetch(`${modelAt.url}/?model=tiny8`)).json()) as {
    inputs: { shape: string[] }[];
  };
  assert.deepEqual(viaGet.inputs[0]?.shape.map(Number), [-1, 8, 8, 1]);
  await assert.rejects(
    metadata(modelAt.url, { config: { model: 'nope' } }),
    (e: unknown) => e instanceof InferError && e.code === 'NOT_FOUND' && e.httpStatus === 404,
  );
});

test('the preprocessor resizes to the input of the model its hop names, not the default one', async () => {
  const reply = await infer(preprocessorAt.url, [stringTensor([png])], {
    keys: ['photo'],
    route: { next: [{ target: 'model', config: JSON.stringify({ model: 'tiny8' }) }], mode: 'EXACT' },
  });
  assert.deepEqual(reply.errors, []);
  assert.deepEqual(reply.keys, ['photo']);
  const classes = reply.outputs[reply.outputNames.indexOf('classes')];
  assert.ok(classes && isStringTensor(classes));
  assert.ok(['light', 'dark'].includes(Buffer.from(classes.strings[0] as Uint8Array).toString()));
  // The default model still gets its own 28×28 on the same stage.
  const mnist = await infer(preprocessorAt.url, [stringTensor([png])], { keys: ['d'] });
  assert.deepEqual(mnist.errors, []);
});

test("client sequencing through the SDK reads the named model's hint", async () => {
  const endpoints = {
    preprocessor: preprocessorAt.url,
    model: modelAt.url,
    downloader: 'http://127.0.0.1:9',
  };
  const [result] = await classify([png], { endpoints, mode: 'client', model: 'tiny8', topK: 2 });
  assert.ok(result?.ok, JSON.stringify(result));
  assert.deepEqual([...result.classes].sort(), ['dark', 'light']);
});

test("README's app request over OIP JSON: a base64 photo to the preprocessor, readable labels back", async () => {
  const res = await fetch(`${preprocessorAt.url}/v2/models/preprocessor/infer`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      id: 'photo-1',
      inputs: [
        {
          name: 'images',
          shape: [1],
          datatype: 'BYTES',
          data: [png.toString('base64')],
          parameters: { content_type: 'base64' },
        },
      ],
      parameters: { tensorhop_next: JSON.stringify([{ target: 'model', config: { model: 'tiny8' } }]) },
    }),
  });
  assert.equal(res.status, 200);
  const reply = (await res.json()) as {
    id: string;
    outputs: { name: string; datatype: string; data: unknown[] }[];
    parameters: { tensorhop_keys: string; tensorhop_errors: string };
  };
  assert.equal(reply.id, 'photo-1');
  const classes = reply.outputs.find((o) => o.name === 'classes');
  assert.equal(classes?.datatype, 'BYTES');
  assert.ok(['light', 'dark'].includes(String(classes?.data[0])));
  assert.deepEqual(JSON.parse(reply.parameters.tensorhop_keys), ['0']);
  assert.deepEqual(JSON.parse(reply.parameters.tensorhop_errors), []);
});

test('the repository index (OIP extension) lists every served model, for pickers like the web page', async () => {
  const res = await fetch(`${modelAt.url}/v2/repository/index`, { method: 'POST' });
  assert.equal(res.status, 200);
  const index = (await res.json()) as { name: string; version: string; state: string }[];
  assert.deepEqual(index.map((m) => [m.name, m.version, m.state]).sort(), [
    ['mnist', '1', 'READY'],
    ['tiny8', '1', 'READY'],
  ]);
});
