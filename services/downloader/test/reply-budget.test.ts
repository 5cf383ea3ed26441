/**
 * Issue 9: downloaded bytes are held until the reply is sent, so they count against the reply's
 * size limit and the process's memory budget. A row that does not fit fails alone with its code;
 * every key still comes back exactly once.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import sharp from 'sharp';
import { accountKeys, stringTensor } from '@tensorhop/protocol';
import { infer } from '@tensorhop/sdk';
import type { Listening, Service } from '@tensorhop/kit';
import { createServer, loadDownloaderConfig } from '../src/server.js';

let service: Service;
let listening: Listening;
let png: Buffer;

before(async () => {
  png = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#3a6' } })
    .png({ compressionLevel: 0 })
    .toBuffer();
  const config = loadDownloaderConfig({
    env: {},
    // Room for three of these images in one reply, no more.
    explicit: { port: 0, logLevel: 'silent', maxReplyBytes: Math.floor(png.length * 3.5) },
  });
  service = createServer(config);
  listening = await service.listen();
});
after(() => service.close());

test('rows past the reply limit fail alone with PAYLOAD_TOO_LARGE, the first ones are delivered', async () => {
  const url = `data:image/png;base64,${png.toString('base64')}`;
  const keys = ['a', 'b', 'c', 'd', 'e'];
  const reply = await infer(listening.url, [stringTensor(keys.map(() => url))], {
    keys,
    route: { next: [], mode: 'EXACT' },
  });
  assert.deepEqual(accountKeys(keys, reply.keys, reply.errors), {
    missing: [],
    duplicated: [],
    unexpected: [],
  });
  assert.deepEqual(reply.keys, ['a', 'b', 'c']);
  assert.deepEqual(
    reply.errors.map((e) => [e.key, e.code, e.stage]),
    [
      ['d', 'PAYLOAD_TOO_LARGE', 'downloader'],
      ['e', 'PAYLOAD_TOO_LARGE', 'downloader'],
    ],
  );
  // The budget was given back: the same request succeeds for its first three rows again.
  const again = await infer(listening.url, [stringTensor(keys.map(() => url))], {
    keys,
    route: { next: [], mode: 'EXACT' },
  });
  assert.deepEqual(again.keys, ['a', 'b', 'c']);
});
