/**
 * `npm run bench -- overload`: the stack of `npm start` (one replica per stage, through the
 * gateway) is first measured at capacity (closed loop), then offered twice that for 30 s
 * (TENSORHOP_OVERLOAD_SECONDS) by clients that honour Retry-After. Reports goodput against
 * capacity (goal ≥ 80%), 429/503 replies without Retry-After (goal 0), peak RSS of every process,
 * and how long after the overload a request is served normally again (goal ≤ 5 s).
 */
import { performance } from 'node:perf_hooks';
import { startStackProcess } from '../helpers/stack-process.js';
import { LOAD_STACK_ENV, capacity, hybridRequest, openLoop, peakCapacity, type Send } from './load.js';
import { startOriginProcess } from './origin-process.js';
import { mib, rssBytes, stackProcesses } from './proc-stats.js';
import { treeCpu } from './process-cpu.js';
import { percentile, printTable } from './report.js';

const ROWS = 8;

/** Seconds from `from` until a request is served whole within 2 s. */
async function recovery(send: Send, from: number): Promise<number> {
  for (;;) {
    const o = await send();
    if (o.status === 200 && o.failed === 0 && o.ms < 2000) return (performance.now() - from) / 1000;
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function benchOverload(): Promise<void> {
  const seconds = Number(process.env.TENSORHOP_OVERLOAD_SECONDS ?? 30);
  const origin = await startOriginProcess(0, true);
  const stack = await startStackProcess(13280, LOAD_STACK_ENV);
  try {
    const send: Send = () => hybridRequest(`${stack.urls.gateway}/v1/downloader`, origin.base, ROWS);
    await capacity(send, 8, 3); // warm-up
    const names = new Map([[process.pid, 'load generator (this bench)']]);
    const cpu0 = treeCpu([process.pid], names);
    const t0 = performance.now();
    const best = await peakCapacity(send);
    const cpuAtCapacity = cores(cpu0, treeCpu([process.pid], names), t0);
    const cap = best.rowsPerSecond;
    const procs = stackProcesses(stack.child.pid as number);
    const before = procs.map((p) => rssBytes(p.pid));
    const peak = [...before];
    const sampler = setInterval(() => {
      procs.forEach((p, i) => (peak[i] = Math.max(peak[i] as number, rssBytes(p.pid) || 0)));
    }, 500);
    const windowEnd = performance.now() + seconds * 1000;
    const recovered = new Promise<number>((resolve) =>
      setTimeout(() => void recovery(send, windowEnd).then(resolve), seconds * 1000),
    );
    const cpu1 = treeCpu([process.pid], names);
    const t1 = performance.now();
    const run = await openLoop(send, (2 * cap) / ROWS, seconds);
    const cpuAtOverload = cores(cpu1, treeCpu([process.pid], names), t1);
    const recoverySeconds = await recovered;
    clearInterval(sampler);
    const statuses: Record<string, number> = {};
    for (const o of run.outcomes) statuses[o.status] = (statuses[o.status] ?? 0) + 1;
    const refused = run.outcomes.filter((o) => o.status === 429 || o.status === 503);
    const bare = refused.filter((o) => o.retryAfter === undefined).length;
    const served = run.outcomes.filter((o) => o.status === 200).map((o) => o.ms);
    const codes = new Set(run.outcomes.flatMap((o) => o.codes));
    printTable(`Overload: 2× capacity for ${seconds} s, ${ROWS} URLs a request, clients honour Retry-After`, [
      ['measure', 'value', 'goal'],
      [`capacity (closed loop, best of 16/32/64 clients: ${best.clients})`, `${cap.toFixed(0)} rows/s`, ''],
      ['offered', `${(2 * cap).toFixed(0)} rows/s`, '2×'],
      ['goodput', `${run.goodput.toFixed(0)} rows/s (${((100 * run.goodput) / cap).toFixed(0)}%)`, '≥ 80%'],
      ['replies by status', JSON.stringify(statuses), ''],
      ['codes seen', [...codes].join(' ') || 'none', ''],
      ['429/503 without Retry-After', `${bare} of ${refused.length}`, '0'],
      [
        '429/503 after rows were worked on (a later hop refused)',
        String(refused.filter((o) => o.afterWork).length),
        '',
      ],
      [
        'latency of served requests p50 / p99',
        `${percentile(served, 50).toFixed(0)} / ${percentile(served, 99).toFixed(0)} ms`,
        '',
      ],
      ['jobs given up at the end (still retrying)', String(run.abandoned), ''],
      ['recovery after the overload', `${recoverySeconds.toFixed(1)} s`, '≤ 5 s'],
    ]);
    printTable('Resident memory (RSS)', [
      ['process', 'before', 'peak'],
      ...procs.map((p, i) => [p.name, mib(before[i] as number), mib(peak[i] as number)]),
    ]);
    printTable('Where the CPU went (cores busy on average)', [
      ['process', 'capacity runs', '2× overload'],
      ...[...cpuAtOverload.keys()].map((n) => [
        n,
        (cpuAtCapacity.get(n) ?? 0).toFixed(2),
        (cpuAtOverload.get(n) ?? 0).toFixed(2),
      ]),
    ]);
  } finally {
    await stack.stop();
    origin.stop();
  }
}

/** Cores each process kept busy between two readings, `since` being the first one's time. */
function cores(before: Map<string, number>, after: Map<string, number>, since: number): Map<string, number> {
  const seconds = (performance.now() - since) / 1000;
  return new Map([...after].map(([name, s]) => [name, (s - (before.get(name) ?? 0)) / seconds]));
}
