/**
 * Health that does not cascade: a replica whose probes go unanswered turns unready only after
 * `unhealthyThreshold` of them in a row, one that answers "not ready" (loading, draining) at once,
 * as in Envoy; it is ready again after `healthyThreshold` passes; a slow probe within its deadline
 * passes; a pool with no ready replica is still tried (panic routing), which is warned about once
 * per interval; health traffic is logged at debug only; one slow answer ejects nobody. Checks run
 * by hand (`checkHealth()`) so each step is one check.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { pino } from 'pino';
import { loadGatewayConfig, type Gateway } from '../src/server.js';
import { inferJson, metric, postJson, startGateway, startPlain } from './helpers.js';

interface LogLine {
  level: number;
  msg: string;
  path?: string;
  pool?: string;
  requests?: number;
}

const DEBUG = 20;
const INFO = 30;
const WARN = 40;

describe('health checks', () => {
  const probe = { status: 200, delayMs: 0 };
  let calls = 0;
  let replica: Awaited<ReturnType<typeof startPlain>>;
  let gateway: Gateway, url: string;
  const lines: LogLine[] = [];
  const state = () => gateway.pools.get('p')?.replicas[0];

  before(async () => {
    replica = await startPlain((req, res) => {
      if (req.url === '/readyz') {
        return void setTimeout(() => {
          res.statusCode = probe.status;
          res.end(probe.status === 200 ? '{"ready":true}' : '{"ready":false}');
        }, probe.delayMs);
      }
      calls++;
      req.resume().on('end', () => res.end('{"ok":true}'));
    });
    const stream = { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) };
    const logger = pino({ level: 'debug' }, stream);
    ({ gateway, url } = await startGateway(
      { upstreams: { p: replica.url }, healthIntervalMs: 60_000, healthTimeoutMs: 400 },
      { logger },
    ));
  });
  after(async () => {
    await gateway.close();
    await replica.close();
  });

  test('the thresholds default to 3 and 2 and are read from the environment', () => {
    const defaults = loadGatewayConfig({ env: {} });
    assert.deepEqual([defaults.unhealthyThreshold, defaults.healthyThreshold], [3, 2]);
    assert.ok(defaults.healthTimeoutMs >= 2000, 'a probe deadline that tolerates a loaded machine');
    const env = { TENSORHOP_GATEWAY_UNHEALTHY_THRESHOLD: '5', TENSORHOP_GATEWAY_HEALTHY_THRESHOLD: '4' };
    const set = loadGatewayConfig({ env });
    assert.deepEqual([set.unhealthyThreshold, set.healthyThreshold], [5, 4]);
  });

  test('ready after one pass at start-up; unready after 3 unanswered probes in a row; back after 2 passes', async () => {
    assert.equal(state()?.ready, true);
    probe.delayMs = 600; // past the 400 ms deadline: no answer
    const seen: boolean[] = [];
    for (let i = 0; i < 3; i++) {
      await gateway.checkHealth();
      seen.push(state()?.ready ?? false);
    }
    assert.deepEqual(seen, [true, true, false]);
    assert.equal(state()?.reason, 'no answer within 400 ms');
    probe.delayMs = 0;
    const back: boolean[] = [];
    for (let i = 0; i < 2; i++) {
      await gateway.checkHealth();
      back.push(state()?.ready ?? false);
    }
    assert.deepEqual(back, [false, true]);
  });

  test('unanswered probes that are not in a row, and slow ones within the deadline, change nothing', async () => {
    for (const delayMs of [600, 600, 0, 600, 600, 0, 250, 250, 250, 600]) {
      probe.delayMs = delayMs;
      await gateway.checkHealth();
      assert.equal(state()?.ready, true, `after a probe of ${delayMs} ms`);
    }
    probe.delayMs = 0;
    await gateway.checkHealth();
  });

  test('a replica that answers "not ready" (loading, draining) is out at once, back after 2 passes', async () => {
    probe.status = 503;
    await gateway.checkHealth();
    assert.equal(state()?.ready, false);
    assert.equal(state()?.reason, '/readyz answered 503');
    probe.status = 200;
    await gateway.checkHealth();
    assert.equal(state()?.ready, false);
    await gateway.checkHealth();
    assert.equal(state()?.ready, true);
  });

  test('no ready replica: requests still go to it (panic routing), warned once per interval', async () => {
    probe.status = 503;
    await gateway.checkHealth();
    assert.equal(state()?.ready, false);
    const before = calls;
    const warnings = () => lines.filter((l) => l.level === WARN && /panic routing/.test(l.msg));
    for (let i = 0; i < 10; i++) {
      const reply = await postJson(`${url}/v1/p`, inferJson([i]));
      assert.equal(reply.status, 200);
    }
    assert.equal(calls - before, 10);
    assert.equal(warnings().length, 1);
    assert.equal(warnings()[0]?.pool, 'p');
    const text = await (await fetch(`${url}/metrics`)).text();
    assert.equal(metric(text, 'tensorhop_gateway_panic_routed_total', { pool: 'p' }), 10);
    const unready = lines.filter((l) => l.msg === 'replica not ready');
    assert.ok(unready.length >= 1 && unready.every((l) => l.level === WARN));
    probe.status = 200;
    for (let i = 0; i < 2; i++) await gateway.checkHealth();
    assert.equal(state()?.ready, true);
  });

  test('health traffic is logged at debug only; requests at info', async () => {
    assert.equal((await fetch(`${url}/v1/p/readyz`)).status, 200);
    assert.equal((await postJson(`${url}/v1/p`, inferJson([1]))).status, 200);
    const probes = lines.filter((l) => l.msg === 'health check');
    assert.ok(probes.length >= 20, `${probes.length} probe lines`);
    assert.ok(probes.every((l) => l.level === DEBUG));
    const proxied = lines.filter((l) => l.msg === 'proxy');
    const health = proxied.filter((l) => l.path === '/readyz');
    assert.equal(health.length, 1);
    assert.equal(health[0]?.level, DEBUG);
    assert.ok(proxied.some((l) => l.path === '/' && l.level === INFO));
  });
});

describe('a replica whose port refuses connections', () => {
  test('is out after one check: no process listens there, whatever the load', async () => {
    const replica = await startPlain((_req, res) => void res.end('ok'));
    const { gateway } = await startGateway({ upstreams: { p: replica.url }, healthIntervalMs: 60_000 });
    try {
      const state = () => gateway.pools.get('p')?.replicas[0];
      assert.equal(state()?.ready, true);
      await replica.close();
      await gateway.checkHealth();
      assert.equal(state()?.reason, 'ECONNREFUSED');
      assert.equal(state()?.ready, false);
    } finally {
      await gateway.close();
    }
  });
});

describe('passive ejection', () => {
  test('one slow answer ejects nobody: 504, then the same replica serves on', async () => {
    let calls = 0;
    const replica = await startPlain((req, res) => {
      if (req.url === '/readyz') return void res.end('ok');
      const delay = calls++ === 0 ? 600 : 0;
      req.resume().on('end', () => setTimeout(() => res.end('{"ok":true}'), delay));
    });
    const { gateway, url } = await startGateway({
      upstreams: { p: replica.url },
      requestTimeoutMs: 300,
      ejectAfterFailures: 1,
    });
    try {
      const slow = await postJson(`${url}/v1/p`, inferJson([1]));
      assert.equal(slow.status, 504);
      assert.equal(slow.body.errors?.[0]?.code, 'HOP_TIMEOUT');
      for (let i = 0; i < 3; i++) assert.equal((await postJson(`${url}/v1/p`, inferJson([i]))).status, 200);
      assert.equal(gateway.pools.get('p')?.replicas[0]?.isEjected(Date.now()), false);
      const text = await (await fetch(`${url}/metrics`)).text();
      assert.equal(metric(text, 'tensorhop_gateway_ejections_total', { pool: 'p', replica: replica.url }), 0);
    } finally {
      await gateway.close();
      await replica.close();
    }
  });
});
