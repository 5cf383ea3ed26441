/**
 * OIP metadata, health and errors on every service and through the gateway: `GET /v2` lists
 * `binary_tensor_data`, the stages present themselves as models, and every refusal is
 * `{"error": ...}` with the status of its code in the error table — all validated against the
 * spec's OpenAPI schema. Row errors of a hop that fails keep every key exactly once.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ERROR_STATUS, accountKeys } from '@tensorhop/protocol';
import { startOipChain, type OipChain } from './helpers/oip-chain.js';
import { oipGet, oipInfer, tensorhopFields } from './helpers/oip-client.js';
import { assertOipError, assertOipSchema } from './helpers/oip-schema.js';

let chain: OipChain;
before(async () => {
  chain = await startOipChain(2);
});
after(() => chain.close());

test('GET /v2 and health on every service and on the gateway', async () => {
  for (const base of Object.values(chain.urls)) {
    const server = await oipGet(`${base}/v2`);
    assert.equal(server.status, 200);
    assertOipSchema('metadata_server_response', server.json);
    assert.ok((server.json.extensions as string[]).includes('binary_tensor_data'));
    assert.deepEqual((await oipGet(`${base}/v2/health/live`)).json.live, true);
    const ready = await oipGet(`${base}/v2/health/ready`);
    assert.equal(ready.status, 200, base);
    assert.equal(ready.json.ready, true);
  }
});

test('the stages are models named downloader and preprocessor; the model service serves mnist', async () => {
  const expected = {
    downloader: { input: 'urls', datatype: 'BYTES' },
    preprocessor: { input: 'images', datatype: 'BYTES' },
    mnist: { input: 'image', datatype: 'FP32' },
  };
  for (const [name, io] of Object.entries(expected)) {
    for (const base of [
      chain.urls.gateway,
      name === 'mnist' ? chain.urls.model : chain.urls[name as 'downloader'],
    ]) {
      const meta = await oipGet(`${base}/v2/models/${name}`);
      assert.equal(meta.status, 200, `${base} ${name}`);
      assertOipSchema('metadata_model_response', meta.json);
      const input = (meta.json.inputs as { name: string; datatype: string }[])[0];
      assert.deepEqual({ input: input?.name, datatype: input?.datatype }, io);
      const ready = await oipGet(`${base}/v2/models/${name}/ready`);
      assert.deepEqual(ready, { status: 200, json: { name, ready: true } });
    }
  }
  const versioned = await oipGet(`${chain.urls.gateway}/v2/models/mnist/versions/1`);
  assert.deepEqual(versioned.json.versions, ['1']);
  assert.equal(versioned.json.platform, 'tensorflowjs_layers');
  const hint = (versioned.json.properties as Record<string, string>).tensorhop_preprocess ?? '';
  assert.deepEqual(JSON.parse(hint), { profile: 'unit', channels: 1, invert: true, fit: 'contain' });
});

const image = (rows: number) => ({
  name: 'image',
  shape: [rows, 28, 28, 1],
  datatype: 'FP32',
  data: new Array<number>(rows * 784).fill(0),
});

test('refusals are {"error"} with the status of their code', async () => {
  const model = `${chain.urls.model}/v2/models/mnist/infer`;
  const cases: [string, unknown, string, Buffer[]?, Record<string, string>?][] = [
    [`${chain.urls.model}/v2/models/nope/infer`, { inputs: [image(1)] }, 'NOT_FOUND'],
    [`${chain.urls.gateway}/v2/models/mnist/versions/7/infer`, { inputs: [image(1)] }, 'NOT_FOUND'],
    [model, { inputs: [{ ...image(1), datatype: 'BF16' }] }, 'BAD_REQUEST'],
    [model, { inputs: [{ ...image(2), data: [1, 2, 3] }] }, 'BAD_REQUEST'],
    [model, { inputs: [{ ...image(1), data: new Array(784).fill('x') }] }, 'BAD_REQUEST'],
    [
      model,
      { inputs: [{ name: 'image', shape: [5000, 28, 28, 1], datatype: 'FP32', data: [] }] },
      'PAYLOAD_TOO_LARGE',
    ],
    [model, { inputs: [{ name: 'image', shape: [1e6, 1e6], datatype: 'FP32', data: [] }] }, 'BAD_REQUEST'],
    [
      model,
      { inputs: [{ ...image(1), shape: [1, 28, 28, 3], data: new Array(2352).fill(0) }] },
      'SHAPE_MISMATCH',
    ],
    [model, { inputs: [image(1)], parameters: { tensorhop_next: 'elsewhere' } }, 'UNKNOWN_HOP'],
    [model, { inputs: [image(1)], parameters: { tensorhop_mode: 'SOMETIMES' } }, 'BAD_REQUEST'],
    [model, { inputs: [image(1)], outputs: [{ name: 'colour' }] }, 'BAD_REQUEST'],
    [
      model,
      {
        inputs: [
          { name: 'image', shape: [1, 28, 28, 1], datatype: 'FP32', parameters: { binary_data_size: 99 } },
        ],
      },
      'BAD_REQUEST',
      [Buffer.alloc(784 * 4)],
    ],
    [
      model,
      {
        inputs: [
          {
            name: 'image',
            shape: [1, 28, 28, 1],
            datatype: 'FP32',
            parameters: { binary_data_size: 784 * 4 },
          },
        ],
      },
      'BAD_REQUEST',
      [Buffer.alloc(784 * 4 + 3)],
    ],
    [
      `${chain.urls.downloader}/v2/models/downloader/infer`,
      { inputs: [{ name: 'urls', shape: [1], datatype: 'BYTES', parameters: { binary_data_size: 9 } }] },
      'BAD_REQUEST',
      [Buffer.from([200, 0, 0, 0, 1, 2, 3, 4, 5])],
    ],
  ];
  for (const [url, body, code, parts, headers] of cases) {
    const reply = await oipInfer(url, body, parts, headers);
    assert.equal(
      reply.status,
      ERROR_STATUS[code as keyof typeof ERROR_STATUS],
      `${code}: ${JSON.stringify(reply.json)}`,
    );
    assertOipError(reply.json, code);
  }
  const notJson = await fetch(`${chain.urls.gateway}/v2/models/mnist/infer`, {
    method: 'POST',
    body: '{"inputs": [',
  });
  assert.equal(notJson.status, 400);
  assertOipError(await notJson.json(), 'BAD_REQUEST');
  for (const base of [chain.urls.model, chain.urls.gateway]) {
    const missing = await fetch(`${base}/v2/nothing-here`);
    assert.equal(missing.status, 404);
    assertOipError(await missing.json(), 'NOT_FOUND');
  }
});

test('a hop that fails after rows were worked: every key comes back, with the hop code', async () => {
  const urls = chain.origin.digits.map((d) => `${chain.origin.base}${d.path}`);
  const keys = ['a', 'b', 'gone'];
  const saved = chain.downloader.config.hops;
  chain.downloader.config.hops = { ...saved, preprocessor: 'http://127.0.0.1:9' };
  try {
    const reply = await oipInfer(`${chain.urls.downloader}/v2/models/downloader/infer`, {
      inputs: [{ name: 'urls', shape: [3], datatype: 'BYTES', data: [...urls, 'ftp://x/y.png'] }],
      parameters: { tensorhop_next: '["preprocessor", "model"]', tensorhop_keys: JSON.stringify(keys) },
    });
    assert.equal(reply.status, ERROR_STATUS.HOP_UNAVAILABLE);
    assertOipSchema('inference_response', reply.json);
    assert.match(reply.json.error ?? '', /HOP_UNAVAILABLE/);
    const th = tensorhopFields(reply);
    assert.deepEqual(accountKeys(keys, th.keys, th.errors), { missing: [], duplicated: [], unexpected: [] });
    const codes = Object.fromEntries(th.errors.map((e) => [e.key, e.code]));
    assert.deepEqual(codes, { a: 'HOP_UNAVAILABLE', b: 'HOP_UNAVAILABLE', gone: 'DOWNLOAD_INVALID_URL' });
  } finally {
    chain.downloader.config.hops = saved;
  }
});
