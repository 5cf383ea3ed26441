/**
 * Headers through the proxy, both ways: what the replica receives (Host names the replica, the
 * client's end-to-end headers kept, hop-by-hop ones and the caller's key taken off, the trace id and
 * X-Forwarded-For added) and what the client receives (the replica's headers with duplicates kept,
 * its connection headers dropped, the gateway's trace id, CORS and drain headers in place of the
 * replica's), for a fixed-length and a chunked reply.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import { after, describe, test } from 'node:test';
import { requestHeaders, replyHeaders } from '../src/proxy.js';
import { startGateway, startPlain } from './helpers.js';

interface Seen {
  rawHeaders: string[];
  headers: http.IncomingHttpHeaders;
  url: string;
  body: string;
}

function send(
  url: string,
  headers: http.OutgoingHttpHeaders,
  body = 'hello',
): Promise<{ status: number; rawHeaders: string[]; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', headers, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          rawHeaders: res.rawHeaders,
          headers: res.headers,
          body: text,
        }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('headers through the gateway', () => {
  const seen: Seen[] = [];
  const closers: (() => Promise<void>)[] = [];
  after(async () => {
    for (const close of closers.reverse()) await close();
  });

  async function setUp(chunked: boolean): Promise<{ gatewayUrl: string; replicaHost: string }> {
    const replica = await startPlain((req, res) => {
      if (req.url === '/readyz' || req.url === '/healthz') return void res.end('{"ready":true}');
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (d: string) => (body += d));
      req.on('end', () => {
        seen.push({ rawHeaders: req.rawHeaders, headers: req.headers, url: req.url ?? '', body });
        const head: string[] = ['content-type', 'text/plain', 'x-twice', 'one', 'x-twice', 'two'];
        head.push('x-trace-id', 'from-the-replica', 'keep-alive', 'timeout=5');
        if (!chunked) head.push('content-length', String(Buffer.byteLength(`echo ${body}`)));
        res.writeHead(201, head);
        res.end(`echo ${body}`);
      });
    });
    closers.push(replica.close);
    const { gateway, url } = await startGateway({
      upstreams: { echo: replica.url },
      apiKeys: ['k-1'],
      corsOrigins: ['https://app.example'],
    });
    closers.push(() => gateway.close());
    return { gatewayUrl: url, replicaHost: new URL(replica.url).host };
  }

  for (const chunked of [false, true]) {
    test(`a ${chunked ? 'chunked' : 'fixed-length'} reply`, async () => {
      const { gatewayUrl, replicaHost } = await setUp(chunked);
      seen.length = 0;
      const reply = await send(`${gatewayUrl}/v1/echo/path?q=1`, {
        'x-api-key': 'k-1',
        'x-custom': 'kept',
        origin: 'https://app.example',
        connection: 'keep-alive, x-hop',
        'x-hop': 'dropped',
        te: 'trailers',
        'content-type': 'text/plain',
        'x-trace-id': 'trace-abc',
      });
      assert.equal(reply.status, 201);
      assert.equal(reply.body, 'echo hello');
      const [req] = seen;
      assert.ok(req, 'the replica got the request');
      assert.equal(req.url, '/path?q=1');
      assert.equal(req.body, 'hello');
      assert.equal(req.headers.host, replicaHost);
      assert.equal(req.headers['x-custom'], 'kept');
      assert.equal(req.headers['x-trace-id'], 'trace-abc');
      assert.equal(req.headers['x-forwarded-for'], '127.0.0.1');
      for (const gone of ['x-api-key', 'x-hop', 'te']) assert.equal(req.headers[gone], undefined, gone);
      assert.equal(req.headers.connection, 'keep-alive');
      // The client's view: the replica's duplicates kept, its connection headers and trace id replaced.
      const names = reply.rawHeaders.filter((_, i) => i % 2 === 0).map((n) => n.toLowerCase());
      assert.equal(names.filter((n) => n === 'x-twice').length, 2);
      assert.equal(names.filter((n) => n === 'x-trace-id').length, 1);
      assert.equal(reply.headers['x-trace-id'], 'trace-abc');
      assert.equal(reply.headers['keep-alive'] === 'timeout=5', false);
      assert.equal(reply.headers['access-control-allow-origin'], 'https://app.example');
      assert.equal(reply.headers.vary, 'Origin');
      if (chunked) assert.equal(reply.headers['transfer-encoding'], 'chunked');
      else assert.equal(reply.headers['content-length'], '10');
    });
  }
});

describe('header lists', () => {
  test('requestHeaders puts Host first and drops the client’s Host and Connection', () => {
    const flat = requestHeaders(
      { host: 'gw:8080', connection: 'keep-alive', accept: 'a', 'set-x': ['1', '2'] },
      'r:1',
    );
    assert.deepEqual(flat, ['host', 'r:1', 'accept', 'a', 'set-x', '1', 'set-x', '2']);
  });

  test('replyHeaders drops hop-by-hop headers and lets the gateway’s own win', () => {
    const flat = replyHeaders(
      ['Content-Type', 'x', 'Connection', 'keep-alive', 'X-Trace-Id', 'r', 'Vary', 'Accept'],
      ['x-trace-id', 'g', 'connection', 'close'],
    );
    assert.deepEqual(flat, ['content-type', 'x', 'vary', 'Accept', 'x-trace-id', 'g', 'connection', 'close']);
    const varied = replyHeaders(['Vary', 'Accept-Encoding'], ['vary', 'Origin']);
    assert.deepEqual(varied, ['vary', 'Accept-Encoding', 'vary', 'Origin']);
  });
});
