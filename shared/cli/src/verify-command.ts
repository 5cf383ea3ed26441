/**
 * `tensorhop verify <gateway-url>`: the integration test a team runs against its deployed chain
 * (after `kubectl apply`, in CI). It checks the contract end to end through the gateway, prints a
 * table (or `--json`) and exits 1 when any check fails; warnings do not fail.
 */
import { keepAliveAgents } from '@tensorhop/sdk/node';
import { UsageError, gatewayFlag, intFlag, parseFlags } from './args.js';
import { gatewayCheck, metadataCheck, modesCheck, oipCheck } from './verify-chain-checks.js';
import {
  codesCheck,
  hopLimitCheck,
  keysCheck,
  laterHopCheck,
  ssrfCheck,
  unknownHopCheck,
} from './verify-contract-checks.js';
import { loadCheck } from './verify-load.js';
import { runChecks, type Check, type CheckResult, type VerifyContext } from './verify-run.js';
import { formatTable } from './table.js';

/** In the order they run; CI finds each by name in the JSON. */
export const CHECKS: readonly Check[] = [
  gatewayCheck,
  metadataCheck,
  modesCheck,
  keysCheck,
  codesCheck,
  hopLimitCheck,
  unknownHopCheck,
  laterHopCheck,
  ssrfCheck,
  oipCheck,
  loadCheck,
];

/** Counts by status; the run passes when nothing failed. */
export function summarise(results: readonly CheckResult[]) {
  const count = (s: string) => results.filter((r) => r.status === s).length;
  return { pass: count('pass'), fail: count('fail'), warn: count('warn'), skip: count('skip') };
}

function table(results: readonly CheckResult[]): string {
  const rows = results.map((r) => [r.name, r.status.toUpperCase(), `${r.ms} ms`, r.detail]);
  return formatTable([['CHECK', 'RESULT', 'TIME', 'DETAIL'], ...rows]);
}

export async function verifyCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseFlags('verify', args, {
    gateway: { type: 'string' },
    'api-key': { type: 'string' },
    json: { type: 'boolean' },
    'load-seconds': { type: 'string' },
    concurrency: { type: 'string' },
  });
  if (positionals.length > 1) throw new UsageError('verify: give one gateway URL');
  const gateway = gatewayFlag(positionals[0] ?? values.gateway);
  const key = values['api-key'] ?? process.env.TENSORHOP_API_KEY;
  const headers: Record<string, string> = key ? { authorization: `Bearer ${key}` } : {};
  const ctx: VerifyContext = {
    gateway,
    headers,
    call: { headers, timeoutMs: 30_000, agents: keepAliveAgents(16) },
    load: {
      seconds: intFlag('load-seconds', values['load-seconds'], 5, 300),
      concurrency: intFlag('concurrency', values.concurrency, 4, 256),
    },
  };
  const results = await runChecks(CHECKS, ctx);
  const summary = summarise(results);
  const ok = summary.fail === 0;
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ gateway, ok, summary, checks: results }, null, 2)}\n`);
  } else {
    process.stdout.write(`tensorhop verify ${gateway}\n\n${table(results)}\n\n`);
    const parts = [`${summary.pass} checks passed`, `${summary.fail} failed`, `${summary.warn} warnings`];
    if (summary.skip) parts.push(`${summary.skip} skipped`);
    process.stdout.write(`${ok ? 'OK' : 'FAILED'}: ${parts.join(', ')}\n`);
  }
  return ok ? 0 : 1;
}
