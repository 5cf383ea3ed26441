/**
 * `npm run bench -- oip`: encode + decode of a 128×224×224×3 FLOAT32 request in tensorhop's
 * protobuf, in OIP JSON (a flat array of numbers, as Triton users send it) and in OIP binary (the
 * binary tensor data extension), each through the project's own mapping both ways.
 * Goals: protobuf ≥ 30× OIP JSON and ≥ 1 GB/s; OIP binary within 1.5× of protobuf.
 */
import { performance } from 'node:perf_hooks';
import {
  DType,
  attachBinary,
  buildOipBody,
  decodeRequest,
  encodeInferRequest,
  float32Tensor,
  fromOipRequest,
  inferRequest,
  parseOipBody,
  tensorToRaw,
  valuesOf,
  type NumericTensor,
  type Tensor,
} from '@tensorhop/protocol';
import { printTable } from './report.js';

type Codec = (t: Tensor) => Tensor;

const protobuf: Codec = (t) => {
  const back = decodeRequest(encodeInferRequest(inferRequest({ inputs: [t] }), 'protobuf'), 'protobuf');
  return ('infer' in back ? back.infer.inputs[0] : undefined) as Tensor;
};

function oip(build: (t: Tensor) => { json: unknown; parts: Uint8Array[] }): Codec {
  return (t) => {
    const { json, parts } = build(t);
    const built = buildOipBody(json, parts);
    const body = parseOipBody(
      built.body,
      built.headerLength === undefined ? undefined : String(built.headerLength),
    );
    return fromOipRequest(attachBinary(body.json, body.binary)).request.inputs[0] as Tensor;
  };
}

const input = (t: Tensor) => ({ name: 'input', shape: [...t.shape], datatype: 'FP32' });
const oipJson = oip((t) => ({ json: { inputs: [{ ...input(t), data: valuesOf(t).values }] }, parts: [] }));
const oipBinary = oip((t) => {
  const raw = tensorToRaw(t);
  return { json: { inputs: [{ ...input(t), parameters: { binary_data_size: raw.length } }] }, parts: [raw] };
});

function best(codec: Codec, t: Tensor, runs: number): number {
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const back = codec(t);
    const ms = performance.now() - t0;
    const same = (back as NumericTensor).data[12345] === (t as NumericTensor).data[12345];
    if (back.type !== DType.FLOAT32 || !same) {
      throw new Error('round trip changed the tensor');
    }
    min = Math.min(min, ms);
  }
  return min;
}

export async function benchOip(
  rows = 128,
): Promise<{ pbMBs: number; jsonRatio: number; binaryRatio: number }> {
  const data = new Float32Array(rows * 224 * 224 * 3);
  for (let i = 0; i < data.length; i++) data[i] = (i % 255) / 255;
  const t = float32Tensor([rows, 224, 224, 3], data);
  const mb = data.byteLength / 1e6;
  best(protobuf, t, 2);
  best(oipBinary, t, 2);
  // Interleaved, best of many: on a shared machine a single run says more about its neighbours.
  let pb = Infinity;
  let bin = Infinity;
  for (let i = 0; i < 8; i++) {
    pb = Math.min(pb, best(protobuf, t, 1));
    bin = Math.min(bin, best(oipBinary, t, 1));
  }
  const json = best(oipJson, t, 2);
  const rate = (ms: number) => (mb / (ms / 1000)).toFixed(0);
  const result = { pbMBs: mb / (pb / 1000), jsonRatio: json / pb, binaryRatio: bin / pb };
  printTable(
    `OIP vs protobuf: encode + decode of a ${rows}×224×224×3 FLOAT32 request (${mb.toFixed(1)} MB), best of runs`,
    [
      ['encoding', 'ms', 'MB/s', 'vs protobuf'],
      ['tensorhop protobuf', pb.toFixed(1), rate(pb), '1.0×'],
      [
        'OIP binary (binary_data_size)',
        bin.toFixed(1),
        rate(bin),
        `${result.binaryRatio.toFixed(2)}× the time (goal ≤ 1.5×)`,
      ],
      [
        'OIP JSON (number arrays)',
        json.toFixed(0),
        rate(json),
        `${result.jsonRatio.toFixed(0)}× the time (goal ≥ 30×)`,
      ],
    ],
  );
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) await benchOip();
