/** Interleaved RGB to grey with the one formula of @tensorhop/protocol's greyOf, table-driven. */
import { encodeGrey, toLinear } from '@tensorhop/protocol';

/** Linear light of each 8-bit sRGB value, weighted per channel: three 256-entry tables. */
const WEIGHTED = [0.2126, 0.7152, 0.0722].map((w) =>
  Float64Array.from({ length: 256 }, (_, v) => w * toLinear(v)),
);
/** Gamma-encoded 8-bit grey of a linear luminance, sampled finely enough to agree with greyOf. */
const ENCODE_STEPS = 1 << 16;
const ENCODED = Uint8Array.from({ length: ENCODE_STEPS + 1 }, (_, i) => encodeGrey(i / ENCODE_STEPS));

/** Interleaved 8-bit RGB pixels to 8-bit greys, as greyOf does per colour. */
export function greyPixels(rgb: Buffer): Buffer {
  const [wr, wg, wb] = WEIGHTED as [Float64Array, Float64Array, Float64Array];
  const out = Buffer.allocUnsafe(rgb.length / 3);
  for (let i = 0, j = 0; j < out.length; i += 3, j++) {
    const y = wr[rgb[i]!]! + wg[rgb[i + 1]!]! + wb[rgb[i + 2]!]!;
    out[j] = ENCODED[Math.round(Math.min(1, y) * ENCODE_STEPS)]!;
  }
  return out;
}
