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
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { convertKeras } from './keras-onnx/convert.js';
import { readTfjsSource, writeOnnxVersion } from './keras-onnx/tfjs-source.js';

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

const model = await readTfjsSource(source);
const { preprocess } = model.config;
if (preprocess.profile !== 'unit') throw new Error('expected the unit ([0, 1]) profile');
const copies = [
  {
    name: args.name,
    description: 'nsfwjs mobilenet_v2 converted to ONNX (batch norms folded), 5 classes; a benchmark model',
    preprocess,
  },
  {
    // The same network taking 8-bit pixels: the graph scales them by 1/255 itself.
    name: `${args.name}_uint8`,
    pixels: { scale: 1 / 255 },
    description:
      'nsfwjs mobilenet_v2 in ONNX taking uint8 pixels (scaled by 1/255 in the graph), 5 classes; a benchmark model',
    preprocess: { ...preprocess, profile: 'raw', dtype: 'uint8' },
  },
];
let bytes = 0;
for (const copy of copies) {
  const onnx = convertKeras({
    layers: model.layers,
    weights: model.weights,
    inputName: 'image',
    outputName: 'probabilities',
    ...(copy.pixels ? { pixels: copy.pixels } : {}),
  });
  bytes += onnx.length;
  await writeOnnxVersion(args.out, copy.name, onnx, model, {
    description: copy.description,
    preprocess: copy.preprocess,
    batching: model.config.batching,
    top_k: model.config.top_k,
  });
}
const ms = Math.round(performance.now() - started);
console.log(
  `wrote ${copies.map((c) => c.name).join(' and ')} (${(bytes / 1e6).toFixed(1)} MB) to ${args.out} in ${ms} ms`,
);
