/**
 * The SDK's `protocol: 'oip'` and the CLI's `--protocol oip` against the real chain behind the
 * gateway: the same labels as tensorhop's own protocol, row errors per key, and `metadata` and
 * `health` reading the `/v2` paths any OIP server has.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { after, before, test } from 'node:test';
import { float32Tensor, inferRequest, isStringTensor, utf8Decode } from '@tensorhop/protocol';
import { classify, oipInferRaw, oipModelUrl, type ClassifyResult } from '@tensorhop/sdk';
import { EXAMPLE_URL } from '../shared/cli/src/up.js';
import { oipExampleBody } from '../shared/cli/src/oip-example.js';
import { startOipChain, type OipChain } from './helpers/oip-chain.js';
import { oipInfer, tensorhopFields } from './helpers/oip-client.js';

const run = promisify(execFile);
let chain: OipChain;
let urls: string[] = [];

before(async () => {
  chain = await startOipChain(4);
  urls = [
    ...chain.origin.digits.map((d) => `${chain.origin.base}${d.path}`),
    `${chain.origin.base}/missing.png`,
  ];
});
after(() => chain.close());

const top = (r: ClassifyResult) => (r.ok ? r.classes[0] : r.code);

test('classify over OIP gives what tensorhop protocol gives, in hybrid and server modes', async () => {
  const gateway = chain.urls.gateway;
  const native = await classify(urls, { gateway, mode: 'hybrid' });
  assert.equal(native.at(-1)?.ok, false);
  for (const mode of ['hybrid', 'server'] as const) {
    const oip = await classify(urls, { gateway, mode, protocol: 'oip' });
    assert.deepEqual(oip.map(top), native.map(top), mode);
    const failed = oip.at(-1) as Extract<ClassifyResult, { ok: false }>;
    assert.deepEqual([failed.code, failed.stage], ['DOWNLOAD_HTTP_STATUS', 'downloader']);
  }
  const bytes = await classify(
    chain.origin.digits.map((d) => new Uint8Array(d.body)),
    { gateway, protocol: 'oip' },
  );
  assert.deepEqual(bytes.map(top), native.slice(0, -1).map(top));
  await assert.rejects(classify(urls, { gateway, mode: 'client', protocol: 'oip' }), { code: 'BAD_REQUEST' });
});

test('oipInferRaw: a tensor to a model by name, binary both ways', async () => {
  const zeros = float32Tensor([2, 28, 28, 1], new Float32Array(2 * 784));
  const request = inferRequest({
    inputs: [zeros],
    inputNames: ['image'],
    keys: ['p', 'q'],
    outputNames: ['classes'],
  });
  const reply = await oipInferRaw(oipModelUrl(chain.urls.gateway, 'mnist', '1'), request);
  assert.equal(reply.status, 200);
  assert.deepEqual(reply.response.keys, ['p', 'q']);
  const classes = reply.response.outputs[0];
  assert.ok(classes && isStringTensor(classes));
  assert.deepEqual(classes.shape, [2, 5]);
  // Two identical rows get identical labels, each a digit.
  const labels = classes.strings.map(utf8Decode);
  assert.deepEqual(labels.slice(0, 5), labels.slice(5));
  assert.ok(labels.every((l) => /^\d$/.test(l)));
  const missing = await oipInferRaw(oipModelUrl(chain.urls.gateway, 'nope'), request);
  assert.equal(missing.status, 404);
  assert.equal(missing.response.errors[0]?.code, 'NOT_FOUND');
});

const cli = (...args: string[]) =>
  run(process.execPath, ['shared/cli/bin/tensorhop.js', ...args, '--gateway', chain.urls.gateway], {
    env: { ...process.env, TENSORHOP_LOG_LEVEL: 'silent' },
  });

test('tensorhop metadata, health and classify with --protocol oip', async () => {
  const meta = JSON.parse((await cli('metadata', 'mnist', '--protocol', 'oip', '--json')).stdout);
  assert.equal(meta.name, 'mnist');
  assert.deepEqual(meta.inputs, [{ name: 'image', datatype: 'FP32', shape: [-1, 28, 28, 1] }]);
  const table = (await cli('metadata', 'downloader', '--protocol', 'oip')).stdout;
  assert.match(table, /input urls\s+BYTES\s+\[-1\]/);
  const health = await cli('health', '--protocol', 'oip');
  assert.match(health.stdout, /: ready \(tensorhop .*binary_tensor_data/);
  const native = await classify(urls.slice(0, 2), { gateway: chain.urls.gateway });
  const lines = (await cli('classify', ...urls.slice(0, 2), '--protocol', 'oip', '--json')).stdout
    .trim()
    .split('\n');
  const got = lines.map((l) => JSON.parse(l) as { key: string; classes?: string[] });
  assert.deepEqual(
    got.map((g) => g.key),
    urls.slice(0, 2),
  );
  assert.deepEqual(
    got.map((g) => g.classes?.[0]),
    native.map(top),
  );
  await assert.rejects(cli('health', '--protocol', 'grpc'), (e: { code: number; stderr: string }) => {
    assert.equal(e.code, 2);
    assert.match(e.stderr, /--protocol must be tensorhop or oip/);
    return true;
  });
});

test('the OIP example `tensorhop up` prints classifies its drawn "1" as 1', async () => {
  const reply = await oipInfer(
    `${chain.urls.gateway}/v2/models/downloader/infer`,
    oipExampleBody(EXAMPLE_URL),
  );
  assert.equal(reply.status, 200);
  assert.deepEqual(tensorhopFields(reply).keys, ['one']);
  assert.equal(reply.json.outputs?.[0]?.data?.[0], '1');
});
