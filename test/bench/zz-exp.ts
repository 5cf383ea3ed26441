import { performance } from 'node:perf_hooks';
import { pipe } from '@tensorhop/protocol';
import { startStackProcess } from '../helpers/stack-process.js';
import { startOriginProcess } from './origin-process.js';
const origin = await startOriginProcess(Number(process.env.DELAY ?? 50), true);
const stack = await startStackProcess(58080, {
  TENSORHOP_DOWNLOADER_ALLOW: '127.0.0.1/32',
  TENSORHOP_DOWNLOADER_CONCURRENCY: '512',
  TENSORHOP_DOWNLOADER_PER_HOST_CONCURRENCY: '512',
  TENSORHOP_DOWNLOADER_RETRIES: '0',
  ...JSON.parse(process.env.STACKENV ?? '{}'),
});
console.log('pids', stack.child.pid);
const gateway = process.env.DIRECT ? undefined : stack.urls.gateway;
for (const [conc, bs] of JSON.parse(process.env.CONFIGS ?? '[[32,64]]')) {
  const urls = Array.from({ length: Number(process.env.N ?? 3000) }, (_, i) =>
    i % 20 === 7 ? `${origin.base}/broken/${i}` : `${origin.base}/digits/${i % 100}?n=${i}`,
  );
  const codes = new Map<string, number>();
  const t0 = performance.now();
  for await (const r of pipe(
    urls.map((u) => ({ key: u, input: u })),
    {
      gateway: stack.urls.gateway,
      mode: (process.env.MODE ?? 'hybrid') as any,
      concurrency: conc,
      batchSize: bs,
      ...(process.env.DIRECT ? { endpoints: { downloader: stack.urls.downloader } } : {}),
    },
  )) {
    const c = r.ok ? 'ok' : r.code;
    codes.set(c, (codes.get(c) ?? 0) + 1);
  }
  console.log(
    conc,
    bs,
    (urls.length / ((performance.now() - t0) / 1000)).toFixed(1),
    JSON.stringify([...codes]),
  );
}
await stack.stop();
origin.stop();
