/**
 * What the gateway checks before a pool: API keys (401 UNAUTHORIZED), CORS preflights, the body
 * limit (413 by Content-Length and while streaming) and the per-caller rate limit (429 OVERLOADED).
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, describe, test } from 'node:test';
import { inferJson, postJson, startGateway, startPlain, startReplica, type Replica } from './helpers.js';
import type { Gateway } from '../src/server.js';

describe('api keys', () => {
  let replica: Replica, gateway: Gateway, url: string;
  before(async () => {
    replica = await startReplica('a');
    ({ gateway, url } = await startGateway({
      upstreams: { toy: replica.url },
      apiKeys: ['k-one', 's3cret-two'],
    }));
  });
  after(async () => {
    await gateway.close();
    await replica.service.close();
  });

  test('no key: 401 UNAUTHORIZED, and the replica is not called', async () => {
    const reply = await postJson(`${url}/v1/toy`, inferJson([1]));
    assert.equal(reply.status, 401);
    assert.equal(reply.body.errors?.[0]?.code, 'UNAUTHORIZED');
    assert.equal(reply.body.errors?.[0]?.stage, 'gateway');
    assert.equal(replica.calls, 0);
  });

  test('a wrong key: 401', async () => {
    for (const headers of [
      { authorization: 'Bearer k-on' },
      { 'x-api-key': 'k-one-and-more' },
      { authorization: 'k-one' },
    ]) {
      const reply = await postJson(`${url}/v1/toy`, inferJson([1]), headers);
      assert.equal(reply.status, 401, JSON.stringify(headers));
      assert.equal(reply.body.errors?.[0]?.code, 'UNAUTHORIZED');
    }
  });

  test('Authorization: Bearer and x-api-key are accepted; the key is not passed on', async () => {
    assert.equal(
      (await postJson(`${url}/v1/toy`, inferJson([1]), { authorization: 'Bearer k-one' })).status,
      200,
    );
    assert.equal(
      (await postJson(`${url}/v1/toy`, inferJson([1]), { 'x-api-key': 's3cret-two' })).status,
      200,
    );
    assert.equal(replica.calls, 2);
  });

  test('health, readiness and the web page need no key; metrics do', async () => {
    for (const path of ['/healthz', '/readyz', '/'])
      assert.equal((await fetch(url + path)).status, 200, path);
    assert.equal((await fetch(`${url}/metrics`)).status, 401);
    assert.equal((await fetch(`${url}/metrics`, { headers: { 'x-api-key': 'k-one' } })).status, 200);
  });
});

describe('cors, body limit and rate limit', () => {
  let echo: Awaited<ReturnType<typeof startPlain>>;
  let seen: { headers: http.IncomingHttpHeaders; bytes: number }[];
  let gateway: Gateway, url: string;
  before(async () => {
    seen = [];
    echo = await startPlain((req, res) => {
      if (req.url === '/readyz') return void res.end('ok');
      let bytes = 0;
      req.on('data', (c: Buffer) => (bytes += c.length));
      req.on('end', () => {
        seen.push({ headers: req.headers, bytes });
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ bytes }));
      });
    });
    ({ gateway, url } = await startGateway({
      upstreams: { echo: echo.url },
      bodyLimitBytes: 1000,
      corsOrigins: ['https://app.example'],
      rateLimitRps: 5,
      rateLimitBurst: 20,
    }));
  });
  after(async () => {
    await gateway.close();
    await echo.close();
  });

  test('a CORS preflight is answered with the allowed methods and headers', async () => {
    const res = await fetch(`${url}/v1/echo`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://app.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, x-api-key',
      },
    });
    assert.equal(res.status, 204);
    assert.equal(res.headers.get('access-control-allow-origin'), 'https://app.example');
    assert.equal(res.headers.get('access-control-allow-methods'), 'GET, POST, OPTIONS');
    const allowed = res.headers.get('access-control-allow-headers') ?? '';
    for (const h of ['content-type', 'authorization', 'x-api-key']) assert.ok(allowed.includes(h), h);
    assert.ok(res.headers.get('access-control-expose-headers')?.includes('retry-after'));
    assert.equal(seen.length, 0, 'a preflight never reaches a replica');
  });

  test('other origins get no CORS headers; allowed ones get them on proxied replies', async () => {
    const denied = await fetch(`${url}/v1/echo`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    assert.equal(denied.headers.get('access-control-allow-origin'), null);
    const res = await fetch(`${url}/v1/echo`, {
      method: 'POST',
      headers: { origin: 'https://app.example' },
      body: 'hi',
    });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('access-control-allow-origin'), 'https://app.example');
    assert.equal(res.headers.get('vary'), 'Origin');
  });

  test('a body over the limit by Content-Length: 413 PAYLOAD_TOO_LARGE before any replica', async () => {
    const before = seen.length;
    const reply = await postJson(`${url}/v1/echo`, JSON.stringify({ pad: 'x'.repeat(2000) }));
    assert.equal(reply.status, 413);
    assert.equal(reply.body.errors?.[0]?.code, 'PAYLOAD_TOO_LARGE');
    assert.equal(seen.length, before);
  });

  test('a chunked body that grows over the limit while streaming: 413', async () => {
    const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(`${url}/v1/echo`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
      });
      req.on('response', (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      });
      req.on('error', reject);
      let sent = 0;
      const pump = (): void => {
        while (sent < 5000) {
          sent += 500;
          if (!req.write(Buffer.alloc(500, 65))) return void req.once('drain', pump);
        }
        req.end();
      };
      pump();
    });
    assert.equal(status, 413);
    const reply = JSON.parse(body) as { errors: { code: string }[] };
    assert.equal(reply.errors[0]?.code, 'PAYLOAD_TOO_LARGE');
  });

  test('bodies within the limit pass, with x-forwarded-for and a trace id added', async () => {
    const res = await fetch(`${url}/v1/echo`, { method: 'POST', body: Buffer.alloc(999, 1) });
    assert.deepEqual(await res.json(), { bytes: 999 });
    const last = seen.at(-1);
    assert.equal(last?.headers['x-forwarded-for'], '127.0.0.1');
    assert.match(String(last?.headers['x-trace-id']), /^[0-9a-f]{32}$/);
    assert.equal(res.headers.get('x-trace-id'), last?.headers['x-trace-id']);
  });

  test('past the burst, a caller gets 429 OVERLOADED with Retry-After', async () => {
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 30; i++) {
      const res = await fetch(`${url}/v1/echo`, { method: 'POST', body: 'x' });
      statuses.push(res.status);
      if (res.status === 429) {
        retryAfter = res.headers.get('retry-after');
        const reply = (await res.json()) as { errors: { code: string }[] };
        assert.equal(reply.errors[0]?.code, 'OVERLOADED');
      } else await res.arrayBuffer();
    }
    assert.ok(statuses.includes(429));
    assert.ok(statuses.filter((s) => s === 200).length <= 20);
    assert.equal(retryAfter, '1');
  });
});
