/**
 * Writes nsfwjs's bundled MobileNetV2 into the repository format for benchmarks:
 * `models/bench/<variant>/1/` with model.json, weight shards (.bin), labels.txt and tensorhop.json.
 * Made on demand and git-ignored (about 3.5 MB).
 *
 *   npm run model:mobilenet -w services/model [-- --variant mobilenet_v2_mid --out <repository>]
 *
 * nsfwjs ships each model as browserify (UMD) .min.js modules: model.min.js exports the model.json
 * object, and each group1-shardNofM.min.js exports that shard's bytes as one base64 string.
 * `mobilenet_v2` is a Keras layers model, `mobilenet_v2_mid` a graph model; both take
 * 224×224×3 RGB in [0, 1] (nsfwjs divides by 255 and stretches to 224 with bilinear resize).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: {
    variant: { type: 'string', default: 'mobilenet_v2' },
    out: { type: 'string', default: fileURLToPath(new URL('../../../models/bench/', import.meta.url)) },
  },
});
const variant = args.variant;
if (!['mobilenet_v2', 'mobilenet_v2_mid'].includes(variant)) throw new Error(`unknown variant '${variant}'`);

const require = createRequire(import.meta.url);
// nsfwjs's exports map hides package.json; its CommonJS entry is dist/cjs/index.js.
const source = path.join(path.dirname(require.resolve('nsfwjs')), '../models', variant);
const json = require(path.join(source, 'model.min.js')) as {
  format?: string;
  modelTopology: { node?: unknown };
  weightsManifest: { paths: string[]; weights: unknown[] }[];
};
const dir = path.join(args.out, variant, '1');
await mkdir(dir, { recursive: true });

let bytes = 0;
for (const group of json.weightsManifest) {
  group.paths = await Promise.all(
    group.paths.map(async (shard) => {
      const base64 = require(path.join(source, `${shard}.min.js`)) as string;
      const data = Buffer.from(base64, 'base64');
      bytes += data.length;
      await writeFile(path.join(dir, `${shard}.bin`), data);
      return `${shard}.bin`;
    }),
  );
}
json.format ??= Array.isArray(json.modelTopology.node) ? 'graph-model' : 'layers-model';
await writeFile(path.join(dir, 'model.json'), JSON.stringify(json));
// nsfwjs's NSFW_CLASSES, in output order.
await writeFile(
  path.join(dir, 'labels.txt'),
  ['Drawing', 'Hentai', 'Neutral', 'Porn', 'Sexy'].join('\n') + '\n',
);
const config = {
  description: `nsfwjs ${variant} (${json.format}), 5 classes; a benchmark model`,
  inputs: [{ name: 'image', shape: [-1, 224, 224, 3], dtype: 'float32' }],
  outputs: [{ name: 'probabilities' }],
  preprocess: { profile: 'unit', channels: 3, fit: 'fill' },
  // On CPU (wasm) MobileNet costs the same per image at batch 1 to 8 and more above (its
  // activations outgrow the cache), while memory grows with the batch: keep batches small.
  batching: { max_batch_size: 8, max_queue_delay_ms: 5, max_queue_rows: 256 },
  top_k: 5,
};
await writeFile(path.join(dir, 'tensorhop.json'), prettyJson(config));
console.log(`wrote ${variant} (${json.format}, ${(bytes / 1e6).toFixed(1)} MB of weights) to ${dir}`);

/** Indented JSON with number arrays (shapes) kept on one line. */
function prettyJson(value: unknown): string {
  const text = JSON.stringify(value, null, 2).replace(
    /\[\s+([-\d.,\s]+?)\s+\]/g,
    (_, inner: string) => `[${inner.split(/,\s*/).join(', ')}]`,
  );
  return text + '\n';
}
