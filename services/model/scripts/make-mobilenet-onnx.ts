/**
 * Converts nsfwjs's MobileNetV2 (the TensorFlow.js layers model that `model:mobilenet` writes)
 * into ONNX with the same weights, beside it in the benchmark repository:
 * `models/bench/mobilenet_v2_onnx/1/` with model.onnx, labels.txt and tensorhop.json, and
 * `mobilenet_v2_onnx_uint8/1/`, the same network taking 8-bit pixels (its graph scales them by
 * 1/255, so the preprocessor sends uint8 rows: a quarter of the bytes, no float conversion). Batch
 * norms are folded into the convolutions (see keras-onnx/). Git-ignored, made on demand.
 *
 *   npm run model:mobilenet-onnx -w services/model [-- --out <repository>]
 */
import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { fileSystemHandler } from '../src/tfjs/file-io-handler.js';
import { convertKeras, type KerasLayer } from './keras-onnx/convert.js';

const { values: args } = parseArgs({
  options: {
    out: { type: 'string', default: fileURLToPath(new URL('../../../models/bench/', import.meta.url)) },
    name: { type: 'string', default: 'mobilenet_v2_onnx' },
  },
});
const started = performance.now();
const source = path.join(args.out, 'mobilenet_v2', '1');
if (!existsSync(path.join(source, 'model.json'))) {
  // The TF.js copy is the source of the weights: make it first.
  const script = fileURLToPath(new URL('./make-mobilenet.ts', import.meta.url));
  const made = spawnSync(process.execPath, ['--import', 'tsx', script, '--out', args.out], {
    stdio: 'inherit',
  });
  if (made.status !== 0) process.exit(made.status ?? 1);
}

tf.enableProdMode();
await tf.setBackend('cpu');
const model = await tf.loadLayersModel(fileSystemHandler(path.join(source, 'model.json')));
const json = JSON.parse(await readFile(path.join(source, 'model.json'), 'utf8')) as {
  modelTopology: { model_config: { config: { layers: KerasLayer[] } } };
};
const layers = json.modelTopology.model_config.config.layers;
const weights = (name: string) =>
  model
    .getLayer(name)
    .getWeights()
    .map((w) => ({ data: w.dataSync() as Float32Array, shape: w.shape }));
const tfjsConfig = JSON.parse(await readFile(path.join(source, 'tensorhop.json'), 'utf8')) as {
  preprocess: Record<string, unknown>;
  batching: unknown;
  top_k: unknown;
};
if (tfjsConfig.preprocess.profile !== 'unit') throw new Error('expected the unit ([0, 1]) profile');
const copies = [
  {
    name: args.name,
    description: 'nsfwjs mobilenet_v2 converted to ONNX (batch norms folded), 5 classes; a benchmark model',
    preprocess: tfjsConfig.preprocess,
  },
  {
    // The same network taking 8-bit pixels: the graph scales them by 1/255 itself.
    name: `${args.name}_uint8`,
    pixels: { scale: 1 / 255 },
    description:
      'nsfwjs mobilenet_v2 in ONNX taking uint8 pixels (scaled by 1/255 in the graph), 5 classes; a benchmark model',
    preprocess: { ...tfjsConfig.preprocess, profile: 'raw', dtype: 'uint8' },
  },
];
let bytes = 0;
for (const copy of copies) {
  const onnx = convertKeras({
    layers,
    weights,
    inputName: 'image',
    outputName: 'probabilities',
    ...(copy.pixels ? { pixels: copy.pixels } : {}),
  });
  bytes += onnx.length;
  const dir = path.join(args.out, copy.name, '1');
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'model.onnx'), onnx);
  await copyFile(path.join(source, 'labels.txt'), path.join(dir, 'labels.txt'));
  const config = {
    description: copy.description,
    preprocess: copy.preprocess,
    batching: tfjsConfig.batching,
    top_k: tfjsConfig.top_k,
  };
  await writeFile(path.join(dir, 'tensorhop.json'), JSON.stringify(config, null, 2) + '\n');
}
const ms = Math.round(performance.now() - started);
console.log(
  `wrote ${copies.map((c) => c.name).join(' and ')} (${(bytes / 1e6).toFixed(1)} MB) to ${args.out} in ${ms} ms`,
);
