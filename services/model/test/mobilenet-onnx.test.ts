/**
 * The same network in both runtimes: nsfwjs's MobileNetV2, converted to ONNX by the project's
 * script (batch norms folded), gives the probabilities of the TensorFlow.js original (≤ 1e-3
 * apart) on real photos and on drawn images, both served side by side by the model service.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { after, before, test } from 'node:test';
import sharp from 'sharp';
import { inferJson, startModelService, type RunningModel } from './helpers/http-model.js';

const SCRIPT = fileURLToPath(new URL('../scripts/make-mobilenet-onnx.ts', import.meta.url));
const PHOTOS = ['chelsea', 'coffee', 'astronaut'].map((n) =>
  fileURLToPath(new URL(`./fixtures/photos/${n}.jpg`, import.meta.url)),
);
const SIZE = 224;
let repo: string;
let model: RunningModel;

before(async () => {
  repo = await mkdtemp(path.join(tmpdir(), 'tensorhop-mobilenet-'));
  // Writes the TF.js copy (mobilenet_v2) and converts it (mobilenet_v2_onnx) beside it.
  await promisify(execFile)(process.execPath, ['--import', 'tsx', SCRIPT, '--out', repo]);
  model = await startModelService(repo, { backend: 'wasm', instances: 1 });
});
after(async () => {
  await model?.close();
  await rm(repo, { recursive: true, force: true });
});

/** Drawn images: a gradient, noise, and shapes on a coloured background. */
async function drawnImages(): Promise<Buffer[]> {
  const gradient = Buffer.alloc(SIZE * SIZE * 3);
  const noise = Buffer.alloc(SIZE * SIZE * 3);
  let seed = 7;
  for (let i = 0; i < gradient.length; i++) {
    const p = Math.floor(i / 3);
    gradient[i] = ((p % SIZE) + Math.floor(p / SIZE) * (i % 3)) % 256;
    seed = (seed * 1103515245 + 12345) >>> 0;
    noise[i] = seed >>> 24;
  }
  const raw = { raw: { width: SIZE, height: SIZE, channels: 3 as const } };
  const svg = `<svg width="${SIZE}" height="${SIZE}"><rect width="100%" height="100%" fill="#3a7"/><circle cx="90" cy="100" r="60" fill="#f4c"/><rect x="120" y="40" width="80" height="150" fill="#124"/></svg>`;
  return Promise.all([
    sharp(gradient, raw).png().toBuffer(),
    sharp(noise, raw).png().toBuffer(),
    sharp(Buffer.from(svg)).png().toBuffer(),
  ]);
}

/** RGB stretched to 224×224, as 8-bit pixels. */
async function toPixels(images: Buffer[]): Promise<Uint8Array> {
  const rows = new Uint8Array(images.length * SIZE * SIZE * 3);
  for (const [i, image] of images.entries()) {
    const pixels = await sharp(image).removeAlpha().resize(SIZE, SIZE, { fit: 'fill' }).raw().toBuffer();
    rows.set(pixels, i * pixels.length);
  }
  return rows;
}

/** nsfwjs's preprocessing: those pixels divided by 255. */
const toRows = async (images: Buffer[]): Promise<Float32Array> =>
  Float32Array.from(await toPixels(images), (p) => p / 255);

const allImages = async (): Promise<Buffer[]> => [
  ...(await Promise.all(PHOTOS.map((p) => readFile(p)))),
  ...(await drawnImages()),
];

test('MobileNetV2 in ONNX Runtime gives the probabilities of TensorFlow.js (max abs diff ≤ 1e-3)', async (t) => {
  const images = await allImages();
  const data = await toRows(images);
  const input = { name: 'image', shape: [images.length, SIZE, SIZE, 3], data };
  const [tfjs, onnx] = await Promise.all([
    inferJson(model.url, input, { model: 'mobilenet_v2' }),
    inferJson(model.url, input, { model: 'mobilenet_v2_onnx' }),
  ]);
  assert.equal(tfjs.status, 200);
  assert.equal(onnx.status, 200);
  const a = tfjs.outputs.probabilities!.values as number[];
  const b = onnx.outputs.probabilities!.values as number[];
  assert.equal(a.length, images.length * 5);
  assert.equal(b.length, a.length);
  const diff = Math.max(...a.map((v, i) => Math.abs(v - b[i]!)));
  assert.ok(diff <= 1e-3, `max abs diff ${diff}`);
  t.diagnostic(`max abs diff over ${images.length} images: ${diff.toExponential(2)}`);
  // Not a constant network: the images get different answers, each a distribution.
  for (let r = 0; r < images.length; r++) {
    const row = b.slice(r * 5, r * 5 + 5);
    assert.ok(Math.abs(row.reduce((s, v) => s + v, 0) - 1) < 1e-4);
  }
  const spread = Math.max(...b.map((v, i) => Math.abs(v - b[i % 5]!)));
  assert.ok(spread > 0.05, `outputs barely differ between images (${spread})`);
  assert.deepEqual(onnx.outputs.classes!.values, tfjs.outputs.classes!.values);
});

test('the converted model is served by ONNX Runtime, the original by TensorFlow.js', async () => {
  const meta = async (name: string) =>
    (
      (await (await fetch(`${model.url}/v1/models/${name}/metadata`)).json()) as {
        metadata: { tensorhop: { backend: string; preprocess: object } };
      }
    ).metadata.tensorhop;
  const [tfjs, onnx] = [await meta('mobilenet_v2'), await meta('mobilenet_v2_onnx')];
  assert.equal(tfjs.backend, 'wasm');
  assert.match(onnx.backend, /^onnxruntime-(cpu|cuda)$/);
  assert.deepEqual(onnx.preprocess, tfjs.preprocess);
});

test('the uint8 copy takes 8-bit pixels and gives the float copy’s probabilities', async (t) => {
  const images = await allImages();
  const shape = [images.length, SIZE, SIZE, 3];
  const [float, pixels] = await Promise.all([
    inferJson(
      model.url,
      { name: 'image', shape, data: await toRows(images) },
      { model: 'mobilenet_v2_onnx' },
    ),
    inferJson(
      model.url,
      { name: 'image', shape, data: await toPixels(images) },
      { model: 'mobilenet_v2_onnx_uint8' },
    ),
  ]);
  assert.equal(float.status, 200);
  assert.equal(pixels.status, 200);
  const a = float.outputs.probabilities!.values as number[];
  const b = pixels.outputs.probabilities!.values as number[];
  assert.equal(b.length, a.length);
  const diff = Math.max(...a.map((v, i) => Math.abs(v - b[i]!)));
  assert.ok(diff <= 1e-3, `max abs diff ${diff}`);
  t.diagnostic(`max abs diff, uint8 pixels vs float input: ${diff.toExponential(2)}`);
  // Float values are refused: a uint8 input takes pixels only.
  const refused = await inferJson(
    model.url,
    { name: 'image', shape: [1, SIZE, SIZE, 3], data: new Float32Array(SIZE * SIZE * 3) },
    { model: 'mobilenet_v2_onnx_uint8' },
  );
  assert.equal(refused.status, 400);
  assert.equal(refused.errors[0]?.code, 'SHAPE_MISMATCH');
  // Its metadata asks the preprocessor for uint8 pixels.
  const meta = (await (await fetch(`${model.url}/v1/models/mobilenet_v2_onnx_uint8/metadata`)).json()) as {
    metadata: { signature_def: unknown; tensorhop: { preprocess: { dtype: string; profile: string } } };
  };
  assert.equal(meta.metadata.tensorhop.preprocess.dtype, 'uint8');
  assert.equal(meta.metadata.tensorhop.preprocess.profile, 'raw');
  assert.match(JSON.stringify(meta.metadata.signature_def), /DT_UINT8/);
});
