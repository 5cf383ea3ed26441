/**
 * Keys on internals and limits on guessing: with API keys on, `/metrics`, `/v1/status`, the pool
 * list (`/v1/<unknown>`, a 404's hint) and the detail of `/readyz` need a key, while `/healthz`,
 * the status of `/readyz` and the web page stay open; wrong keys are limited per client (429
 * OVERLOADED with Retry-After, whatever key comes next); an unknown route is 404 NOT_FOUND; every
 * OVERLOADED of the gateway is 429 with Retry-After.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  inferJson,
  metric,
  postJson,
  startGateway,
  startPlain,
  startReplica,
  type Replica,
} from './helpers.js';
import type { Gateway } from '../src/server.js';

const KEY = { 'x-api-key': 'right-key' };
const WRONG = { 'x-api-key': 'wrong-key' };

interface ErrorBody {
  errors: { code: string; message: string; stage: string }[];
}

async function errorOf(res: Response): Promise<{ code: string; message: string }> {
  const body = (await res.json()) as ErrorBody;
  return { code: body.errors[0]?.code ?? '', message: body.errors[0]?.message ?? '' };
}

describe('with API keys on', () => {
  let replica: Replica, gateway: Gateway, url: string;
  before(async () => {
    replica = await startReplica('a');
    ({ gateway, url } = await startGateway({
      upstreams: { toy: replica.url },
      apiKeys: ['right-key'],
      authFailureLimit: 3,
      authFailureWindowMs: 1500,
    }));
  });
  after(async () => {
    await gateway.close();
    await replica.service.close();
  });

  test('/metrics, /v1/status and /v1/<unknown> need a key; with one they answer', async () => {
    for (const path of ['/metrics', '/v1/status', '/v1/nope']) {
      const res = await fetch(url + path);
      assert.equal(res.status, 401, path);
      const error = await errorOf(res);
      assert.equal(error.code, 'UNAUTHORIZED');
      assert.doesNotMatch(error.message, /toy/, 'no pool names without a key');
    }
    assert.equal((await fetch(`${url}/metrics`, { headers: KEY })).status, 200);
    assert.equal((await fetch(`${url}/v1/status`, { headers: KEY })).status, 200);
    const nope = await fetch(`${url}/v1/nope`, { headers: KEY });
    assert.equal(nope.status, 404);
    assert.deepEqual(await errorOf(nope), { code: 'NOT_FOUND', message: 'no pool nope: pools are toy' });
  });

  test('an unknown route is 404 NOT_FOUND; its hint lists the pools only with a key', async () => {
    const open = await fetch(`${url}/no/such/thing`);
    assert.equal(open.status, 404);
    assert.deepEqual(await errorOf(open), { code: 'NOT_FOUND', message: 'no route for GET /no/such/thing' });
    const keyed = await fetch(`${url}/no/such/thing`, { headers: KEY });
    assert.equal(keyed.status, 404);
    const error = await errorOf(keyed);
    assert.equal(error.code, 'NOT_FOUND');
    assert.match(error.message, /pool routes are \/v1\/toy$/);
  });

  test('/healthz and the status of /readyz stay open for probes; its detail needs a key', async () => {
    const health = await fetch(`${url}/healthz`);
    assert.equal(health.status, 200);
    assert.deepEqual(await health.json(), { status: 'ok', stage: 'gateway' });
    const bare = await fetch(`${url}/readyz`);
    assert.equal(bare.status, 200);
    assert.deepEqual(await bare.json(), { ready: true, stage: 'gateway' });
    const detailed = (await (await fetch(`${url}/readyz`, { headers: KEY })).json()) as {
      pools: Record<string, { ready: number; replicas: number; panic: boolean }>;
    };
    assert.deepEqual(detailed.pools, { toy: { ready: 1, replicas: 1, panic: false } });
  });

  test('wrong keys: 401 up to the limit, then 429 with Retry-After even for the right key', async () => {
    const missing = await postJson(`${url}/v1/toy`, inferJson([1]));
    assert.equal(missing.status, 401, 'a missing key is not a guess');
    for (let i = 0; i < 3; i++) {
      const reply = await postJson(`${url}/v1/toy`, inferJson([1]), WRONG);
      assert.equal(reply.status, 401);
    }
    for (const headers of [WRONG, KEY]) {
      const reply = await postJson(`${url}/v1/toy`, inferJson([1]), headers);
      assert.equal(reply.status, 429);
      assert.equal(reply.body.errors?.[0]?.code, 'OVERLOADED');
      assert.match(reply.body.errors?.[0]?.message ?? '', /too many wrong API keys/);
      const retryAfter = Number(reply.headers.get('retry-after'));
      assert.ok(retryAfter >= 1 && retryAfter <= 2, `Retry-After ${retryAfter}`);
    }
    const refused = await fetch(`${url}/metrics`, { headers: KEY });
    assert.equal(refused.status, 429, '/metrics is refused too while the client is');
    assert.equal((await errorOf(refused)).code, 'OVERLOADED');
    // While refused, /readyz gives no detail (it would tell a right key from a wrong one).
    const readyz = (await (await fetch(`${url}/readyz`, { headers: KEY })).json()) as object;
    assert.deepEqual(readyz, { ready: true, stage: 'gateway' });
    await new Promise((r) => setTimeout(r, 1600));
    assert.equal((await postJson(`${url}/v1/toy`, inferJson([1]), KEY)).status, 200);
    const metrics = await (await fetch(`${url}/metrics`, { headers: KEY })).text();
    // Refused: the wrong and the right key above, /metrics and /readyz while refused.
    assert.equal(metric(metrics, 'tensorhop_gateway_refused_total', { reason: 'auth' }), 4);
  });
});

describe('OVERLOADED is 429 with Retry-After', () => {
  test('every replica at its in-flight limit: 429 OVERLOADED naming the pool', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const slow = await startPlain((req, res) => {
      if (req.url === '/readyz') return void res.end('ok');
      req.resume().on('end', () => void held.then(() => res.end('{}')));
    });
    const { gateway, url } = await startGateway({ upstreams: { p: slow.url }, maxInflightPerReplica: 1 });
    try {
      const first = fetch(`${url}/v1/p`, { method: 'POST', body: 'a' });
      await new Promise((r) => setTimeout(r, 100));
      const second = await fetch(`${url}/v1/p`, { method: 'POST', body: 'b' });
      assert.equal(second.status, 429);
      assert.equal(second.headers.get('retry-after'), '1');
      assert.deepEqual(await errorOf(second), {
        code: 'OVERLOADED',
        message: 'pool p: every replica is at its limit',
      });
      release();
      assert.equal((await first).status, 200);
    } finally {
      release();
      await gateway.close();
      await slow.close();
    }
  });
});
