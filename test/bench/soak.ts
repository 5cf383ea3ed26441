/**
 * `npm run bench -- soak`: the stack of `npm start` at 70% of its measured capacity for 10 minutes
 * (TENSORHOP_SOAK_SECONDS), through the gateway, with every process's RSS and open descriptors
 * sampled every 10 s. Goals: RSS at the end within 10% of RSS after warm-up, no growth in
 * descriptors (no socket or file leak), and every request served.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { startStackProcess } from '../helpers/stack-process.js';
import { LOAD_STACK_ENV, capacity, hybridRequest, openLoop, peakCapacity, type Send } from './load.js';
import { startOriginProcess } from './origin-process.js';
import { mib, openFds, rssBytes, stackProcesses } from './proc-stats.js';
import { percentile, printTable } from './report.js';

const ROWS = 8;

export async function benchSoak(): Promise<void> {
  const seconds = Number(process.env.TENSORHOP_SOAK_SECONDS ?? 600);
  const origin = await startOriginProcess(0, true);
  const stack = await startStackProcess(13680, LOAD_STACK_ENV);
  try {
    const send: Send = () => hybridRequest(`${stack.urls.gateway}/v1/downloader`, origin.base, ROWS);
    await capacity(send, 8, 3);
    const peak = await peakCapacity(send);
    const cap = peak.rowsPerSecond;
    const procs = stackProcesses(stack.child.pid as number);
    const sample = () => procs.map((p) => ({ rss: rssBytes(p.pid), fds: openFds(p.pid) }));
    const samples: ReturnType<typeof sample>[] = [];
    const done = new AbortController();
    const sampler = (async () => {
      while (!done.signal.aborted) {
        samples.push(sample());
        await sleep(10_000, undefined, { signal: done.signal }).catch(() => undefined);
      }
    })();
    const run = await openLoop(send, (0.7 * cap) / ROWS, seconds);
    done.abort();
    await sampler;
    samples.push(sample());
    // Warm-up: the first tenth of the run (at least one sample) lets caches and JIT settle.
    const warm = samples[Math.max(1, Math.floor(samples.length / 10))] ?? samples[0]!;
    const last = samples.at(-1)!;
    const notOk = run.outcomes.filter((o) => o.status !== 200 || o.failed > 0).length;
    const ms = run.outcomes.map((o) => o.ms);
    printTable(
      `Soak: ${seconds} s at 70% of capacity (${(0.7 * cap).toFixed(0)} of ${cap.toFixed(0)} rows/s)`,
      [
        ['measure', 'value', 'goal'],
        ['requests (not served whole)', `${run.outcomes.length} (${notOk})`, '(0)'],
        ['goodput', `${run.goodput.toFixed(0)} rows/s`, `${(0.7 * cap).toFixed(0)}`],
        ['latency p50 / p99', `${percentile(ms, 50).toFixed(0)} / ${percentile(ms, 99).toFixed(0)} ms`, ''],
      ],
    );
    printTable('Memory and descriptors: after warm-up → end (peak)', [
      ['process', 'RSS', 'RSS change (goal ≤ 10%)', 'open fds'],
      ...procs.map((p, i) => {
        const peak = Math.max(...samples.map((s) => s[i]!.rss));
        const change = (100 * (last[i]!.rss - warm[i]!.rss)) / warm[i]!.rss;
        return [
          `${p.name} (${p.pid})`,
          `${mib(warm[i]!.rss)} → ${mib(last[i]!.rss)} (${mib(peak)})`,
          `${change >= 0 ? '+' : ''}${change.toFixed(1)}%`,
          `${warm[i]!.fds} → ${last[i]!.fds}`,
        ];
      }),
    ]);
  } finally {
    await stack.stop();
    origin.stop();
  }
}
