/** The size-first writer gives what the generated encoder gives, plus padding that aligns the data. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  DType,
  decodeInferResponse,
  decodeRequest,
  encodeInferRequest,
  encodeInferRequestParts,
  encodeInferResponse,
  encodeInferResponseParts,
  encodeResponseHead,
  float32Tensor,
  inferRequestFromPb,
  inferRequestToPb,
  inferResponseFromPb,
  inferResponseToPb,
  pb,
  stringTensor,
  type InferRequest,
  type InferResponse,
  type StageTiming,
  type StringTensor,
  type NumericTensor,
} from '@tensorhop/protocol';

const timing = (stage: string): StageTiming => ({
  stage,
  instance: 'h:1',
  startedAtMs: 1_700_000_000_000,
  durationMs: 1.25,
  rowsIn: 3,
  rowsOut: 2,
  bytesIn: 10,
  bytesOut: 20,
  traceId: '0af7651916cd43dd8448eb211c80319c',
  spanId: 'b7ad6b7169203331',
});

const request = (rows: number): InferRequest => ({
  config: '{"size":[28,28]}',
  inputNames: ['images', 'extra'],
  inputs: [
    stringTensor(Array.from({ length: rows }, (_, i) => `https://example.test/${i}.png`)),
    float32Tensor(
      [rows, 3],
      Float32Array.from({ length: rows * 3 }, (_, i) => i / 7),
    ),
  ],
  outputNames: ['tensor'],
  keys: Array.from({ length: rows }, (_, i) => `key-é-${i}`),
  route: {
    next: [{ target: 'preprocessor', config: '{"a":1}', outputNames: ['x'] }, { target: 'model' }],
    mode: 'EXACT',
    hopsLeft: 300,
  },
  traceId: 'abc123',
});

test('requests decode to the same message as the generated encoder writes', () => {
  for (const rows of [0, 1, 5, 200]) {
    const fast = encodeInferRequest(request(rows), 'protobuf');
    const slow = pb.Request.encode({ infer: inferRequestToPb(request(rows)) }).finish();
    const a = inferRequestFromPb(pb.Request.decode(fast).infer as pb.IInferRequest);
    const b = inferRequestFromPb(pb.Request.decode(slow).infer as pb.IInferRequest);
    assert.deepEqual(a, b);
    assert.deepEqual(a, request(rows));
  }
});

test('responses decode to the same message as the generated encoder writes', () => {
  const reply: InferResponse = {
    outputNames: ['classes', 'scores'],
    outputs: [stringTensor(['7', '1'], [2, 1]), float32Tensor([2, 1], new Float32Array([0.99, 0.5]))],
    keys: ['a', 'c'],
    errors: [{ key: 'b', code: 'IMAGE_DECODE', message: 'not an image', stage: 'preprocessor' }],
    trace: [
      {
        stage: 'model',
        instance: 'host:1',
        startedAtMs: 1_763_900_000_123,
        durationMs: 3.25,
        rowsIn: 2,
        rowsOut: 2,
        bytesIn: 6272,
        bytesOut: 8,
        traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
        spanId: '00f067aa0ba902b7',
      },
    ],
  };
  const fast = encodeInferResponse(reply, 'protobuf');
  const slow = pb.InferResponse.encode(inferResponseToPb(reply)).finish();
  assert.deepEqual(
    inferResponseFromPb(pb.InferResponse.decode(fast)),
    inferResponseFromPb(pb.InferResponse.decode(slow)),
  );
  assert.deepEqual(decodeInferResponse(fast, 'protobuf'), reply);
});

test('the largest tensor lands 8-byte aligned, so decoding is a view over the message', () => {
  for (const rows of [1, 3, 17, 64]) {
    const req = request(rows);
    req.inputs.push({
      type: DType.FLOAT64,
      shape: [rows, 100],
      data: new Float64Array(rows * 100).fill(1.5),
    });
    const bytes = encodeInferRequest(req, 'protobuf');
    const copy = Buffer.alloc(bytes.length);
    copy.set(bytes); // as a receiver would hold it: a fresh, aligned buffer
    const back = decodeRequest(copy, 'protobuf');
    assert.ok('infer' in back);
    const t = back.infer.inputs[2];
    assert.ok(t && t.type === DType.FLOAT64);
    assert.equal(t.data.buffer, copy.buffer, `rows=${rows}: data is a view`);
    assert.equal(t.data[rows * 100 - 1], 1.5);
  }
});

test('a forwarding stage puts its head before a reply unchanged: errors and timing come first, data stays aligned', () => {
  for (const rows of [1, 5, 64]) {
    const data = new Float32Array(rows * 7 * 7 * 3).map((_, i) => i / 3);
    const downstream = {
      outputNames: ['x'],
      outputs: [float32Tensor([rows, 7, 7, 3], data)],
      keys: Array.from({ length: rows }, (_, i) => `k${i}`),
      errors: [{ key: 'bad', code: 'SHAPE_MISMATCH', message: 'no', stage: 'model' }],
      trace: [timing('model')],
    };
    const bytes = encodeInferResponse(downstream, 'protobuf');
    const ownErrors = [
      { key: 'gone', code: 'DOWNLOAD_HTTP_STATUS', message: 'HTTP 404', stage: 'downloader' },
    ];
    const head = encodeResponseHead(ownErrors, [timing('downloader')]);
    assert.equal(head.byteLength % 8, 0, 'the head keeps the alignment of what follows');
    const spliced = Buffer.alloc(head.byteLength + bytes.byteLength);
    spliced.set(head);
    spliced.set(bytes, head.byteLength);
    const merged = decodeInferResponse(spliced, 'protobuf');
    assert.deepEqual(merged, {
      ...downstream,
      errors: [...ownErrors, ...downstream.errors],
      trace: [timing('downloader'), timing('model')],
    });
    const t = merged.outputs[0];
    assert.ok(t && t.type === DType.FLOAT32);
    assert.equal(t.data.buffer, spliced.buffer, `rows=${rows}: still a view after the splice`);
  }
});

test('as parts, big tensor data and images are the caller’s own arrays and the bytes are the same', () => {
  const rows = 4;
  const image = (i: number): Uint8Array => new Uint8Array(20_000 + i).fill(i + 1); // over 16 KiB each
  const req = request(rows);
  req.inputs = [
    { type: DType.STRING, shape: [rows], strings: Array.from({ length: rows }, (_, i) => image(i)) },
    float32Tensor(
      [rows, 8],
      Float32Array.from({ length: rows * 8 }, (_, i) => i),
    ), // small: copied
    { type: DType.UINT8, shape: [rows, 100, 100], data: new Uint8Array(rows * 10_000).fill(7) },
  ];
  const parts = encodeInferRequestParts(req, 'protobuf');
  const whole = Buffer.concat(parts);
  assert.deepEqual(whole, Buffer.from(encodeInferRequest(req, 'protobuf')));
  const input = req.inputs as [StringTensor, NumericTensor, NumericTensor];
  for (const s of input[0].strings) assert.ok(parts.includes(s), 'each image is sent as it is');
  const data = input[2].data as Uint8Array;
  assert.ok(
    parts.some((p) => p.buffer === data.buffer && p.byteLength === data.byteLength),
    'the batch is sent from its own buffer',
  );
  assert.ok(!parts.some((p) => p.buffer === input[1].data.buffer), 'small data is copied');
  const back = decodeRequest(whole, 'protobuf');
  assert.ok('infer' in back);
  const strings = back.infer.inputs[0] as StringTensor;
  assert.deepEqual(
    strings.strings.map((b) => Buffer.from(b)),
    input[0].strings.map((b) => Buffer.from(b)),
  );
  assert.deepEqual(back.infer.inputs.slice(1), req.inputs.slice(1));

  const reply: InferResponse = {
    outputNames: ['tensor'],
    outputs: [input[2]],
    keys: ['a', 'b', 'c', 'd'],
    errors: [],
    trace: [timing('preprocessor')],
  };
  const replyParts = encodeInferResponseParts(reply, 'protobuf');
  assert.equal(replyParts.length, 3, 'head, the data, tail');
  assert.deepEqual(Buffer.concat(replyParts), Buffer.from(encodeInferResponse(reply, 'protobuf')));
  assert.deepEqual(encodeInferResponseParts(reply, 'json'), [encodeInferResponse(reply, 'json')]);
});
