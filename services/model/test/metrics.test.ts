import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { isTensorhopError } from '../src/errors.js';
import { loadModelConfig } from '../src/config.js';
import type { ModelRuntime } from '../src/index.js';
import { createServer, type ModelService } from '../src/server.js';
import { sampleValues } from '../../../test/helpers/prometheus.js';
import { rows, tempRepository, WIDTH, writeScaleModel } from './helpers/tiny-model.js';

// One instance, batches of at most 8 and a queue of 64 rows, so every count below is exact.
const BATCHING = { max_batch_size: 8, max_queue_delay_ms: 30, max_queue_rows: 64 };
const CRASH = -777; // the test hook: a batch starting with this value kills its worker mid-batch
let service: ModelService;
let served: ModelRuntime;
let url: string;

before(async () => {
  const repo = await tempRepository();
  await writeScaleModel(repo, 'one', 1, { config: { batching: BATCHING } });
  await writeScaleModel(repo, 'idle', 1, { config: { batching: BATCHING } });
  const config = loadModelConfig({
    env: {},
    explicit: { port: 0, host: '127.0.0.1', repository: repo, logLevel: 'silent', instances: 1 },
  });
  service = createServer(config, { crashValue: CRASH });
  ({ url } = await service.listen());
  served = await service.loaded;
});
after(() => service.close());

type Value = (name: string, labels?: Record<string, string>) => number;

/** Reads /metrics; `value(name, labels)` is the one sample of `name` carrying those labels (among others). */
async function scrape(): Promise<Value> {
  const text = await (await fetch(`${url}/metrics`)).text();
  return (name, labels = {}) => {
    const found = sampleValues(text, name, labels);
    assert.equal(found.length, 1, `${name} ${JSON.stringify(labels)}: ${found.length} samples in /metrics`);
    return found[0]!;
  };
}

const ONE = { model: 'one', version: '1' };
const IDLE = { model: 'idle', version: '1' };

test('/metrics counts each model version’s requests, rows, batches, refusals and instance time', async () => {
  const model = served.resolve({ model: 'one' });
  const infer = (n: number, base = 0) =>
    served.infer(model, { data: rows(n, base), shape: [n, WIDTH] }, { topK: 0 });
  const started = performance.now();
  // Six concurrent requests (9 rows) meet in the queue; 21 rows span batches of 8, 8 and 5.
  await Promise.all(Array.from({ length: 6 }, (_, i) => infer(1 + (i % 2), i * 100)));
  await infer(21);
  // 60 rows fill the queue (one batch of 8 leaves at once); 13 more in the same tick do not fit.
  const queued = infer(60);
  await assert.rejects(infer(13), (e) => isTensorhopError(e) && e.code === 'OVERLOADED');
  await queued;
  const wall = (performance.now() - started) / 1000;

  const value = await scrape();
  const { batches } = served.stats();
  assert.equal(value('tensorhop_model_rows_total', ONE), 9 + 21 + 60);
  assert.equal(value('tensorhop_model_requests_total', ONE), 8);
  assert.equal(value('tensorhop_model_rejected_requests_total', ONE), 1);
  assert.equal(value('tensorhop_model_failed_rows_total', ONE), 0);
  assert.equal(value('tensorhop_model_batches_total', ONE), batches);
  // 9 rows in fewer than 6 batches, then 3 for the 21 rows, then at least 60 / 8 for the rest.
  assert.ok(batches >= 1 + 3 + 8 && batches < 6 + 3 + 8 + 1, `${batches} batches`);

  // The batch-size histogram holds every batch once, and their rows.
  assert.equal(value('tensorhop_model_batch_size_count', ONE), batches);
  assert.equal(value('tensorhop_model_batch_size_sum', ONE), 90);
  assert.equal(value('tensorhop_model_batch_size_bucket', { ...ONE, le: '8' }), batches);
  assert.ok(value('tensorhop_model_batch_size_bucket', { ...ONE, le: '4' }) < batches);

  // Instance time is real and bounded by the wall clock of one instance; queue time is positive.
  const compute = value('tensorhop_model_compute_seconds_total', ONE);
  assert.ok(compute > 0 && compute <= wall, `compute ${compute} s in ${wall} s`);
  assert.ok(value('tensorhop_model_queue_seconds_total', ONE) > 0);
  assert.equal(value('tensorhop_model_live_instances', ONE), 1);
  assert.equal(value('tensorhop_model_instance_restarts_total', ONE), 0);
  assert.equal(value('tensorhop_model_queue_rows'), 0);

  // A model nobody called is listed at zero, not left out.
  assert.equal(value('tensorhop_model_rows_total', IDLE), 0);
  assert.equal(value('tensorhop_model_batches_total', IDLE), 0);
});

test('/metrics counts the rows of a batch whose worker died, and the instance restart', async () => {
  const model = served.resolve({ model: 'idle' });
  // 12 rows in batches of 8 and 4: the first kills its worker, the second runs on the replacement.
  const data = rows(12);
  data[0] = CRASH;
  const outcome = await served.infer(model, { data, shape: [12, WIDTH] }, { topK: 0 });
  assert.equal(outcome.failures.length, 8);
  const value = await scrape();
  assert.equal(value('tensorhop_model_failed_rows_total', IDLE), 8);
  assert.equal(value('tensorhop_model_instance_restarts_total', IDLE), 1);
  assert.equal(value('tensorhop_model_rows_total', IDLE), 12);
  assert.equal(value('tensorhop_model_batches_total', IDLE), 2);
  assert.equal(value('tensorhop_model_batch_size_count', IDLE), 2);
  assert.equal(value('tensorhop_model_live_instances', IDLE), 1);
});
