/**
 * pipe() and classify() against a toy chain whose failures the test controls: retries of an
 * OVERLOADED chunk (Retry-After honoured, attempts capped), ordered and unordered results, two
 * concurrent pipes kept apart, backpressure on the source, a slow source that is not an end of
 * stream, one bad item failing alone, abort, and a gateway that is down.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { classify, pipe, type KeyedResult, type PipeItem, type PipeOptions } from '@tensorhop/sdk';
import { startToyChain, type ToyChain } from './helpers/toy-chain.js';

const url = (path: string): string => `http://origin.test/${path}`;

async function collect(source: Iterable<PipeItem> | AsyncIterable<PipeItem>, options: PipeOptions) {
  const out: KeyedResult[] = [];
  for await (const r of pipe(source, options)) out.push(r);
  return out;
}

describe('pipe() over a toy chain', () => {
  let chain: ToyChain;
  let options: PipeOptions;

  before(async () => {
    chain = await startToyChain();
    options = { endpoints: chain.endpoints, retry: { baseDelayMs: 5 } };
  });
  after(async () => chain?.close());

  test('the three modes give the same results; a broken row fails alone', async () => {
    const items = ['a', 'b', 'broken', 'c'].map((p, i) => ({ key: `k${i}`, input: url(p) }));
    for (const mode of ['client', 'server', 'hybrid'] as const) {
      const results = await collect(items, { ...options, mode, ordered: true });
      assert.deepEqual(
        results.map((r) => (r.ok ? `${r.key}:${r.classes[0]}` : `${r.key}:${r.code}:${r.stage}`)),
        ['k0:a', 'k1:b', 'k2:DOWNLOAD_HTTP_STATUS:fetch', 'k3:c'],
        mode,
      );
    }
  });

  test('an OVERLOADED chunk is retried after Retry-After, sending only the rows still open', async () => {
    chain.calls.fetch.length = 0;
    const items = ['x1', 'broken', 'overload-once-a/x2', 'x3'].map((p, i) => [`k${i}`, url(p)] as const);
    const t0 = Date.now();
    const results = await collect(items, { ...options, batchSize: 10 });
    const elapsed = Date.now() - t0;
    assert.ok(elapsed >= 950, `waited ${elapsed} ms for a Retry-After of 1 s`);
    assert.deepEqual(chain.calls.fetch, [4, 3], 'the broken row is settled and not sent again');
    const byKey = new Map(results.map((r) => [r.key, r]));
    assert.deepEqual(byKey.get('k2'), { key: 'k2', ok: true, classes: ['x2'], scores: [1] });
    assert.equal((byKey.get('k1') as { code: string }).code, 'DOWNLOAD_HTTP_STATUS');
    assert.equal(results.length, 4);
  });

  test('attempts are capped: the chunk keys keep OVERLOADED, other chunks are untouched', async () => {
    chain.calls.label.length = 0;
    const items = ['y1', 'overload-always', 'y2', 'y3'].map((p, i) => ({ key: `k${i}`, input: url(p) }));
    const results = await collect(items, {
      ...options,
      batchSize: 2,
      ordered: true,
      retry: { attempts: 3, baseDelayMs: 5 },
    });
    assert.deepEqual(
      results.map((r) => (r.ok ? r.classes[0] : `${r.code}@${r.stage}`)),
      // The stage before it accounts for the rows, naming the hop ('model') that refused them.
      ['OVERLOADED@model', 'OVERLOADED@model', 'y2', 'y3'],
    );
    assert.equal(chain.calls.label.filter((n) => n === 2).length, 4, '3 attempts of chunk 1, 1 of chunk 2');
  });

  test('unordered yields chunks as they complete; ordered keeps input order', async () => {
    const items = ['slow', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7'].map((p, i) => ({
      key: `k${i}`,
      input: url(p),
    }));
    const unordered = await collect(items, { ...options, batchSize: 2, concurrency: 4 });
    assert.notEqual(unordered[0]?.key, 'k0', 'a fast chunk came before the slow one');
    assert.deepEqual(unordered.map((r) => r.key).sort(), items.map((i) => i.key).sort());
    const ordered = await collect(items, { ...options, batchSize: 2, concurrency: 4, ordered: true });
    assert.deepEqual(
      ordered.map((r) => r.key),
      items.map((i) => i.key),
    );
  });

  test('two concurrent pipes with the same keys keep their results apart', async () => {
    const run = (side: string) =>
      collect(
        Array.from({ length: 150 }, (_, i) => ({ key: String(i), input: url(`${side}/${side}${i}`) })),
        { ...options, batchSize: 8, concurrency: 4 },
      );
    const [a, b] = await Promise.all([run('a'), run('b')]);
    for (const [side, results] of [
      ['a', a],
      ['b', b],
    ] as const) {
      assert.equal(results.length, 150);
      assert.equal(new Set(results.map((r) => r.key)).size, 150);
      for (const r of results) assert.deepEqual(r.ok && r.classes, [`${side}${r.key}`]);
    }
  });

  test('backpressure: the source is read only as results are taken; leaving closes it', async () => {
    let pulled = 0;
    let closed = false;
    function* source(): Generator<PipeItem> {
      try {
        for (let i = 0; i < 10_000; i++) {
          pulled++;
          yield { key: String(i), input: url(`z${i}`) };
        }
      } finally {
        closed = true;
      }
    }
    for await (const r of pipe(source(), { ...options, batchSize: 4, concurrency: 2 })) {
      assert.ok(r.ok);
      await new Promise((resolve) => setTimeout(resolve, 300));
      break;
    }
    assert.ok(pulled <= 4 * 4, `pulled ${pulled} items for one result`);
    assert.ok(closed, 'the source was closed');
  });

  test('a slow source is not an end of stream', async () => {
    async function* trickle(): AsyncGenerator<PipeItem> {
      for (let i = 0; i < 5; i++) {
        await new Promise((r) => setTimeout(r, 120));
        yield [String(i), url(`t${i}`)];
      }
    }
    const results = await collect(trickle(), { ...options, batchSize: 64, maxWaitMs: 20, ordered: true });
    assert.deepEqual(
      results.map((r) => r.ok && r.classes[0]),
      ['t0', 't1', 't2', 't3', 't4'],
    );
  });

  test('one bad item fails alone; repeated keys each get their own result', async () => {
    const items: PipeItem[] = [
      { key: 'same', input: url('g1') },
      { key: 'bad', input: 42 as unknown as string },
      { key: 'same', input: url('g2') },
      { key: 'bytes', input: new TextEncoder().encode('http://origin.test/raw') },
    ];
    const results = await collect(items, { ...options, ordered: true });
    assert.deepEqual(results[0], { key: 'same', ok: true, classes: ['g1'], scores: [1] });
    assert.deepEqual(
      { ...results[1], message: '' },
      { key: 'bad', ok: false, code: 'BAD_REQUEST', message: '', stage: 'client' },
    );
    assert.deepEqual(results[2], { key: 'same', ok: true, classes: ['g2'], scores: [1] });
    // Bytes skip the downloader: `pass` gets them straight and `label` names them.
    assert.deepEqual(results[3], { key: 'bytes', ok: true, classes: ['raw'], scores: [1] });
  });

  test('classify() keeps the shape of its input', async () => {
    const o = { endpoints: chain.endpoints };
    assert.deepEqual(await classify(url('one'), o), { ok: true, classes: ['one'], scores: [1] });
    const arr = await classify([url('a1'), url('broken')], o);
    assert.deepEqual(
      arr.map((r) => r.ok),
      [true, false],
    );
    const map = await classify(new Map([[7, url('m7')]]), o);
    assert.deepEqual(map.get(7), { ok: true, classes: ['m7'], scores: [1] });
    const obj = await classify({ first: url('o1'), '': url('o2') }, o);
    assert.deepEqual(Object.keys(obj), ['first', '']);
    assert.deepEqual(obj[''], { ok: true, classes: ['o2'], scores: [1] });
    await assert.rejects(classify([url('a')], { ...o, mode: 'server', model: 'mnist' }), {
      code: 'BAD_REQUEST',
    });
  });

  test('abort: the pipe rejects with the signal reason', async () => {
    const controller = new AbortController();
    const items = ['slow', 'q1'].map((p, i) => ({ key: `k${i}`, input: url(p) }));
    setTimeout(() => controller.abort(new Error('stop now')), 50);
    await assert.rejects(collect(items, { ...options, signal: controller.signal }), /stop now/);
  });

  test('a gateway that is down: every key gets HOP_UNAVAILABLE from the client, after the retries', async () => {
    const server = http.createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    await new Promise((r) => server.close(r));
    const results = await classify([url('a'), url('b')], {
      gateway: `http://127.0.0.1:${port}`,
      retry: { attempts: 2, baseDelayMs: 5 },
    });
    for (const r of results) assert.deepEqual(r.ok ? 'ok' : [r.code, r.stage], ['HOP_UNAVAILABLE', 'client']);
  });
});
