/**
 * TF Serving's `{"b64": …}` inputs, decoded in-process by the same rules as the preprocessor: the
 * config comes from the model's input shape and preprocess hint (@tensorhop/protocol's
 * configFromModelInput, strict: an unknown profile or colour is BAD_REQUEST, never a silent
 * default), the pixel values from the profile's formula (pixelTransform), greys from greyPixels.
 * EXIF orientation is applied and alpha flattened onto `background`.
 */
import sharp from 'sharp';
import {
  DEFAULT_PREPROCESS_CONFIG,
  configFromModelInput,
  greyPixels,
  isPreprocessError,
  parsePreprocessConfig,
  pixelTransform,
  type PreprocessConfig,
} from '@tensorhop/protocol';
import { TensorhopError } from '../errors.js';

/** Images above this many pixels are refused before decoding (decompression bombs). */
export const MAX_IMAGE_PIXELS = 40_000_000;

/** The preprocess config for a model input and its hint; bad hints are BAD_REQUEST. */
function planFor(inputShape: readonly number[], hint: Record<string, unknown>): PreprocessConfig {
  try {
    return parsePreprocessConfig(configFromModelInput(inputShape, hint), DEFAULT_PREPROCESS_CONFIG);
  } catch (error) {
    if (isPreprocessError(error)) throw new TensorhopError('BAD_REQUEST', error.message);
    throw error;
  }
}

/**
 * Decodes one encoded image (JPEG, PNG, WebP, GIF, TIFF, AVIF) into a model input row.
 * @param inputShape the model input, `[-1, H, W, C]` (or NCHW, as the hint's layout says)
 * @throws IMAGE_DECODE for bytes that are not an image, IMAGE_TOO_LARGE above {@link MAX_IMAGE_PIXELS}
 */
export async function decodeB64Image(
  bytes: Uint8Array,
  inputShape: readonly number[],
  hint: Record<string, unknown> = {},
): Promise<Float32Array> {
  const config = planFor(inputShape, hint);
  const [h, w] = config.size;
  const [r, g, b] = config.background;
  let rgb: Buffer;
  try {
    rgb = await sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS })
      .rotate()
      .flatten({ background: { r, g, b } })
      .resize(w, h, { fit: config.fit, background: { r, g, b }, kernel: config.kernel })
      .toColourspace('srgb')
      .removeAlpha()
      .raw()
      .toBuffer();
  } catch (error) {
    const message = (error as Error).message;
    if (/pixel limit/i.test(message))
      throw new TensorhopError('IMAGE_TOO_LARGE', `image is larger than ${MAX_IMAGE_PIXELS} pixels`);
    throw new TensorhopError('IMAGE_DECODE', `cannot decode image: ${message}`);
  }
  const pixels = config.channels === 1 ? greyPixels(rgb) : rgb;
  return transform(pixels, h * w, config);
}

/** Each pixel through the profile's lookup table, into NHWC or NCHW. */
function transform(pixels: Uint8Array, area: number, config: PreprocessConfig): Float32Array {
  const { channels, source, lut } = pixelTransform(config);
  const nchw = config.layout === 'NCHW';
  const out = new Float32Array(area * channels);
  for (let p = 0; p < area; p++) {
    for (let c = 0; c < channels; c++) {
      const x = pixels[p * channels + (source[c] as number)] as number;
      out[nchw ? c * area + p : p * channels + c] = lut[c * 256 + x] as number;
    }
  }
  return out;
}
