import { parseConfigFields } from './config-fields.js';
import type { Layout, PreprocessConfig } from './preprocess-config.js';
import { PreprocessError } from './preprocess-error.js';

const isChannels = (n: number | undefined): n is 1 | 3 => n === 1 || n === 3;

/**
 * Derives preprocessing from a model's metadata: `size`, `channels` and `layout` from its first
 * input's shape (`[-1, H, W, C]` NHWC or `[-1, C, H, W]` NCHW; `[-1, H, W]` is read as greyscale),
 * everything else from its `preprocess` hint (same keys as the request config; unknown keys are
 * ignored, bad values throw `BAD_REQUEST` naming `preprocess.<key>`).
 *
 * Dimensions given as -1 (any) are left out, so the request or service default supplies them.
 * The hint's `layout`, when present, decides an ambiguous 4-D shape.
 */
export function configFromModelInput(
  shape: readonly number[],
  hint: Record<string, unknown>,
): Partial<PreprocessConfig> {
  const fields = parseConfigFields(hint, { strict: false, keyPrefix: 'preprocess.', source: 'model hint' });
  return { ...fields, ...fromShape(shape, fields.layout) };
}

function fromShape(shape: readonly number[], hinted: Layout | undefined): Partial<PreprocessConfig> {
  const dims = shape.map(Number);
  if (dims.length === 3) return { ...sizeOf(dims[1], dims[2]), channels: 1, layout: 'NHWC' };
  if (dims.length !== 4) return {};
  const layout = hinted ?? guessLayout(dims);
  const [h, w, c] = layout === 'NHWC' ? [dims[1], dims[2], dims[3]] : [dims[2], dims[3], dims[1]];
  if (c !== undefined && c > 0 && !isChannels(c)) {
    throw new PreprocessError(
      'BAD_REQUEST',
      `model input 'shape' [${dims.join(',')}] (${layout}) has ${c} channels; the preprocessor makes 1 or 3`,
      { key: 'shape' },
    );
  }
  return { ...sizeOf(h, w), ...(isChannels(c) ? { channels: c } : {}), layout };
}

/** NHWC unless only the second axis looks like a channel count (1 or 3). */
function guessLayout(dims: number[]): Layout {
  return !isChannels(dims[3]) && isChannels(dims[1]) ? 'NCHW' : 'NHWC';
}

function sizeOf(h: number | undefined, w: number | undefined): Partial<PreprocessConfig> {
  return h !== undefined && w !== undefined && h > 0 && w > 0 ? { size: [h, w] } : {};
}
