/**
 * The gateway's routes for its web page: `GET /v1/status` (the pools as JSON, from their real
 * state: readiness, in-flight requests, replies per second) and the built page's static files
 * with their CSP and caching; a gateway whose page was not built says how to build it.
 */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Gateway } from '../src/server.js';
import { loadWebAssets } from '../src/web-page.js';
import { startGateway, startReplica, until, type Replica } from './helpers.js';

interface Status {
  stage: string;
  draining: boolean;
  pools: {
    name: string;
    ready: number;
    total: number;
    inflight: number;
    rps: number;
    replicas: { url: string; ready: boolean; ejected: boolean; inflight: number; reason?: string }[];
  }[];
}

describe('page routes', () => {
  let a: Replica, b: Replica, c: Replica, gateway: Gateway, url: string;
  const status = async (): Promise<Status> => (await (await fetch(`${url}/v1/status`)).json()) as Status;

  before(async () => {
    [a, b, c] = await Promise.all([startReplica('a'), startReplica('b'), startReplica('c')]);
    ({ gateway, url } = await startGateway({ upstreams: { toy: `${a.url},${b.url}`, other: c.url } }));
    await until(() => gateway.pools.get('toy')?.readyCount() === 2);
  });
  after(async () => {
    await gateway?.close();
    await Promise.all([a, b, c].map((r) => r?.service.close()));
  });

  test('a replica that stops answering turns not ready in the status, with the reason', async () => {
    c.ready = false;
    try {
      await until(async () => (await status()).pools[1]?.ready === 0, 5000);
      const replica = (await status()).pools[1]?.replicas[0];
      assert.equal(replica?.ready, false);
      assert.match(replica?.reason ?? '', /503/);
    } finally {
      c.ready = true;
    }
  });

  test('/v1/status is the gateway own route even with a query, never a pool named "status"', async () => {
    const res = await fetch(`${url}/v1/status?x=1`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('cache-control'), 'no-store');
  });

  test('the built page: HTML and its hashed assets, with a CSP and long caching for assets', async () => {
    const page = await fetch(`${url}/`);
    assert.equal(page.status, 200);
    const csp = page.headers.get('content-security-policy') ?? '';
    assert.match(csp, /script-src 'self';/);
    assert.match(csp, /img-src 'self' data: blob: http: https:/);
    const html = await page.text();
    const scripts = [...html.matchAll(/src="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]);
    assert.equal(scripts.length, 1, 'one bundled script');
    assert.doesNotMatch(
      html,
      /<script>|cdn|https?:\/\/(?!example)/i,
      'nothing inline, nothing from elsewhere',
    );
    const script = await fetch(`${url}${scripts[0]}`);
    assert.equal(script.headers.get('content-type'), 'text/javascript; charset=utf-8');
    assert.equal(script.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.ok((await script.text()).length > 10_000);
  });

  test('a gateway whose page was not built says how to build it', () => {
    const assets = loadWebAssets(mkdtempSync(join(tmpdir(), 'no-page-')));
    assert.deepEqual([...assets.keys()], ['/']);
    assert.match(assets.get('/')?.body.toString() ?? '', /npm run build/);
  });
});
