/**
 * Benchmarks of the downloader and the preprocessor cores: 64-way concurrent downloads against a
 * sequential loop from an origin that answers after 50 ms, and preprocess throughput per core.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import sharp from 'sharp';
import { createDownloader } from '../../services/downloader/src/core/index.js';
import { createPreprocessor, DEFAULT_PREPROCESS_CONFIG } from '../../services/preprocessor/src/core/index.js';
import { startOriginProcess } from './origin-process.js';
import { printTable } from './report.js';

export async function benchDownloads(): Promise<number> {
  const origin = await startOriginProcess(50);
  const downloader = createDownloader({ allow: ['127.0.0.0/8'], concurrency: 64, perHostConcurrency: 64 });
  try {
    const url = (i: number) => `${origin.base}/img-${i}.png`;
    await downloader.download(url(-1));
    const seqN = 40;
    let t0 = performance.now();
    for (let i = 0; i < seqN; i++) await downloader.download(url(i));
    const seqRate = seqN / ((performance.now() - t0) / 1000);
    const parN = 1280;
    t0 = performance.now();
    const results = await Promise.all(
      Array.from({ length: parN }, (_, i) => downloader.download(url(1000 + i))),
    );
    const parRate = parN / ((performance.now() - t0) / 1000);
    if (results.some((r) => !r.ok)) throw new Error('a benchmark download failed');
    const ratio = parRate / seqRate;
    printTable('Downloads from a local origin answering after 50 ms (origin in its own process)', [
      ['client', 'downloads/s'],
      ['sequential loop', seqRate.toFixed(1)],
      ['downloader, 64-way concurrency', parRate.toFixed(1)],
      ['ratio', `${ratio.toFixed(1)}× (goal ≥ 40×)`],
    ]);
    return ratio;
  } finally {
    await downloader.close();
    origin.stop();
  }
}

export async function benchPreprocess(): Promise<number> {
  const jpeg = await sharp({
    create: {
      width: 640,
      height: 480,
      channels: 3,
      background: '#000',
      noise: { type: 'gaussian', mean: 128, sigma: 40 },
    },
  })
    .jpeg({ quality: 85 })
    .toBuffer();
  const cores = os.availableParallelism();
  const rows: string[][] = [['decode concurrency', 'images/s', 'images/s per core']];
  let perCore = 0;
  for (const concurrency of [1, cores]) {
    const pre = createPreprocessor({ concurrency });
    const batch = Array.from({ length: 64 }, () => jpeg);
    const config = {
      ...DEFAULT_PREPROCESS_CONFIG,
      size: [224, 224] as [number, number],
      profile: 'torch' as const,
    };
    await pre.run(batch.slice(0, 8), config);
    const t0 = performance.now();
    for (let i = 0; i < 4; i++) await pre.run(batch, config);
    const rate = 256 / ((performance.now() - t0) / 1000);
    perCore = rate / concurrency;
    rows.push([String(concurrency), rate.toFixed(0), perCore.toFixed(0)]);
  }
  printTable('Preprocess: 640×480 JPEG → 224×224×3 float32 (torch profile), batches of 64', rows);
  return perCore;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await benchDownloads();
  await benchPreprocess();
}
