/**
 * Converts the default model (models/mnist, a TensorFlow.js Sequential CNN) into ONNX with the same
 * weights: `models/bench/mnist_onnx/1/` with model.onnx, labels.txt and tensorhop.json (the same
 * preprocess hint and batching). The benchmark uses it to measure dynamic batching on a runtime
 * whose per-call cost is small next to a batch's arithmetic. Git-ignored, made on demand.
 *
 *   npm run model:mnist-onnx -w services/model [-- --source <repository> --out <repository>]
 */
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { fileSystemHandler } from '../src/tfjs/file-io-handler.js';
import { convertKeras } from './keras-onnx/convert.js';
import { functionalLayers, type KerasLayer } from './keras-onnx/layer.js';

const { values: args } = parseArgs({
  options: {
    source: { type: 'string', default: fileURLToPath(new URL('../../../models/', import.meta.url)) },
    out: { type: 'string', default: fileURLToPath(new URL('../../../models/bench/', import.meta.url)) },
    name: { type: 'string', default: 'mnist_onnx' },
  },
});
const started = performance.now();
const source = path.join(args.source, 'mnist', '1');
tf.enableProdMode();
await tf.setBackend('cpu');
const model = await tf.loadLayersModel(fileSystemHandler(path.join(source, 'model.json')));
const json = JSON.parse(await readFile(path.join(source, 'model.json'), 'utf8')) as {
  modelTopology: { class_name: string; config: { layers: Omit<KerasLayer, 'inbound_nodes'>[] } };
};
if (json.modelTopology.class_name !== 'Sequential') throw new Error('expected a Sequential model');
const onnx = convertKeras({
  layers: functionalLayers(json.modelTopology.config.layers),
  weights: (name) =>
    model
      .getLayer(name)
      .getWeights()
      .map((w) => ({ data: w.dataSync() as Float32Array, shape: w.shape })),
  inputName: 'image',
  outputName: 'probabilities',
});
const tfjsConfig = JSON.parse(await readFile(path.join(source, 'tensorhop.json'), 'utf8')) as Record<
  string,
  unknown
>;
const dir = path.join(args.out, args.name, '1');
await mkdir(dir, { recursive: true });
await writeFile(path.join(dir, 'model.onnx'), onnx);
await copyFile(path.join(source, 'labels.txt'), path.join(dir, 'labels.txt'));
const config = {
  description: 'the default mnist CNN converted to ONNX; a benchmark model',
  preprocess: tfjsConfig.preprocess,
  batching: tfjsConfig.batching,
  top_k: tfjsConfig.top_k,
};
await writeFile(path.join(dir, 'tensorhop.json'), JSON.stringify(config, null, 2) + '\n');
const ms = Math.round(performance.now() - started);
console.log(`wrote ${args.name} (${(onnx.length / 1e3).toFixed(0)} KB) to ${dir} in ${ms} ms`);
