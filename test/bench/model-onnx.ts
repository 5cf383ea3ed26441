/**
 * ONNX Runtime vs TensorFlow.js (wasm) on the same network: nsfwjs's MobileNetV2 at 224×224 and
 * its ONNX conversion (same weights), model-only ceilings side by side in one run, the ratio
 * against the goal (≥ 4×), and the ONNX instances × threads choice measured on this machine —
 * both as a ceiling and under 16 one-image clients with dynamic batching.
 *
 *   npm run bench -- onnx
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchCeiling, benchClients, type CeilingRow } from '../../services/model/bench/harness.js';
import { DEFAULT_REPOSITORY } from '../../services/model/src/index.js';
import { printTable } from './report.js';

const REPOSITORY = path.join(DEFAULT_REPOSITORY, 'bench');
const SCRIPT = fileURLToPath(new URL('../../services/model/scripts/make-mobilenet-onnx.ts', import.meta.url));

/** instances × threads per instance to compare, every one filling the cores exactly. */
/** Instances × threads placements that use every core: 2 cores → 2×1 and 1×2. */
export function placements(cores = availableParallelism()): [number, number][] {
  const out: [number, number][] = [];
  for (let threads = 1; threads <= cores; threads *= 2) out.push([Math.floor(cores / threads), threads]);
  if (!out.some(([, t]) => t === cores)) out.push([1, cores]);
  return out;
}

/** The row with the most images/s. */
export const best = (rows: CeilingRow[]): CeilingRow =>
  rows.reduce((b, r) => (r.imagesPerSecond > b.imagesPerSecond ? r : b));

/** Runs the section; returns the ratio ONNX ÷ wasm of the best ceilings. */
export async function benchOnnx(seconds = 3): Promise<number> {
  if (!existsSync(path.join(REPOSITORY, 'mobilenet_v2_onnx', '1', 'model.onnx'))) {
    // Both copies are made on demand (git-ignored): the TF.js one, then its conversion.
    const made = spawnSync(process.execPath, ['--import', 'tsx', SCRIPT, '--out', REPOSITORY], {
      stdio: 'inherit',
    });
    if (made.status !== 0) throw new Error('npm run model:mobilenet-onnx -w services/model failed');
  }
  const rows: string[][] = [
    ['runtime', 'instances×threads', 'batch', 'images/s', 'ms per batch', 'CPU ms per image'],
  ];
  const add = (runtime: string, r: CeilingRow) =>
    rows.push([
      runtime,
      `${r.instances}×${r.threads}`,
      String(r.batchSize),
      r.imagesPerSecond.toFixed(1),
      r.msPerBatch.toFixed(1),
      r.cpuMsPerImage.toFixed(1),
    ]);
  const wasm = await benchCeiling({
    repository: REPOSITORY,
    model: 'mobilenet_v2',
    backend: 'wasm',
    seconds,
    batchSizes: [1, 8],
  });
  wasm.forEach((r) => add('tfjs-wasm', r));
  const onnx: CeilingRow[] = [];
  for (const [instances, threads] of placements()) {
    const measured = await benchCeiling({
      repository: REPOSITORY,
      model: 'mobilenet_v2_onnx',
      seconds,
      instances,
      onnxThreads: threads,
      batchSizes: [1, 8, 32],
    });
    measured.forEach((r) => add('onnxruntime-cpu', r));
    onnx.push(...measured);
  }
  const ratio = best(onnx).imagesPerSecond / best(wasm).imagesPerSecond;
  const cheapest = (list: CeilingRow[]) => Math.min(...list.map((r) => r.cpuMsPerImage));
  const cpuRatio = cheapest(wasm) / cheapest(onnx);
  rows.push([
    'ONNX ÷ wasm, best of each',
    '',
    '',
    `${ratio.toFixed(1)}×`,
    'goal ≥ 4×',
    `${cpuRatio.toFixed(1)}× less`,
  ]);
  printTable('Model ceiling, MobileNetV2 224×224, same weights: ONNX Runtime vs TensorFlow.js wasm', rows);
  await benchPlacement(seconds);
  return ratio;
}

/** The served case: 16 concurrent one-image clients, dynamic batching on, per placement. */
async function benchPlacement(seconds: number): Promise<void> {
  const rows: string[][] = [
    ['instances×threads', 'images/s', 'p50 ms', 'p99 ms', 'mean batch', 'CPU ms per image'],
  ];
  for (const [instances, threads] of placements()) {
    const r = await benchClients({
      repository: REPOSITORY,
      model: 'mobilenet_v2_onnx',
      seconds,
      instances,
      onnxThreads: threads,
      batching: true,
      clients: 16,
    });
    rows.push([
      `${r.instances}×${r.threads}`,
      r.imagesPerSecond.toFixed(1),
      r.p50Ms.toFixed(1),
      r.p99Ms.toFixed(1),
      r.meanBatch.toFixed(1),
      r.cpuMsPerImage.toFixed(1),
    ]);
  }
  printTable(
    `ONNX Runtime placement on ${availableParallelism()} cores: 16 one-image clients, dynamic batching`,
    rows,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await benchOnnx();
  process.exit(0);
}
