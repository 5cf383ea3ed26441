/**
 * The model service's `inference.GRPCInferenceService`, called by a grpc-js client built from the
 * same vendored proto: health, metadata, and ModelInfer with raw contents and with typed contents
 * giving the native protocol's labels; errors carry gRPC codes and tensorhop's code.
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { float32Tensor, type StringTensor } from '@tensorhop/protocol';
import { infer } from '@tensorhop/sdk';
import { createServer, loadModelConfig, type ModelService } from '@tensorhop/model';
import { drawDigits } from './helpers/digit-origin.js';

const require = createRequire(import.meta.url);
const PROTO = require.resolve('@tensorhop/protocol/proto/open_inference_grpc.proto');

type Unary = (request: unknown, callback: (error: grpc.ServiceError | null, reply: unknown) => void) => void;
interface InferReply {
  model_name: string;
  id: string;
  outputs: { name: string; datatype: string; shape: string[] }[];
  parameters: Record<string, { string_param?: string }>;
  raw_output_contents: Buffer[];
}
interface ModelMeta {
  properties: Record<string, string>;
  name: string;
  versions: string[];
  inputs: unknown[];
}
let model: ModelService;
let client: grpc.Client & Record<string, Unary>;
let httpUrl = '';

const call = <T = unknown>(method: string, request: unknown): Promise<T> =>
  new Promise((resolve, reject) =>
    (client[method] as Unary).call(client, request, (error, reply) =>
      error ? reject(error) : resolve(reply as T),
    ),
  );

before(async () => {
  model = createServer(loadModelConfig({ env: {}, explicit: { port: 0, logLevel: 'silent', instances: 1 } }));
  const listening = await model.listen();
  await model.loaded;
  httpUrl = listening.url;
  assert.ok(listening.grpcPort && listening.grpcPort !== listening.port);
  const definition = protoLoader.loadSync(PROTO, {
    keepCase: true,
    longs: String,
    defaults: true,
    oneofs: true,
  });
  const pkg = grpc.loadPackageDefinition(definition).inference as grpc.GrpcObject;
  const Service = pkg.GRPCInferenceService as grpc.ServiceClientConstructor;
  client = new Service(`127.0.0.1:${listening.grpcPort}`, grpc.credentials.createInsecure()) as never;
});

let closed = false;
after(async () => {
  client.close();
  if (!closed) await model.close();
});

test('ServerLive, ServerReady, ModelReady, ServerMetadata, ModelMetadata', async () => {
  assert.deepEqual(await call('ServerLive', {}), { live: true });
  assert.deepEqual(await call('ServerReady', {}), { ready: true });
  assert.deepEqual(await call('ModelReady', { name: 'mnist', version: '1' }), { ready: true });
  const server = await call<{ name: string; extensions: string[] }>('ServerMetadata', {});
  assert.equal(server.name, 'tensorhop');
  assert.ok(server.extensions.includes('binary_tensor_data'));
  const meta = await call<ModelMeta>('ModelMetadata', { name: 'mnist', version: '' });
  assert.equal(meta.name, 'mnist');
  assert.deepEqual(meta.versions, ['1']);
  assert.match(meta.properties.tensorhop_preprocess ?? '', /"profile":"unit"/);
  assert.deepEqual(meta.inputs, [{ name: 'image', datatype: 'FP32', shape: ['-1', '28', '28', '1'] }]);
  await assert.rejects(call('ModelMetadata', { name: 'nope' }), (e: grpc.ServiceError) => {
    assert.equal(e.code, grpc.status.NOT_FOUND);
    assert.deepEqual(e.metadata.get('tensorhop-code'), ['NOT_FOUND']);
    return true;
  });
});

test('ModelInfer with raw and with typed contents gives the native labels', async () => {
  const digits = await drawDigits(4);
  const { default: sharp } = await import('sharp');
  const pixels = new Float32Array(4 * 784);
  for (const [i, d] of digits.entries()) {
    const gray = await sharp(d.body).resize(28, 28).greyscale().raw().toBuffer();
    for (let p = 0; p < 784; p++) pixels[i * 784 + p] = 1 - (gray[p] as number) / 255;
  }
  const native = await infer(httpUrl, { image: float32Tensor([4, 28, 28, 1], pixels) });
  const classes = native.outputs[native.outputNames.indexOf('classes')] as StringTensor;
  const labels = [0, 1, 2, 3].map((i) => Buffer.from(classes.strings[i * 5] as Uint8Array).toString());
  assert.ok(labels.filter((l, i) => l === digits[i]?.label).length >= 3, `labels ${labels}`);

  const input = { name: 'image', datatype: 'FP32', shape: [4, 28, 28, 1] };
  const keys = { tensorhop_keys: { string_param: '["w","x","y","z"]' } };
  const raw = await call<InferReply>('ModelInfer', {
    model_name: 'mnist',
    id: 'r1',
    inputs: [input],
    outputs: [{ name: 'classes' }],
    parameters: keys,
    raw_input_contents: [Buffer.from(pixels.buffer)],
  });
  const typed = await call<InferReply>('ModelInfer', {
    model_name: 'mnist',
    model_version: '1',
    inputs: [{ ...input, contents: { fp32_contents: Array.from(pixels) } }],
    outputs: [{ name: 'classes' }, { name: 'scores' }],
  });
  for (const reply of [raw, typed]) {
    assert.equal(reply.model_name, 'mnist');
    assert.equal(reply.outputs[0]?.name, 'classes');
    assert.equal(reply.outputs[0]?.datatype, 'BYTES');
    assert.deepEqual(reply.outputs[0]?.shape, ['4', '5']);
    const part = reply.raw_output_contents[0] as Buffer;
    const strings: string[] = [];
    for (let at = 0; at < part.length; at += 4 + part.readUInt32LE(at)) {
      strings.push(part.subarray(at + 4, at + 4 + part.readUInt32LE(at)).toString());
    }
    assert.deepEqual(
      [0, 1, 2, 3].map((i) => strings[i * 5]),
      labels,
    );
  }
  assert.equal(raw.id, 'r1');
  assert.equal(raw.parameters.tensorhop_keys?.string_param, '["w","x","y","z"]');
  assert.equal(typed.raw_output_contents[1]?.length, 4 * 5 * 4);
});

test('ModelInfer refusals carry gRPC codes', async () => {
  const bad = (request: unknown, code: grpc.status, th: string) =>
    assert.rejects(call('ModelInfer', request), (e: grpc.ServiceError) => {
      assert.equal(e.code, code, e.message);
      assert.deepEqual(e.metadata.get('tensorhop-code'), [th]);
      return true;
    });
  const input = { name: 'image', datatype: 'FP32', shape: [1, 28, 28, 1] };
  await bad({ model_name: 'nope', inputs: [input] }, grpc.status.NOT_FOUND, 'NOT_FOUND');
  await bad(
    { model_name: 'mnist', inputs: [input], raw_input_contents: [Buffer.alloc(10)] },
    grpc.status.INVALID_ARGUMENT,
    'BAD_REQUEST',
  );
  await bad(
    { model_name: 'mnist', inputs: [{ ...input, contents: { int_contents: [1] } }] },
    grpc.status.INVALID_ARGUMENT,
    'BAD_REQUEST',
  );
  await bad(
    {
      model_name: 'mnist',
      inputs: [{ ...input, shape: [9000, 1] }],
      raw_input_contents: [Buffer.alloc(36000)],
    },
    grpc.status.RESOURCE_EXHAUSTED,
    'PAYLOAD_TOO_LARGE',
  );
});

test('the gRPC server is drained and closed with the HTTP server', async () => {
  await model.close();
  closed = true;
  await assert.rejects(call('ServerLive', {}), (e: grpc.ServiceError) => {
    assert.equal(e.code, grpc.status.UNAVAILABLE);
    return true;
  });
  await assert.rejects(fetch(`${httpUrl}/v2/health/live`));
});
