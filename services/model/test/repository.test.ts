import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { DEFAULT_REPOSITORY, loadRepository } from '../src/repository/repository.js';
import { parseModelConfig } from '../src/repository/model-config.js';
import { tempRepository, writeScaleModel } from './helpers/tiny-model.js';

test('lists models and versions, newest first, with tensorhop.json and labels', async () => {
  const repo = await tempRepository();
  await writeScaleModel(repo, 'beta', 1);
  await writeScaleModel(repo, 'alpha', 1);
  await writeScaleModel(repo, 'alpha', 10, {
    labels: ['a', 'b', 'c', 'd'],
    config: {
      description: 'ten',
      batching: { max_batch_size: 8 },
      top_k: 2,
      preprocess: { profile: 'unit' },
    },
  });
  await writeScaleModel(repo, 'alpha', 2);
  // Not models: a non-numeric version, a version without model.json, a folder of models.
  await mkdir(path.join(repo, 'alpha', 'latest'), { recursive: true });
  await mkdir(path.join(repo, 'alpha', '3'), { recursive: true });
  await writeScaleModel(path.join(repo, 'bench'), 'inner', 1);

  const { models } = await loadRepository(repo);
  assert.deepEqual(
    models.map((m) => [m.name, m.versions.map((v) => v.version)]),
    [
      ['alpha', [10, 2, 1]],
      ['beta', [1]],
    ],
  );
  const latest = models[0]!.versions[0]!;
  assert.equal(latest.format, 'layers-model');
  assert.deepEqual(latest.labels, ['a', 'b', 'c', 'd']);
  assert.equal(latest.config.description, 'ten');
  assert.deepEqual(latest.config.batching, { maxBatchSize: 8, maxQueueDelayMs: 2, maxQueueRows: 1024 });
  assert.equal(latest.config.topK, 2);
  assert.deepEqual(latest.config.preprocess, { profile: 'unit' });
  assert.equal(models[0]!.versions[1]!.labels, undefined);
  assert.equal(models[0]!.versions[1]!.config.topK, 5);

  const only = await loadRepository(repo, { only: ['beta'] });
  assert.deepEqual(
    only.models.map((m) => m.name),
    ['beta'],
  );
});

test('the project repository holds the default mnist model', async () => {
  const { models } = await loadRepository(DEFAULT_REPOSITORY);
  const mnist = models.find((m) => m.name === 'mnist');
  assert.ok(mnist, 'models/mnist exists');
  const v = mnist.versions[0]!;
  assert.deepEqual(v.labels, ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
  assert.deepEqual(v.config.inputs[0]?.shape, [-1, 28, 28, 1]);
  assert.deepEqual(v.config.preprocess, { profile: 'unit', channels: 1, invert: true, fit: 'contain' });
});

test('a bad tensorhop.json fails loading with the file and key named', async () => {
  const repo = await tempRepository();
  const dir = await writeScaleModel(repo, 'bad', 1);
  await writeFile(path.join(dir, 'tensorhop.json'), JSON.stringify({ batching: { max_batch_size: 0 } }));
  await assert.rejects(
    loadRepository(repo),
    /bad[/\\]1[/\\]tensorhop\.json: 'batching\.max_batch_size' must be an integer ≥ 1/,
  );
  await writeFile(path.join(dir, 'tensorhop.json'), '{ not json');
  await assert.rejects(loadRepository(repo), /tensorhop\.json: /);
  await assert.rejects(loadRepository(path.join(repo, 'missing')), /is not a directory/);
});

test('parseModelConfig checks every key', () => {
  assert.throws(() => parseModelConfig({ topk: 3 }, 'f.json'), /f\.json: 'topk' is not a known key/);
  assert.throws(() => parseModelConfig({ inputs: [{ shape: [0, 2] }] }, 'f'), /inputs\[0\]\.shape/);
  assert.throws(
    () => parseModelConfig({ batching: { max_batch_size: 64, max_queue_rows: 10 } }, 'f'),
    /max_queue_rows' must be at least max_batch_size/,
  );
  const config = parseModelConfig({ instances: 3, top_k: 0, batching: { max_queue_delay_ms: 0.5 } }, 'f');
  assert.equal(config.instances, 3);
  assert.equal(config.topK, 0);
  assert.equal(config.batching.maxQueueDelayMs, 0.5);
});
