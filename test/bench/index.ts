/**
 * `npm run bench`: every section in one run, so ratios are measured side by side on the same machine.
 * `npm run bench -- <section>...` runs only the named ones; the long robustness sections (fuzz,
 * overload, chaos, contention, soak) run only when named.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { benchCodec, benchHop, benchSplice } from './protocol.js';
import { benchOip } from './oip.js';
import { benchDownloads, benchPreprocess } from './stages.js';
import { BENCH_MODELS, benchBatching, mnistOnnx, modelCeiling } from './model.js';
import { benchOnnx } from './model-onnx.js';
import { benchTracing } from './tracing.js';
import { benchFuzz } from './fuzz.js';
import { benchOverload } from './overload.js';
import { benchChaos } from './chaos.js';
import { benchSoak } from './soak.js';
import { benchContention } from './contention.js';

const sections: Record<string, () => Promise<unknown>> = {
  protocol: async () => {
    await benchCodec();
    benchSplice();
    await benchHop();
  },
  oip: benchOip,
  downloads: benchDownloads,
  preprocess: benchPreprocess,
  model: async () => {
    await modelCeiling('mnist');
    await benchBatching('mnist');
    // The same CNN on ONNX Runtime, whose per-call cost is small next to a batch's arithmetic.
    await benchBatching('mnist_onnx', mnistOnnx());
    // MobileNetV2 on ONNX Runtime, when its ONNX copy has been made.
    const onnx = path.join(BENCH_MODELS.mobilenet_v2.repository, 'mobilenet_v2_onnx_uint8');
    if (existsSync(onnx))
      await benchBatching('mobilenet_v2_onnx_uint8', BENCH_MODELS.mobilenet_v2.repository);
    await modelCeiling('mobilenet_v2', 5);
  },
  onnx: () => benchOnnx(),
  gateway: async () => {
    const script = new URL('../../services/gateway/scripts/bench-proxy.ts', import.meta.url);
    if (!existsSync(script)) return console.log('\ngateway: bench-proxy.ts missing');
    const mod = (await import(script.href)) as { benchProxy?: () => Promise<unknown> };
    await mod.benchProxy?.();
  },
  tracing: benchTracing,
  headline: async () => {
    const script = new URL('./headline.ts', import.meta.url);
    if (!existsSync(script)) return console.log('\nheadline: not built yet');
    const mod = (await import(script.href)) as { benchHeadline?: () => Promise<unknown> };
    await mod.benchHeadline?.();
  },
};

/** The "what it survives" sections run for minutes each, so only when named. */
const named: Record<string, () => Promise<unknown>> = {
  fuzz: benchFuzz,
  overload: benchOverload,
  chaos: benchChaos,
  contention: benchContention,
  soak: benchSoak,
};

const wanted = process.argv.slice(2);
for (const name of wanted.length ? wanted : Object.keys(sections)) {
  const run = sections[name] ?? named[name];
  if (!run)
    throw new Error(
      `unknown section ${name}: ${[...Object.keys(sections), ...Object.keys(named)].join(', ')}`,
    );
  console.log(`\n=== ${name} ===`);
  await run();
}
process.exit(process.exitCode ?? 0);
