/**
 * What tracing costs a request: two kit services in this process (`first` forwards every request
 * to `second`, both echo a 2-row tensor) called through the kit's keep-alive hop client, measured
 * without an OTLP endpoint (plain ids only, no SDK loaded), with the SDK loaded but sampling off,
 * and exporting every span to a local sink (OTLP/HTTP protobuf, the default). Rounds alternate so
 * drift on a shared machine hits every setting alike; the table shows the median round.
 * `npm run bench -- tracing`, or `node --import tsx test/bench/tracing.ts`.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { DType, float32Tensor, inferRequest } from '@tensorhop/protocol';
import {
  callHop,
  createService,
  createTracing,
  loadConfig,
  plainTracing,
  serviceSchema,
  tracingSettings,
  type Service,
  type StageDefinition,
  type Tracing,
} from '@tensorhop/kit';

const REQUESTS = 2000;
const CONCURRENCY = 8;
const ROUNDS = 3;

const echo = (name: string): StageDefinition => ({
  name,
  inputs: [{ name: 'x', shape: [-1], type: DType.FLOAT32 }],
  outputs: [{ name: 'x', shape: [-1], type: DType.FLOAT32 }],
  apply: async (ctx) => ({ outputs: { x: ctx.input('x') }, keys: [...ctx.keys], errors: [] }),
});

const configOf = (name: string, hops: Record<string, string>, next = '') =>
  loadConfig(serviceSchema(name, 0), {
    prefix: `TENSORHOP_${name.toUpperCase()}_`,
    env: {},
    explicit: { port: 0, logLevel: 'silent', hops, next, maxInflight: 256 },
  });

async function chain(env: NodeJS.ProcessEnv): Promise<{ url: string; services: Service[] }> {
  const second = createService({ stage: echo('second'), config: configOf('second', {}), env });
  const two = await second.listen();
  const first = createService({
    stage: echo('first'),
    config: configOf('first', { second: two.url }, 'second'),
    env,
  });
  const one = await first.listen();
  return { url: one.url, services: [first, second] };
}

/** Mean µs per request one at a time, and requests/s with CONCURRENCY in flight. */
async function measure(url: string): Promise<{ latencyUs: number; perSecond: number }> {
  const request = inferRequest({ inputs: [float32Tensor([2], new Float32Array([1, 2]))] });
  const call = async () => {
    const reply = await callHop(url, request, { timeoutMs: 10_000 });
    if (reply.status !== 200 || reply.response.trace.length !== 2)
      throw new Error(`unexpected reply ${reply.status}`);
  };
  for (let i = 0; i < 300; i++) await call();
  let t0 = performance.now();
  for (let i = 0; i < REQUESTS; i++) await call();
  const latencyUs = ((performance.now() - t0) * 1000) / REQUESTS;
  t0 = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next++ < REQUESTS) await call();
    }),
  );
  return { latencyUs, perSecond: REQUESTS / ((performance.now() - t0) / 1000) };
}

/** ns per call of what a stage does with the tracer per request: start, reply headers, one hop, end both. */
function tracerCost(tracing: Tracing): number {
  const carrier = { traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' };
  const once = () => {
    const span = tracing.startStage('bench infer', carrier);
    span.responseHeaders();
    const hop = span.hop('next', 'http://127.0.0.1:9002');
    hop.end({ status: 200, rowsIn: 2, rowsOut: 2 });
    span.end({ status: 200, rowsIn: 2, rowsOut: 2, bytesIn: 8, bytesOut: 8, errors: [] });
  };
  for (let i = 0; i < 20_000; i++) once();
  const n = 100_000;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) once();
  return ((performance.now() - t0) * 1e6) / n;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

export async function benchTracing(): Promise<void> {
  let exported = 0;
  const sink = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      exported++;
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((r) => sink.listen(0, '127.0.0.1', r));
  const endpoint = `http://127.0.0.1:${(sink.address() as AddressInfo).port}`;
  const settings: [string, NodeJS.ProcessEnv, string | undefined][] = [
    ['no endpoint (plain ids, SDK not loaded)', {}, undefined],
    ['SDK loaded, sampler always_off', { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint }, 'always_off'],
    ['exporting every span (always_on)', { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint }, 'always_on'],
  ];
  const results = settings.map(() => ({ latency: [] as number[], rate: [] as number[] }));
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, [, env, sampler]] of settings.entries()) {
      // The SDK reads its sampler from process.env when the provider is made.
      if (sampler) process.env.OTEL_TRACES_SAMPLER = sampler;
      else delete process.env.OTEL_TRACES_SAMPLER;
      const { url, services } = await chain(env);
      const m = await measure(url);
      for (const s of services) await s.close();
      results[i]!.latency.push(m.latencyUs);
      results[i]!.rate.push(m.perSecond);
    }
  }
  delete process.env.OTEL_TRACES_SAMPLER;
  const otel = await createTracing(tracingSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: endpoint }), {
    service: 'bench',
  });
  const costs = [tracerCost(plainTracing), tracerCost(otel)];
  await otel.shutdown();
  sink.close();
  console.log(`\ntracing: 2 chained kit services, ${REQUESTS} requests, median of ${ROUNDS} rounds`);
  console.log('| setting | µs/request (sequential) | requests/s (8 in flight) |');
  console.log('|---|---|---|');
  for (const [i, [name]] of settings.entries()) {
    const r = results[i]!;
    console.log(`| ${name} | ${median(r.latency).toFixed(0)} | ${median(r.rate).toFixed(0)} |`);
  }
  console.log(`(the sink received ${exported} OTLP export requests)`);
  console.log(`tracer alone, per request (stage span + reply headers + one hop span):`);
  console.log(`  plain ${costs[0]!.toFixed(0)} ns, exporting ${(costs[1]! / 1000).toFixed(1)} µs`);
}

if (import.meta.url === `file://${process.argv[1]}`) await benchTracing();
