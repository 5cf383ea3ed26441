/**
 * Tiny layers models written into a temporary repository with our own IOHandler: a dense layer
 * whose kernel is `scale` × identity, so each output row is its input row times `scale` and
 * tests can see exactly which rows came back where.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { fileSystemHandler } from '../../src/tfjs/file-io-handler.js';

export const WIDTH = 4;

let ready: Promise<unknown> | undefined;

export async function tempRepository(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), 'tensorhop-models-'));
}

/** Writes `<repo>/<name>/<version>/` with model.json, weights and tensorhop.json (+ labels). */
export async function writeScaleModel(
  repo: string,
  name: string,
  version: number,
  options: { scale?: number; config?: object; labels?: string[] } = {},
): Promise<string> {
  tf.enableProdMode(); // also silences the cpu backend's "install tfjs-node" banner
  ready ??= tf.setBackend('cpu');
  await ready;
  const dir = path.join(repo, name, String(version));
  await mkdir(dir, { recursive: true });
  const model = tf.sequential();
  model.add(tf.layers.dense({ inputShape: [WIDTH], units: WIDTH, useBias: false, name: 'scale' }));
  model.setWeights([tf.eye(WIDTH).mul(options.scale ?? 1)]);
  await model.save(fileSystemHandler(path.join(dir, 'model.json')));
  await writeFile(path.join(dir, 'tensorhop.json'), JSON.stringify(options.config ?? {}));
  if (options.labels) await writeFile(path.join(dir, 'labels.txt'), options.labels.join('\n') + '\n');
  return dir;
}

/** `n` rows of WIDTH values; row r holds r*10 + 1 … r*10 + WIDTH, plus `base`. */
export function rows(n: number, base = 0): Float32Array {
  return Float32Array.from(
    { length: n * WIDTH },
    (_, i) => base + Math.floor(i / WIDTH) * 10 + (i % WIDTH) + 1,
  );
}
