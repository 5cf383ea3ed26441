/**
 * Runs fuzz cases against the three stages with a few clients in parallel, checks after every
 * batch that no stage process died or was replaced, and sums up what came back. Every failure
 * carries the seed and case number that replay it (TENSORHOP_FUZZ_SEED, TENSORHOP_FUZZ_ONLY).
 */
import type { ServiceProcesses } from '../helpers/service-processes.js';
import { makeCase } from './cases.js';
import { checkCase } from './check.js';
import type { Payloads } from './payloads.js';

export interface FuzzOptions {
  seed: number;
  cases: number;
  /** Replay only these case numbers. */
  only?: number[];
  concurrency?: number;
  /** An answer slower than this is a hang. @default 20000 */
  deadlineMs?: number;
  /** Liveness check every this many cases. @default 250 */
  checkEvery?: number;
  progress?: (done: number) => void;
}

export interface FuzzSummary {
  cases: number;
  seconds: number;
  statuses: Record<string, number>;
  codes: Record<string, number>;
  maxMs: number;
  failures: string[];
}

const bump = (m: Record<string, number>, k: string): void => void (m[k] = (m[k] ?? 0) + 1);

export async function runFuzz(
  stack: ServiceProcesses,
  payloads: Payloads,
  o: FuzzOptions,
): Promise<FuzzSummary> {
  const indices = o.only ?? Array.from({ length: o.cases }, (_, i) => i);
  const summary: FuzzSummary = { cases: 0, seconds: 0, statuses: {}, codes: {}, maxMs: 0, failures: [] };
  const started = Date.now();
  const checkEvery = o.checkEvery ?? 250;
  let next = 0;
  let stopped = false;
  const replay = (i: number) => `TENSORHOP_FUZZ_SEED=${o.seed} TENSORHOP_FUZZ_ONLY=${i}`;
  const worker = async (): Promise<void> => {
    while (!stopped && next < indices.length) {
      const i = indices[next++] as number;
      const c = makeCase(o.seed, i, payloads);
      const v = await checkCase(stack.urls[c.target], c, o.deadlineMs ?? 20_000);
      summary.cases++;
      bump(summary.statuses, String(v.status));
      for (const code of new Set(v.codes)) bump(summary.codes, code);
      summary.maxMs = Math.max(summary.maxMs, v.ms);
      if (v.problem)
        summary.failures.push(`${replay(i)}: ${c.target} ${c.kind} ${c.path} ${c.contentType}: ${v.problem}`);
      if (summary.cases % checkEvery === 0) {
        o.progress?.(summary.cases);
        const dead = await stack.dead();
        if (dead.length) {
          summary.failures.push(
            `${dead.join(', ')} died or hung by case ${i} (seed ${o.seed}; cases up to here ran)`,
          );
          stopped = true;
        }
      }
      if (summary.failures.length >= 20) stopped = true;
    }
  };
  await Promise.all(Array.from({ length: o.concurrency ?? 6 }, worker));
  const dead = await stack.dead();
  if (dead.length) summary.failures.push(`${dead.join(', ')} died or hung (seed ${o.seed})`);
  summary.seconds = (Date.now() - started) / 1000;
  return summary;
}

/** Seed and case selection from the environment, with the defaults of the caller. */
export function fuzzSettings(defaultCases: number): Pick<FuzzOptions, 'seed' | 'cases' | 'only'> {
  const seed = Number(process.env.TENSORHOP_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
  const cases = Number(process.env.TENSORHOP_FUZZ_CASES ?? defaultCases);
  const only = process.env.TENSORHOP_FUZZ_ONLY?.split(',').map(Number);
  return { seed, cases, ...(only ? { only } : {}) };
}
