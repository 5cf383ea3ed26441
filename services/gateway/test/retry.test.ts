/**
 * Failures before a reply: a killed replica (connection refused) is retried once on another replica
 * and then ejected; a replica that resets the connection after the request was sent is not (the
 * request may have been delivered): the client gets 502 HOP_UNAVAILABLE naming the pool.
 */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import {
  deadPort,
  floats,
  inferJson,
  metric,
  postJson,
  resetter,
  startGateway,
  startPlain,
  startReplica,
  whoAnswered,
} from './helpers.js';

const closers: (() => Promise<void>)[] = [];
after(async () => {
  for (const close of closers.reverse()) await close();
});

describe('retry and ejection', () => {
  test('a killed replica: every request still answered by the other, then the dead one leaves the rotation', async () => {
    const [a, b] = await Promise.all([startReplica('a'), startReplica('b')]);
    closers.push(() => a.service.close());
    // Slow health checks: ejection, not the active check, must take the dead replica out.
    const { gateway, url } = await startGateway({
      upstreams: { toy: `${a.url},${b.url}` },
      healthIntervalMs: 60_000,
      ejectAfterFailures: 2,
    });
    closers.push(() => gateway.close());
    await postJson(`${url}/v1/toy`, inferJson([0]));
    await b.service.close();
    const replies = await Promise.all(
      Array.from({ length: 20 }, (_, i) => postJson(`${url}/v1/toy`, inferJson([i]))),
    );
    for (const [i, reply] of replies.entries()) {
      assert.equal(reply.status, 200);
      assert.deepEqual(whoAnswered(reply), ['a']);
      assert.deepEqual(floats(reply, 'x'), [i + 1]);
    }
    const text = await (await fetch(`${url}/metrics`)).text();
    const retries = metric(text, 'tensorhop_gateway_retries_total', { pool: 'toy', replica: b.url });
    assert.ok(retries >= 1 && retries <= 10, `retries ${retries}`);
    // Its port refuses connections: it is out of the rotation until the active checks pass again.
    const dead = gateway.pools.get('toy')?.replicas.find((r) => r.url === b.url);
    assert.ok(dead && (!dead.ready || dead.isEjected(Date.now())));
    // Out: later requests go straight to the live replica, without retries.
    for (let i = 0; i < 5; i++) assert.equal((await postJson(`${url}/v1/toy`, inferJson([i]))).status, 200);
    const after = await (await fetch(`${url}/metrics`)).text();
    assert.equal(metric(after, 'tensorhop_gateway_retries_total', { pool: 'toy', replica: b.url }), retries);
  });

  test('a replica that resets after reading the body: no replay on the other, 502 naming the replica', async () => {
    let goodSaw = 0;
    const bad = await startPlain(resetter(true));
    const good = await startPlain((req, res) => {
      if (req.url === '/readyz') return void res.end('ok');
      goodSaw++;
      req.resume().on('end', () => res.end('{}'));
    });
    closers.push(bad.close, good.close);
    const { gateway, url } = await startGateway({
      upstreams: { p: `${bad.url},${good.url}` },
      ejectAfterFailures: 100,
    });
    closers.push(() => gateway.close());
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await fetch(`${url}/v1/p/some/path?q=1`, {
        method: 'POST',
        body: Buffer.alloc(300_000, 7),
      });
      statuses.push(res.status);
      const reply = (await res.json()) as { errors?: { code: string; message: string }[] };
      if (res.status === 502) {
        assert.equal(reply.errors?.[0]?.code, 'HOP_UNAVAILABLE');
        assert.equal(reply.errors?.[0]?.message, `pool p: replica ${bad.url} failed (ECONNRESET)`);
      }
    }
    // Round-robin: every other request goes to the bad replica and fails there, once.
    assert.deepEqual(statuses, [502, 200, 502, 200, 502, 200]);
    assert.equal(goodSaw, 3);
    const text = await (await fetch(`${url}/metrics`)).text();
    assert.equal(metric(text, 'tensorhop_gateway_retries_total', { pool: 'p', replica: bad.url }), 0);
  });

  test('one retry, never more: two dead replicas give 502 HOP_UNAVAILABLE', async () => {
    const [p1, p2, p3] = await Promise.all([deadPort(), deadPort(), deadPort()]);
    const urls = [p1, p2, p3].map((p) => `http://127.0.0.1:${p}`);
    const { gateway, url } = await startGateway({
      upstreams: { dead: urls.join(',') },
      healthIntervalMs: 60_000,
    });
    closers.push(() => gateway.close());
    // Pretend the checks passed so that the calls themselves fail.
    for (const r of gateway.pools.get('dead')?.replicas ?? []) r.ready = true;
    const reply = await postJson(`${url}/v1/dead`, inferJson([1]));
    assert.equal(reply.status, 502);
    assert.equal(reply.body.errors?.[0]?.code, 'HOP_UNAVAILABLE');
    assert.match(reply.body.errors?.[0]?.message ?? '', /^pool dead: .*ECONNREFUSED\) after a retry$/);
    const text = await (await fetch(`${url}/metrics`)).text();
    const total = urls.reduce(
      (n, u) => n + metric(text, 'tensorhop_gateway_retries_total', { pool: 'dead', replica: u }),
      0,
    );
    assert.equal(total, 1);
  });

  test('a replica that never answers: 504 HOP_TIMEOUT naming the pool', async () => {
    const silent = await startPlain((req, res) => {
      if (req.url === '/readyz') res.end('ok');
    });
    closers.push(silent.close);
    const { gateway, url } = await startGateway({ upstreams: { slow: silent.url }, requestTimeoutMs: 200 });
    closers.push(() => gateway.close());
    const started = Date.now();
    const reply = await postJson(`${url}/v1/slow`, inferJson([1]));
    assert.equal(reply.status, 504);
    assert.equal(reply.body.errors?.[0]?.code, 'HOP_TIMEOUT');
    assert.equal(reply.body.errors?.[0]?.message, 'pool slow: no reply within 200 ms');
    assert.ok(Date.now() - started < 2000);
  });
});
