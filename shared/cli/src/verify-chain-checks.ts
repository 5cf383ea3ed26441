/**
 * `tensorhop verify`, the chain as a user sees it: the gateway and every pool ready, each stage's
 * metadata, and the three sequencing modes giving the same labels for the built-in digits, sent as
 * data: URLs to the downloader and as bytes to the preprocessor.
 */
import {
  STAGES,
  classify,
  metadata,
  type ClassifyOptions,
  type ClassifyResult,
  type Mode,
} from '@tensorhop/sdk';
import { TEST_IMAGES } from './verify-images.js';
import { fail, pass, type Check, type CheckOutcome, type VerifyContext } from './verify-run.js';

interface Readiness {
  ready?: boolean;
  reason?: string;
  pools?: Record<string, { ready: number; replicas: number }>;
}

/** A pool seen without a ready replica is looked at again this many times, a second apart. */
const READY_LOOKS = 5;

export const gatewayCheck: Check = {
  name: 'gateway',
  async run(ctx) {
    // Readiness is sampled: a replica between two health checks on a busy cluster is not a broken
    // deployment, so a pool without a ready replica is looked at again before the check fails.
    let result = await gatewayOnce(ctx);
    for (let i = 1; i < READY_LOOKS && result.status === 'fail' && result.data?.reachable === true; i++) {
      await new Promise((r) => setTimeout(r, 1000));
      result = await gatewayOnce(ctx);
    }
    return result;
  },
};

const gatewayOnce: Check['run'] = async (ctx) => {
  let res: Response;
  try {
    res = await fetch(`${ctx.gateway}/readyz`, {
      headers: ctx.headers,
      signal: AbortSignal.timeout(10_000),
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const why = cause?.code ?? cause?.message ?? (error as Error).message;
    return fail(`no answer from ${ctx.gateway} (${why})`, { reachable: false });
  }
  const state = (await res.json().catch(() => ({}))) as Readiness;
  // With API keys on, the gateway shows its pools' detail to key holders only.
  if (state.pools === undefined && res.status === 200)
    return pass("ready (the pools' detail needs an API key)", { reachable: true, status: res.status });
  const pools = state.pools ?? {};
  const summary = Object.entries(pools).map(([n, p]) => `${n} ${p.ready}/${p.replicas}`);
  const data = { reachable: true, status: res.status, pools };
  const missing = STAGES.filter((s) => !pools[s]);
  if (missing.length) return fail(`no pool for ${missing.join(', ')}`, data);
  const down = STAGES.filter((s) => (pools[s]?.ready ?? 0) === 0);
  if (down.length || res.status !== 200) {
    return fail(
      `not ready (${state.reason ?? `HTTP ${res.status}`}); ready replicas: ${summary.join(', ')}`,
      data,
    );
  }
  return pass(`ready; ready replicas: ${summary.join(', ')}`, data);
};

export const metadataCheck: Check = {
  name: 'metadata',
  async run(ctx) {
    const seen: Record<string, unknown> = {};
    const problems: string[] = [];
    for (const stage of STAGES) {
      try {
        const m = await metadata(stage, { gateway: ctx.gateway, ...ctx.call });
        const names = (xs: { name: string }[]) => xs.map((x) => x.name).join(',');
        seen[stage] = { name: m.name, version: m.version, server: m.server, defaultNext: m.defaultNext };
        if (!m.name || m.inputs.length === 0 || m.outputs.length === 0) {
          problems.push(
            `${stage}: incomplete (name ${JSON.stringify(m.name)}, ${m.inputs.length} inputs, ${m.outputs.length} outputs)`,
          );
        } else
          seen[stage] = { ...(seen[stage] as object), inputs: names(m.inputs), outputs: names(m.outputs) };
      } catch (error) {
        problems.push(`${stage}: ${(error as Error).message}`);
      }
    }
    if (problems.length) return fail(problems.join('; '), seen);
    const line = STAGES.map((s) => `${s} ${(seen[s] as { name: string }).name}`).join(', ');
    return pass(`every pool describes itself: ${line}`, seen);
  },
};

const MODES: readonly Mode[] = ['client', 'server', 'hybrid'];

/** Top-1 labels and scores of one run, or the failures it had. */
function summarise(results: ClassifyResult[]): { labels: string[]; scores: number[]; failures: string[] } {
  const failures = results.flatMap((r, i) => (r.ok ? [] : [`#${i} ${r.code} at ${r.stage}: ${r.message}`]));
  return {
    labels: results.map((r) => (r.ok ? (r.classes[0] ?? '') : '')),
    scores: results.map((r) => (r.ok ? (r.scores[0] ?? 0) : 0)),
    failures,
  };
}

/**
 * The test images through each variant, as URLs and as bytes, compared with the first run: rows
 * that failed, runs whose top-1 labels differ, and the largest score difference.
 */
async function compareRuns(
  ctx: VerifyContext,
  variants: { name: string; options: Omit<ClassifyOptions, 'gateway'> }[],
) {
  const runs: { run: string; labels: string[]; scores: number[] }[] = [];
  const failures: string[] = [];
  for (const { name, options } of variants) {
    for (const kind of ['url', 'bytes'] as const) {
      const inputs = TEST_IMAGES.map((t) => (kind === 'url' ? t.url : t.png));
      const results = await classify(inputs, {
        gateway: ctx.gateway,
        ...options,
        ...ctx.call,
        retry: { attempts: 1 },
      });
      const s = summarise(results);
      failures.push(...s.failures.map((f) => `${name}/${kind} ${f}`));
      runs.push({ run: `${name}/${kind}`, labels: s.labels, scores: s.scores });
    }
  }
  const base = runs[0] as (typeof runs)[number];
  const disagree = runs.filter((r) => r.labels.join() !== base.labels.join()).map((r) => r.run);
  const spread = Math.max(
    ...runs.flatMap((r) => r.scores.map((v, i) => Math.abs(v - (base.scores[i] ?? 0)))),
  );
  return { runs, failures, base, disagree, spread };
}

export const modesCheck: Check = {
  name: 'modes-agree',
  async run(ctx: VerifyContext): Promise<CheckOutcome> {
    const { runs, failures, base, disagree, spread } = await compareRuns(
      ctx,
      MODES.map((mode) => ({ name: mode, options: { mode } })),
    );
    const drawn = base.labels.filter((l, i) => l === TEST_IMAGES[i]?.label).length;
    const data = {
      runs: runs.map((r) => r.run),
      labels: base.labels,
      maxScoreDifference: spread,
      matchDrawn: drawn,
    };
    if (failures.length)
      return fail(`${failures.length} rows failed: ${failures.slice(0, 3).join('; ')}`, data);
    if (disagree.length) return fail(`top-1 labels differ from ${base.run} in ${disagree.join(', ')}`, data);
    return pass(
      `${runs.length} runs (3 modes × URLs, bytes) × ${TEST_IMAGES.length} digits: same top-1 everywhere ` +
        `(${drawn}/${TEST_IMAGES.length} the drawn digit), scores within ${spread.toExponential(1)}`,
      data,
    );
  },
};

/**
 * The Open Inference Protocol door gives what the native protocol gives: the same test images
 * through the gateway's `/v2/models/downloader/infer` (hybrid) and `/v2/models/preprocessor/infer`
 * (bytes), compared label by label and score by score with the native hybrid run.
 */
export const oipCheck: Check = {
  name: 'oip-agrees',
  async run(ctx: VerifyContext): Promise<CheckOutcome> {
    const { runs, failures, disagree, spread } = await compareRuns(ctx, [
      { name: 'tensorhop', options: { mode: 'hybrid', protocol: 'tensorhop' } },
      { name: 'oip', options: { mode: 'hybrid', protocol: 'oip' } },
    ]);
    const data = { runs: runs.map((r) => r.run), maxScoreDifference: spread };
    if (failures.length)
      return fail(`${failures.length} rows failed: ${failures.slice(0, 3).join('; ')}`, data);
    if (disagree.length || spread > 1e-6)
      return fail(`OIP and native differ: ${disagree.join(', ') || `scores by ${spread}`}`, data);
    return pass(
      `OIP and native agree on ${TEST_IMAGES.length} digits (URLs and bytes), scores within ${spread.toExponential(1)}`,
      data,
    );
  },
};
