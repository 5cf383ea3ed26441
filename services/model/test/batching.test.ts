import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { isTensorhopError } from '../src/errors.js';
import { silentLogger } from '../src/logger.js';
import { createModelRuntime, type ModelRuntime } from '../src/index.js';
import { loadModelConfig } from '../src/config.js';
import { createServer } from '../src/server.js';
import { rows, tempRepository, WIDTH, writeScaleModel } from './helpers/tiny-model.js';

// One instance and a long queue delay, so concurrent requests reliably meet in the queue.
const BATCHING = { max_batch_size: 8, max_queue_delay_ms: 30, max_queue_rows: 64 };
let runtime: ModelRuntime;

before(async () => {
  const repo = await tempRepository();
  await writeScaleModel(repo, 'one', 1, {
    scale: 1,
    config: { batching: BATCHING, inputs: [{ name: 'x' }], outputs: [{ name: 'y' }] },
  });
  await writeScaleModel(repo, 'two', 1, { scale: 2, config: { batching: BATCHING } });
  await writeScaleModel(repo, 'two', 2, { scale: 3, config: { batching: BATCHING } });
  runtime = await createModelRuntime({
    repository: repo,
    backend: 'wasm',
    instances: 1,
    logger: silentLogger,
  });
});
after(() => runtime.close());

const infer = (model: string, version: number | undefined, n: number, base: number) =>
  runtime.infer(runtime.resolve({ model, version }), { data: rows(n, base), shape: [n, WIDTH] }, { topK: 0 });

test('concurrent requests share batches and each gets its own rows back in order', async () => {
  const before = runtime.stats();
  const outcomes = await Promise.all(
    Array.from({ length: 6 }, (_, i) => infer('one', undefined, 1 + (i % 2), i * 1000)),
  );
  const stats = runtime.stats();
  const batches = stats.batches - before.batches;
  assert.ok(batches < 6, `6 requests ran in ${batches} batches`);
  assert.equal(stats.batchedRows - before.batchedRows, 9);
  outcomes.forEach((outcome, i) => {
    assert.deepEqual(Array.from(outcome.outputs[0]!.data), Array.from(rows(1 + (i % 2), i * 1000)));
    assert.deepEqual(outcome.outputs[0]!.shape, [1 + (i % 2), WIDTH]);
    assert.equal(outcome.outputs[0]!.name, 'y');
    assert.deepEqual(outcome.rows, i % 2 ? [0, 1] : [0]);
    assert.deepEqual(outcome.failures, []);
  });
});

test('a request larger than max_batch_size spans batches and comes back in order', async () => {
  const before = runtime.stats().batches;
  const outcome = await infer('one', undefined, 21, 0);
  assert.equal(runtime.stats().batches - before, 3); // 8 + 8 + 5
  assert.deepEqual(Array.from(outcome.outputs[0]!.data), Array.from(rows(21)));
  assert.equal(outcome.rows.length, 21);
});

test('different models and versions never share a batch', async () => {
  const before = new Map(runtime.stats().models.map((m) => [`${m.name}:${m.version}`, m.batchedRows]));
  const [a, b, c] = await Promise.all([infer('one', 1, 3, 0), infer('two', 1, 3, 0), infer('two', 2, 3, 0)]);
  assert.deepEqual(Array.from(a.outputs[0]!.data), Array.from(rows(3)));
  assert.deepEqual(
    Array.from(b.outputs[0]!.data),
    Array.from(rows(3)).map((v) => v * 2),
  );
  assert.deepEqual(
    Array.from(c.outputs[0]!.data),
    Array.from(rows(3)).map((v) => v * 3),
  );
  for (const m of runtime.stats().models)
    assert.equal(m.batchedRows - before.get(`${m.name}:${m.version}`)!, 3);
});

test('the latest version serves unless one is named; unknown ones are 404 NOT_FOUND', async () => {
  assert.equal(runtime.resolve({ model: 'two' }).version, 2);
  assert.equal(runtime.resolve({ model: 'two', version: '1' }).version, 1);
  assert.deepEqual(runtime.resolve({ model: 'two' }).versions, [2, 1]);
  const notFound = (error: unknown) =>
    isTensorhopError(error) && error.code === 'NOT_FOUND' && error.status === 404;
  assert.throws(() => runtime.resolve({ model: 'three' }), notFound);
  assert.throws(() => runtime.resolve({ model: 'two', version: 7 }), notFound);
  assert.throws(
    () => runtime.resolve({ model: 'two', version: 'x' }),
    (e) => isTensorhopError(e) && e.status === 400,
  );
  // Two models and no TENSORHOP_MODEL_DEFAULT: a request must name one.
  assert.throws(() => runtime.resolve({}), /no model named and no default model; name one of: one, two/);
});

test('a full queue answers OVERLOADED with a retry-after hint; too many rows is PAYLOAD_TOO_LARGE', async () => {
  const repo = await tempRepository();
  const batching = { max_batch_size: 16, max_queue_delay_ms: 50, max_queue_rows: 16 };
  await writeScaleModel(repo, 'small', 1, { config: { batching } });
  const small = await createModelRuntime({
    repository: repo,
    backend: 'wasm',
    instances: 1,
    logger: silentLogger,
  });
  try {
    const model = small.resolve({});
    // Requests made in the same tick all meet in the queue before any batch leaves.
    const queued = small.infer(model, { data: rows(12), shape: [12, WIDTH] });
    const rejected = small.infer(model, { data: rows(5), shape: [5, WIDTH] });
    const tooLarge = small.infer(model, { data: rows(17), shape: [17, WIDTH] });
    const fits = small.infer(model, { data: rows(4, 500), shape: [4, WIDTH] }); // fills the batch of 16
    await assert.rejects(rejected, (error) => {
      assert.ok(isTensorhopError(error));
      assert.equal(error.code, 'OVERLOADED');
      assert.equal(error.status, 429);
      assert.ok((error.retryAfterSeconds ?? 0) >= 1);
      return true;
    });
    await assert.rejects(tooLarge, { code: 'PAYLOAD_TOO_LARGE' });
    assert.deepEqual(Array.from((await fits).outputs[0]!.data), Array.from(rows(4, 500)));
    assert.deepEqual(Array.from((await queued).outputs[0]!.data), Array.from(rows(12)));
    assert.equal(small.stats().rejected, 1);
    assert.equal(small.stats().batches, 1); // 12 + 4 rows, one full batch
  } finally {
    await small.close();
  }
});

test('a partial batch does not wait out max_queue_delay_ms once no more rows are coming', async () => {
  const repo = await tempRepository();
  await writeScaleModel(repo, 'patient', 1, {
    config: { batching: { max_batch_size: 64, max_queue_delay_ms: 5000 } },
  });
  const patient = await createModelRuntime({
    repository: repo,
    backend: 'wasm',
    instances: 1,
    logger: silentLogger,
  });
  try {
    const model = patient.resolve({});
    const started = performance.now();
    const outcomes = await Promise.all(
      [1, 2, 3].map((n) => patient.infer(model, { data: rows(n), shape: [n, WIDTH] })),
    );
    assert.ok(performance.now() - started < 1000, 'answered long before the 5 s delay');
    assert.deepEqual(
      outcomes.map((o) => o.rows.length),
      [1, 2, 3],
    );
    assert.equal(patient.stats().batches, 1);
  } finally {
    await patient.close();
  }
});

test('a burst is shared among idle instances instead of queueing behind one', async () => {
  const repo = await tempRepository();
  await writeScaleModel(repo, 'pair', 1, {
    config: { batching: { max_batch_size: 64, max_queue_delay_ms: 50 } },
  });
  const pair = await createModelRuntime({
    repository: repo,
    backend: 'wasm',
    instances: 2,
    logger: silentLogger,
  });
  try {
    const model = pair.resolve({});
    const outcomes = await Promise.all(
      Array.from({ length: 16 }, (_, i) => pair.infer(model, { data: rows(1, i * 100), shape: [1, WIDTH] })),
    );
    outcomes.forEach((o, i) =>
      assert.deepEqual(Array.from(o.outputs[0]!.data), Array.from(rows(1, i * 100))),
    );
    const stats = pair.stats();
    assert.equal(stats.batches, 2);
    assert.equal(stats.batchedRows, 16);
  } finally {
    await pair.close();
  }
});

test('input is checked against the signature for the whole request', async () => {
  const model = runtime.resolve({ model: 'one' });
  await assert.rejects(runtime.infer(model, { data: new Float32Array(6), shape: [2, 3] }), {
    code: 'SHAPE_MISMATCH',
    message: "input 'x' expects shape [-1,4], got [2,3]",
  });
  await assert.rejects(runtime.infer(model, { data: new Float32Array(7), shape: [2, 4] }), {
    code: 'SHAPE_MISMATCH',
    message: "input 'x' of shape [2,4] needs 8 values, got 7",
  });
  await assert.rejects(runtime.infer(model, { data: new Int32Array(8), shape: [2, 4] }), {
    code: 'SHAPE_MISMATCH',
    message: "input 'x' expects dtype float32, got int32",
  });
  // uint8 converts exactly, so it is accepted for a float32 input.
  const bytes = await runtime.infer(model, { data: Uint8Array.from([1, 2, 3, 250]), shape: [1, 4] });
  assert.deepEqual(Array.from(bytes.outputs[0]!.data), [1, 2, 3, 250]);
});

test('an aborted request leaves the queue', async () => {
  const model = runtime.resolve({ model: 'one' });
  const controller = new AbortController();
  const pending = runtime.infer(model, { data: rows(2), shape: [2, WIDTH] }, { signal: controller.signal });
  controller.abort(new Error('client went away'));
  await assert.rejects(pending, /client went away/);
  assert.equal(runtime.stats().queueRows, 0);
});

test('TENSORHOP_MODEL_MAX_BATCH_SIZE caps every model’s batches; 1 turns batching off', async () => {
  const repo = await tempRepository();
  await writeScaleModel(repo, 'one', 1, { scale: 1, config: { batching: BATCHING } });
  const batchesFor = async (env: Record<string, string>): Promise<{ batches: number; rows: number }> => {
    const config = loadModelConfig({
      env,
      explicit: { port: 0, host: '127.0.0.1', repository: repo, logLevel: 'silent', instances: 1 },
    });
    const service = createServer(config);
    await service.listen();
    const served = await service.loaded;
    try {
      const model = served.resolve({ model: 'one' });
      await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          served.infer(model, { data: rows(1, i), shape: [1, WIDTH] }, { topK: 0 }),
        ),
      );
      const { batches, batchedRows } = served.stats();
      return { batches, rows: batchedRows };
    } finally {
      await service.close();
    }
  };
  // tensorhop.json's max_batch_size 8 with a 30 ms delay: the 8 concurrent rows share batches.
  const own = await batchesFor({});
  assert.equal(own.rows, 8);
  assert.ok(own.batches <= 2, `${own.batches} batches for 8 concurrent rows`);
  const off = await batchesFor({ TENSORHOP_MODEL_MAX_BATCH_SIZE: '1' });
  assert.deepEqual(off, { batches: 8, rows: 8 });
  assert.throws(() => loadModelConfig({ env: { TENSORHOP_MODEL_MAX_BATCH_SIZE: '-3' } }), /MAX_BATCH_SIZE/);
});
