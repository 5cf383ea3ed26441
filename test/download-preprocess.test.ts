/**
 * Downloader → preprocessor in hybrid sequencing: the downloader's row errors and the
 * preprocessor's come back merged in one reply, every key exactly once.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import sharp from 'sharp';
import { accountKeys, stringTensor, type NumericTensor } from '@tensorhop/protocol';
import { type Service } from '@tensorhop/kit';
import { infer } from '@tensorhop/sdk';
import { createServer as createDownloader, loadDownloaderConfig } from '@tensorhop/downloader';
import { createServer as createPreprocessor, loadPreprocessorConfig } from '@tensorhop/preprocessor';

let origin: http.Server;
let base = '';
let downloader: Service;
let preprocessor: Service;
let entry = '';

before(async () => {
  const red = await sharp({
    create: { width: 40, height: 20, channels: 3, background: { r: 255, g: 0, b: 0 } },
  })
    .png()
    .toBuffer();
  const blue = await sharp({
    create: { width: 16, height: 16, channels: 3, background: { r: 0, g: 0, b: 255 } },
  })
    .jpeg()
    .toBuffer();
  origin = http.createServer((req, res) => {
    if (req.url === '/red.png') return void res.writeHead(200, { 'content-type': 'image/png' }).end(red);
    if (req.url === '/blue.jpg') return void res.writeHead(200, { 'content-type': 'image/jpeg' }).end(blue);
    // Bytes that pass the downloader's magic check but do not decode: a PNG signature and nothing else.
    if (req.url === '/broken.png') {
      return void res.writeHead(200, { 'content-type': 'image/png' }).end(red.subarray(0, 40));
    }
    res.writeHead(404).end('missing');
  });
  await new Promise<void>((r) => origin.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(origin.address() as AddressInfo).port}`;
  preprocessor = createPreprocessor(
    loadPreprocessorConfig({ env: {}, explicit: { port: 0, logLevel: 'silent' } }),
  );
  const pp = await preprocessor.listen();
  downloader = createDownloader(
    loadDownloaderConfig({
      env: { TENSORHOP_DOWNLOADER_ALLOW: '127.0.0.0/8' },
      explicit: { port: 0, logLevel: 'silent', hops: { preprocessor: pp.url } },
    }),
  );
  entry = (await downloader.listen()).url;
});

after(async () => {
  await Promise.all([downloader.close(), preprocessor.close()]);
  origin.close();
});

test('hybrid: URLs in, tensors out, with row errors from both stages', async () => {
  const urls = [
    `${base}/red.png`,
    `${base}/missing.png`,
    `${base}/blue.jpg`,
    `${base}/broken.png`,
    'ftp://x/y.png',
  ];
  const keys = ['red', 'missing', 'blue', 'broken', 'ftp'];
  const reply = await infer(entry, [stringTensor(urls)], {
    keys,
    route: {
      next: [{ target: 'preprocessor', config: JSON.stringify({ size: [4, 4], profile: 'raw' }) }],
      mode: 'EXACT',
    },
  });
  assert.deepEqual(reply.keys, ['red', 'blue']);
  const t = reply.outputs[0] as NumericTensor;
  assert.deepEqual(t.shape, [2, 4, 4, 3]);
  assert.deepEqual(Array.from((t.data as Float32Array).subarray(0, 3)), [255, 0, 0]);
  const [b0, b1, b2] = Array.from((t.data as Float32Array).subarray(48, 51)); // JPEG: near, not exact
  assert.ok((b0 as number) < 8 && (b1 as number) < 8 && (b2 as number) > 247, `blue pixel ${b0},${b1},${b2}`);
  const byKey = Object.fromEntries(reply.errors.map((e) => [e.key, [e.code, e.stage]]));
  assert.deepEqual(byKey, {
    missing: ['DOWNLOAD_HTTP_STATUS', 'downloader'],
    ftp: ['DOWNLOAD_INVALID_URL', 'downloader'],
    broken: ['IMAGE_DECODE', 'preprocessor'],
  });
  assert.deepEqual(accountKeys(keys, reply.keys, reply.errors), {
    missing: [],
    duplicated: [],
    unexpected: [],
  });
  assert.deepEqual(
    reply.trace.map((s) => [s.stage, s.rowsIn, s.rowsOut]),
    [
      ['downloader', 5, 3],
      ['preprocessor', 3, 2],
    ],
  );
});

test('the SSRF guard is on by default: loopback is refused without an allowlist', async () => {
  const guarded = createDownloader(
    loadDownloaderConfig({ env: {}, explicit: { port: 0, logLevel: 'silent' } }),
  );
  const url = (await guarded.listen()).url;
  try {
    const reply = await infer(
      url,
      [stringTensor([`${base}/red.png`, 'http://169.254.169.254/latest/meta-data'])],
      {
        route: { mode: 'EXACT' },
      },
    );
    assert.deepEqual(reply.keys, []);
    assert.deepEqual(
      reply.errors.map((e) => e.code),
      ['DOWNLOAD_BLOCKED', 'DOWNLOAD_BLOCKED'],
    );
  } finally {
    await guarded.close();
  }
});
