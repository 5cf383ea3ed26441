/**
 * `npm run bench -- fuzz`: the fuzz tests' cases at volume — 100,000 by default
 * (TENSORHOP_FUZZ_CASES, TENSORHOP_FUZZ_SEED) against the three stage processes with their default
 * bounds, then as many against stages held tight (TIGHT_FUZZ_ENV), with their memory before and
 * after. Exits non-zero on a failure, printing what replays it.
 */
import { FUZZ_ENV, TIGHT_FUZZ_ENV } from '../fuzz/env.js';
import { preparePayloads, type Payloads } from '../fuzz/payloads.js';
import { fuzzSettings, runFuzz } from '../fuzz/run.js';
import { STAGE_NAMES, startServiceProcesses } from '../helpers/service-processes.js';
import { mib, rssBytes } from './proc-stats.js';
import { printTable } from './report.js';

async function fuzzOnce(label: string, port: number, env: Record<string, string>, payloads: Payloads) {
  const settings = fuzzSettings(100_000);
  const stack = await startServiceProcesses(port, env);
  try {
    const rss = () => STAGE_NAMES.map((s) => rssBytes(stack.children[s].pid as number));
    const before = rss();
    const summary = await runFuzz(stack, payloads, {
      ...settings,
      concurrency: 8,
      checkEvery: 1000,
      progress: (n) => n % 20_000 === 0 && console.log(`  ${label}: ${n} cases`),
    });
    const after = rss();
    console.log(
      `${label}, seed ${settings.seed}: ${summary.cases} cases in ${summary.seconds.toFixed(0)} s ` +
        `(${(summary.cases / summary.seconds).toFixed(0)}/s), slowest answer ${summary.maxMs} ms`,
    );
    console.log(`statuses ${JSON.stringify(summary.statuses)}`);
    console.log(`codes ${JSON.stringify(summary.codes)}`);
    printTable(`${label}: stage memory (RSS) before and after`, [
      ['stage', 'before', 'after'],
      ...STAGE_NAMES.map((s, i) => [s, mib(before[i] as number), mib(after[i] as number)]),
    ]);
    if (summary.failures.length) {
      console.log(`FAILURES:\n${summary.failures.join('\n')}`);
      process.exitCode = 1;
    } else console.log('no crash, no hang, no undocumented status or code, every key exactly once');
  } finally {
    await stack.stop();
  }
}

export async function benchFuzz(): Promise<void> {
  const payloads = await preparePayloads();
  try {
    await fuzzOnce('default bounds', 12100, FUZZ_ENV, payloads);
    await fuzzOnce('tight bounds', 12600, TIGHT_FUZZ_ENV, payloads);
  } finally {
    await payloads.close();
  }
}
