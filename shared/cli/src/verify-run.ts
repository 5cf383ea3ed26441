/**
 * The frame of `tensorhop verify`: what a check is, what it reports, and the runner that times
 * each one and turns a thrown error into a failure, so one broken check never hides the others.
 */
import { stageUrl, type CallOptions, type Stage } from '@tensorhop/sdk';

/** `warn`: the deployment works but differs from the defaults (e.g. loopback downloads allowed). */
export type CheckStatus = 'pass' | 'fail' | 'warn' | 'skip';

export interface CheckOutcome {
  status: CheckStatus;
  /** One line for people: what was seen, or what went wrong. */
  detail: string;
  /** Figures for CI (`--json`). */
  data?: Record<string, unknown>;
}

export interface CheckResult extends CheckOutcome {
  name: string;
  ms: number;
}

export interface VerifyContext {
  gateway: string;
  /** Headers on every call (the API key). */
  headers: Record<string, string>;
  /** Options of every protocol call. */
  call: CallOptions;
  load: { seconds: number; concurrency: number };
}

export interface Check {
  /** Stable name, used by CI to pick results out of the JSON. */
  name: string;
  run(ctx: VerifyContext): Promise<CheckOutcome>;
}

export const pass = (detail: string, data?: Record<string, unknown>): CheckOutcome => ({
  status: 'pass',
  detail,
  ...(data ? { data } : {}),
});
export const fail = (detail: string, data?: Record<string, unknown>): CheckOutcome => ({
  status: 'fail',
  detail,
  ...(data ? { data } : {}),
});

/** The gateway's route for `stage`. */
export const urlOf = (ctx: VerifyContext, stage: Stage): string => stageUrl(stage, { gateway: ctx.gateway });

/** Runs the checks in order; after a failed `gateway` check the rest are skipped (nothing answers). */
export async function runChecks(
  checks: readonly Check[],
  ctx: VerifyContext,
  onResult: (r: CheckResult) => void = () => {},
): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  let unreachable = false;
  for (const check of checks) {
    const started = performance.now();
    let outcome: CheckOutcome;
    if (unreachable) outcome = { status: 'skip', detail: 'the gateway does not answer' };
    else {
      try {
        outcome = await check.run(ctx);
      } catch (error) {
        outcome = fail(`${(error as Error).name}: ${(error as Error).message}`);
      }
    }
    if (check.name === 'gateway' && outcome.status === 'fail' && outcome.data?.reachable === false) {
      unreachable = true;
    }
    const result = { name: check.name, ...outcome, ms: Math.round(performance.now() - started) };
    results.push(result);
    onResult(result);
  }
  return results;
}
