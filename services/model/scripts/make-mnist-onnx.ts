/**
 * Converts the default model (models/mnist, a TensorFlow.js Sequential CNN) into ONNX with the same
 * weights: `models/bench/mnist_onnx/1/` with model.onnx, labels.txt and tensorhop.json (the same
 * preprocess hint and batching). The benchmark uses it to measure dynamic batching on a runtime
 * whose per-call cost is small next to a batch's arithmetic. Git-ignored, made on demand.
 *
 *   npm run model:mnist-onnx -w services/model [-- --source <repository> --out <repository>]
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { convertKeras } from './keras-onnx/convert.js';
import { readTfjsSource, writeOnnxVersion } from './keras-onnx/tfjs-source.js';

const { values: args } = parseArgs({
  options: {
    source: { type: 'string', default: fileURLToPath(new URL('../../../models/', import.meta.url)) },
    out: { type: 'string', default: fileURLToPath(new URL('../../../models/bench/', import.meta.url)) },
    name: { type: 'string', default: 'mnist_onnx' },
  },
});
const started = performance.now();
const model = await readTfjsSource(path.join(args.source, 'mnist', '1'));
const onnx = convertKeras({
  layers: model.layers,
  weights: model.weights,
  inputName: 'image',
  outputName: 'probabilities',
});
await writeOnnxVersion(args.out, args.name, onnx, model, {
  description: 'the default mnist CNN converted to ONNX; a benchmark model',
  preprocess: model.config.preprocess,
  batching: model.config.batching,
  top_k: model.config.top_k,
});
const dir = path.join(args.out, args.name, '1');
const ms = Math.round(performance.now() - started);
console.log(`wrote ${args.name} (${(onnx.length / 1e3).toFixed(0)} KB) to ${dir} in ${ms} ms`);
