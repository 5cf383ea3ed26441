/**
 * `tensorhop verify` against a real local stack (`tensorhop up` with the gateway): it passes every
 * check (exit 0, JSON for CI). Then, beside it and sharing its stages: a gateway that asks for API
 * keys (verify with `--api-key` passes, without fails), and a broken deployment, a gateway whose
 * model pool is a stopped model (a port where nothing listens) with a downloader that lets loopback
 * through: verify fails there with the failing checks named (exit 1) and warns about the open SSRF
 * guard.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { startServiceProcess, type ServiceProcess } from './helpers/service-process.js';
import { startStackProcess, type StackProcess } from './helpers/stack-process.js';

interface CheckJson {
  name: string;
  status: 'pass' | 'fail' | 'warn' | 'skip';
  detail: string;
  ms: number;
  data?: Record<string, unknown>;
}
interface VerifyJson {
  gateway: string;
  ok: boolean;
  summary: { pass: number; fail: number; warn: number; skip: number };
  checks: CheckJson[];
}

const NAMES = [
  'gateway',
  'metadata',
  'modes-agree',
  'keys-exactly-once',
  'error-codes',
  'hop-limit',
  'unknown-hop',
  'later-hop-limit',
  'ssrf-guard',
  'oip-agrees',
  'load',
];

async function verify(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ['shared/cli/bin/tensorhop.js', 'verify', ...args],
      { timeout: 90_000 },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

interface LoadData {
  seconds: number;
  requests: number;
  ok: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  requestsPerSecond: number;
}

const byName = (report: VerifyJson) => new Map(report.checks.map((c) => [c.name, c]));

describe('tensorhop verify', { timeout: 240_000 }, () => {
  let stack: StackProcess;
  const extra: ServiceProcess[] = [];
  before(async () => {
    stack = await startStackProcess(25080, {});
  });
  after(async () => {
    for (const p of extra) await p.stop();
    assert.equal(await stack?.stop(), 0);
  });

  test('every check passes: exit 0, and the JSON names each check with its figures', async () => {
    const run = await verify(stack.urls.gateway, '--json', '--load-seconds', '2', '--concurrency', '4');
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const report = JSON.parse(run.stdout) as VerifyJson;
    assert.equal(report.ok, true);
    assert.equal(report.gateway, stack.urls.gateway);
    assert.deepEqual(
      report.checks.map((c) => c.name),
      NAMES,
    );
    const checks = byName(report);
    for (const c of report.checks) {
      // Every check passes on a chain that keeps the contract (later hop failures included).
      const allowed = ['pass'];
      assert.ok(allowed.includes(c.status), `${c.name}: ${c.status} ${c.detail}`);
    }
    assert.equal(report.summary.fail, 0);
    const modes = checks.get('modes-agree')?.data as { runs: string[]; labels: string[]; matchDrawn: number };
    assert.equal(modes.runs.length, 6);
    assert.deepEqual(modes.labels, ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    assert.match(
      checks.get('error-codes')?.detail ?? '',
      /DOWNLOAD_INVALID_URL, DOWNLOAD_NOT_IMAGE, IMAGE_DECODE/,
    );
    assert.match(checks.get('ssrf-guard')?.detail ?? '', /DOWNLOAD_BLOCKED/);
    const load = checks.get('load')?.data as unknown as LoadData;
    assert.ok(load.ok > 0 && load.ok === load.requests, JSON.stringify(load));
    assert.ok(load.seconds >= 2 && load.seconds < 30, `bounded: ${load.seconds} s`);
    assert.ok(
      load.p50Ms > 0 && load.p50Ms <= load.p90Ms && load.p90Ms <= load.p99Ms && load.p99Ms <= load.maxMs,
    );
    assert.ok(Math.abs(load.requestsPerSecond * load.seconds - load.ok) <= load.ok * 0.05 + 1);
  });

  test('the table for people names every check and ends with the verdict', async () => {
    const run = await verify(stack.urls.gateway, '--load-seconds', '1');
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const lines = run.stdout.trim().split('\n');
    assert.match(lines[2] ?? '', /^CHECK\s+RESULT\s+TIME\s+DETAIL$/);
    for (const name of NAMES)
      assert.ok(
        lines.some((l) => l.startsWith(`${name} `)),
        name,
      );
    assert.match(lines.at(-1) ?? '', /^OK: 11 checks passed, 0 failed, 0 warnings$/);
  });

  test('nothing listening: exit 1, the gateway check names why, the rest are skipped', async () => {
    const run = await verify('http://127.0.0.1:25099', '--json');
    assert.equal(run.code, 1);
    const report = JSON.parse(run.stdout) as VerifyJson;
    assert.deepEqual(report.summary, { pass: 0, fail: 1, warn: 0, skip: NAMES.length - 1 });
    assert.match(byName(report).get('gateway')?.detail ?? '', /no answer from .*ECONNREFUSED/);
  });

  test('a usage mistake is exit 2 with one line', async () => {
    const run = await verify(stack.urls.gateway, '--concurrency', 'many');
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--concurrency must be an integer/);
  });

  test('behind a gateway that asks for API keys: --api-key passes, no key fails naming the checks', async () => {
    const gateway = await startServiceProcess('gateway', 25095, {
      TENSORHOP_GATEWAY_API_KEYS: 'verify-key-1,verify-key-2',
      TENSORHOP_GATEWAY_UPSTREAMS: `downloader=${stack.urls.downloader};preprocessor=${stack.urls.preprocessor};model=${stack.urls.model}`,
    });
    extra.push(gateway);
    const keyed = await verify(gateway.url, '--json', '--load-seconds', '1', '--api-key', 'verify-key-2');
    assert.equal(keyed.code, 0, keyed.stdout + keyed.stderr);
    assert.equal((JSON.parse(keyed.stdout) as VerifyJson).summary.fail, 0);
    const bare = await verify(gateway.url, '--json', '--load-seconds', '1');
    assert.equal(bare.code, 1);
    const report = JSON.parse(bare.stdout) as VerifyJson;
    const checks = byName(report);
    assert.equal(checks.get('gateway')?.status, 'pass', 'readiness needs no key');
    for (const name of ['metadata', 'modes-agree', 'hop-limit', 'load']) {
      assert.equal(checks.get(name)?.status, 'fail', name);
    }
    assert.match(checks.get('metadata')?.detail ?? '', /API key/);
  });

  test('a broken deployment: exit 1, the failing checks named, a warning for loopback downloads', async () => {
    // A downloader that lets loopback through, hopping to the stack's stages.
    const downloader = await startServiceProcess('downloader', 25091, {
      TENSORHOP_DOWNLOADER_ALLOW: '127.0.0.0/8,::1/128',
      TENSORHOP_HOPS: `preprocessor=${stack.urls.gateway}/v1/preprocessor,model=${stack.urls.gateway}/v1/model`,
    });
    extra.push(downloader);
    // A gateway whose model pool is a stopped model: nothing listens on 25093.
    const gateway = await startServiceProcess('gateway', 25090, {
      TENSORHOP_GATEWAY_UPSTREAMS: `downloader=${downloader.url};preprocessor=${stack.urls.preprocessor};model=http://127.0.0.1:25093`,
    });
    extra.push(gateway);
    const run = await verify(gateway.url, '--json', '--load-seconds', '1');
    assert.equal(run.code, 1, run.stdout + run.stderr);
    const report = JSON.parse(run.stdout) as VerifyJson;
    assert.equal(report.ok, false);
    const checks = byName(report);
    const failed = report.checks.filter((c) => c.status === 'fail').map((c) => c.name);
    assert.deepEqual(failed, ['gateway', 'metadata', 'modes-agree']);
    assert.match(checks.get('gateway')?.detail ?? '', /model 0\/1/);
    assert.match(checks.get('metadata')?.detail ?? '', /^model: /);
    assert.match(
      checks.get('modes-agree')?.detail ?? '',
      /^20 rows failed: client\/url #0 (HOP_)?UNAVAILABLE at gateway/,
    );
    const ssrf = checks.get('ssrf-guard');
    assert.equal(ssrf?.status, 'warn');
    assert.match(ssrf?.detail ?? '', /loopback is allowed.*DOWNLOAD_NETWORK/);
  });
});
