import type { Rgb } from './colour.js';
import { parseConfigFields } from './config-fields.js';
import { badConfig, PreprocessError } from './preprocess-error.js';

/** How pixel values are normalised; see {@link PreprocessConfig.profile}. */
export type Profile = 'vgg' | 'inception' | 'torch' | 'unit' | 'raw';
/** How the image is fitted to `size`; see {@link PreprocessConfig.fit}. */
export type Fit = 'fill' | 'cover' | 'contain';
/** Axis order of the batch tensor. */
export type Layout = 'NHWC' | 'NCHW';
/** Element type of the batch tensor. */
export type PixelDType = 'float32' | 'uint8';
/** sharp/libvips resampling kernel used when resizing. */
export type Kernel = 'nearest' | 'linear' | 'cubic' | 'mitchell' | 'lanczos3';

/** Everything the preprocessor needs to turn images into one batch tensor. */
export interface PreprocessConfig {
  /** Output `[height, width]` in pixels (JSON may also give one number for a square). @default [224, 224] */
  size: [number, number];
  /** 3 = RGB (BGR for `vgg`), 1 = greyscale. @default 3 */
  channels: 1 | 3;
  /**
   * `fill` stretches to `size` ignoring aspect ratio; `cover` keeps the aspect ratio and crops the
   * centre; `contain` keeps it and pads with `background`. @default 'fill' (as Keras `load_img`)
   */
  fit: Fit;
  /**
   * `vgg`: BGR order minus the ImageNet means 103.939/116.779/123.68 (B/G/R);
   * `inception`: x/127.5 − 1, in [-1, 1]; `torch`: (x/255 − mean)/std with ImageNet
   * mean [0.485, 0.456, 0.406] and std [0.229, 0.224, 0.225], RGB; `unit`: x/255; `raw`: 0..255.
   * With `channels: 1` the means/stds are the averages of the three. @default 'unit'
   */
  profile: Profile;
  /** Use 255 − x before the profile (white-on-black models such as MNIST). @default false */
  invert: boolean;
  /** `uint8` is allowed only with the `raw` profile. @default 'float32' */
  dtype: PixelDType;
  /** @default 'NHWC' */
  layout: Layout;
  /** Colour that alpha is flattened onto and `contain` pads with (`'#rrggbb'`, a name or `[r,g,b]`). @default [255, 255, 255] */
  background: Rgb;
  /** Resampling kernel; `linear` is antialiased in libvips, like PIL's bilinear. @default 'linear' */
  kernel: Kernel;
}

/** Service defaults the request config is merged over. */
export const DEFAULT_PREPROCESS_CONFIG: Readonly<PreprocessConfig> = Object.freeze<PreprocessConfig>({
  size: [224, 224],
  channels: 3,
  fit: 'fill',
  profile: 'unit',
  invert: false,
  dtype: 'float32',
  layout: 'NHWC',
  background: [255, 255, 255],
  kernel: 'linear',
});

/**
 * Validates a request's `config` (JSON text, an already-parsed object, or empty) and merges it over
 * `defaults`. Unknown keys and bad values throw a {@link PreprocessError} with code `BAD_REQUEST`
 * whose message and `key` name the offending key.
 */
export function parsePreprocessConfig(json: unknown, defaults: Readonly<PreprocessConfig>): PreprocessConfig {
  const fields = parseConfigFields(toObject(json), { strict: true });
  const config: PreprocessConfig = {
    ...defaults,
    size: [...defaults.size],
    background: [...defaults.background],
    ...fields,
  };
  assertConsistent(config);
  return config;
}

/** Cross-key rules, checked after merging so a default can conflict with a request value too. */
export function assertConsistent(config: PreprocessConfig): void {
  if (config.dtype === 'uint8' && config.profile !== 'raw') {
    throw badConfig(
      'dtype',
      `'uint8' needs profile 'raw' (profile is '${config.profile}', whose values do not fit in uint8)`,
    );
  }
}

function toObject(json: unknown): Record<string, unknown> {
  if (json === undefined || json === null) return {};
  if (typeof json === 'string' || json instanceof Uint8Array) {
    const text = typeof json === 'string' ? json : new TextDecoder().decode(json);
    if (text.trim() === '') return {};
    try {
      return toObject(JSON.parse(text) as unknown);
    } catch (error) {
      if (error instanceof PreprocessError) throw error;
      throw new PreprocessError(
        'BAD_REQUEST',
        `preprocess config is not valid JSON: ${(error as Error).message}`,
        {
          cause: error,
        },
      );
    }
  }
  if (typeof json !== 'object' || Array.isArray(json)) {
    throw new PreprocessError('BAD_REQUEST', 'preprocess config must be a JSON object');
  }
  return json as Record<string, unknown>;
}
