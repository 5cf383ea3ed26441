/**
 * Open Inference Protocol REST conformance on the real chain and the real MNIST model: requests
 * shaped like the spec's examples and like `tritonclient.http` sends them (binary inputs with
 * binary_data_size, binary_data_output, per-output binary_data, BYTES as 4-byte length-prefixed
 * elements, JSON and binary inputs mixed), hybrid and server sequencing through `parameters`, row
 * errors with every key exactly once, and labels equal to the native protocol's. Every body
 * received is validated against the spec's OpenAPI schema.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { accountKeys, stringTensor, type NumericTensor, type StringTensor } from '@tensorhop/protocol';
import { infer } from '@tensorhop/sdk';
import { startOipChain, type OipChain } from './helpers/oip-chain.js';
import { lengthPrefixed, oipInfer, splitLengthPrefixed, tensorhopFields } from './helpers/oip-client.js';

let chain: OipChain;
let pixels: NumericTensor;
/** Top label of each digit by the native protocol, in digit order. */
let nativeLabels: string[] = [];
const keys = (n: number) => Array.from({ length: n }, (_, i) => `d${i}`);

before(async () => {
  chain = await startOipChain(6);
  const images = stringTensor(chain.origin.digits.map((d) => d.body));
  const meta = (await (await fetch(`${chain.urls.model}/`)).json()) as { preprocess: string };
  const hint = JSON.parse(meta.preprocess) as Record<string, unknown>;
  const config = { ...hint, size: [28, 28] };
  const pre = await infer(chain.urls.preprocessor, { images }, { config, route: { mode: 'EXACT' } });
  pixels = pre.outputs[0] as NumericTensor;
  const native = await infer(chain.urls.model, { image: pixels });
  const classes = native.outputs[native.outputNames.indexOf('classes')] as StringTensor;
  const k = classes.shape[1] as number;
  nativeLabels = chain.origin.digits.map((_, i) =>
    Buffer.from(classes.strings[i * k] as Uint8Array).toString(),
  );
  // The model is good: most labels are right (the origin knows them).
  const right = chain.origin.digits.filter((d, i) => d.label === nativeLabels[i]).length;
  assert.ok(right >= 5, `native protocol got ${right} of 6 digits`);
});

after(() => chain.close());

const n = () => chain.origin.digits.length;
const top = (data: unknown[], k: number) => Array.from({ length: n() }, (_, i) => String(data[i * k]));

test('JSON in the spec example shape (nested data, id, outputs) gives the native labels', async () => {
  const rows = Array.from({ length: n() }, (_, r) =>
    Array.from({ length: 28 }, (_, y) =>
      Array.from({ length: 28 }, (_, x) => [pixels.data[r * 784 + y * 28 + x] as number]),
    ),
  );
  const reply = await oipInfer(`${chain.urls.model}/v2/models/mnist/versions/1/infer`, {
    id: '42',
    inputs: [{ name: 'image', shape: [n(), 28, 28, 1], datatype: 'FP32', data: rows }],
    outputs: [{ name: 'classes' }, { name: 'scores' }],
  });
  assert.equal(reply.status, 200);
  assert.equal(reply.json.id, '42');
  assert.equal(reply.json.model_name, 'mnist');
  assert.equal(reply.json.model_version, '1');
  assert.deepEqual(
    reply.json.outputs?.map((o) => o.name),
    ['classes', 'scores'],
  );
  const [classes, scores] = reply.json.outputs ?? [];
  assert.equal(classes?.datatype, 'BYTES');
  assert.deepEqual(classes?.shape, [n(), 5]);
  assert.deepEqual(top(classes?.data ?? [], 5), nativeLabels);
  assert.equal(scores?.datatype, 'FP32');
  assert.ok((scores?.data as number[]).every((s) => s >= 0 && s <= 1));
  assert.deepEqual(
    tensorhopFields(reply).keys,
    keys(n()).map((_, i) => String(i)),
  );
});

test('tritonclient shape: binary input, one output binary and one JSON, keys echoed', async () => {
  const bytes = Buffer.from(pixels.data.buffer, pixels.data.byteOffset, pixels.data.byteLength);
  const reply = await oipInfer(
    `${chain.urls.model}/v2/models/mnist/infer`,
    {
      inputs: [
        {
          name: 'image',
          shape: [n(), 28, 28, 1],
          datatype: 'FP32',
          parameters: { binary_data_size: bytes.length },
        },
      ],
      outputs: [
        { name: 'probabilities', parameters: { binary_data: true } },
        { name: 'classes', parameters: { binary_data: false } },
      ],
      parameters: { tensorhop_keys: JSON.stringify(keys(n())) },
    },
    [bytes],
  );
  assert.equal(reply.status, 200);
  assert.equal(reply.headers.get('content-type'), 'application/octet-stream');
  const probs = reply.binary.get('probabilities') as Buffer;
  assert.equal(probs.length, n() * 10 * 4);
  const p = new Float32Array(probs.buffer.slice(probs.byteOffset, probs.byteOffset + probs.length));
  const argmax = Array.from({ length: n() }, (_, r) => {
    const row = Array.from(p.subarray(r * 10, r * 10 + 10));
    return String(row.indexOf(Math.max(...row)));
  });
  assert.deepEqual(argmax, nativeLabels);
  assert.deepEqual(top(reply.json.outputs?.[1]?.data ?? [], 5), nativeLabels);
  assert.deepEqual(tensorhopFields(reply).keys, keys(n()));
});

test('binary_data_output: every output binary, BYTES as 4-byte length-prefixed elements', async () => {
  const bytes = Buffer.from(pixels.data.buffer, pixels.data.byteOffset, pixels.data.byteLength);
  const reply = await oipInfer(
    `${chain.urls.model}/v2/models/mnist/infer`,
    {
      inputs: [
        {
          name: 'image',
          shape: [n(), 28, 28, 1],
          datatype: 'FP32',
          parameters: { binary_data_size: bytes.length },
        },
      ],
      outputs: [{ name: 'classes' }],
      parameters: { binary_data_output: true },
    },
    [bytes],
  );
  assert.equal(reply.status, 200);
  const labels = splitLengthPrefixed(reply.binary.get('classes') as Buffer);
  assert.equal(labels.length, n() * 5);
  assert.deepEqual(top(labels, 5), nativeLabels);
});

test('mixed JSON and binary inputs: a binary image and a JSON BYTES tag', async () => {
  const one = Buffer.from(pixels.data.buffer, pixels.data.byteOffset, 784 * 4);
  const reply = await oipInfer(
    `${chain.urls.model}/v2/models/mnist/infer`,
    {
      inputs: [
        { name: 'tag', shape: [1], datatype: 'BYTES', data: ['first digit'] },
        {
          name: 'image',
          shape: [1, 28, 28, 1],
          datatype: 'FP32',
          parameters: { binary_data_size: one.length },
        },
      ],
      outputs: [{ name: 'classes' }],
    },
    [one],
  );
  assert.equal(reply.status, 200);
  assert.equal(reply.json.outputs?.[0]?.data?.[0], nativeLabels[0]);
});

test('hybrid sequencing: URLs as BYTES to the downloader with tensorhop_next, through the gateway', async () => {
  const urls = chain.origin.digits.map((d) => `${chain.origin.base}${d.path}`);
  const all = [...urls, `${chain.origin.base}/missing.png`, `${chain.origin.base}/corrupt.png`];
  const names = [...keys(n()), 'missing', 'corrupt'];
  for (const base of [chain.urls.downloader, chain.urls.gateway]) {
    const reply = await oipInfer(`${base}/v2/models/downloader/infer`, {
      inputs: [{ name: 'urls', shape: [all.length], datatype: 'BYTES', data: all }],
      outputs: [{ name: 'classes' }],
      parameters: { tensorhop_next: 'preprocessor,model', tensorhop_keys: JSON.stringify(names) },
    });
    assert.equal(reply.status, 200);
    const th = tensorhopFields(reply);
    const account = accountKeys(names, th.keys, th.errors);
    assert.deepEqual(account, { missing: [], duplicated: [], unexpected: [] });
    assert.deepEqual(th.keys, keys(n()));
    assert.deepEqual(top(reply.json.outputs?.[0]?.data ?? [], 5), nativeLabels);
    const codes = Object.fromEntries(th.errors.map((e) => [e.key, `${e.stage}:${e.code}`]));
    assert.deepEqual(codes, {
      missing: 'downloader:DOWNLOAD_HTTP_STATUS',
      corrupt: 'preprocessor:IMAGE_DECODE',
    });
    assert.deepEqual(
      th.trace.map((t) => t.stage),
      ['downloader', 'preprocessor', 'model'],
    );
  }
});

test('hops as JSON objects with their config, and a BYTES data: URL in binary form', async () => {
  const png = chain.origin.digits.find((d) => d.path.endsWith('.png')) as {
    body: Buffer;
    label: string;
    path: string;
  };
  const url = `data:image/png;base64,${png.body.toString('base64')}`;
  const part = lengthPrefixed([url]);
  const next = [{ target: 'preprocessor' }, { target: 'model', config: '{"model": "mnist", "top_k": 2}' }];
  const reply = await oipInfer(
    `${chain.urls.gateway}/v2/models/downloader/infer`,
    {
      inputs: [
        { name: 'urls', shape: [1], datatype: 'BYTES', parameters: { binary_data_size: part.length } },
      ],
      parameters: { tensorhop_next: JSON.stringify(next) },
      outputs: [{ name: 'classes' }],
    },
    [part],
  );
  assert.equal(reply.status, 200);
  assert.deepEqual(reply.json.outputs?.[0]?.shape, [1, 2]);
  const index = chain.origin.digits.indexOf(png as (typeof chain.origin.digits)[number]);
  assert.equal(reply.json.outputs?.[0]?.data?.[0], nativeLabels[index]);
});

test('server sequencing: PNG bytes to the preprocessor model, whose default successor is the model', async () => {
  const bodies = chain.origin.digits.map((d) => d.body);
  const part = lengthPrefixed(bodies);
  const reply = await oipInfer(
    `${chain.urls.gateway}/v2/models/preprocessor/infer`,
    {
      inputs: [
        { name: 'images', shape: [n()], datatype: 'BYTES', parameters: { binary_data_size: part.length } },
      ],
      outputs: [{ name: 'classes' }],
    },
    [part],
  );
  assert.equal(reply.status, 200);
  assert.deepEqual(top(reply.json.outputs?.[0]?.data ?? [], 5), nativeLabels);
  assert.deepEqual(
    tensorhopFields(reply).trace.map((t) => t.stage),
    ['preprocessor', 'model'],
  );
});
