/**
 * A chain of three toy stages made only with the service kit (add one → times two → format),
 * called in client, server and hybrid sequencing: same answers, every key exactly once.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  accountKeys,
  float32Tensor,
  type StringTensor,
  type NumericTensor,
  type InferResponse,
} from '@tensorhop/protocol';
import { InferError, infer, inferRaw, buildInferRequest } from '@tensorhop/sdk';
import { addStage, formatStage, startStage, timesStage, type Running } from './helpers/toy-stages.js';

const KEYS = ['a', 'b', 'c', 'd', 'e'];
const input = () => float32Tensor([5], new Float32Array([1, 2, 3, 4, 5]));
const texts = (r: InferResponse) =>
  Array.from((r.outputs[0] as StringTensor).strings, (s) => Buffer.from(s).toString());
const EXPECTED = ['value=4', 'value=6', 'value=8', 'value=10', 'value=12'];

describe('toy chain', () => {
  let add: Running, times: Running, format: Running;

  before(async () => {
    [add, times, format] = await Promise.all([
      startStage(addStage),
      startStage(timesStage),
      startStage(formatStage),
    ]);
    const hops = { add: add.url, times: times.url, format: format.url };
    for (const s of [add, times, format]) s.service.config.hops = hops;
  });
  after(async () => {
    await Promise.all([add, times, format].map((s) => s.service.close()));
  });

  const exact = { route: { next: [], mode: 'EXACT' as const } };

  test('client sequencing: the client calls each stage with EXACT and an empty next', async () => {
    const r1 = await infer(add.url, [input()], { keys: KEYS, ...exact });
    const r2 = await infer(times.url, r1.outputs, { keys: r1.keys, inputNames: r1.outputNames, ...exact });
    const r3 = await infer(format.url, r2.outputs, { keys: r2.keys, inputNames: r2.outputNames, ...exact });
    assert.deepEqual(r3.keys, KEYS);
    assert.deepEqual(texts(r3), EXPECTED);
    assert.deepEqual(
      r3.trace.map((t) => t.stage),
      ['format'],
    );
  });

  test('server sequencing: each stage forwards to its configured successor', async () => {
    add.service.config.next = 'times';
    times.service.config.next = 'format';
    try {
      const r = await infer(add.url, [input()], { keys: KEYS });
      assert.deepEqual(r.keys, KEYS);
      assert.deepEqual(texts(r), EXPECTED);
      assert.deepEqual(
        r.trace.map((t) => t.stage),
        ['add', 'times', 'format'],
      );
      assert.deepEqual(
        r.trace.map((t) => t.rowsIn),
        [5, 5, 5],
      );
    } finally {
      add.service.config.next = '';
      times.service.config.next = '';
    }
  });

  test('hybrid sequencing: the client hands the first stage the hops after it', async () => {
    const r = await infer(add.url, [input()], {
      keys: KEYS,
      route: { next: ['times', 'format'], mode: 'EXACT' },
    });
    assert.deepEqual(r.keys, KEYS);
    assert.deepEqual(texts(r), EXPECTED);
    // JSON mapping gives the same answer.
    const j = await infer(add.url, [input()], {
      keys: KEYS,
      route: { next: ['times', 'format'], mode: 'EXACT' },
      encoding: 'json',
    });
    assert.deepEqual(texts(j), EXPECTED);
  });

  test('hybrid with DEFAULT mode: the last named stage applies its own default', async () => {
    times.service.config.next = 'format';
    try {
      const r = await infer(add.url, [input()], { keys: KEYS, route: { next: ['times'], mode: 'DEFAULT' } });
      assert.deepEqual(texts(r), EXPECTED);
      // EXACT with the same next stops at times, whatever its default.
      const stop = await infer(add.url, [input()], { keys: KEYS, route: { next: ['times'], mode: 'EXACT' } });
      assert.deepEqual(
        Array.from((stop.outputs[0] as NumericTensor).data as Float32Array),
        [4, 6, 8, 10, 12],
      );
    } finally {
      times.service.config.next = '';
    }
  });

  test('EXACT with an empty next stops at the first stage even with a default successor', async () => {
    add.service.config.next = 'times';
    try {
      const r = await infer(add.url, [input()], { keys: KEYS, ...exact });
      assert.deepEqual(Array.from((r.outputs[0] as NumericTensor).data as Float32Array), [2, 3, 4, 5, 6]);
      assert.deepEqual(
        r.trace.map((t) => t.stage),
        ['add'],
      );
    } finally {
      add.service.config.next = '';
    }
  });

  test('a loop A→B→A ends in HOP_LIMIT', async () => {
    add.service.config.next = 'times';
    times.service.config.next = 'add';
    try {
      const reply = await inferRaw(add.url, buildInferRequest([input()], { keys: KEYS }));
      assert.equal(reply.status, 508);
      // Seven stages ran; the eighth refused before doing any work, so the seventh accounts for
      // every key it forwarded with the hop's code and name.
      assert.deepEqual(
        reply.response.errors.map((e) => [e.key, e.code]),
        KEYS.map((k) => [k, 'HOP_LIMIT']),
      );
      assert.ok(reply.response.errors.every((e) => e.stage === 'add' || e.stage === 'times'));
      assert.equal(reply.response.trace.length, 7);
      // A client-set hops_left is honoured too.
      const short = await inferRaw(
        add.url,
        buildInferRequest([input()], { keys: KEYS, route: { hopsLeft: 2 } }),
      );
      assert.equal(short.status, 508);
      assert.equal(short.response.trace.length, 1);
    } finally {
      add.service.config.next = '';
      times.service.config.next = '';
    }
  });

  test('an unknown hop name is UNKNOWN_HOP, before any work is done', async () => {
    await assert.rejects(
      infer(add.url, [input()], { keys: KEYS, route: { next: ['http://169.254.169.254/'], mode: 'EXACT' } }),
      (e: unknown) => e instanceof InferError && e.code === 'UNKNOWN_HOP' && e.status === 400,
    );
  });

  test('a dead next hop is HOP_UNAVAILABLE naming the hop, and the stage stays healthy', async () => {
    add.service.config.hops = { ...add.service.config.hops, dead: 'http://127.0.0.1:1' };
    const reply = await inferRaw(
      add.url,
      buildInferRequest([input()], { keys: KEYS, route: { next: ['dead'], mode: 'EXACT' } }),
    );
    assert.equal(reply.status, 502);
    assert.ok(Number(reply.retryAfterSeconds) >= 1, 'a transient hop failure carries Retry-After');
    // add worked the rows, so each forwarded key comes back as a row error naming the dead hop.
    assert.deepEqual(reply.response.keys, []);
    assert.deepEqual(reply.response.errors.map((e) => e.key).sort(), [...KEYS].sort());
    for (const err of reply.response.errors) {
      assert.equal(err.code, 'HOP_UNAVAILABLE');
      assert.equal(err.stage, 'dead');
      assert.match(err.message, /"dead"/);
    }
    assert.equal(reply.response.trace[0]?.stage, 'add');
    const health = await fetch(`${add.url}/healthz`);
    assert.equal(health.status, 200);
    const again = await infer(add.url, [input()], { keys: KEYS, ...exact });
    assert.equal(again.keys.length, 5);
  });

  test('a middle stage failing two of five rows returns them as row errors, the rest as results', async () => {
    const r = await infer(add.url, [input()], {
      keys: KEYS,
      route: {
        next: [{ target: 'times', config: JSON.stringify({ fail: [3, 5] }) }, 'format'],
        mode: 'EXACT',
      },
    });
    // add turns 2→3 and 4→5, so times refuses rows b and d.
    assert.deepEqual(r.keys, ['a', 'c', 'e']);
    assert.deepEqual(texts(r), ['value=4', 'value=8', 'value=12']);
    assert.deepEqual(
      r.errors.map((e) => [e.key, e.code, e.stage]),
      [
        ['b', 'BAD_REQUEST', 'times'],
        ['d', 'BAD_REQUEST', 'times'],
      ],
    );
    assert.deepEqual(accountKeys(KEYS, r.keys, r.errors), { missing: [], duplicated: [], unexpected: [] });
    assert.deepEqual(
      r.trace.map((t) => [t.stage, t.rowsIn, t.rowsOut]),
      [
        ['add', 5, 5],
        ['times', 5, 3],
        ['format', 3, 3],
      ],
    );
  });
});
