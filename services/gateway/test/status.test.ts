/**
 * `GET /v1/status`: every pool with its replicas (url, ready, ejected, in flight, replies per
 * second over the last 10 s) and its panic flag, as the status page reads it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Throughput } from '../src/throughput.js';
import type { GatewayStatus } from '../src/status.js';
import { deadPort, inferJson, postJson, startGateway, startReplica, type Replica } from './helpers.js';
import type { Gateway } from '../src/server.js';

describe('/v1/status', () => {
  let a: Replica, b: Replica, gateway: Gateway, url: string, dead: string;
  before(async () => {
    [a, b] = await Promise.all([startReplica('a'), startReplica('b')]);
    b.ready = false;
    dead = `http://127.0.0.1:${await deadPort()}`;
    ({ gateway, url } = await startGateway({ upstreams: { toy: `${a.url},${b.url}`, gone: dead } }));
  });
  after(async () => {
    await gateway.close();
    await Promise.all([a, b].map((r) => r.service.close()));
  });

  test('pools, replicas, readiness, panic and recent throughput', async () => {
    for (let i = 0; i < 30; i++) assert.equal((await postJson(`${url}/v1/toy`, inferJson([i]))).status, 200);
    const res = await fetch(`${url}/v1/status`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/json');
    const status = (await res.json()) as GatewayStatus;
    assert.equal(status.stage, 'gateway');
    assert.equal(status.draining, false);
    assert.equal(status.windowSeconds, 10);
    assert.ok(Math.abs(Date.parse(status.time) - Date.now()) < 5000);
    assert.deepEqual(
      status.pools.map((p) => [p.name, p.ready, p.total, p.panic]),
      [
        ['toy', 1, 2, false],
        ['gone', 0, 1, true],
      ],
    );
    const [ra, rb] = status.pools[0]?.replicas ?? [];
    assert.deepEqual(
      { url: ra?.url, ready: ra?.ready, ejected: ra?.ejected, inflight: ra?.inflight, reason: ra?.reason },
      { url: a.url, ready: true, ejected: false, inflight: 0, reason: '' },
    );
    // 30 replies within the last 10 s, all from a: 3 per second averaged over the window.
    assert.equal(ra?.rps, 3);
    assert.equal(rb?.rps, 0);
    assert.equal(status.pools[0]?.rps, 3);
    assert.equal(rb?.ready, false);
    assert.equal(rb?.reason, '/readyz answered 503');
    const gone = status.pools[1]?.replicas[0];
    assert.equal(gone?.url, dead);
    assert.match(gone?.reason ?? '', /ECONNREFUSED/);
    assert.equal(gone?.ejectedUntil, null);
  });

  test('throughput counts only the last 10 seconds', () => {
    const t = new Throughput(10);
    const start = 1_000_000;
    for (let i = 0; i < 50; i++) t.add(start + i * 100); // 50 replies over 5 s
    assert.equal(t.perSecond(start + 5000), 5);
    assert.equal(t.perSecond(start + 12_000), 2); // the first 3 s (30 replies) have left the window
    assert.equal(t.perSecond(start + 30_000), 0);
  });
});
