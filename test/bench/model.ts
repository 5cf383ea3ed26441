/**
 * Model-only sections: the ceiling (images/s at fixed batch sizes, every instance busy, pre-made
 * tensors) that the whole chain is measured against, and dynamic batching on vs off with 16
 * concurrent one-image clients, for 1 and 2 instances.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { benchCeiling, benchClients, type CeilingRow } from '../../services/model/bench/harness.js';
import { DEFAULT_REPOSITORY } from '../../services/model/src/index.js';
import { printTable } from './report.js';

export const BENCH_MODELS = {
  mnist: { repository: DEFAULT_REPOSITORY, batchSizes: [1, 8, 32, 64, 128] },
  mobilenet_v2: { repository: path.join(DEFAULT_REPOSITORY, 'bench'), batchSizes: [1, 4, 8] },
};

/** The best images/s over batch sizes, with every instance; undefined when the model is missing. */
export async function modelCeiling(
  name: keyof typeof BENCH_MODELS,
  seconds = 3,
): Promise<CeilingRow | undefined> {
  const target = BENCH_MODELS[name];
  if (!existsSync(path.join(target.repository, name))) {
    console.log(
      `\n${name}: not in ${target.repository}; make it with npm run model:mobilenet -w services/model`,
    );
    return undefined;
  }
  const rows = await benchCeiling({
    repository: target.repository,
    model: name,
    seconds,
    batchSizes: target.batchSizes,
  });
  printTable(`Model-only ceiling, ${name} (pre-made tensors, every instance busy)`, [
    ['batch size', 'instances', 'images/s', 'ms per batch'],
    ...rows.map((r) => [
      String(r.batchSize),
      String(r.instances),
      r.imagesPerSecond.toFixed(0),
      r.msPerBatch.toFixed(1),
    ]),
  ]);
  return rows.reduce((best, r) => (r.imagesPerSecond > best.imagesPerSecond ? r : best));
}

/**
 * Dynamic batching on vs off with 16 concurrent one-image clients, per instance count, beside
 * what batching can give at most: the model alone (pre-made tensors) at batch 16 vs batch 1.
 */
export async function benchBatching(
  name: string = 'mnist',
  repository: string = BENCH_MODELS.mnist.repository,
  seconds = 3,
): Promise<void> {
  const rows: string[][] = [['instances', 'batching', 'images/s', 'p50 ms', 'p99 ms', 'mean batch']];
  const rate: Record<string, number> = {};
  const bound: Record<number, number> = {};
  for (const instances of [1, 2]) {
    for (const batching of [false, true]) {
      const r = await benchClients({ repository, model: name, seconds, instances, batching, clients: 16 });
      rate[`${instances}-${batching}`] = r.imagesPerSecond;
      rows.push([
        String(instances),
        batching ? 'on' : 'off',
        r.imagesPerSecond.toFixed(0),
        r.p50Ms.toFixed(1),
        r.p99Ms.toFixed(1),
        r.meanBatch.toFixed(1),
      ]);
    }
    const alone = await benchCeiling({ repository, model: name, seconds, instances, batchSizes: [1, 16] });
    const at = (b: number) => alone.find((r) => r.batchSize === b)?.imagesPerSecond ?? NaN;
    bound[instances] = at(16) / at(1);
  }
  const ratio = (i: number) => ((rate[`${i}-true`] ?? 0) / (rate[`${i}-false`] ?? 1)).toFixed(1);
  for (const i of [1, 2]) {
    rows.push([
      `${i} → on/off`,
      '',
      `${ratio(i)}×`,
      `model alone: batch 16 ÷ batch 1 = ${bound[i]!.toFixed(1)}×`,
      i === 2 ? 'goal ≥ 3×' : '',
      '',
    ]);
  }
  printTable(`Dynamic batching, ${name}: 16 concurrent one-image clients`, rows);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await modelCeiling('mnist');
  await benchBatching('mnist');
  await modelCeiling('mobilenet_v2', 5);
}
