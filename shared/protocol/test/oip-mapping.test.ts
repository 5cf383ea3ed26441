/**
 * The OIP mapping on its own: every datatype through JSON (nested and flat) and through the binary
 * form, FP16 rounding, 64-bit integers past 2^53, BYTES that are not UTF-8, range and count checks
 * made before allocation, and tensorhop's parameters.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  DType,
  OIP_DATATYPES,
  attachBinary,
  buildOipBody,
  dtypeOfOip,
  fromHalf,
  fromOipRequest,
  parseOipBody,
  readTensorhopParams,
  tensorFromRaw,
  tensorFromValues,
  tensorToRaw,
  toHalf,
  toOipResponse,
  valuesOf,
  type NumericTensor,
  type StringTensor,
} from '../src/index.js';

const SAMPLES: Record<string, unknown[]> = {
  BOOL: [true, false, true, true, false, false],
  UINT8: [0, 1, 2, 127, 200, 255],
  UINT16: [0, 1, 65535, 3, 4, 5],
  UINT32: [0, 4294967295, 2, 3, 4, 5],
  UINT64: [0, 1, '18446744073709551615', 3, 9007199254740991, 5],
  INT8: [-128, 127, 0, -1, 1, 2],
  INT16: [-32768, 32767, 0, -1, 1, 2],
  INT32: [-2147483648, 2147483647, 0, -1, 1, 2],
  INT64: ['-9223372036854775808', '9223372036854775807', 0, -1, 1, 2],
  FP16: [0, 1, -2, 0.5, 65504, -0.25],
  FP32: [0, 1.5, -2.25, 3e10, -1e-3, 0.1],
  FP64: [0, 1.5, -2.25, 3e300, -1e-300, 0.1],
  BYTES: ['a', 'bé', '', 'ü€𝄞', 'x y', '6'],
};

test('every datatype: nested and flat JSON give the same tensor, and it comes back the same', () => {
  assert.deepEqual(Object.keys(SAMPLES).sort(), [...OIP_DATATYPES].sort());
  for (const [name, flat] of Object.entries(SAMPLES)) {
    const type = dtypeOfOip(name);
    const nested = [flat.slice(0, 3), flat.slice(3)];
    const a = tensorFromValues(type, [2, 3], flat, name);
    const b = tensorFromValues(type, [2, 3], nested, name);
    assert.deepEqual(a, b, name);
    const back = valuesOf(a).values;
    const expected = flat.map((v) => (name === 'FP32' ? Math.fround(v as number) : v));
    assert.deepEqual(back, expected, name);
    // The binary form carries the same tensor.
    assert.deepEqual(tensorFromRaw(type, [2, 3], tensorToRaw(a), name), a, `${name} raw`);
  }
});

test('FP16 rounds to nearest even, keeps infinities and subnormals', () => {
  assert.equal(fromHalf(toHalf(1 + 2 ** -11)), 1);
  assert.equal(fromHalf(toHalf(1 + 3 * 2 ** -11)), 1 + 2 ** -9);
  assert.equal(fromHalf(toHalf(70000)), Infinity);
  assert.equal(fromHalf(toHalf(2 ** -24)), 2 ** -24);
  assert.ok(Number.isNaN(fromHalf(toHalf(NaN))));
});

test('BYTES that are not UTF-8 come back as base64 with content_type', () => {
  const t: StringTensor = { type: DType.STRING, shape: [1], strings: [new Uint8Array([0xff, 0xd8, 0xff])] };
  assert.deepEqual(valuesOf(t), { values: ['/9j/'], encoding: 'base64' });
  const back = tensorFromValues(DType.STRING, [1], ['/9j/'], 'x', 'base64') as StringTensor;
  assert.deepEqual([...(back.strings[0] as Uint8Array)], [0xff, 0xd8, 0xff]);
});

test('elements out of range or of the wrong kind are refused', () => {
  const refuse = (name: string, data: unknown[]) =>
    assert.throws(() => tensorFromValues(dtypeOfOip(name), [data.length], data, name), {
      code: 'BAD_REQUEST',
    });
  refuse('UINT8', [256]);
  refuse('INT8', [-129]);
  refuse('INT32', [1.5]);
  refuse('UINT64', [-1]);
  refuse('INT64', ['9223372036854775808']);
  refuse('BOOL', ['yes']);
  refuse('FP32', ['1']);
  refuse('BYTES', [1]);
  assert.throws(() => dtypeOfOip('BF16'), { code: 'BAD_REQUEST' });
});

test('counts are checked before allocation: a huge shape with little data costs nothing', () => {
  const start = process.memoryUsage().arrayBuffers;
  for (const shape of [
    [1000, 1000, 1000],
    [2, 1e9],
  ]) {
    assert.throws(() =>
      fromOipRequest({ inputs: [{ name: 'x', datatype: 'FP64', shape, data: [1, 2] }] }, { maxRows: 1e9 }),
    );
  }
  assert.ok(process.memoryUsage().arrayBuffers - start < 1e6);
  const rows = { inputs: [{ name: 'x', datatype: 'FP32', shape: [5000, 1], data: [] }] };
  assert.throws(() => fromOipRequest(rows, { maxRows: 4096 }), { code: 'PAYLOAD_TOO_LARGE' });
  assert.throws(
    () => tensorFromValues(DType.FLOAT32, [2, 2], [[1, 2], [3, 4], [5]], 'x'),
    /needs 4 elements, data has more/,
  );
  assert.throws(
    () => tensorFromRaw(DType.STRING, [2], new Uint8Array([1, 0, 0, 0, 65]), 'x'),
    /1 elements, shape needs 2/,
  );
  assert.throws(() => tensorFromRaw(DType.STRING, [1], new Uint8Array([9, 0, 0, 0, 65]), 'x'), /runs past/);
});

test('binary body: the header length splits JSON from parts, parts fill the rest exactly', () => {
  const json = {
    inputs: [
      { name: 'a', datatype: 'INT32', shape: [2], parameters: { binary_data_size: 8 } },
      { name: 'b', datatype: 'BOOL', shape: [1], data: [true] },
    ],
  };
  const built = buildOipBody(json, [new Uint8Array(new Int32Array([7, -7]).buffer)]);
  const body = parseOipBody(built.body, String(built.headerLength));
  const { request } = fromOipRequest(attachBinary(body.json, body.binary));
  assert.deepEqual(Array.from((request.inputs[0] as NumericTensor).data as Int32Array), [7, -7]);
  assert.deepEqual(request.inputNames, ['a', 'b']);
  assert.throws(() => parseOipBody(built.body, String(built.body.length + 1)), { code: 'BAD_REQUEST' });
  assert.throws(() => attachBinary(json, new Uint8Array(9)), /binary bytes after/);
});

test('tensorhop parameters: keys, next as names or hops, mode, config; the path config wins', () => {
  const p = readTensorhopParams({
    tensorhop_keys: '["a","b"]',
    tensorhop_next:
      '[{"target":"preprocessor","config":{"size":[28,28]}},{"target":"model","config":"{\\"top_k\\":1}","output_names":["classes"]}]',
    tensorhop_config: '{"model":"other","top_k":3}',
  });
  assert.deepEqual(p.keys, ['a', 'b']);
  assert.equal(p.route.mode, 'EXACT');
  assert.deepEqual(p.route.next, [
    { target: 'preprocessor', config: '{"size":[28,28]}' },
    { target: 'model', config: '{"top_k":1}', outputNames: ['classes'] },
  ]);
  assert.deepEqual(
    readTensorhopParams({ tensorhop_next: 'preprocessor, model', tensorhop_mode: 'DEFAULT' }).route,
    {
      next: [{ target: 'preprocessor' }, { target: 'model' }],
      mode: 'DEFAULT',
      hopsLeft: 0,
    },
  );
  const { request } = fromOipRequest(
    {
      inputs: [{ name: 'x', datatype: 'FP32', shape: [1], data: [1] }],
      parameters: { tensorhop_config: { model: 'other', top_k: 3 } },
      outputs: [{ name: 'classes' }],
    },
    { pathConfig: { model: 'mnist' } },
  );
  assert.deepEqual(JSON.parse(request.config), { model: 'mnist', top_k: 3 });
  assert.deepEqual(request.outputNames, ['classes']);
  assert.throws(() => readTensorhopParams({ tensorhop_keys: '[1]' }), { code: 'BAD_REQUEST' });
  assert.throws(() => readTensorhopParams({ tensorhop_next: '[{"config":{}}]' }), { code: 'BAD_REQUEST' });
});

test('replies: id echoed, outputs picked in the order asked, binary as asked, tensorhop fields as JSON text', () => {
  const reply = {
    outputNames: ['scores', 'classes'],
    outputs: [
      { type: DType.FLOAT32, shape: [1, 2], data: new Float32Array([0.5, 0.25]) },
      {
        type: DType.STRING,
        shape: [1, 2],
        strings: [new TextEncoder().encode('7'), new TextEncoder().encode('1')],
      },
    ] as never,
    keys: ['k'],
    errors: [{ key: 'j', code: 'IMAGE_DECODE', message: 'no', stage: 'preprocessor' }],
    trace: [],
  };
  const { json, parts } = toOipResponse(
    reply,
    { modelName: 'mnist', modelVersion: '1' },
    { id: '9', outputs: ['classes', 'scores'], binaryAll: true, binaryOf: { classes: false } },
  );
  assert.equal(json.id, '9');
  assert.deepEqual(json.outputs, [
    { name: 'classes', datatype: 'BYTES', shape: [1, 2], data: ['7', '1'] },
    { name: 'scores', datatype: 'FP32', shape: [1, 2], parameters: { binary_data_size: 8 } },
  ]);
  assert.deepEqual(Array.from(new Float32Array((parts[0] as Uint8Array).slice().buffer)), [0.5, 0.25]);
  assert.deepEqual(JSON.parse(json.parameters.tensorhop_errors as string)[0].key, 'j');
  assert.deepEqual(JSON.parse(json.parameters.tensorhop_keys as string), ['k']);
});
