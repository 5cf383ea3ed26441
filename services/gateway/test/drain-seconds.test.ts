/** Issue 9: an overloaded pool asks refused clients to wait as long as its backlog takes to drain. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { drainSeconds } from '../src/exchange-errors.js';
import { Pool } from '../src/pool.js';

test("Retry-After for OVERLOADED grows with the backlog at the pool's recent pace, from 1 to 30 s", () => {
  const pool = new Pool('p', 4);
  pool.setReplicas(['http://127.0.0.1:1', 'http://127.0.0.1:2']);
  const now = Date.parse('2030-01-01T00:00:10Z');
  assert.equal(drainSeconds(pool, now), 1, 'nothing served yet: the floor');
  const [a, b] = pool.replicas;
  // 20 replies a second over the last 10 s, all replicas together.
  for (let s = 0; s < 10; s++) {
    for (let i = 0; i < 10; i++) {
      a?.served.add(now - s * 1000);
      b?.served.add(now - s * 1000);
    }
  }
  a!.inflight = 100;
  b!.inflight = 60;
  assert.equal(drainSeconds(pool, now), 8, '160 in flight at 20/s');
  a!.inflight = 5000;
  assert.equal(drainSeconds(pool, now), 30, 'capped');
  a!.inflight = 1;
  b!.inflight = 0;
  assert.equal(drainSeconds(pool, now), 1, 'floored');
});
