/**
 * Found by `npm run bench -- chaos`: when the preprocessor could not read its next hop's metadata
 * (a model replica just SIGKILLed), it fell back to its built-in 224×224×3 and every row then failed
 * at the model with SHAPE_MISMATCH — a permanent answer, written as final by `tensorhop batch`, to a
 * passing failure. Without service defaults the request is now refused as transient
 * (HOP_UNAVAILABLE, Retry-After) before any row is worked on.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import sharp from 'sharp';
import { stringTensor } from '@tensorhop/protocol';
import { type Service } from '@tensorhop/kit';
import { buildInferRequest, inferRaw } from '@tensorhop/sdk';
import { createServer, loadPreprocessorConfig } from '@tensorhop/preprocessor';

let service: Service;
let url: string;
let png: Buffer;

before(async () => {
  // A port that was free a moment ago: the "model" hop refuses connections.
  const closed = http.createServer();
  await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
  const dead = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
  await new Promise((r) => closed.close(r));
  service = createServer(
    loadPreprocessorConfig({
      env: {},
      explicit: { port: 0, logLevel: 'silent', hops: { model: dead }, next: 'model' },
    }),
  );
  url = (await service.listen()).url;
  png = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#888' } })
    .png()
    .toBuffer();
});

after(async () => {
  await service?.close();
});

test('no size and no metadata from the next hop: HOP_UNAVAILABLE before work, not SHAPE_MISMATCH', async () => {
  const reply = await inferRaw(url, buildInferRequest([stringTensor([png, png])], { keys: ['a', 'b'] }));
  assert.equal(reply.status, 502);
  assert.deepEqual(
    reply.response.errors.map((e) => [e.key, e.code, e.stage]),
    [['', 'HOP_UNAVAILABLE', 'model']],
  );
  assert.match(reply.response.errors[0]?.message ?? '', /cannot learn the input size from hop "model"/);
});

test('with a size the rows are worked on, and the failed forward gives each key HOP_UNAVAILABLE', async () => {
  const reply = await inferRaw(
    url,
    buildInferRequest([stringTensor([png, png])], { keys: ['a', 'b'], config: { size: [28, 28] } }),
  );
  assert.equal(reply.status, 502);
  assert.deepEqual(
    reply.response.errors.map((e) => [e.key, e.code, e.stage]),
    [
      ['a', 'HOP_UNAVAILABLE', 'model'],
      ['b', 'HOP_UNAVAILABLE', 'model'],
    ],
  );
});
