/**
 * The SDK against the real local stack (`tensorhop up`, real processes): classify() in client,
 * server and hybrid modes gives the same result for every key, by URL or by image bytes; results
 * keep the input's shape; a request-level error reaches every key it concerns; pipe() agrees with
 * classify() in order; metadata() and infer() by stage name.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  DType,
  classify,
  infer,
  metadata,
  pipe,
  stringTensor,
  type ClassifyResult,
  type KeyedResult,
} from '@tensorhop/sdk';
import { startDigitOrigin, type DigitOrigin } from './helpers/digit-origin.js';
import { startStackProcess, type StackProcess } from './helpers/stack-process.js';

const MODES = ['client', 'server', 'hybrid'] as const;
const short = (r: ClassifyResult | undefined): string => (!r ? 'none' : r.ok ? r.classes[0]! : r.code);

describe('SDK against the local stack', { timeout: 120_000 }, () => {
  let origin: DigitOrigin;
  let stack: StackProcess;
  let gateway: string;
  const urls: string[] = [];
  const expected = new Map<string, string>();

  before(async () => {
    origin = await startDigitOrigin(60);
    for (const d of origin.digits) urls.push(`${origin.base}${d.path}`);
    for (const [path, code] of [
      ['/missing.png', 'DOWNLOAD_HTTP_STATUS'],
      ['/page.png', 'DOWNLOAD_NOT_IMAGE'],
      ['/corrupt.png', 'IMAGE_DECODE'],
    ] as const) {
      urls.push(`${origin.base}${path}`);
      expected.set(`${origin.base}${path}`, code);
    }
    stack = await startStackProcess(28080, {
      TENSORHOP_DOWNLOADER_ALLOW: '127.0.0.1/32',
      TENSORHOP_DOWNLOADER_TIMEOUT_MS: '2000',
      TENSORHOP_DOWNLOADER_RETRIES: '0',
    });
    gateway = stack.urls.gateway;
  });

  after(async () => {
    const code = await stack?.stop();
    await origin?.close();
    assert.equal(code, 0);
  });

  test('the three modes give the same result for every URL; broken ones carry their codes', async () => {
    const byMode = await Promise.all(MODES.map((mode) => classify(urls, { gateway, mode, batchSize: 16 })));
    for (const [i, url] of urls.entries()) {
      const got = byMode.map((results) => results[i]);
      assert.equal(
        new Set(got.map((r) => JSON.stringify(r))).size,
        1,
        `${url}: ${got.map(short).join(' / ')}`,
      );
      if (expected.has(url)) assert.equal(short(got[0]), expected.get(url), url);
    }
    const right = origin.digits.filter((d, i) => short(byMode[2]![i]) === d.label).length;
    assert.ok(right / origin.digits.length >= 0.95, `accuracy ${right}/${origin.digits.length}`);
    const failed = byMode[0]!.find((r) => !r.ok);
    assert.ok(failed && !failed.ok && failed.stage === 'downloader' && failed.message.length > 0);
  });

  test('image bytes skip the downloader and give the same labels, as Buffer, Uint8Array or Blob', async () => {
    const digits = origin.digits.slice(0, 9);
    const viaUrl = await classify(
      digits.map((d) => `${origin.base}${d.path}`),
      { gateway },
    );
    for (const mode of MODES) {
      const inputs = digits.map((d, i) =>
        i % 3 === 0 ? d.body : i % 3 === 1 ? new Uint8Array(d.body) : new Blob([new Uint8Array(d.body)]),
      );
      const viaBytes = await classify(inputs, { gateway, mode });
      assert.deepEqual(viaBytes, viaUrl, mode);
    }
  });

  test('a Map and an object give back the same keys; a bad input fails alone', async () => {
    const [a, b] = origin.digits;
    const map = new Map<string, string | Uint8Array>([
      ['by-url', `${origin.base}${a!.path}`],
      ['by-bytes', b!.body],
      ['empty', ''],
    ]);
    const results = await classify(map, { gateway, topK: 2 });
    assert.deepEqual([...results.keys()], ['by-url', 'by-bytes', 'empty']);
    assert.equal(short(results.get('by-url')), a!.label);
    assert.equal(short(results.get('by-bytes')), b!.label);
    assert.equal(short(results.get('empty')), 'DOWNLOAD_INVALID_URL');
    const r = results.get('by-url');
    assert.ok(r?.ok && r.classes.length === 2 && r.scores[0]! >= r.scores[1]!);
    const obj = await classify({ x: `${origin.base}${a!.path}`, y: 7 as unknown as string }, { gateway });
    assert.equal(short(obj.x), a!.label);
    assert.deepEqual(obj.y.ok ? null : [obj.y.code, obj.y.stage], ['BAD_REQUEST', 'client']);
  });

  test('topK is honoured in every mode (server mode trims the chain default)', async () => {
    for (const mode of MODES) {
      const [r] = await classify([`${origin.base}${origin.digits[3]!.path}`], { gateway, mode, topK: 3 });
      assert.ok(r?.ok && r.classes.length === 3 && r.scores.length === 3, mode);
    }
  });

  test('a request-level error reaches every key it concerns; row errors keep their own codes', async () => {
    const batch = [urls[0]!, urls[1]!, `${origin.base}/missing.png`];
    for (const mode of ['client', 'hybrid'] as const) {
      const results = await classify(batch, { gateway, mode, model: 'no-such-model' });
      assert.equal(short(results[2]), 'DOWNLOAD_HTTP_STATUS', mode);
      for (const r of results.slice(0, 2)) {
        assert.ok(
          !r.ok && r.code === 'NOT_FOUND' && r.stage === 'model' && /no-such-model/.test(r.message),
          mode,
        );
      }
    }
  });

  test('pipe(): ordered and unordered agree with classify()', async () => {
    const reference = await classify(urls, { gateway });
    const items = urls.map((url, i) => ({ key: `k${i}`, input: url }));
    const ordered: KeyedResult[] = [];
    for await (const r of pipe(items, { gateway, batchSize: 7, concurrency: 3, ordered: true }))
      ordered.push(r);
    assert.deepEqual(
      ordered.map(({ key, ...r }) => [key, r]),
      reference.map((r, i) => [`k${i}`, r]),
    );
    const unordered = new Map<string, ClassifyResult>();
    for await (const { key, ...r } of pipe(items, {
      gateway,
      batchSize: 5,
      concurrency: 6,
      mode: 'client',
    })) {
      assert.ok(!unordered.has(key), `${key} twice`);
      unordered.set(key, r);
    }
    assert.deepEqual(
      items.map((i) => unordered.get(i.key)),
      reference,
    );
  });

  test('metadata() and infer() by stage name through the gateway', async () => {
    const model = await metadata('model', { gateway });
    assert.deepEqual(model.inputs[0]?.shape, [-1, 28, 28, 1]);
    assert.equal(JSON.parse(model.preprocess).channels, 1);
    const reply = await infer('downloader', [stringTensor([urls[0]!])], {
      gateway,
      keys: ['only'],
      route: { next: ['preprocessor', 'model'], mode: 'EXACT' },
    });
    assert.deepEqual(reply.keys, ['only']);
    const classes = reply.outputs[reply.outputNames.indexOf('classes')];
    assert.equal(classes?.type, DType.STRING);
    assert.deepEqual(
      reply.trace.map((t) => t.stage),
      ['downloader', 'preprocessor', 'model'],
    );
  });
});
