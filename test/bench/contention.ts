/**
 * `npm run bench -- contention`: the stack of `npm start` through the gateway, one closed loop of
 * hybrid requests measured alone and then beside three busy-loop processes on a 2-core machine.
 * Goal: every key answered ok under contention (slower, but never UNAVAILABLE or lost).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { startStackProcess } from '../helpers/stack-process.js';
import { startBusyLoops } from './busy-loops.js';
import { hybridRequest, type Outcome, type Send } from './load.js';
import { startOriginProcess } from './origin-process.js';
import { percentile, printTable } from './report.js';

const ROWS = 8;

async function closedLoop(send: Send, clients: number, seconds: number): Promise<Outcome[]> {
  const until = Date.now() + seconds * 1000;
  const out: Outcome[] = [];
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (Date.now() < until) out.push(await send());
    }),
  );
  return out;
}

function row(label: string, o: Outcome[], seconds: number): string[] {
  const ok = o.reduce((n, x) => n + x.ok, 0);
  const failed = o.reduce((n, x) => n + x.failed, 0);
  const codes = [...new Set(o.flatMap((x) => x.codes))].join(' ') || 'none';
  const ms = o.map((x) => x.ms);
  return [
    label,
    `${(ok / seconds).toFixed(0)}`,
    `${ok} / ${failed}`,
    codes,
    `${percentile(ms, 50).toFixed(0)} / ${percentile(ms, 99).toFixed(0)}`,
  ];
}

export async function benchContention(): Promise<void> {
  const seconds = Number(process.env.TENSORHOP_CONTENTION_SECONDS ?? 30);
  const origin = await startOriginProcess(0, true);
  const stack = await startStackProcess(13580, {
    TENSORHOP_DOWNLOADER_ALLOW: '127.0.0.1/32',
    TENSORHOP_DOWNLOADER_RETRIES: '0',
  });
  try {
    const send: Send = () => hybridRequest(`${stack.urls.gateway}/v1/downloader`, origin.base, ROWS);
    await closedLoop(send, 4, 3);
    const alone = await closedLoop(send, 4, seconds);
    const busy = startBusyLoops(3);
    await sleep(5000);
    const contended = await closedLoop(send, 4, seconds).finally(() => busy.stop());
    printTable(`CPU contention: 4 clients × ${ROWS} URLs for ${seconds} s, alone and beside 3 busy loops`, [
      ['run', 'rows/s ok', 'rows ok / failed', 'codes', 'latency p50 / p99 ms'],
      row('alone', alone, seconds),
      row('3 busy loops on 2 cores', contended, seconds),
    ]);
  } finally {
    await stack.stop();
    origin.stop();
  }
}
