/**
 * Model-only sections: the ceiling (images/s at fixed batch sizes, every instance busy, pre-made
 * tensors) that the whole chain is measured against, and dynamic batching on vs off with 16
 * concurrent one-image clients, for 1 and 2 instances.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  benchCeiling,
  benchClients,
  type CeilingRow,
  type ClientsRow,
} from '../../services/model/bench/harness.js';
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
 * Dynamic batching on vs off with 16 concurrent one-image clients, on the model's default
 * placement (instances × threads) and the other one, each beside what batching can give at most:
 * the model alone (pre-made tensors) at batch 16 vs batch 1. Returns the default placement's ratio.
 */
export async function benchBatching(
  name: string = 'mnist',
  repository: string = BENCH_MODELS.mnist.repository,
  seconds = 3,
): Promise<number> {
  /** Off and on at one placement (`instances` 0: the service's own choice), and the model alone. */
  const measure = async (instances: number) => {
    const runs = [];
    for (const batching of [false, true]) {
      runs.push(await benchClients({ repository, model: name, seconds, instances, batching, clients: 16 }));
    }
    const [off, on] = runs as [ClientsRow, ClientsRow];
    const alone = await benchCeiling({
      repository,
      model: name,
      seconds,
      batchSizes: [1, 16],
      ...(instances ? { instances } : {}),
    });
    const at = (b: number) => alone.find((r) => r.batchSize === b)?.imagesPerSecond ?? NaN;
    const placed = `${on.instances}×${on.threads}${instances === 0 ? ' (default)' : ''}`;
    return { off, on, placed, ratio: on.imagesPerSecond / off.imagesPerSecond, alone: at(16) / at(1) };
  };
  const own = await measure(0);
  const other = await measure(own.on.instances === 1 ? 2 : 1);
  const rows: string[][] = [['instances×threads', 'batching', 'images/s', 'p50 ms', 'p99 ms', 'mean batch']];
  for (const m of [own, other]) {
    for (const [state, r] of [
      ['off', m.off],
      ['on', m.on],
    ] as const) {
      rows.push([
        m.placed,
        state,
        r.imagesPerSecond.toFixed(0),
        r.p50Ms.toFixed(1),
        r.p99Ms.toFixed(1),
        r.meanBatch.toFixed(1),
      ]);
    }
  }
  for (const m of [own, other]) {
    rows.push([
      `${m.placed}: on ÷ off`,
      '',
      `${m.ratio.toFixed(1)}×`,
      `model alone: batch 16 ÷ batch 1 = ${m.alone.toFixed(1)}×`,
      m === own ? 'goal ≥ 3×' : '',
      '',
    ]);
  }
  printTable(`Dynamic batching, ${name}: 16 concurrent one-image clients`, rows);
  return own.ratio;
}

/** models/bench/mnist_onnx: the default CNN converted to ONNX, made when missing (in well under a second). */
export function mnistOnnx(): string {
  const repository = BENCH_MODELS.mobilenet_v2.repository;
  if (!existsSync(path.join(repository, 'mnist_onnx', '1', 'model.onnx'))) {
    const script = fileURLToPath(new URL('../../services/model/scripts/make-mnist-onnx.ts', import.meta.url));
    const made = spawnSync(process.execPath, ['--import', 'tsx', script, '--out', repository], {
      stdio: 'inherit',
    });
    if (made.status !== 0) throw new Error(`make-mnist-onnx exited with ${made.status}`);
  }
  return repository;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await modelCeiling('mnist');
  await benchBatching('mnist');
  await modelCeiling('mobilenet_v2', 5);
}
