/**
 * `tensorhop verify`, a short bounded load: `concurrency` callers each send one digit at a time in
 * hybrid sequencing until the time is up (and never more than MAX_REQUESTS in all), then the
 * latency percentiles and the throughput. Any failed request fails the check.
 */
import { buildInferRequest, inferRaw, stringTensor } from '@tensorhop/sdk';
import { TEST_IMAGES } from './verify-images.js';
import { fail, pass, urlOf, type Check, type VerifyContext } from './verify-run.js';

const MAX_REQUESTS = 100_000;

/** The p-th percentile (0..100) of sorted values, nearest rank. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

interface Tally {
  latencies: number[];
  failures: Map<string, number>;
  sent: number;
}

async function caller(ctx: VerifyContext, until: number, tally: Tally): Promise<void> {
  const url = urlOf(ctx, 'downloader');
  while (performance.now() < until && tally.sent < MAX_REQUESTS) {
    const n = tally.sent++;
    const image = TEST_IMAGES[n % TEST_IMAGES.length] ?? TEST_IMAGES[0];
    const request = buildInferRequest([stringTensor([image?.url ?? ''])], {
      keys: [`load-${n}`],
      route: { next: ['preprocessor', 'model'], mode: 'EXACT' },
    });
    const started = performance.now();
    let outcome = 'ok';
    try {
      const { status, response } = await inferRaw(url, request, ctx.call);
      if (status !== 200) outcome = `HTTP ${status}`;
      else if (response.keys.length !== 1) outcome = response.errors[0]?.code ?? 'NO_RESULT';
    } catch (error) {
      outcome = (error as { code?: string }).code ?? (error as Error).name;
    }
    if (outcome === 'ok') tally.latencies.push(performance.now() - started);
    else tally.failures.set(outcome, (tally.failures.get(outcome) ?? 0) + 1);
  }
}

export const loadCheck: Check = {
  name: 'load',
  async run(ctx) {
    const { seconds, concurrency } = ctx.load;
    const tally: Tally = { latencies: [], failures: new Map(), sent: 0 };
    const started = performance.now();
    const until = started + seconds * 1000;
    await Promise.all(Array.from({ length: concurrency }, () => caller(ctx, until, tally)));
    const elapsed = (performance.now() - started) / 1000;
    const sorted = [...tally.latencies].sort((a, b) => a - b);
    const round = (x: number) => Math.round(x * 10) / 10;
    const data = {
      seconds: round(elapsed),
      concurrency,
      requests: tally.sent,
      ok: sorted.length,
      failed: Object.fromEntries(tally.failures),
      p50Ms: round(percentile(sorted, 50)),
      p90Ms: round(percentile(sorted, 90)),
      p99Ms: round(percentile(sorted, 99)),
      maxMs: round(sorted.at(-1) ?? 0),
      requestsPerSecond: round(sorted.length / elapsed),
    };
    const line =
      `${data.ok} requests in ${data.seconds} s at concurrency ${concurrency}: ${data.requestsPerSecond}/s, ` +
      `p50 ${data.p50Ms} ms, p90 ${data.p90Ms} ms, p99 ${data.p99Ms} ms`;
    const failed = [...tally.failures].map(([code, n]) => `${n}× ${code}`).join(', ');
    if (failed) return fail(`${line}; failed: ${failed}`, data);
    if (sorted.length === 0) return fail('no request completed', data);
    return pass(line, data);
  },
};
