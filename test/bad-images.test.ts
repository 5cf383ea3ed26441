/**
 * A bad-image corpus (issue 9, "Prove it"): truncated JPEG and PNG, zero bytes, decompression bombs,
 * a JPEG/HTML polyglot, SVG and noise, mixed in one batch with good images and odd-but-valid ones
 * (CMYK JPEG, 16-bit PNG, animated GIF). Through the preprocessor and through the whole chain, each
 * bad row gets its own code, and each good row is byte for byte what the image gives when sent alone.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import {
  accountKeys,
  stringTensor,
  type InferResponse,
  type NumericTensor,
  type StringTensor,
} from '@tensorhop/protocol';
import { infer } from '@tensorhop/sdk';
import { drawing, makeCorpus, type CorpusImage } from './helpers/bad-images.js';
import { startServiceProcesses, type ServiceProcesses } from './helpers/service-processes.js';

/** The model's own preprocessing hint, so the chain and the preprocessor alone agree. */
const CONFIG = { size: [28, 28], channels: 1, profile: 'unit', invert: true, fit: 'contain' };
const EXACT = { next: [], mode: 'EXACT' as const };

let corpus: CorpusImage[];
let origin: http.Server;
let base: string;
let stack: ServiceProcesses;

before(async () => {
  corpus = await makeCorpus();
  origin = http.createServer((req, res) => {
    const image = corpus.find((c) => `/c/${c.name}` === req.url);
    if (!image) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': image.type }).end(image.body);
  });
  await new Promise<void>((r) => origin.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(origin.address() as AddressInfo).port}`;
  stack = await startServiceProcesses(29200, { TENSORHOP_DOWNLOADER_RETRIES: '0' });
});

after(async () => {
  await stack?.stop();
  origin?.close();
});

/** key → the bytes of its row in output `name`. */
function rows(reply: InferResponse, name: string): Map<string, Buffer> {
  const t = reply.outputs[reply.outputNames.indexOf(name)] as NumericTensor | StringTensor;
  const out = new Map<string, Buffer>();
  reply.keys.forEach((key, i) => {
    if ('strings' in t) {
      const k = t.shape[1] ?? 1;
      out.set(key, Buffer.concat(t.strings.slice(i * k, (i + 1) * k).map((s) => Buffer.from(s))));
    } else {
      const size = t.data.byteLength / (t.shape[0] as number);
      out.set(key, Buffer.from(t.data.buffer, t.data.byteOffset + i * size, size));
    }
  });
  return out;
}

function assertMixed(
  reply: InferResponse,
  batch: CorpusImage[],
  codeOf: (c: CorpusImage) => string | undefined,
) {
  const keys = batch.map((c) => c.name);
  assert.deepEqual(accountKeys(keys, reply.keys, reply.errors), {
    missing: [],
    duplicated: [],
    unexpected: [],
  });
  const got = new Map(reply.errors.map((e) => [e.key, e.code]));
  for (const c of batch)
    assert.equal(
      got.get(c.name),
      codeOf(c),
      `${c.name}: ${JSON.stringify(reply.errors.find((e) => e.key === c.name))}`,
    );
}

test('through the preprocessor: bad rows fail alone, good rows equal their single requests', async () => {
  const batch = [...corpus].reverse();
  const mixed = await infer(stack.urls.preprocessor, [stringTensor(batch.map((c) => c.body))], {
    keys: batch.map((c) => c.name),
    config: CONFIG,
    route: EXACT,
  });
  assertMixed(mixed, batch, (c) => c.code);
  assert.ok(mixed.errors.every((e) => e.stage === 'preprocessor'));
  const inBatch = rows(mixed, 'tensor');
  for (const c of corpus.filter((x) => !x.code)) {
    const alone = await infer(stack.urls.preprocessor, [stringTensor([c.body])], {
      keys: [c.name],
      config: CONFIG,
      route: EXACT,
    });
    assert.ok(
      rows(alone, 'tensor')
        .get(c.name)
        ?.equals(inBatch.get(c.name) as Buffer),
      `${c.name} differs in the batch`,
    );
  }
  const values = (name: string) => new Float32Array(Uint8Array.from(inBatch.get(name) as Buffer).buffer);
  // First frame only: black, inverted to 1 everywhere (the second frame is white).
  assert.ok(
    values('animated.gif').every((v) => v > 0.99),
    'animated GIF: first frame',
  );
  // 16 bits and CMYK decode like their 8-bit sRGB twins.
  const near = (a: Float32Array, b: Float32Array, tol: number) =>
    a.every((v, i) => Math.abs(v - (b[i] as number)) <= tol);
  assert.ok(near(values('sixteen-bit.png'), values('digit.png'), 2 / 255), '16-bit PNG like the 8-bit one');
  const twin = await drawing('#333', '#ccc').jpeg({ quality: 95 }).toBuffer();
  const twinRow = await infer(stack.urls.preprocessor, [stringTensor([twin])], {
    keys: ['t'],
    config: CONFIG,
    route: EXACT,
  });
  const twinValues = new Float32Array(Uint8Array.from(rows(twinRow, 'tensor').get('t') as Buffer).buffer);
  assert.ok(near(values('cmyk.jpg'), twinValues, 0.1), 'CMYK JPEG like its sRGB twin');
});

test('through the whole chain: the same, from URLs, down to the scores', async () => {
  const batch = [...corpus].reverse();
  const route = { next: ['preprocessor', 'model'], mode: 'EXACT' as const };
  const urls = (b: CorpusImage[]) => stringTensor(b.map((c) => `${base}/c/${c.name}`));
  const mixed = await infer(stack.urls.downloader, [urls(batch)], { keys: batch.map((c) => c.name), route });
  assertMixed(mixed, batch, (c) => CHAIN_CODES[c.name] ?? c.code);
  for (const e of mixed.errors)
    assert.equal(e.stage, e.code.startsWith('DOWNLOAD_') ? 'downloader' : 'preprocessor', e.key);
  const scores = rows(mixed, 'scores');
  const classes = rows(mixed, 'classes');
  for (const c of corpus.filter((x) => !x.code && !CHAIN_CODES[x.name])) {
    const alone = await infer(stack.urls.downloader, [urls([c])], { keys: [c.name], route });
    assert.ok(
      rows(alone, 'scores')
        .get(c.name)
        ?.equals(scores.get(c.name) as Buffer),
      `${c.name}: scores differ`,
    );
    assert.ok(
      rows(alone, 'classes')
        .get(c.name)
        ?.equals(classes.get(c.name) as Buffer),
      `${c.name}: classes differ`,
    );
  }
});

/** Where the downloader refuses a file before the preprocessor sees it: markup and empty bodies. */
const CHAIN_CODES: Record<string, string> = {
  'drawing.svg': 'DOWNLOAD_NOT_IMAGE',
  'empty.png': 'DOWNLOAD_NOT_IMAGE',
};
