import assert from 'node:assert/strict';
import { test } from 'node:test';
import { silentLogger } from '../src/logger.js';
import { createModelRuntime } from '../src/index.js';
import { rows, tempRepository, WIDTH, writeScaleModel } from './helpers/tiny-model.js';

const CRASH = -777; // the test hook: a batch starting with this value kills its worker mid-batch

test('a crashed worker fails only its rows with INFER_FAILED, is restarted, and the service goes on', async () => {
  const repo = await tempRepository();
  await writeScaleModel(repo, 'tiny', 1, {
    config: { batching: { max_batch_size: 4, max_queue_delay_ms: 0 } },
  });
  const runtime = await createModelRuntime({
    repository: repo,
    backend: 'wasm',
    instances: 1,
    logger: silentLogger,
    crashValue: CRASH,
  });
  try {
    const model = runtime.resolve({});
    // 8 rows in two batches of 4: the first batch crashes its worker, the second waits for the
    // replacement and succeeds.
    const data = rows(8);
    data[0] = CRASH;
    const outcome = await runtime.infer(model, { data, shape: [8, WIDTH] }, { topK: 1 });
    assert.deepEqual(outcome.rows, [4, 5, 6, 7]);
    assert.deepEqual(outcome.outputs[0]!.shape, [4, WIDTH]);
    assert.deepEqual(Array.from(outcome.outputs[0]!.data), Array.from(rows(8).subarray(4 * WIDTH)));
    assert.deepEqual(
      outcome.failures.map((f) => [f.row, f.code]),
      [0, 1, 2, 3].map((row) => [row, 'INFER_FAILED']),
    );
    assert.match(outcome.failures[0]!.message, /model instance exited \(code 70\)/);
    // The classes of surviving rows line up with outputs, not with the input rows that failed.
    assert.deepEqual(
      outcome.classes!.map((c) => c[0]),
      ['3', '3', '3', '3'],
    );

    const stats = runtime.stats();
    assert.equal(stats.restarts, 1);
    assert.equal(stats.failedRows, 4);
    assert.equal(runtime.ready(), true);
    const next = await runtime.infer(model, { data: rows(3, 100), shape: [3, WIDTH] });
    assert.deepEqual(Array.from(next.outputs[0]!.data), Array.from(rows(3, 100)));
    assert.deepEqual(next.failures, []);
  } finally {
    await runtime.close();
  }
});
