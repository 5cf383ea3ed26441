/**
 * The two ends of a conversion: a TensorFlow.js layers model read from a repository version
 * directory (its layers in functional form, Sequential or not, its weights and its tensorhop.json),
 * and an ONNX version directory written beside it (model.onnx, the same labels.txt, a
 * tensorhop.json).
 */
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { fileSystemHandler } from '../../src/tfjs/file-io-handler.js';
import { functionalLayers, type KerasLayer } from './layer.js';
import type { Weight } from './weights.js';

/** What the converter needs of a TensorFlow.js model, and its served configuration. */
export interface TfjsSource {
  dir: string;
  layers: KerasLayer[];
  weights: (layer: string) => Weight[];
  config: { preprocess: Record<string, unknown>; batching?: unknown; top_k?: unknown };
}

type Topology =
  | { class_name: 'Sequential'; config: { layers: Omit<KerasLayer, 'inbound_nodes'>[] } }
  | { model_config: { config: { layers: KerasLayer[] } } };

/** Reads the layers model in `dir` (model.json, weights, tensorhop.json) on the CPU backend. */
export async function readTfjsSource(dir: string): Promise<TfjsSource> {
  tf.enableProdMode();
  await tf.setBackend('cpu');
  const model = await tf.loadLayersModel(fileSystemHandler(path.join(dir, 'model.json')));
  const { modelTopology } = JSON.parse(await readFile(path.join(dir, 'model.json'), 'utf8')) as {
    modelTopology: Topology;
  };
  const layers =
    'model_config' in modelTopology
      ? modelTopology.model_config.config.layers
      : functionalLayers(modelTopology.config.layers);
  const config = JSON.parse(await readFile(path.join(dir, 'tensorhop.json'), 'utf8')) as TfjsSource['config'];
  const weights = (name: string): Weight[] =>
    model
      .getLayer(name)
      .getWeights()
      .map((w) => ({ data: w.dataSync() as Float32Array, shape: w.shape }));
  return { dir, layers, weights, config };
}

/** Writes `<out>/<name>/1/` with the ONNX graph, the source's labels and `config` as tensorhop.json. */
export async function writeOnnxVersion(
  out: string,
  name: string,
  onnx: Uint8Array,
  source: TfjsSource,
  config: Record<string, unknown>,
): Promise<void> {
  const dir = path.join(out, name, '1');
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'model.onnx'), onnx);
  await copyFile(path.join(source.dir, 'labels.txt'), path.join(dir, 'labels.txt'));
  await writeFile(path.join(dir, 'tensorhop.json'), JSON.stringify(config, null, 2) + '\n');
}
