/**
 * `npm run bench -- chaos`: a `tensorhop batch` job of 20,000 URLs (TENSORHOP_CHAOS_URLS; every
 * 50th broken) through the gateway of a stack with two replicas per stage, while a random stage
 * replica is SIGKILLed every 2 s (TENSORHOP_CHAOS_KILL_MS) and restarted by the stack, and the
 * client itself is SIGKILLed halfway; then `--resume` (kills going on) until the job is complete.
 * Goal: every key exactly once in the output, the broken URLs with their code, every other URL ok.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startStackProcess } from '../helpers/stack-process.js';
import { startOriginProcess } from './origin-process.js';
import { printTable } from './report.js';

const BASE = 13380;
const STAGE_PORTS = [1, 2, 3].flatMap((s) => [BASE + s, BASE + s + 100]);

/** Runs `tensorhop batch`; with `killAtLines`, SIGKILLs the client itself once the output has that many lines. */
async function runBatch(
  args: string[],
  output: string,
  killAtLines = Infinity,
): Promise<{ code: number | null; stdout: string; seconds: number }> {
  const t0 = Date.now();
  const child = spawn(process.execPath, ['shared/bin/tensorhop.js', 'batch', ...args], { stdio: 'pipe' });
  let stdout = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d));
  child.stderr.on('data', (d: Buffer) => (stdout += d));
  const closed = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const watch = setInterval(() => {
    if (lineCount(output) >= killAtLines) child.kill('SIGKILL');
  }, 50);
  const code = await closed.finally(() => clearInterval(watch));
  const last = stdout.trim().split('\n').at(-1) ?? '';
  return { code, stdout: code === null ? 'client SIGKILLed' : last, seconds: (Date.now() - t0) / 1000 };
}

/** Outcomes by `code@stage`. */
function tally(rows: { code?: string; stage?: string }[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rows) out[`${r.code}@${r.stage}`] = (out[`${r.code}@${r.stage}`] ?? 0) + 1;
  return out;
}

function lineCount(path: string): number {
  try {
    return readFileSync(path, 'utf8').split('\n').length - 1;
  } catch {
    return 0;
  }
}

/** SIGKILLs a random stage replica every `everyMs` until `stop` is aborted; returns the kill count. */
async function killer(everyMs: number, stop: AbortSignal): Promise<number> {
  let kills = 0;
  while (!stop.aborted) {
    await sleep(everyMs, undefined, { signal: stop }).catch(() => undefined);
    if (stop.aborted) break;
    const port = STAGE_PORTS[Math.floor(Math.random() * STAGE_PORTS.length)] as number;
    const pid = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(2000) })
      .then(async (r) => ((await r.json()) as { pid: number }).pid)
      .catch(() => undefined);
    if (pid === undefined) continue; // still restarting from an earlier kill
    process.kill(pid, 'SIGKILL');
    kills++;
  }
  return kills;
}

export async function benchChaos(): Promise<void> {
  const count = Number(process.env.TENSORHOP_CHAOS_URLS ?? 20_000);
  const everyMs = Number(process.env.TENSORHOP_CHAOS_KILL_MS ?? 2000);
  const dir = mkdtempSync(join(tmpdir(), 'tensorhop-chaos-'));
  const origin = await startOriginProcess(0, true);
  const stack = await startStackProcess(BASE, {
    TENSORHOP_REPLICAS: 'downloader=2,preprocessor=2,model=2',
    TENSORHOP_DOWNLOADER_ALLOW: '127.0.0.1/32',
    TENSORHOP_DOWNLOADER_RETRIES: '0',
    TENSORHOP_MODEL_INSTANCES: '1',
  });
  try {
    const urls = Array.from({ length: count }, (_, i) =>
      i % 50 === 7 ? `${origin.base}/broken/${i}.png` : `${origin.base}/digits/${i % 100}?n=${i}`,
    );
    const input = join(dir, 'urls.txt');
    const output = join(dir, 'out.jsonl');
    writeFileSync(input, `${urls.join('\n')}\n`);
    const args = ['--gateway', stack.urls.gateway, '--input', input, '--output', output];
    const stop = new AbortController();
    const kills = killer(everyMs, stop.signal);
    // The client dies too, halfway: the job must finish by --resume, under the same kills.
    const runs = [await runBatch([...args, '--concurrency', '8', '--batch-size', '32'], output, count / 2)];
    while (runs.at(-1)?.code !== 0 && runs.length < 6) {
      runs.push(await runBatch([...args, '--resume', '--concurrency', '8', '--batch-size', '32'], output));
    }
    stop.abort();
    const killed = await kills;
    runs.push(await runBatch([...args, '--resume'], output)); // nothing left: every key skipped
    const lines = readFileSync(output, 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { key: string; ok: boolean; code?: string; stage?: string });
    const seen = new Map<string, number>();
    for (const l of lines) seen.set(l.key, (seen.get(l.key) ?? 0) + 1);
    const missing = urls.filter((u) => !seen.has(u)).length;
    const twice = [...seen.values()].filter((n) => n > 1).length;
    const broken = new Set(urls.filter((u) => u.includes('/broken/')));
    const wrong = lines.filter((l) => (broken.has(l.key) ? l.code !== 'DOWNLOAD_HTTP_STATUS' : !l.ok));
    printTable(
      `Chaos: tensorhop batch of ${count} URLs, 2 replicas a stage, a random replica SIGKILLed every ${everyMs / 1000} s`,
      [
        ['measure', 'value', 'goal'],
        ['stage replicas SIGKILLed', String(killed), ''],
        ...runs.map((r, i) => [
          i === 0
            ? 'first run, client SIGKILLed halfway'
            : i === runs.length - 1
              ? 'resume once the kills stopped'
              : `resume ${i}, under kills`,
          `exit ${r.code} in ${r.seconds.toFixed(0)} s: ${r.stdout}`,
          '',
        ]),
        ['keys missing / written twice', `${missing} / ${twice}`, '0 / 0'],
        ['rows with an unexpected outcome', `${wrong.length} ${JSON.stringify(tally(wrong))}`, '0'],
      ],
    );
    if (missing || twice || wrong.length) process.exitCode = 1;
  } finally {
    await stack.stop();
    origin.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
