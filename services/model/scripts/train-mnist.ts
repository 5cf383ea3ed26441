/**
 * Trains the default model: a small digit CNN on the `mnist` package's digits, saved in the
 * repository format at `models/mnist/1/` (model.json, weights.bin, labels.txt, tensorhop.json).
 *
 *   npm run train:mnist -w services/model [-- --epochs 12 --out <dir>]
 *
 * The wasm backend (fast, single-threaded SIMD) has no Conv2DBackpropFilter kernel, so training
 * expresses each 3×3 convolution as im2col (nine shifted slices) + matMul, whose gradients wasm
 * has; the trained kernels are then copied into an ordinary Conv2D layers model for serving.
 * Seeded initialisation, shuffling and augmentation make runs repeat (up to float rounding).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Scalar } from '@tensorflow/tfjs';
import { initBackend, type Tf } from '../src/tfjs/backend.js';
import { fileSystemHandler } from '../src/tfjs/file-io-handler.js';
import { loadMnist, PIXELS, seededRandom, type MnistSet } from './mnist-data.js';
import { buildServingModel, createParams, forward, type Params } from './mnist-net.js';

const { values: args } = parseArgs({
  options: {
    epochs: { type: 'string', default: '12' },
    out: { type: 'string', default: fileURLToPath(new URL('../../../models/mnist/1/', import.meta.url)) },
    seed: { type: 'string', default: '1234' },
  },
});
const EPOCHS = Number(args.epochs);
const SEED = Number(args.seed);
const BATCH = 64;

const { tf } = await initBackend('wasm');
const { train, test } = loadMnist();
console.log(`mnist: ${train.count} training digits, ${test.count} held out; backend ${tf.getBackend()}`);

const params = createParams(tf, SEED);
const started = performance.now();
for (let epoch = 0; epoch < EPOCHS; epoch++) {
  const lr = 0.002 * Math.pow(0.5, Math.floor((epoch * 3) / EPOCHS)); // three steps down
  const loss = trainEpoch(tf, params, train, epoch, lr);
  const acc = accuracy(tf, (x) => forward(tf, params, x), test);
  const secs = ((performance.now() - started) / 1000).toFixed(0);
  console.log(
    `epoch ${epoch + 1}/${EPOCHS} lr ${lr} loss ${loss.toFixed(4)} test accuracy ${pct(acc)} (${secs}s)`,
  );
}

const model = buildServingModel(tf, params);
const served = accuracy(tf, (x) => model.predictOnBatch(x) as ReturnType<Tf['tensor']>, test);
console.log(`serving model test accuracy ${pct(served)} on ${test.count} held-out digits`);
await save(model, served);

function trainEpoch(tf: Tf, p: Params, set: MnistSet, epoch: number, lr: number): number {
  const random = seededRandom(SEED + epoch);
  const order = shuffled(set.count, random);
  const optimizer = tf.train.adam(lr);
  let total = 0;
  let batches = 0;
  for (let start = 0; start + BATCH <= set.count; start += BATCH) {
    const [images, labels] = augmentedBatch(set, order.subarray(start, start + BATCH), random);
    const cost = tf.tidy(() => {
      const x = tf.tensor4d(images, [BATCH, 28, 28, 1]);
      const y = tf.oneHot(tf.tensor1d(labels, 'int32'), 10);
      const loss = () => tf.losses.softmaxCrossEntropy(y, forward(tf, p, x)) as Scalar;
      return optimizer.minimize(loss, true, p.all) ?? tf.scalar(0);
    });
    total += cost.dataSync()[0]!;
    cost.dispose();
    batches++;
  }
  optimizer.dispose();
  return total / batches;
}

/** Each digit shifted by up to ±2 pixels: the model should not care where on the canvas it sits. */
function augmentedBatch(set: MnistSet, rows: Uint32Array, random: () => number): [Float32Array, Int32Array] {
  const images = new Float32Array(rows.length * PIXELS);
  const labels = new Int32Array(rows.length);
  rows.forEach((row, i) => {
    const dx = Math.floor(random() * 5) - 2;
    const dy = Math.floor(random() * 5) - 2;
    for (let y = 0; y < 28; y++) {
      const sy = y - dy;
      if (sy < 0 || sy >= 28) continue;
      for (let x = 0; x < 28; x++) {
        const sx = x - dx;
        if (sx >= 0 && sx < 28) images[i * PIXELS + y * 28 + x] = set.images[row * PIXELS + sy * 28 + sx]!;
      }
    }
    labels[i] = set.labels[row]!;
  });
  return [images, labels];
}

function accuracy(
  tf: Tf,
  predict: (x: ReturnType<Tf['tensor4d']>) => ReturnType<Tf['tensor']>,
  set: MnistSet,
): number {
  let correct = 0;
  for (let start = 0; start < set.count; start += 256) {
    const n = Math.min(256, set.count - start);
    const x = tf.tensor4d(set.images.subarray(start * PIXELS, (start + n) * PIXELS), [n, 28, 28, 1]);
    const argmax = tf.tidy(() => predict(x).argMax(-1));
    const predicted = argmax.dataSync();
    for (let i = 0; i < n; i++) if (predicted[i] === set.labels[start + i]) correct++;
    x.dispose();
    argmax.dispose();
  }
  return correct / set.count;
}

function shuffled(count: number, random: () => number): Uint32Array {
  const order = Uint32Array.from({ length: count }, (_, i) => i);
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

async function save(model: Awaited<ReturnType<typeof buildServingModel>>, acc: number): Promise<void> {
  const dir = args.out;
  await mkdir(dir, { recursive: true });
  await model.save(fileSystemHandler(path.join(dir, 'model.json')));
  await writeFile(path.join(dir, 'labels.txt'), Array.from({ length: 10 }, (_, d) => d).join('\n') + '\n');
  const config = {
    description:
      `Handwritten digit classifier, a small CNN trained by services/model/scripts/train-mnist.ts; ` +
      `${pct(acc)} accuracy on ${test.count} held-out digits of the mnist package`,
    inputs: [{ name: 'image', shape: [-1, 28, 28, 1], dtype: 'float32' }],
    outputs: [{ name: 'probabilities' }],
    preprocess: { profile: 'unit', channels: 1, invert: true, fit: 'contain' },
    batching: { max_batch_size: 64, max_queue_delay_ms: 2, max_queue_rows: 4096 },
    top_k: 5,
  };
  await writeFile(path.join(dir, 'tensorhop.json'), prettyJson(config));
  console.log(`saved to ${dir}`);
}

function pct(x: number): string {
  return `${(x * 100).toFixed(2)}%`;
}

/** Indented JSON with number arrays (shapes) kept on one line. */
function prettyJson(value: unknown): string {
  const text = JSON.stringify(value, null, 2).replace(
    /\[\s+([-\d.,\s]+?)\s+\]/g,
    (_, inner: string) => `[${inner.split(/,\s*/).join(', ')}]`,
  );
  return text + '\n';
}
