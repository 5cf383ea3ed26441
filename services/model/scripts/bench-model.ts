/**
 * Model-only benchmark: the throughput ceiling at fixed batch sizes, and 16 one-image clients
 * with dynamic batching on and off, for 1 and 2 instances.
 *
 *   node --import tsx services/model/scripts/bench-model.ts [--model mnist|mobilenet_v2|all] [--seconds 3]
 *
 * MobileNetV2 needs `npm run model:mobilenet -w services/model` first (models/bench/, git-ignored).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  benchCeiling,
  benchClients,
  type BenchOptions,
  type CeilingRow,
  type ClientsRow,
} from '../bench/harness.js';
import type { BackendRequest } from '../src/tfjs/backend.js';

const { values: args } = parseArgs({
  options: {
    model: { type: 'string', default: 'all' },
    seconds: { type: 'string', default: '3' },
    backend: { type: 'string', default: 'auto' },
    'batch-sizes': { type: 'string' },
  },
});
const models = fileURLToPath(new URL('../../../models/', import.meta.url));
const TARGETS: Record<string, { repository: string; batchSizes: number[] }> = {
  mnist: { repository: models, batchSizes: [1, 8, 32, 64, 128] },
  mobilenet_v2: { repository: path.join(models, 'bench'), batchSizes: [1, 8, 32, 64, 128] },
};

for (const name of args.model === 'all' ? Object.keys(TARGETS) : [args.model]) {
  const target = TARGETS[name];
  if (!target) throw new Error(`unknown model '${name}' (mnist, mobilenet_v2, all)`);
  if (!existsSync(path.join(target.repository, name))) {
    console.log(
      `\n${name}: not found in ${target.repository}; run npm run model:mobilenet -w services/model`,
    );
    continue;
  }
  const options: BenchOptions = {
    repository: target.repository,
    model: name,
    seconds: Number(args.seconds),
    backend: args.backend as BackendRequest,
  };
  const batchSizes = args['batch-sizes']?.split(',').map(Number) ?? target.batchSizes;
  console.log(`\n## ${name} — ceiling (every instance busy, pre-made tensors)`);
  printCeiling(await benchCeiling({ ...options, batchSizes }));
  console.log(`\n## ${name} — 16 concurrent one-image clients`);
  const rows: ClientsRow[] = [];
  for (const instances of [1, 2]) {
    for (const batching of [false, true])
      rows.push(await benchClients({ ...options, instances, batching, clients: 16 }));
  }
  printClients(rows);
}

function printCeiling(rows: CeilingRow[]): void {
  console.log('| batch | instances | images/s | ms/batch |\n|---:|---:|---:|---:|');
  for (const r of rows)
    console.log(
      `| ${r.batchSize} | ${r.instances} | ${r.imagesPerSecond.toFixed(1)} | ${r.msPerBatch.toFixed(1)} |`,
    );
}

function printClients(rows: ClientsRow[]): void {
  console.log(
    '| instances | batching | images/s | p50 ms | p99 ms | mean batch | speed-up |\n|---:|---|---:|---:|---:|---:|---:|',
  );
  for (const r of rows) {
    const off = rows.find((o) => o.instances === r.instances && !o.batching)!;
    const gain = (r.imagesPerSecond / off.imagesPerSecond).toFixed(2);
    console.log(
      `| ${r.instances} | ${r.batching ? 'on' : 'off'} | ${r.imagesPerSecond.toFixed(1)} | ${r.p50Ms.toFixed(1)} | ${r.p99Ms.toFixed(1)} | ${r.meanBatch.toFixed(1)} | ${gain}× |`,
    );
  }
}
