/**
 * The whole chain as `npm start` runs it (real processes): a local origin serves held-out MNIST
 * digits drawn black on white in PNG, JPEG, WebP and GIF at several sizes, plus broken URLs.
 * Client, server and hybrid sequencing give the same label for every good key and the same code
 * for every bad key, every key comes back exactly once, and accuracy on the good ones is ≥ 97%.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import {
  accountKeys,
  float32Tensor,
  stringTensor,
  type InferResponse,
  type NumericTensor,
  type StringTensor,
} from '@tensorhop/protocol';
import { buildInferRequest, infer, inferRaw, metadata } from '@tensorhop/sdk';
import { loadMnist, PIXELS } from '../services/model/scripts/mnist-data.js';
import { exampleBody } from '../shared/cli/src/up.js';
import { startStackProcess, type StackProcess } from './helpers/stack-process.js';

const PER_DIGIT = 30;
const FORMATS = ['png', 'jpeg', 'webp', 'gif'] as const;
const SIZES = [28, 56, 112];

interface Case {
  key: string;
  url: string;
  label?: number;
  code?: string;
}

async function digitImage(
  pixels: Float32Array,
  format: (typeof FORMATS)[number],
  size: number,
): Promise<Buffer> {
  const gray = Buffer.alloc(PIXELS);
  for (let i = 0; i < PIXELS; i++) gray[i] = Math.round(255 * (1 - (pixels[i] ?? 0))); // black on white
  const img = sharp(gray, { raw: { width: 28, height: 28, channels: 1 } }).resize(size, size, {
    kernel: 'linear',
  });
  return img.toFormat(format).toBuffer();
}

describe('MNIST digits from URLs through the whole chain', { timeout: 300_000 }, () => {
  let origin: http.Server;
  let stack: StackProcess;
  const images = new Map<string, { body: Buffer; type: string }>();
  const cases: Case[] = [];

  before(async () => {
    const { test: held } = loadMnist();
    const perDigit = new Map<number, number>();
    const jobs: Promise<void>[] = [];
    for (let i = 0; i < held.count; i++) {
      const label = held.labels[i] as number;
      const n = perDigit.get(label) ?? 0;
      if (n >= PER_DIGIT) continue;
      perDigit.set(label, n + 1);
      const format = FORMATS[cases.length % FORMATS.length] as (typeof FORMATS)[number];
      const size = SIZES[Math.floor(cases.length / FORMATS.length) % SIZES.length] as number;
      const path = `/digits/${i}.${format}`;
      cases.push({ key: `digit-${i}-${format}-${size}`, url: path, label });
      jobs.push(
        digitImage(held.images.subarray(i * PIXELS, (i + 1) * PIXELS), format, size).then((body) => {
          images.set(path, { body, type: `image/${format}` });
        }),
      );
    }
    await Promise.all(jobs);
    origin = http.createServer((req, res) => {
      const img = images.get(req.url ?? '');
      if (img) return void res.writeHead(200, { 'content-type': img.type }).end(img.body);
      if (req.url === '/slow.png') return void setTimeout(() => res.writeHead(200).end(), 5000);
      if (req.url === '/page.png')
        return void res.writeHead(200, { 'content-type': 'image/png' }).end('<html><body>hi</body></html>');
      if (req.url === '/corrupt.png') {
        return void res
          .writeHead(200, { 'content-type': 'image/png' })
          .end(Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(64, 7)]));
      }
      res.writeHead(404).end('not found');
    });
    await new Promise<void>((r) => origin.listen(0, '127.0.0.1', r));
    const port = (origin.address() as AddressInfo).port;
    for (const c of cases) c.url = `http://127.0.0.1:${port}${c.url}`;
    cases.push(
      { key: 'missing', url: `http://127.0.0.1:${port}/nothing.png`, code: 'DOWNLOAD_HTTP_STATUS' },
      { key: 'slow', url: `http://127.0.0.1:${port}/slow.png`, code: 'DOWNLOAD_TIMEOUT' },
      { key: 'html', url: `http://127.0.0.1:${port}/page.png`, code: 'DOWNLOAD_NOT_IMAGE' },
      { key: 'corrupt', url: `http://127.0.0.1:${port}/corrupt.png`, code: 'IMAGE_DECODE' },
      // 127.0.0.2 is loopback but outside the allowlist: refused before any connection.
      { key: 'blocked', url: `http://127.0.0.2:${port}/digits/0.png`, code: 'DOWNLOAD_BLOCKED' },
      { key: 'scheme', url: 'ftp://127.0.0.1/digit.png', code: 'DOWNLOAD_INVALID_URL' },
    );
    stack = await startStackProcess(18080, {
      TENSORHOP_DOWNLOADER_ALLOW: '127.0.0.1/32',
      TENSORHOP_DOWNLOADER_TIMEOUT_MS: '1500',
      TENSORHOP_DOWNLOADER_RETRIES: '0',
      TENSORHOP_DOWNLOADER_NEXT: 'preprocessor',
    });
  });

  after(async () => {
    const code = await stack?.stop();
    origin?.close();
    assert.equal(code, 0, 'Ctrl-C stops the stack cleanly');
  });

  /** key → label or error code, for one mode; asserts every key came back exactly once. */
  function outcomes(batch: Case[], reply: InferResponse, into: Map<string, string>): void {
    assert.deepEqual(
      accountKeys(
        batch.map((c) => c.key),
        reply.keys,
        reply.errors,
      ),
      { missing: [], duplicated: [], unexpected: [] },
    );
    for (const e of reply.errors) into.set(e.key, e.code);
    if (reply.keys.length === 0) return; // every row failed before the model: nothing to label
    const classes = reply.outputs[reply.outputNames.indexOf('classes')] as StringTensor;
    const k = classes.shape[1] as number;
    reply.keys.forEach((key, row) =>
      into.set(key, Buffer.from(classes.strings[row * k] as Uint8Array).toString()),
    );
  }

  const batches = (): Case[][] => {
    const out: Case[][] = [];
    for (let i = 0; i < cases.length; i += 60) out.push(cases.slice(i, i + 60));
    return out;
  };
  const urls = (batch: Case[]) => stringTensor(batch.map((c) => c.url));
  /** key → label or error code of one mode, computed once whichever test asks first. */
  const once = (run: () => Promise<Map<string, string>>) => {
    let result: Promise<Map<string, string>> | undefined;
    return () => (result ??= run());
  };
  const modes = {
    client: once(async () => {
      const into = new Map<string, string>();
      const model = await metadata(stack.urls.model);
      const shape = model.inputs[0]?.shape ?? [];
      const config = { ...JSON.parse(model.preprocess), size: [shape[1], shape[2]] };
      const exact = { route: { next: [], mode: 'EXACT' as const } };
      for (const batch of batches()) {
        const r1 = await infer(stack.urls.downloader, [urls(batch)], {
          keys: batch.map((c) => c.key),
          ...exact,
        });
        const r2 = await infer(stack.urls.preprocessor, r1.outputs, { keys: r1.keys, config, ...exact });
        const r3 = await infer(stack.urls.model, r2.outputs, { keys: r2.keys, ...exact });
        outcomes(batch, { ...r3, errors: [...r1.errors, ...r2.errors, ...r3.errors] }, into);
      }
      return into;
    }),
    server: once(async () => {
      const into = new Map<string, string>();
      await Promise.all(
        batches().map(async (batch) => {
          const reply = await infer(stack.urls.downloader, [urls(batch)], { keys: batch.map((c) => c.key) });
          // A batch whose rows all fail early stops early: there is nothing to forward.
          const stages =
            reply.keys.length > 0 ? ['downloader', 'preprocessor', 'model'] : ['downloader', 'preprocessor'];
          assert.deepEqual(
            reply.trace.map((t) => t.stage),
            stages,
          );
          outcomes(batch, reply, into);
        }),
      );
      return into;
    }),
    hybrid: once(async () => {
      const into = new Map<string, string>();
      await Promise.all(
        batches().map(async (batch) => {
          const reply = await infer(`${stack.urls.gateway}/v1/downloader`, [urls(batch)], {
            keys: batch.map((c) => c.key),
            route: { next: ['preprocessor', 'model'], mode: 'EXACT' },
          });
          outcomes(batch, reply, into);
        }),
      );
      return into;
    }),
  };

  /** Every bad row carries its code, and the good ones are right ≥ 97% of the time. */
  function checkMode(name: string, got: Map<string, string>): void {
    for (const c of cases) if (c.code) assert.equal(got.get(c.key), c.code, `${name}: ${c.key}`);
    const good = cases.filter((c) => c.label !== undefined);
    const right = good.filter((c) => got.get(c.key) === String(c.label)).length;
    const accuracy = right / good.length;
    console.log(
      `${name}: accuracy on ${good.length} held-out digits from URLs: ${(accuracy * 100).toFixed(2)}%`,
    );
    assert.ok(accuracy >= 0.97, `${name}: accuracy ${accuracy}`);
  }

  test('client sequencing: the client calls downloader, preprocessor and model itself', async () => {
    checkMode('client', await modes.client());
  });

  test('server sequencing: each stage forwards to its configured successor', async () => {
    checkMode('server', await modes.server());
  });

  test('hybrid sequencing through the gateway: the downloader runs the hops the client lists', async () => {
    checkMode('hybrid', await modes.hybrid());
  });

  test('the three modes agree on every key', async () => {
    const [client, server, hybrid] = await Promise.all([modes.client(), modes.server(), modes.hybrid()]);
    for (const c of cases) {
      const got = [client.get(c.key), server.get(c.key), hybrid.get(c.key)];
      assert.equal(new Set(got).size, 1, `${c.key}: modes disagree: ${got.join(' / ')}`);
    }
  });

  test('the example npm start prints classifies its drawn "1"', async () => {
    const res = await fetch(`${stack.urls.gateway}/v1/downloader`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(exampleBody()),
    });
    assert.equal(res.status, 200);
    const reply = (await res.json()) as {
      keys: string[];
      outputNames: string[];
      outputTensors: { stringVal?: string[] }[];
    };
    assert.deepEqual(reply.keys, ['one']);
    const classes = reply.outputTensors[reply.outputNames.indexOf('classes')]?.stringVal ?? [];
    assert.equal(Buffer.from(classes[0] ?? '', 'base64').toString(), '1');
    assert.ok(stack.lines.some((l) => l.includes('curl -s') && l.includes('/v1/downloader')));
  });

  test('every service answers GET / with its metadata, and a wrong shape is SHAPE_MISMATCH', async () => {
    for (const [name, url] of Object.entries({
      downloader: stack.urls.downloader,
      preprocessor: stack.urls.preprocessor,
      model: stack.urls.model,
    })) {
      const m = (await (await fetch(url)).json()) as {
        name: string;
        inputs: unknown[];
        preprocess?: string;
        defaultNext?: string;
      };
      assert.equal(m.name, name);
      assert.ok(m.inputs.length >= 1, `${name} lists its inputs`);
      if (name === 'model')
        assert.deepEqual(JSON.parse(m.preprocess ?? ''), {
          profile: 'unit',
          channels: 1,
          invert: true,
          fit: 'contain',
        });
      if (name === 'preprocessor') assert.equal(m.defaultNext, 'model');
    }
    const wrong = await inferRaw(
      stack.urls.model,
      buildInferRequest([float32Tensor([2, 14, 14, 1], new Float32Array(2 * 14 * 14))], {
        route: { mode: 'EXACT' },
      }),
    );
    assert.equal(wrong.status, 400);
    assert.equal(wrong.response.errors[0]?.code, 'SHAPE_MISMATCH');
    assert.match(wrong.response.errors[0]?.message ?? '', /28/);
  });

  test('image bytes sent to the preprocessor go on to its default successor, the model', async () => {
    const c = cases.find((x) => x.label === 3 && x.url.endsWith('.png')) as Case;
    const png = images.get(new URL(c.url).pathname)?.body as Buffer;
    const reply = await infer(stack.urls.preprocessor, [stringTensor([png])], { keys: ['three'] });
    assert.deepEqual(
      reply.trace.map((t) => t.stage),
      ['preprocessor', 'model'],
    );
    const classes = reply.outputs[reply.outputNames.indexOf('classes')] as StringTensor;
    assert.equal(Buffer.from(classes.strings[0] as Uint8Array).toString(), '3');
  });

  test("TF Serving's REST API through the gateway: a b64 digit image is predicted in-process", async () => {
    const c = cases.find((x) => x.label === 7 && x.url.endsWith('.png')) as Case;
    const png = images.get(new URL(c.url).pathname)?.body as Buffer;
    const status = await (await fetch(`${stack.urls.gateway}/v1/models/mnist`)).json();
    assert.equal(
      (status as { model_version_status: { state: string }[] }).model_version_status[0]?.state,
      'AVAILABLE',
    );
    const res = await fetch(`${stack.urls.gateway}/v1/models/mnist:predict`, {
      method: 'POST',
      body: JSON.stringify({ instances: [{ b64: png.toString('base64') }] }),
    });
    assert.equal(res.status, 200);
    const { predictions } = (await res.json()) as { predictions: number[][] | { probabilities: number[] }[] };
    const row = predictions[0] as number[] | { probabilities: number[] };
    const probs = Array.isArray(row) ? row : row.probabilities;
    assert.equal(probs.indexOf(Math.max(...probs)), 7);
    const missing = await fetch(`${stack.urls.gateway}/v1/models/nope`);
    assert.equal(missing.status, 404);
    assert.ok('error' in ((await missing.json()) as object));
  });

  test('scores are probabilities in descending order', async () => {
    const batch = cases.slice(0, 4);
    const reply = await infer(stack.urls.downloader, [urls(batch)], { keys: batch.map((c) => c.key) });
    const scores = reply.outputs[reply.outputNames.indexOf('scores')] as NumericTensor;
    const row = Array.from((scores.data as Float32Array).subarray(0, 5));
    assert.deepEqual(
      row,
      [...row].sort((a, b) => b - a),
    );
    assert.ok((row[0] as number) > 0.5 && (row[0] as number) <= 1);
  });
});
