import type { PreprocessConfig, Profile } from './preprocess-config.js';

/** ImageNet statistics, in RGB order. */
const IMAGENET_MEAN_255 = [123.68, 116.779, 103.939];
const IMAGENET_MEAN = [0.485, 0.456, 0.406];
const IMAGENET_STD = [0.229, 0.224, 0.225];
const average = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

/**
 * How each output channel is made from the 8-bit decoded pixels: which decoded channel it reads
 * (`source`) and a 256-entry lookup table per channel (`lut`, channel `c` at `c * 256`) that holds
 * the exact profile formula. A table lookup is as fast as a multiply-add in the hot loop and gives
 * bit-for-bit the documented formula (computed in double, rounded once to float32).
 */
export interface PixelTransform {
  readonly channels: number;
  readonly source: readonly number[];
  readonly lut: Float32Array | Uint8Array;
  /** True when output equals input byte for byte (raw uint8, RGB order, no invert): a plain copy. */
  readonly identity: boolean;
}

/** Builds the {@link PixelTransform} for a config. */
export function pixelTransform(config: PreprocessConfig): PixelTransform {
  const { channels, profile, invert, dtype } = config;
  // vgg wants BGR: output channel 0 reads decoded channel 2.
  const source =
    channels === 3 && profile === 'vgg' ? [2, 1, 0] : Array.from({ length: channels }, (_, c) => c);
  const lut = dtype === 'uint8' ? new Uint8Array(256 * channels) : new Float32Array(256 * channels);
  for (let c = 0; c < channels; c++) {
    const formula = channelFormula(profile, channels === 1 ? undefined : (source[c] as number));
    for (let x = 0; x < 256; x++) lut[c * 256 + x] = formula(invert ? 255 - x : x);
  }
  const identity = dtype === 'uint8' && !invert && source.every((s, c) => s === c);
  return { channels, source, lut, identity };
}

/**
 * The value formula for one channel. `rgbIndex` is the colour the channel carries (0 = R, 1 = G,
 * 2 = B) or `undefined` for greyscale, which uses the average of the three means/stds.
 */
export function channelFormula(profile: Profile, rgbIndex: number | undefined): (x: number) => number {
  const pick = (stats: number[]): number =>
    rgbIndex === undefined ? average(stats) : (stats[rgbIndex] as number);
  switch (profile) {
    case 'vgg': {
      const mean = pick(IMAGENET_MEAN_255);
      return (x) => x - mean;
    }
    case 'inception':
      return (x) => x / 127.5 - 1;
    case 'torch': {
      const mean = pick(IMAGENET_MEAN);
      const std = pick(IMAGENET_STD);
      return (x) => (x / 255 - mean) / std;
    }
    case 'unit':
      return (x) => x / 255;
    case 'raw':
      return (x) => x;
  }
}
