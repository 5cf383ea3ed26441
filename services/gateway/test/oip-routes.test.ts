/**
 * The Open Inference Protocol through the gateway: `/v2/models/{name}` goes to the pool owning the
 * name (the stage pools by their own names, every other name to the model pool) with its path
 * kept; `/v2` and `/v2/health/*` are the gateway's own; refusals on OIP paths are `{"error"}`.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { matchOipRoute } from '../src/oip-routes.js';
import { deadPort, startGateway, startReplica } from './helpers.js';

const closers: (() => Promise<void>)[] = [];
after(async () => {
  for (const close of closers.reverse()) await close();
});

test('model names map to pools, paths are kept', () => {
  assert.deepEqual(matchOipRoute('/v2/models/downloader/infer'), {
    pool: 'downloader',
    path: '/v2/models/downloader/infer',
  });
  assert.deepEqual(matchOipRoute('/v2/models/preprocessor'), {
    pool: 'preprocessor',
    path: '/v2/models/preprocessor',
  });
  assert.deepEqual(matchOipRoute('/v2/models/mnist/versions/1/ready?x=1'), {
    pool: 'model',
    path: '/v2/models/mnist/versions/1/ready?x=1',
  });
  assert.equal(matchOipRoute('/v2/models/'), undefined);
  assert.equal(matchOipRoute('/v2/health/ready'), undefined);
  assert.equal(matchOipRoute('/v1/model'), undefined);
});

test('through the gateway: metadata from the owning pool, own health, keys enforced, errors as {"error"}', async () => {
  const model = await startReplica('m', { name: 'model' });
  closers.push(() => model.service.close());
  const { gateway, url } = await startGateway({
    apiKeys: ['k1'],
    upstreams: { model: model.url, preprocessor: `http://127.0.0.1:${await deadPort()}` },
  });
  closers.push(() => gateway.close());
  const key = { 'x-api-key': 'k1' };
  const get = async (path: string, headers: Record<string, string> = key) => {
    const res = await fetch(`${url}${path}`, { headers });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const server = await get('/v2', {});
  assert.deepEqual(
    [server.status, (server.body.extensions as string[]).includes('binary_tensor_data')],
    [200, true],
  );
  assert.deepEqual(await get('/v2/health/live', {}), { status: 200, body: { live: true } });
  await gateway.checkHealth();
  const ready = await get('/v2/health/ready', {});
  // The gateway's readiness is its own, as every stage's: a pool with no live replica (here the
  // preprocessor's) does not take the gateway out; requests to it get a clear error instead.
  assert.deepEqual([ready.status, ready.body.ready], [200, true]);
  const meta = await get('/v2/models/model');
  assert.deepEqual([meta.status, meta.body.name, meta.body.platform], [200, 'model', 'tensorhop']);
  const unknown = await get('/v2/models/resnet');
  assert.deepEqual([unknown.status, unknown.body.code], [404, 'NOT_FOUND']);
  assert.match(String(unknown.body.error), /unknown model "resnet"/);
  const noKey = await get('/v2/models/model', {});
  assert.deepEqual([noKey.status, noKey.body.code, typeof noKey.body.error], [401, 'UNAUTHORIZED', 'string']);
  const down = await get('/v2/models/preprocessor');
  assert.ok(down.status >= 500, String(down.status));
  assert.equal(typeof down.body.error, 'string');
  const noPool = await get('/v2/models/downloader');
  assert.deepEqual([noPool.status, noPool.body.code], [404, 'NOT_FOUND']);
  const post = await fetch(`${url}/v2/health/live`, { method: 'POST' });
  assert.equal(post.status, 404);
  assert.equal(((await post.json()) as { code: string }).code, 'NOT_FOUND');
});
