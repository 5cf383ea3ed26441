/**
 * One chunk of inputs, classified: URLs and image bytes go their own ways, an input that is
 * neither fails alone, and rows refused as overloaded or unavailable are sent again after a
 * backoff (Retry-After honoured) until the attempts run out, then keep that error.
 */
import { stringTensor, sleep } from '@tensorhop/protocol';
import type { RunContext } from './context.js';
import { sourceOf } from './inputs.js';
import { backoffMs } from './retry.js';
import { attemptRows } from './sequencing.js';
import type { ClassifyResult } from './types.js';

async function withRetries(
  kind: 'url' | 'image',
  values: readonly (string | Uint8Array)[],
  ctx: RunContext,
  signal: AbortSignal,
): Promise<ClassifyResult[]> {
  const chain = { ...ctx.chain, call: { ...ctx.chain.call, signal } };
  const out: ClassifyResult[] = [];
  let pending = values.map((_, i) => i);
  for (let attempt = 1; pending.length > 0; attempt++) {
    const outcomes = await attemptRows(
      kind,
      stringTensor(pending.map((i) => values[i] as string | Uint8Array)),
      chain,
    );
    const again: number[] = [];
    let retryAfterMs = 0;
    outcomes.forEach((o, j) => {
      const i = pending[j] as number;
      out[i] = o.result;
      if (o.retry) {
        again.push(i);
        retryAfterMs = Math.max(retryAfterMs, o.retry.afterMs);
      }
    });
    if (again.length === 0 || attempt >= ctx.policy.attempts) break;
    await sleep(backoffMs(ctx.policy, attempt, retryAfterMs), signal);
    pending = again;
  }
  return out;
}

/** One result per input, in input order. @throws only the signal's reason, when it aborts */
export async function classifyChunk(
  inputs: readonly unknown[],
  ctx: RunContext,
  signal: AbortSignal,
): Promise<ClassifyResult[]> {
  const results: ClassifyResult[] = new Array<ClassifyResult>(inputs.length);
  const groups = {
    url: { at: [] as number[], values: [] as (string | Uint8Array)[] },
    image: { at: [] as number[], values: [] as (string | Uint8Array)[] },
  };
  const sources = await Promise.all(inputs.map(sourceOf));
  sources.forEach((s, i) => {
    if ('invalid' in s) {
      results[i] = { ok: false, code: 'BAD_REQUEST', message: s.invalid, stage: 'client' };
      return;
    }
    const group = 'url' in s ? groups.url : groups.image;
    group.at.push(i);
    group.values.push('url' in s ? s.url : s.bytes);
  });
  await Promise.all(
    (['url', 'image'] as const).map(async (kind) => {
      const { at, values } = groups[kind];
      if (at.length === 0) return;
      const out = await withRetries(kind, values, ctx, signal);
      at.forEach((i, j) => (results[i] = out[j] as ClassifyResult));
    }),
  );
  return results;
}
