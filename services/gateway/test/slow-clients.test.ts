/**
 * Slow clients cannot hold slots. 300 sockets from one client each declare a 1 MB body and trickle
 * a byte now and then (a slowloris): the gateway accepts `maxConnectionsPerClient` of them and
 * answers the rest 429 OVERLOADED with Retry-After, closes the accepted ones when their request
 * deadline passes (408), and none of them ever occupies a replica, so another client's requests
 * keep succeeding throughout. Deadlines are scaled down (1 s headers, 2 s request) to keep it short.
 */
import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, test } from 'node:test';
import http from 'node:http';
import {
  floats,
  inferJson,
  postJson,
  startGateway,
  startPlain,
  startReplica,
  type Replica,
} from './helpers.js';
import { loadGatewayConfig, type Gateway } from '../src/server.js';

/** Another address of the loopback interface: the attacker is a different client from the tests. */
const ATTACKER = '127.0.0.2';

interface Trickler {
  /** First line of what the gateway answered, '' if nothing. */
  status: Promise<string>;
  /** Milliseconds from connect until the gateway closed the socket. */
  closedAfter: Promise<number>;
  stop(): void;
}

/** A socket that sends request headers (`head`), then one byte every `everyMs` until closed. */
function trickle(port: number, head: string, everyMs: number, firstBytes = 0): Trickler {
  const started = Date.now();
  const socket = net.connect({ port, host: '127.0.0.1', localAddress: ATTACKER });
  let reply = '';
  let timer: NodeJS.Timeout | undefined;
  socket.on('connect', () => {
    socket.write(head.slice(0, firstBytes || head.length));
    let sent = firstBytes || head.length;
    timer = setInterval(() => {
      if (socket.destroyed || !socket.writable) return;
      socket.write(sent < head.length ? (head[sent] ?? 'x') : 'x');
      sent++;
    }, everyMs);
  });
  socket.on('data', (chunk: Buffer) => (reply += chunk.toString('latin1')));
  socket.on('error', () => undefined);
  const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
  void closed.then(() => clearInterval(timer));
  return {
    status: closed.then(() => reply.split('\r\n')[0] ?? ''),
    closedAfter: closed.then(() => Date.now() - started),
    stop: () => socket.destroy(),
  };
}

const SLOW_BODY_HEAD =
  'POST /v1/toy HTTP/1.1\r\nHost: gateway\r\nContent-Type: application/json\r\nContent-Length: 1000000\r\n\r\n';

describe('slow clients', () => {
  let replica: Replica, gateway: Gateway, url: string, port: number;
  before(async () => {
    replica = await startReplica('a');
    ({ gateway, url } = await startGateway({
      upstreams: { toy: replica.url },
      headersTimeoutMs: 1000,
      bodyTimeoutMs: 2000,
      maxConnectionsPerClient: 64,
      // Fewer slots than accepted slow sockets: were they to hold slots, the pool would be full.
      maxInflightPerReplica: 16,
    }));
    port = Number(new URL(url).port);
  });
  after(async () => {
    await gateway.close();
    await replica.service.close();
  });

  test('300 slow 1 MB bodies: others are served, 236 refused with 429, 64 closed with 408', async () => {
    const slow = Array.from({ length: 300 }, () => trickle(port, SLOW_BODY_HEAD, 300));
    const inflight: number[] = [];
    const started = Date.now();
    let served = 0;
    // Normal requests from 127.0.0.1 while the attack lasts.
    while (Date.now() - started < 2500) {
      const reply = await postJson(`${url}/v1/toy`, inferJson([served]));
      assert.equal(reply.status, 200);
      assert.deepEqual(floats(reply, 'x'), [served + 1]);
      served++;
      inflight.push(gateway.pools.get('toy')?.replicas[0]?.inflight ?? -1);
      await new Promise((r) => setTimeout(r, 20));
    }
    const statuses = await Promise.all(slow.map((s) => s.status));
    const refused = statuses.filter((s) => s === 'HTTP/1.1 429 Too Many Requests').length;
    const timedOut = statuses.filter((s) => s === 'HTTP/1.1 408 Request Timeout').length;
    assert.equal(refused, 236);
    assert.equal(timedOut, 64);
    assert.ok(served >= 20, `only ${served} requests served during the attack`);
    // No slow body ever reached the replica: its only requests in flight were the normal ones.
    assert.equal(replica.calls, served);
    assert.ok(Math.max(...inflight) <= 1, `in flight ${Math.max(...inflight)}`);
    const closedAfter = await Promise.all(slow.map((s) => s.closedAfter));
    assert.ok(Math.max(...closedAfter) < 4000, `a slow socket lived ${Math.max(...closedAfter)} ms`);
  });

  test('the 429 for a connection over the limit is a tensorhop reply with Retry-After', async () => {
    const held = Array.from({ length: 64 }, () => trickle(port, SLOW_BODY_HEAD, 300));
    await new Promise((r) => setTimeout(r, 200));
    const reply = await new Promise<string>((resolve) => {
      const socket = net.connect({ port, host: '127.0.0.1', localAddress: ATTACKER });
      let text = '';
      socket.on('data', (c: Buffer) => (text += c.toString()));
      socket.on('close', () => resolve(text));
      socket.on('error', () => undefined);
    });
    for (const h of held) h.stop();
    await Promise.all(held.map((h) => h.closedAfter));
    await new Promise((r) => setTimeout(r, 200)); // the gateway's side of the closes
    const [head = '', body = ''] = reply.split('\r\n\r\n');
    assert.match(head, /^HTTP\/1\.1 429 /);
    assert.match(head, /\r\nretry-after: 1\r\n/);
    const parsed = JSON.parse(body) as { errors: { code: string; message: string; stage: string }[] };
    assert.equal(parsed.errors[0]?.code, 'OVERLOADED');
    assert.equal(parsed.errors[0]?.stage, 'gateway');
    assert.match(parsed.errors[0]?.message ?? '', /too many connections from 127\.0\.0\.2 \(limit 64\)/);
  });

  test('headers sent a byte at a time: closed at the headers deadline, never reaching a replica', async () => {
    const calls = replica.calls;
    const slow = trickle(port, SLOW_BODY_HEAD, 100, 5);
    const after = await slow.closedAfter;
    assert.ok(after >= 900 && after < 2500, `closed after ${after} ms`);
    assert.equal(await slow.status, 'HTTP/1.1 408 Request Timeout');
    assert.equal(replica.calls, calls);
  });
});

describe('bodies read ahead', () => {
  /** Sends 64 KiB, waits 300 ms, sends 64 KiB more; resolves with the bytes the replica had by then. */
  async function seenBeforeEnd(explicit: Record<string, unknown>): Promise<number> {
    let received = 0;
    const sink = await startPlain((req, res) => {
      if (req.url === '/readyz') return void res.end('ok');
      req.on('data', (c: Buffer) => (received += c.length));
      req.on('end', () => res.end(String(received)));
    });
    const { gateway, url } = await startGateway({ upstreams: { sink: sink.url }, ...explicit });
    try {
      return await new Promise<number>((resolve, reject) => {
        const req = http.request(`${url}/v1/sink`, { method: 'POST' }, (res) => {
          res.resume().on('end', () => undefined);
        });
        req.on('error', reject);
        req.write(Buffer.alloc(64 * 1024, 1));
        setTimeout(() => {
          const seen = received;
          req.end(Buffer.alloc(64 * 1024, 2), () => resolve(seen));
        }, 300);
      });
    } finally {
      await gateway.close();
      await sink.close();
    }
  }

  test('a small body reaches no replica before it is complete', async () => {
    assert.equal(await seenBeforeEnd({}), 0);
  });

  test('past the total read-ahead budget, bodies stream at once', async () => {
    assert.equal(await seenBeforeEnd({ bodyBufferTotalBytes: 1000 }), 64 * 1024);
  });
});

describe('connection limit exemptions', () => {
  test('an exempt address (loopback by default) may open more connections than the limit', async () => {
    const replica = await startReplica('a');
    const { gateway, url } = await startGateway({
      upstreams: { toy: replica.url },
      maxConnectionsPerClient: 4,
      connectionLimitExempt: [ATTACKER],
    });
    const port = Number(new URL(url).port);
    try {
      assert.deepEqual(gateway.config.connectionLimitExempt, [ATTACKER]);
      const defaults = loadGatewayConfig({ env: {} });
      assert.deepEqual(defaults.connectionLimitExempt, ['127.0.0.1', '::1', '::ffff:127.0.0.1']);
      const held = Array.from({ length: 20 }, () => trickle(port, SLOW_BODY_HEAD, 300));
      await new Promise((r) => setTimeout(r, 300));
      for (const h of held) h.stop();
      const statuses = await Promise.all(held.map((h) => h.status));
      assert.deepEqual(new Set(statuses), new Set(['']), 'none refused');
    } finally {
      await gateway.close();
      await replica.service.close();
    }
  });
});
