/**
 * The model service under the Open Inference Protocol with several models and versions: each name
 * and version in the path reaches that model version (its own signature, labels and hint), as a
 * native request's `{model, version}` config does.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createServer, loadModelConfig, type ModelService } from '../src/server.js';
import { rows, tempRepository, writeScaleModel, WIDTH } from './helpers/tiny-model.js';

let service: ModelService;
let url = '';

before(async () => {
  const repo = await tempRepository();
  await writeScaleModel(repo, 'alpha', 1, { scale: 1 });
  await writeScaleModel(repo, 'alpha', 2, {
    scale: 2,
    labels: ['a', 'b', 'c', 'd'],
    config: { top_k: 2, preprocess: { profile: 'unit' } },
  });
  await writeScaleModel(repo, 'beta', 1, { scale: 3 });
  service = createServer(
    loadModelConfig({
      env: {},
      explicit: {
        port: 0,
        logLevel: 'silent',
        repository: repo,
        backend: 'cpu',
        instances: 1,
        default: 'alpha',
      },
    }),
  );
  url = (await service.listen()).url;
  await service.loaded;
});

after(() => service.close());

interface Meta {
  versions: string[];
  outputs: { name: string }[];
  properties?: Record<string, string>;
}
const meta = async (path: string) => (await (await fetch(`${url}${path}`)).json()) as Meta;

test('metadata per model and per version', async () => {
  const latest = await meta('/v2/models/alpha');
  assert.deepEqual(latest.versions, ['2', '1']);
  assert.ok(latest.outputs.some((o) => o.name === 'classes'));
  assert.deepEqual(JSON.parse(latest.properties?.tensorhop_preprocess ?? '{}'), { profile: 'unit' });
  const v1 = await meta('/v2/models/alpha/versions/1');
  assert.ok(!v1.outputs.some((o) => o.name === 'classes'), 'version 1 has no labels');
  assert.equal(v1.properties, undefined);
  assert.deepEqual((await meta('/v2/models/beta')).versions, ['1']);
});

test('the path picks the model version that runs', async () => {
  const input = Array.from(rows(2));
  const scaled = async (path: string): Promise<number[]> => {
    const res = await fetch(`${url}${path}`, {
      method: 'POST',
      body: JSON.stringify({ inputs: [{ name: 'x', shape: [2, WIDTH], datatype: 'FP32', data: input }] }),
    });
    assert.equal(res.status, 200);
    const body = (await res.json()) as { outputs: { name: string; data: number[] }[] };
    const out = body.outputs.find((o) => o.name !== 'classes' && o.name !== 'scores') as { data: number[] };
    return out.data.map((v, i) => v / (input[i] as number));
  };
  assert.deepEqual(await scaled('/v2/models/alpha/versions/1/infer'), new Array(8).fill(1));
  assert.deepEqual(await scaled('/v2/models/alpha/infer'), new Array(8).fill(2));
  assert.deepEqual(await scaled('/v2/models/beta/versions/1/infer'), new Array(8).fill(3));
  const missing = await fetch(`${url}/v2/models/alpha/versions/3/infer`, { method: 'POST', body: '{}' });
  assert.equal(missing.status, 404);
});
