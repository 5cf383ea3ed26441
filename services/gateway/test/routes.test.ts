/**
 * Routes: every path of a service under `/v1/<pool>` (prefix off), TF Serving's `/v1/models/...`
 * to the model pool (path kept), hop tables pointing at the gateway's pool routes (so hops are
 * balanced too), DNS pools, bodies streamed through, and the web page.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import { after, describe, test } from 'node:test';
import { float32Tensor, type NumericTensor } from '@tensorhop/protocol';
import { infer } from '@tensorhop/sdk';
import {
  floats,
  inferJson,
  postJson,
  startGateway,
  startPlain,
  startReplica,
  whoAnswered,
} from './helpers.js';

const closers: (() => Promise<void>)[] = [];
after(async () => {
  for (const close of closers.reverse()) await close();
});

describe('routes', () => {
  test('/v1/<pool> reaches the replica root, /v1/<pool>/healthz its /healthz, metadata by GET', async () => {
    const replica = await startReplica('a');
    closers.push(() => replica.service.close());
    const { gateway, url } = await startGateway({ upstreams: { toy: replica.url } });
    closers.push(() => gateway.close());
    const health = (await (await fetch(`${url}/v1/toy/healthz`)).json()) as { status: string; stage: string };
    assert.deepEqual([health.status, health.stage], ['ok', 'toy']);
    assert.equal((await fetch(`${url}/v1/toy/readyz`)).status, 200);
    const meta = (await (await fetch(`${url}/v1/toy`)).json()) as {
      name: string;
      inputs: { name: string }[];
    };
    assert.equal(meta.name, 'toy');
    assert.equal(meta.inputs[0]?.name, 'x');
    assert.equal((await fetch(`${url}/v1/toy?trace=1`)).status, 200);
    const notFound = await fetch(`${url}/v1/nope`);
    assert.equal(notFound.status, 404);
    const body = (await notFound.json()) as { errors: { code: string; message: string }[] };
    assert.equal(body.errors[0]?.code, 'NOT_FOUND');
    assert.match(body.errors[0]?.message ?? '', /pools are toy/);
    assert.equal((await fetch(`${url}/nothing-here`)).status, 404);
  });

  test('/v1/models/... goes to the model pool with its path kept', async () => {
    const tfs = await startPlain((req, res) => {
      if (req.url === '/readyz') return void res.end('ok');
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ method: req.method, path: req.url }));
    });
    closers.push(tfs.close);
    const { gateway, url } = await startGateway({ upstreams: { model: tfs.url } });
    closers.push(() => gateway.close());
    const predict = await fetch(`${url}/v1/models/mnist/versions/1:predict`, {
      method: 'POST',
      body: '{"instances":[]}',
    });
    assert.deepEqual(await predict.json(), { method: 'POST', path: '/v1/models/mnist/versions/1:predict' });
    const meta = await fetch(`${url}/v1/models/mnist/metadata`);
    assert.deepEqual(await meta.json(), { method: 'GET', path: '/v1/models/mnist/metadata' });
    assert.deepEqual(await (await fetch(`${url}/v1/model/healthz`)).json(), {
      method: 'GET',
      path: '/healthz',
    });
  });

  test('a hop table pointing at the gateway: stage a forwards to pool b, balanced over two replicas', async () => {
    const [b1, b2] = await Promise.all([
      startReplica('b1', { name: 'b' }),
      startReplica('b2', { name: 'b' }),
    ]);
    closers.push(
      () => b1.service.close(),
      () => b2.service.close(),
    );
    // The gateway's port is needed in a's hop table before a starts: the pool of a is set afterwards.
    const { gateway, url } = await startGateway({
      upstreams: { b: `${b1.url},${b2.url}`, a: 'http://127.0.0.1:9' },
    });
    closers.push(() => gateway.close());
    const a = await startReplica('a', { name: 'a', hops: { b: `${url}/v1/b` }, next: 'b' });
    closers.push(() => a.service.close());
    gateway.pools.get('a')?.setReplicas([a.url]);
    await gateway.checkHealth();
    const who: string[] = [];
    for (let i = 0; i < 4; i++) {
      const reply = await postJson(`${url}/v1/a`, inferJson([i], { route: { mode: 'DEFAULT' } }));
      assert.equal(reply.status, 200);
      assert.deepEqual(floats(reply, 'x'), [i + 2], 'a added one, then b added one');
      who.push(...whoAnswered(reply));
    }
    assert.deepEqual(who.sort(), ['b1', 'b1', 'b2', 'b2']);
    // The same with the protocol client in protobuf, and a's readiness checks b through the gateway.
    const reply = await infer(`${url}/v1/a`, [float32Tensor([2], new Float32Array([10, 20]))], {
      keys: ['p', 'q'],
    });
    assert.deepEqual(reply.keys, ['p', 'q']);
    assert.deepEqual(Array.from((reply.outputs[0] as NumericTensor).data as Float32Array), [12, 22]);
    assert.deepEqual(
      reply.trace.map((t) => t.stage),
      ['a', 'b'],
    );
    assert.equal((await fetch(`${a.url}/readyz`)).status, 200);
  });

  test('a dns:// pool: every address of the name is a replica', async () => {
    const replica = await startReplica('a');
    closers.push(() => replica.service.close());
    const port = new URL(replica.url).port;
    const { gateway, url } = await startGateway({ upstreams: { toy: `dns://localhost:${port}` } });
    closers.push(() => gateway.close());
    const urls = gateway.pools.get('toy')?.replicas.map((r) => r.url) ?? [];
    assert.ok(urls.includes(`http://127.0.0.1:${port}`), urls.join(' '));
    const reply = await postJson(`${url}/v1/toy`, inferJson([1]));
    assert.equal(reply.status, 200);
    assert.deepEqual(whoAnswered(reply), ['a']);
  });

  test('bodies are streamed: the replica sees the first bytes before the client has sent the rest', async () => {
    let firstChunk: () => void = () => undefined;
    const gotFirst = new Promise<void>((resolve) => (firstChunk = resolve));
    const sink = await startPlain((req, res) => {
      if (req.url === '/readyz') return void res.end('ok');
      let bytes = 0;
      req.on('data', (c: Buffer) => {
        bytes += c.length;
        firstChunk();
      });
      req.on('end', () => res.end(String(bytes)));
    });
    closers.push(sink.close);
    const { gateway, url } = await startGateway({ upstreams: { sink: sink.url }, bodyBufferBytes: 0 });
    closers.push(() => gateway.close());
    const answer = new Promise<string>((resolve, reject) => {
      const req = http.request(`${url}/v1/sink`, { method: 'POST' }, (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c));
        res.on('end', () => resolve(text));
      });
      req.on('error', reject);
      req.write(Buffer.alloc(64 * 1024, 1));
      void gotFirst.then(() => {
        for (let i = 0; i < 15; i++) req.write(Buffer.alloc(64 * 1024, 2));
        req.end();
      });
    });
    assert.equal(await answer, String(16 * 64 * 1024));
  });
});
