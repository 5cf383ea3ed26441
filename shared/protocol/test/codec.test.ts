import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  DType,
  decodeInferResponse,
  decodeRequest,
  decodeTensor,
  encodeInferRequest,
  encodeInferResponse,
  encodeTensor,
  inferRequest,
  pb,
  stringTensor,
  typedArrayCtor,
  type NumericDType,
  type NumericTensor,
  type StringTensor,
  type Tensor,
} from '@tensorhop/protocol';

const NUMERIC: [NumericDType, number[] | bigint[]][] = [
  [DType.UINT8, [0, 1, 255]],
  [DType.INT8, [-128, 0, 127]],
  [DType.UINT16, [0, 65535, 7]],
  [DType.INT16, [-32768, 32767, -1]],
  [DType.UINT32, [0, 4294967295, 12345]],
  [DType.INT32, [-2147483648, 2147483647, -5]],
  [DType.UINT64, [0n, 18446744073709551615n, 42n]],
  [DType.INT64, [-9223372036854775808n, 9223372036854775807n, -1n]],
  [DType.FLOAT16, [0x3c00, 0xc000, 0x7bff]], // 1.0, -2.0, 65504 as raw half words
  [DType.FLOAT32, [1.5, -0, 3.4028234663852886e38]],
  [DType.FLOAT64, [Math.PI, -1e308, Number.MIN_VALUE]],
  [DType.BOOL, [1, 0, 1]],
];

function make(type: NumericDType, values: number[] | bigint[], shape: number[]): NumericTensor {
  const Ctor = typedArrayCtor(type) as unknown as { from(v: unknown): NumericTensor['data'] };
  return { type, shape, data: Ctor.from(values) } as NumericTensor;
}

function roundTrip(t: Tensor, encoding: 'protobuf' | 'json'): Tensor {
  const bytes = encodeInferRequest(inferRequest({ inputs: [t] }), encoding);
  const req = decodeRequest(bytes, encoding);
  assert.ok('infer' in req);
  return req.infer.inputs[0] as Tensor;
}

describe('tensor codec', () => {
  for (const encoding of ['protobuf', 'json'] as const) {
    for (const [type, values] of NUMERIC) {
      test(`${encoding}: DType ${type} round trips with its typed array`, () => {
        const t = make(type, values, [3]);
        const back = roundTrip(t, encoding) as NumericTensor;
        assert.equal(back.type, type);
        assert.deepEqual(back.shape, [3]);
        assert.equal(back.data.constructor, t.data.constructor);
        assert.deepEqual(
          Array.from(back.data as ArrayLike<unknown>),
          Array.from(t.data as ArrayLike<unknown>),
        );
      });
    }
    test(`${encoding}: STRING round trips arbitrary bytes`, () => {
      const t = stringTensor(['https://example.test/a.png', new Uint8Array([0, 255, 10, 13]), ''], [3]);
      const back = roundTrip(t, encoding) as StringTensor;
      assert.equal(back.type, DType.STRING);
      assert.deepEqual(
        back.strings.map((s) => Array.from(s)),
        t.strings.map((s) => Array.from(s)),
      );
    });
    test(`${encoding}: zero rows and scalars`, () => {
      const empty = roundTrip(make(DType.FLOAT32, [], [0, 224, 224, 3]), encoding) as NumericTensor;
      assert.deepEqual(empty.shape, [0, 224, 224, 3]);
      assert.equal(empty.data.length, 0);
      const scalar = roundTrip(make(DType.INT32, [7], []), encoding) as NumericTensor;
      assert.deepEqual(scalar.shape, []);
      assert.deepEqual(Array.from(scalar.data as Int32Array), [7]);
    });
  }

  test('a big tensor decodes with every value in place', () => {
    const data = new Float32Array(8 * 224 * 224 * 3).map((_, i) => i % 251);
    const bytes = encodeInferRequest(
      inferRequest({ inputs: [{ type: DType.FLOAT32, shape: [8, 224, 224, 3], data }] }),
      'protobuf',
    );
    const req = decodeRequest(bytes, 'protobuf');
    assert.ok('infer' in req);
    const t = req.infer.inputs[0] as NumericTensor;
    assert.equal(t.data.length, data.length);
    assert.equal(t.data[1000], data[1000]);
    const offset = t.data.buffer === bytes.buffer ? t.data.byteOffset : -1;
    // Aligned data is a view into the message; unaligned data is copied once (see the next test).
    assert.ok(offset === -1 || offset % 4 === 0);
  });

  test('odd byte offsets are copied into aligned arrays with the right values', () => {
    const backing = new Uint8Array(1 + 3 * 8);
    const values = new Float64Array([1.25, -2.5, 1e10]);
    backing.set(new Uint8Array(values.buffer), 1);
    const view = backing.subarray(1);
    const t = decodeTensor({ type: DType.FLOAT64, shape: [3], data: view }) as NumericTensor;
    assert.deepEqual(Array.from(t.data as Float64Array), [1.25, -2.5, 1e10]);
    const aligned = decodeTensor({
      type: DType.UINT8,
      shape: [3],
      data: backing.subarray(1, 4),
    }) as NumericTensor;
    assert.equal(aligned.data.buffer, backing.buffer, 'bytes need no alignment and stay a view');
  });

  test('shape × element size must equal the data length', () => {
    assert.throws(
      () => decodeTensor({ type: DType.FLOAT32, shape: [2, 3], data: new Uint8Array(20) }),
      (e: Error & { code?: string }) => e.code === 'BAD_REQUEST' && /needs 24 bytes, got 20/.test(e.message),
    );
    assert.throws(
      () => decodeTensor({ type: DType.STRING, shape: [3], stringVal: [new Uint8Array(1)] }),
      /needs 3 strings, got 1/,
    );
    assert.throws(
      () => decodeTensor({ type: 99 as DType, shape: [1], data: new Uint8Array(1) }),
      /unknown dtype 99/,
    );
    assert.throws(
      () => decodeTensor({ type: DType.FLOAT32, shape: [-1], data: new Uint8Array(0) }),
      /invalid dimension/,
    );
    assert.throws(() => decodeTensor({ type: DType.NULL, shape: [] }), /NULL/);
  });

  test('responses round trip with keys, row errors and timings', () => {
    const reply = {
      outputNames: ['y'],
      outputs: [make(DType.FLOAT32, [1, 2], [2])],
      keys: ['k1', 'k3'],
      errors: [{ key: 'k2', code: 'IMAGE_DECODE', message: 'bad', stage: 'preprocessor' }],
      trace: [
        {
          stage: 's',
          instance: 'h:1',
          startedAtMs: 1700000000000,
          durationMs: 1.5,
          rowsIn: 3,
          rowsOut: 2,
          bytesIn: 9,
          bytesOut: 8,
          traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
          spanId: '00f067aa0ba902b7',
        },
      ],
    };
    for (const enc of ['protobuf', 'json'] as const) {
      const back = decodeInferResponse(encodeInferResponse(reply, enc), enc);
      assert.deepEqual(back.keys, reply.keys);
      assert.deepEqual(back.errors, reply.errors);
      assert.deepEqual(back.trace, reply.trace);
      assert.deepEqual(Array.from((back.outputs[0] as NumericTensor).data as Float32Array), [1, 2]);
    }
  });

  test('the JSON mapping accepts snake_case names, enum numbers and config objects', () => {
    const body = JSON.stringify({
      infer: {
        input_tensors: [
          { type: 10, shape: [1], data: Buffer.from(new Float32Array([2]).buffer).toString('base64') },
        ],
        config: { size: [28, 28] },
        route: { next: [{ target: 'model', config: { top_k: 3 } }], mode: 'EXACT', hops_left: '4' },
      },
    });
    const req = decodeRequest(Buffer.from(body), 'json');
    assert.ok('infer' in req);
    assert.equal(req.infer.config, '{"size":[28,28]}');
    assert.deepEqual(req.infer.route, {
      next: [{ target: 'model', config: '{"top_k":3}' }],
      mode: 'EXACT',
      hopsLeft: 4,
    });
    assert.throws(
      () => decodeRequest(Buffer.from('{"infer":{"input_tensors":[{"type":"FLOAT99"}]}}'), 'json'),
      /unknown dtype/,
    );
    assert.throws(
      () => decodeRequest(Buffer.from('{"infer":{"route":{"mode":"SIDEWAYS"}}}'), 'json'),
      /route.mode/,
    );
    assert.throws(
      () =>
        decodeRequest(
          Buffer.from('{"infer":{"input_tensors":[{"type":"UINT8","shape":[1],"data":"!!!!"}]}}'),
          'json',
        ),
      /not valid base64/,
    );
  });

  test('encodeTensor passes numeric data as a view, not a copy', () => {
    const data = new Float32Array([1, 2, 3]);
    const wire = encodeTensor({ type: DType.FLOAT32, shape: [3], data });
    assert.equal(wire.data?.buffer, data.buffer);
  });

  test('the DType numbers match the generated schema', () => {
    for (const [name, value] of Object.entries(DType)) {
      assert.equal((pb.DType as unknown as Record<string, number>)[name], value, name);
    }
  });
});
