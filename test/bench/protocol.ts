/**
 * `npm run bench:protocol`: encode + decode throughput of a 128×224×224×3 FLOAT32 request in
 * protobuf against the JSON mapping, and the latency one hop adds on loopback, in one run.
 */
import { performance } from 'node:perf_hooks';
import {
  DType,
  decodeInferResponse,
  decodeRequest,
  encodeInferRequest,
  encodeInferResponse,
  encodeResponseHead,
  float32Tensor,
  inferRequest,
  type Encoding,
  type InferRequest,
} from '@tensorhop/protocol';
import { infer } from '@tensorhop/sdk';
import { addStage, startStage, timesStage } from '../helpers/toy-stages.js';
import { percentile, printTable } from './report.js';

function roundTrip(req: InferRequest, encoding: Encoding): number {
  const t0 = performance.now();
  const bytes = encodeInferRequest(req, encoding);
  const back = decodeRequest(bytes, encoding);
  if (!('infer' in back) || back.infer.inputs[0]?.type !== DType.FLOAT32)
    throw new Error('round trip failed');
  return performance.now() - t0;
}

export async function benchCodec(rows = 128): Promise<{ pbMBs: number; jsonMBs: number; ratio: number }> {
  const data = new Float32Array(rows * 224 * 224 * 3);
  for (let i = 0; i < data.length; i++) data[i] = (i % 255) / 255;
  const req = inferRequest({ inputs: [float32Tensor([rows, 224, 224, 3], data)] });
  const mb = data.byteLength / 1e6;
  const best = (enc: Encoding, n: number): number => {
    let min = Infinity;
    for (let i = 0; i < n; i++) min = Math.min(min, roundTrip(req, enc));
    return min;
  };
  best('protobuf', 2); // warm-up
  const pb = best('protobuf', 5);
  const json = best('json', 3);
  const result = { pbMBs: mb / (pb / 1000), jsonMBs: mb / (json / 1000), ratio: json / pb };
  printTable(
    `Codec: encode + decode of a ${rows}×224×224×3 FLOAT32 request (${mb.toFixed(1)} MB), best of runs`,
    [
      ['encoding', 'ms', 'MB/s'],
      ['protobuf', pb.toFixed(1), result.pbMBs.toFixed(0)],
      ['JSON mapping', json.toFixed(1), result.jsonMBs.toFixed(0)],
      ['protobuf / JSON', `${result.ratio.toFixed(1)}×`, 'goal ≥ 30× and ≥ 1000 MB/s'],
    ],
  );
  return result;
}

export async function benchHop(n = 2000): Promise<void> {
  const a = await startStage(addStage);
  const b = await startStage(timesStage);
  a.service.config.hops = { times: b.url };
  const x = float32Tensor([1], new Float32Array([1]));
  const time = async (fn: () => Promise<unknown>): Promise<number[]> => {
    for (let i = 0; i < 200; i++) await fn();
    const out: number[] = [];
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      await fn();
      out.push(performance.now() - t0);
    }
    return out;
  };
  const exact = { route: { next: [], mode: 'EXACT' as const } };
  const direct = await time(() => infer(b.url, [x], exact));
  const viaHop = await time(() => infer(a.url, [x], { route: { next: ['times'], mode: 'EXACT' } }));
  const single = await time(() => infer(a.url, [x], exact));
  await Promise.all([a.service.close(), b.service.close()]);
  const row = (name: string, v: number[]) => [
    name,
    percentile(v, 50).toFixed(3),
    percentile(v, 99).toFixed(3),
  ];
  const hopP50 = percentile(viaHop, 50) - percentile(single, 50);
  const hopP99 = percentile(viaHop, 99) - percentile(single, 99);
  printTable(`One-row request on loopback, ${n} sequential calls each (ms)`, [
    ['path', 'p50', 'p99'],
    row('client → stage', direct),
    row('client → stage → next stage', viaHop),
    ['added by one hop', hopP50.toFixed(3), hopP99.toFixed(3)],
    ['goal', '≤ 0.500', ''],
  ]);
}

/**
 * What a forwarding stage spends on a 64×224×224×3 FLOAT32 reply from its next hop: decoding it and
 * encoding the merged reply again (before), or decoding it for its keys and sending it as it came
 * behind a small head with the stage's own errors and timing (after).
 */
export function benchSplice(rows = 64): { beforeMs: number; afterMs: number } {
  const data = new Float32Array(rows * 224 * 224 * 3).map((_, i) => (i % 255) / 255);
  const timing = {
    stage: 'x',
    instance: 'h',
    startedAtMs: Date.now(),
    durationMs: 1,
    rowsIn: rows,
    rowsOut: rows,
    bytesIn: 0,
    bytesOut: 0,
    traceId: '0af7651916cd43dd8448eb211c80319c',
    spanId: 'b7ad6b7169203331',
  };
  const reply = {
    outputNames: ['tensor'],
    outputs: [float32Tensor([rows, 224, 224, 3], data)],
    keys: Array.from({ length: rows }, (_, i) => String(i)),
    errors: [],
    trace: [timing],
  };
  const bytes = Buffer.from(encodeInferResponse(reply, 'protobuf'));
  const own = [{ key: 'gone', code: 'IMAGE_DECODE', message: 'not an image', stage: 'preprocessor' }];
  const best = (fn: () => unknown, n = 7): number => {
    let min = Infinity;
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      fn();
      min = Math.min(min, performance.now() - t0);
    }
    return min;
  };
  const beforeMs = best(() => {
    const down = decodeInferResponse(bytes, 'protobuf');
    return encodeInferResponse(
      { ...down, errors: [...own, ...down.errors], trace: [timing, ...down.trace] },
      'protobuf',
    );
  });
  const afterMs = best(() => {
    const down = decodeInferResponse(bytes, 'protobuf');
    return [encodeResponseHead(own, [timing]), down.keys.length];
  });
  printTable(
    `A forwarding stage's work on a ${rows}×224×224×3 FLOAT32 reply (${(bytes.length / 1e6).toFixed(1)} MB), best of 7 (ms)`,
    [
      ['reply handling', 'ms'],
      ['decode + re-encode (before)', beforeMs.toFixed(2)],
      ['decode keys + head in front of the bytes (after)', afterMs.toFixed(3)],
      ['saved per hop', (beforeMs - afterMs).toFixed(2)],
    ],
  );
  return { beforeMs, afterMs };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await benchCodec();
  benchSplice();
  await benchHop();
}
