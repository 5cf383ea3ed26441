/** An sRGB colour as 8-bit `[r, g, b]`. */
export type Rgb = [number, number, number];

const NAMED: Record<string, Rgb> = {
  white: [255, 255, 255],
  black: [0, 0, 0],
  gray: [128, 128, 128],
  grey: [128, 128, 128],
};

/**
 * Reads a colour given as `'#rgb'`, `'#rrggbb'`, `'white'|'black'|'gray'|'grey'` or `[r, g, b]`
 * (integers 0..255). Returns `undefined` when the value is none of those.
 */
export function parseColour(value: unknown): Rgb | undefined {
  if (Array.isArray(value)) {
    const ok = value.length === 3 && value.every((v) => Number.isInteger(v) && v >= 0 && v <= 255);
    return ok ? [value[0], value[1], value[2]] : undefined;
  }
  if (typeof value !== 'string') return undefined;
  const text = value.trim().toLowerCase();
  const named = NAMED[text];
  if (named) return [...named];
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(text);
  if (short) return [1, 2, 3].map((i) => parseInt(short[i]!.repeat(2), 16)) as Rgb;
  const long = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/.exec(text);
  if (long) return [1, 2, 3].map((i) => parseInt(long[i]!, 16)) as Rgb;
  return undefined;
}

/** Linear light of an 8-bit sRGB value. */
export const toLinear = (v: number): number => {
  const c = v / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
};

/**
 * The grey level libvips gives an sRGB colour when sharp converts to greyscale (`colourspace b-w`):
 * Rec. 709 luminance computed in *linear* light, `Y = 0.2126 R + 0.7152 G + 0.0722 B`, then
 * gamma-encoded back to sRGB. (Not the Rec. 601 `0.299/0.587/0.114` on gamma-encoded values that
 * PIL's `convert('L')` uses; e.g. RGB 200,100,50 is 128 here and 124 there.)
 *
 * The preprocessor computes it itself (its grey-pixels.ts), so padding, flattened alpha and image pixels
 * all go through the same formula.
 */
export function greyOf([r, g, b]: Rgb): number {
  return encodeGrey(0.2126 * toLinear(r) + 0.7152 * toLinear(g) + 0.0722 * toLinear(b));
}

/** Gamma-encodes a linear luminance to an 8-bit sRGB grey. */
export const encodeGrey = (y: number): number =>
  Math.round((y <= 0.0031308 ? y * 12.92 : 1.055 * y ** (1 / 2.4) - 0.055) * 255);
