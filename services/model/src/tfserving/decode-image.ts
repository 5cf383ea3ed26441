import sharp from 'sharp';
import { TensorhopError } from '../errors.js';

/** Images above this many pixels are refused before decoding (decompression bombs). */
export const MAX_IMAGE_PIXELS = 40_000_000;

const MEAN_255 = [123.68, 116.779, 103.939];
const MEAN = [0.485, 0.456, 0.406];
const STD = [0.229, 0.224, 0.225];
const avg = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

/**
 * Decodes one encoded image (JPEG, PNG, WebP, GIF, TIFF) into a model input row, following the
 * model's preprocessing hint with the preprocessor's meaning of each key: EXIF orientation
 * applied, alpha flattened onto `background` (default white), resized to the input's H×W with
 * `fit` (fill | cover | contain, padding with `background`; default fill), `channels` from the
 * input shape, `invert` (255 − x), then `profile` (unit | raw | inception | vgg | torch; default unit).
 *
 * A small in-process path for TF Serving's `{"b64": …}` inputs; the preprocessor service is the
 * full one.
 * @param inputShape the model input, `[-1, H, W, C]` (or `[-1, C, H, W]` with hint layout 'NCHW')
 * @throws IMAGE_DECODE for bytes that are not an image, IMAGE_TOO_LARGE above {@link MAX_IMAGE_PIXELS}.
 */
export async function decodeB64Image(
  bytes: Uint8Array,
  inputShape: readonly number[],
  hint: Record<string, unknown> = {},
): Promise<Float32Array> {
  const nchw = hint.layout === 'NCHW';
  const [h, w, c] = nchw
    ? [inputShape[2], inputShape[3], inputShape[1]]
    : [inputShape[1], inputShape[2], inputShape[3] ?? 1];
  if (!h || !w || h < 1 || w < 1 || (c !== 1 && c !== 3)) {
    throw new TensorhopError(
      'BAD_REQUEST',
      `model input [${inputShape.join(',')}] is not an image input with 1 or 3 channels`,
    );
  }
  const background = colour(hint.background);
  const fit = hint.fit === 'cover' || hint.fit === 'contain' ? hint.fit : 'fill';
  let pixels: Buffer;
  try {
    let image = sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS }).rotate().flatten({ background });
    image = image.resize(w, h, { fit, background, kernel: 'linear' });
    image = c === 1 ? image.grayscale() : image.toColourspace('srgb');
    pixels = await image.raw().toBuffer();
  } catch (error) {
    const message = (error as Error).message;
    if (/pixel limit/i.test(message))
      throw new TensorhopError('IMAGE_TOO_LARGE', `image is larger than ${MAX_IMAGE_PIXELS} pixels`);
    throw new TensorhopError('IMAGE_DECODE', `cannot decode image: ${message}`);
  }
  return normalise(pixels, h * w, c, hint, nchw);
}

function normalise(
  pixels: Buffer,
  area: number,
  channels: number,
  hint: Record<string, unknown>,
  nchw: boolean,
): Float32Array {
  const decoded = pixels.length / area; // sharp may keep 3 bands for grey input; read the first c
  const f = channelFormulas(String(hint.profile ?? 'unit'), channels);
  const invert = hint.invert === true;
  const out = new Float32Array(area * channels);
  for (let p = 0; p < area; p++) {
    for (let ch = 0; ch < channels; ch++) {
      // vgg wants BGR: output channel 0 reads the blue band.
      const band = channels === 3 && hint.profile === 'vgg' ? 2 - ch : ch;
      const x = pixels[p * decoded + band]!;
      out[nchw ? ch * area + p : p * channels + ch] = f[ch]!(invert ? 255 - x : x);
    }
  }
  return out;
}

function channelFormulas(profile: string, channels: number): ((x: number) => number)[] {
  return Array.from({ length: channels }, (_, ch) => {
    const rgb = channels === 1 ? undefined : profile === 'vgg' ? 2 - ch : ch;
    const pick = (stats: number[]): number => (rgb === undefined ? avg(stats) : stats[rgb]!);
    switch (profile) {
      case 'raw':
        return (x: number) => x;
      case 'inception':
        return (x: number) => x / 127.5 - 1;
      case 'vgg':
        return (x: number) => x - pick(MEAN_255);
      case 'torch':
        return (x: number) => (x / 255 - pick(MEAN)) / pick(STD);
      default:
        return (x: number) => x / 255;
    }
  });
}

function colour(value: unknown): { r: number; g: number; b: number } {
  if (Array.isArray(value) && value.length === 3)
    return { r: Number(value[0]), g: Number(value[1]), b: Number(value[2]) };
  if (typeof value === 'string' && /^#[0-9a-f]{6}$/i.test(value)) {
    const n = parseInt(value.slice(1), 16);
    return { r: n >> 16, g: (n >> 8) & 255, b: n & 255 };
  }
  return { r: 255, g: 255, b: 255 };
}
