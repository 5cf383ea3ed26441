/**
 * Proxy overhead: latency p50/p99 and requests/s of a small POST sent straight to an upstream,
 * through the gateway, and through nginx (when installed) as a reference reverse proxy.
 *
 *   node --import tsx services/gateway/scripts/bench-proxy.ts [--requests=20000] [--concurrency=16]
 *
 * The upstream, the gateway and nginx (one worker) each run in their own process; this process
 * only sends requests, over keep-alive connections. The three paths take turns for `--rounds`
 * rounds and the median round is reported, so that a burst of other work on the machine does not
 * land on one path only. CPU time per request of each proxy process comes from /proc (Linux).
 * Goals: the gateway adds ≤ 1 ms at p50, spends ≤ 1.15× the bare pipe's CPU per request and
 * reaches ≥ 55% of nginx's requests/s.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import type net from 'node:net';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { NGINX, cpuSeconds, startNginx } from './bench-processes.js';

const args = new Map(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]));
const REQUESTS = Number(args.get('requests') ?? 20_000);
const CONCURRENCY = Number(args.get('concurrency') ?? 16);
const ROUNDS = Number(args.get('rounds') ?? 3);
const WARMUP = Math.min(5000, Math.ceil(REQUESTS / 4));
const BODY = Buffer.from(JSON.stringify({ infer: { keys: ['a', 'b'], config: '{"top_k":1}' } }));

// ---- roles run in child processes -----------------------------------------------------------

async function runUpstream(): Promise<void> {
  const reply = Buffer.from(JSON.stringify({ outputNames: ['x'], keys: ['a', 'b'], errors: [] }));
  const server = http.createServer((req, res) => {
    if (req.url === '/readyz' || req.url === '/healthz') return void res.end('{"ready":true}');
    req.on('data', () => undefined);
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': reply.length });
      res.end(reply);
    });
  });
  server.keepAliveTimeout = 65_000;
  server.listen(0, '127.0.0.1', () => announce((server.address() as net.AddressInfo).port));
}

async function runGateway(upstream: string): Promise<void> {
  const { createServer, loadGatewayConfig } = await import('../src/server.js');
  const config = loadGatewayConfig({
    env: {},
    explicit: { port: 0, host: '127.0.0.1', logLevel: 'silent', upstreams: { bench: upstream } },
  });
  const { port } = await createServer(config).listen();
  announce(port);
}

/** The floor of any proxy on Node's http module: request in, pipe, response out, nothing else. */
async function runBareProxy(upstream: string): Promise<void> {
  const { hostname, port } = new URL(upstream);
  const agent = new http.Agent({ keepAlive: true });
  const server = http.createServer((req, res) => {
    const out = http.request(
      { hostname, port, method: req.method, path: '/', headers: req.headers, agent },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    out.on('error', () => res.destroy());
    req.pipe(out);
  });
  server.listen(0, '127.0.0.1', () => announce((server.address() as net.AddressInfo).port));
}

function announce(port: number): void {
  process.stdout.write(`${JSON.stringify({ port })}\n`);
}

// ---- the load generator ---------------------------------------------------------------------

interface Result {
  name: string;
  p50: number;
  p99: number;
  rps: number;
  errors: number;
  /** CPU time of the proxy process per request, in µs (NaN when unknown). */
  cpuUs: number;
}

function post(agent: http.Agent, url: URL): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const req = http.request(url, {
      method: 'POST',
      agent,
      headers: { 'content-type': 'application/json', 'content-length': BODY.length },
    });
    req.on('response', (res) => {
      res.resume();
      res.on('end', () =>
        res.statusCode === 200
          ? resolve(Number(process.hrtime.bigint() - t0) / 1e6)
          : reject(new Error(`HTTP ${res.statusCode}`)),
      );
    });
    req.on('error', reject);
    req.end(BODY);
  });
}

async function load(name: string, target: string, pids: number[]): Promise<Result> {
  const url = new URL(target);
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const run = async (count: number, latencies: number[]): Promise<number> => {
    let next = 0;
    let errors = 0;
    const worker = async (): Promise<void> => {
      while (next++ < count) {
        try {
          latencies.push(await post(agent, url));
        } catch {
          errors++;
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    return errors;
  };
  await run(WARMUP, []);
  const latencies: number[] = [];
  const cpu0 = cpuSeconds(pids);
  const t0 = process.hrtime.bigint();
  const errors = await run(REQUESTS, latencies);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpuUs = ((cpuSeconds(pids) - cpu0) * 1e6) / REQUESTS;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return { name, p50: at(0.5), p99: at(0.99), rps: REQUESTS / seconds, errors, cpuUs };
}

// ---- processes --------------------------------------------------------------------------------

const self = fileURLToPath(import.meta.url);
const children: ChildProcess[] = [];

function startRole(role: string, extra: string[] = []): Promise<{ port: number; pid: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', self, `--role=${role}`, ...extra], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.stdout?.once('data', (chunk: Buffer) => {
      const { port } = JSON.parse(chunk.toString()) as { port: number };
      resolve({ port, pid: child.pid ?? 0 });
    });
    child.once('exit', (code) => reject(new Error(`${role} exited with ${code}`)));
  });
}

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/** The median of each measure over the rounds. */
function summarize(name: string, rounds: Result[]): Result {
  return {
    name,
    p50: median(rounds.map((r) => r.p50)),
    p99: median(rounds.map((r) => r.p99)),
    rps: median(rounds.map((r) => r.rps)),
    errors: rounds.reduce((n, r) => n + r.errors, 0),
    cpuUs: median(rounds.map((r) => r.cpuUs)),
  };
}

function print(results: Result[]): void {
  const direct = results[0] as Result;
  console.log(
    `\n${REQUESTS} POSTs of ${BODY.length} bytes × ${ROUNDS} rounds (median shown), concurrency ${CONCURRENCY}, ` +
      `keep-alive, ${os.cpus().length} cores, load average ${os.loadavg()[0]?.toFixed(1)}\n`,
  );
  console.log('| path | p50 ms | p99 ms | requests/s | added p50 ms | proxy CPU µs/request | errors |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const r of results) {
    const added = r === direct ? '' : (r.p50 - direct.p50).toFixed(3);
    const cpu = Number.isNaN(r.cpuUs) ? '' : r.cpuUs.toFixed(0);
    console.log(
      `| ${r.name} | ${r.p50.toFixed(3)} | ${r.p99.toFixed(3)} | ${Math.round(r.rps)} | ${added} | ${cpu} | ${r.errors} |`,
    );
  }
}

async function measure(): Promise<void> {
  const upstream = await startRole('upstream');
  const upstreamUrl = `http://127.0.0.1:${upstream.port}`;
  const gateway = await startRole('gateway', [`--upstream=${upstreamUrl}`]);
  const bare = await startRole('bare', [`--upstream=${upstreamUrl}`]);
  const ng = await startNginx(upstream.port);
  stopNginx = ng?.stop;
  const targets: [string, string, number[]][] = [
    ['direct', `${upstreamUrl}/`, []],
    ['gateway', `http://127.0.0.1:${gateway.port}/v1/bench`, [gateway.pid]],
    ['node http pipe (floor)', `http://127.0.0.1:${bare.port}/`, [bare.pid]],
  ];
  if (ng) targets.push(['nginx', `http://127.0.0.1:${ng.port}/`, ng.pids]);
  const rounds = new Map<string, Result[]>(targets.map(([name]) => [name, []]));
  for (let i = 0; i < ROUNDS; i++) {
    for (const [name, url, pids] of targets) rounds.get(name)?.push(await load(name, url, pids));
  }
  const results = targets.map(([name]) => summarize(name, rounds.get(name) ?? []));
  print(results);
  if (!ng) console.log(`\nnginx is not installed (${NGINX}): no reference proxy measured.`);
  const [direct, gw, bareResult, nx] = results as [Result, Result, Result, Result | undefined];
  console.log(`\ngateway adds ${(gw.p50 - direct.p50).toFixed(3)} ms at p50 (goal ≤ 1 ms)`);
  console.log(
    `gateway CPU per request is ${(gw.cpuUs / bareResult.cpuUs).toFixed(2)}× the bare pipe's (goal ≤ 1.15×)`,
  );
  if (nx)
    console.log(
      `gateway reaches ${((100 * gw.rps) / nx.rps).toFixed(0)}% of nginx's requests/s (goal ≥ 55%)`,
    );
}

let stopNginx: (() => void) | undefined;

async function main(): Promise<void> {
  try {
    await measure();
  } finally {
    stopNginx?.();
    for (const child of children) child.kill('SIGTERM');
  }
}

const role = args.get('role');
// Exit cleanly on a signal so that `--cpu-prof` can write its profile.
if (role) for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => process.exit(0));
if (role === 'upstream') await runUpstream();
else if (role === 'gateway') await runGateway(args.get('upstream') ?? '');
else if (role === 'bare') await runBareProxy(args.get('upstream') ?? '');
else await main();
