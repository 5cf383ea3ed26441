/**
 * Issue 9 at the model service: TF Serving `instances` are bounded before any tensor is allocated,
 * and NaN or Infinity in an input fails that row (native protocol) or the request (TF Serving)
 * with INPUT_NOT_FINITE instead of giving ordinary-looking scores.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { float32Tensor } from '@tensorhop/protocol';
import { infer } from '@tensorhop/sdk';
import type { Listening } from '@tensorhop/kit';
import { createServer, loadModelConfig, type ModelService } from '../src/server.js';

let service: ModelService;
let listening: Listening;

before(async () => {
  const config = loadModelConfig({
    env: {},
    explicit: { port: 0, logLevel: 'silent', backend: 'wasm', instances: 1, models: ['mnist'] },
  });
  service = createServer(config);
  listening = await service.listen();
  await service.loaded;
});
after(() => service.close());

const digitRows = (n: number): Float32Array => new Float32Array(n * 28 * 28).fill(0.1);

test('a row holding NaN or Infinity fails alone with INPUT_NOT_FINITE; the other rows are classified', async () => {
  const data = digitRows(3);
  data[28 * 28 + 5] = Number.NaN;
  data[2 * 28 * 28 + 9] = Number.POSITIVE_INFINITY;
  const ok = digitRows(1);
  const reply = await infer(
    listening.url,
    [float32Tensor([4, 28, 28, 1], Float32Array.from([...data, ...ok]))],
    { keys: ['a', 'nan', 'inf', 'b'], route: { next: [], mode: 'EXACT' } },
  );
  assert.deepEqual(reply.keys, ['a', 'b']);
  assert.deepEqual(
    reply.errors.map((e) => [e.key, e.code, e.stage]),
    [
      ['nan', 'INPUT_NOT_FINITE', 'model'],
      ['inf', 'INPUT_NOT_FINITE', 'model'],
    ],
  );
  const classes = reply.outputs[reply.outputNames.indexOf('classes')];
  assert.ok(classes && 'strings' in classes && classes.shape[0] === 2);
});

test('TF Serving: 1,000,000 scalar instances are refused before any allocation, and 1e999 is INPUT_NOT_FINITE', async () => {
  const before = process.memoryUsage().rss;
  const body = `{"instances":[${Array.from({ length: 1_000_000 }, () => '0').join(',')}]}`;
  const t0 = Date.now();
  const res = await fetch(`${listening.url}/v1/models/mnist:predict`, { method: 'POST', body });
  assert.equal(res.status, 413);
  assert.match(((await res.json()) as { error: string }).error, /at most \d+ a request/);
  assert.ok(Date.now() - t0 < 5000, 'refused quickly');
  assert.ok(process.memoryUsage().rss - before < 400e6, 'no tensor of 1e6 × 784 floats was made');
  const row = Array.from({ length: 28 }, () => Array.from({ length: 28 }, () => [0]));
  (row[3] as number[][])[4] = [Number.POSITIVE_INFINITY]; // JSON.stringify writes null; 1e999 goes in below
  const text = JSON.stringify({ instances: [row] }).replace('null', '1e999');
  const inf = await fetch(`${listening.url}/v1/models/mnist:predict`, { method: 'POST', body: text });
  assert.equal(inf.status, 400);
  assert.match(((await inf.json()) as { error: string }).error, /NaN or Infinity/);
});
