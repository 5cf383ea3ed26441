/**
 * Balancing: round-robin over ready replicas, none to a replica whose /readyz fails while another
 * is ready, every replica tried when none is (panic routing), 503 with Retry-After and a tensorhop
 * error naming the pool when no replica can be reached, and metrics per replica.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { decodeInferResponse } from '@tensorhop/protocol';
import {
  deadPort,
  inferJson,
  metric,
  postJson,
  startGateway,
  startReplica,
  until,
  whoAnswered,
  type Replica,
} from './helpers.js';
import type { Gateway } from '../src/server.js';

describe('balancing', () => {
  let a: Replica, b: Replica, c: Replica;
  let gateway: Gateway, url: string;

  before(async () => {
    [a, b, c] = await Promise.all([startReplica('a'), startReplica('b'), startReplica('c')]);
    c.ready = false;
    const dead = `http://127.0.0.1:${await deadPort()}`;
    ({ gateway, url } = await startGateway({
      upstreams: { toy: `${a.url},${b.url}`, other: c.url, dead },
    }));
  });
  after(async () => {
    await gateway.close();
    await Promise.all([a, b, c].map((r) => r.service.close()));
  });

  test('requests alternate between two ready replicas', async () => {
    const who: string[] = [];
    for (let i = 0; i < 10; i++) {
      const reply = await postJson(`${url}/v1/toy`, inferJson([i]));
      assert.equal(reply.status, 200);
      who.push(...whoAnswered(reply));
    }
    assert.equal(who.filter((w) => w === 'a').length, 5);
    assert.equal(who.filter((w) => w === 'b').length, 5);
    for (let i = 1; i < who.length; i++) assert.notEqual(who[i], who[i - 1], 'round-robin alternates');
  });

  test('concurrent requests are spread too', async () => {
    const before = { a: a.calls, b: b.calls };
    const replies = await Promise.all(
      Array.from({ length: 40 }, (_, i) => postJson(`${url}/v1/toy`, inferJson([i]))),
    );
    assert.ok(replies.every((r) => r.status === 200));
    assert.equal(a.calls - before.a + (b.calls - before.b), 40);
    assert.ok(
      a.calls - before.a >= 15 && b.calls - before.b >= 15,
      `spread ${a.calls - before.a}/${b.calls - before.b}`,
    );
  });

  test('a replica whose /readyz answers 503 gets no traffic, and gets it back when ready', async () => {
    b.ready = false;
    await until(() => gateway.pools.get('toy')?.replicas.find((r) => r.url === b.url)?.ready === false);
    const bCalls = b.calls;
    for (let i = 0; i < 6; i++) {
      const reply = await postJson(`${url}/v1/toy`, inferJson([i]));
      assert.equal(reply.status, 200);
      assert.deepEqual(whoAnswered(reply), ['a']);
    }
    assert.equal(b.calls, bCalls);
    b.ready = true;
    await until(() => gateway.pools.get('toy')?.readyCount() === 2);
    const who = new Set<string>();
    for (let i = 0; i < 4; i++)
      whoAnswered(await postJson(`${url}/v1/toy`, inferJson([i]))).forEach((w) => who.add(w));
    assert.deepEqual([...who].sort(), ['a', 'b']);
  });

  test('a pool with no ready replica is still tried (panic routing), and its replica answers', async () => {
    assert.equal(gateway.pools.get('other')?.panic, true);
    const reply = await postJson(`${url}/v1/other`, inferJson([1]));
    assert.equal(reply.status, 200);
    assert.deepEqual(whoAnswered(reply), ['c']);
    assert.equal(c.calls, 1);
  });

  test('a pool whose replicas cannot be reached: 503 UNAVAILABLE, Retry-After, naming the pool', async () => {
    const reply = await postJson(`${url}/v1/dead`, inferJson([1]));
    assert.equal(reply.status, 503);
    assert.equal(reply.headers.get('retry-after'), '1');
    assert.equal(reply.body.errors?.length, 1);
    const [error] = reply.body.errors ?? [];
    assert.equal(error?.code, 'UNAVAILABLE');
    assert.equal(error?.stage, 'gateway');
    assert.equal(error?.key, '');
    assert.match(
      error?.message ?? '',
      /^pool dead: no replica could be reached \(0 of 1 ready, last ECONNREFUSED\)$/,
    );
  });

  test('the error comes in protobuf when the client sent protobuf', async () => {
    const res = await fetch(`${url}/v1/dead`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-protobuf' },
      body: new Uint8Array(0),
    });
    assert.equal(res.status, 503);
    assert.equal(res.headers.get('content-type'), 'application/x-protobuf');
    const reply = decodeInferResponse(new Uint8Array(await res.arrayBuffer()), 'protobuf');
    assert.equal(reply.errors[0]?.code, 'UNAVAILABLE');
  });

  test("/readyz is the gateway's own: 200 while a pool has no ready replica, which its detail shows", async () => {
    let res = await fetch(`${url}/readyz`);
    assert.equal(res.status, 200);
    type State = { ready: boolean; pools: Record<string, { ready: number; panic: boolean }> };
    let state = (await res.json()) as State;
    assert.equal(state.ready, true);
    assert.deepEqual(state.pools.other, { ready: 0, replicas: 1, panic: true });
    assert.equal(state.pools.toy?.ready, 2);
    c.ready = true;
    await until(() => gateway.pools.get('other')?.readyCount() === 1);
    res = await fetch(`${url}/readyz`);
    state = (await res.json()) as State;
    assert.deepEqual(state.pools.other, { ready: 1, replicas: 1, panic: false });
    assert.equal((await fetch(`${url}/healthz`)).status, 200);
  });

  test('/metrics counts requests per replica and shows which are ready', async () => {
    const text = await (await fetch(`${url}/metrics`)).text();
    const okA = metric(text, 'tensorhop_gateway_requests_total', {
      pool: 'toy',
      replica: a.url,
      status: '200',
    });
    const okB = metric(text, 'tensorhop_gateway_requests_total', {
      pool: 'toy',
      replica: b.url,
      status: '200',
    });
    assert.equal(okA, a.calls);
    assert.equal(okB, b.calls);
    const unavailable = metric(text, 'tensorhop_gateway_requests_total', {
      pool: 'dead',
      replica: 'none',
      status: '503',
    });
    assert.equal(unavailable, 2);
    assert.equal(metric(text, 'tensorhop_gateway_panic_routed_total', { pool: 'other' }), 1);
    assert.equal(metric(text, 'tensorhop_gateway_replica_ready', { pool: 'toy', replica: a.url }), 1);
    const count = metric(text, 'tensorhop_gateway_request_duration_seconds_count', {
      pool: 'toy',
      replica: a.url,
    });
    assert.equal(count, a.calls);
  });
});
