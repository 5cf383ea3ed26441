/**
 * Interleaved 8-bit RGB to 8-bit greys with the one grey formula (greyOf), table-driven so it
 * costs three lookups a pixel. The tables are built on first use.
 */
import { encodeGrey, toLinear } from './colour.js';

/** Gamma-encoded greys are sampled finely enough to agree with greyOf on every colour. */
const ENCODE_STEPS = 1 << 16;
let tables: { weighted: [Float64Array, Float64Array, Float64Array]; encoded: Uint8Array } | undefined;

function build() {
  const weighted = [0.2126, 0.7152, 0.0722].map((w) =>
    Float64Array.from({ length: 256 }, (_, v) => w * toLinear(v)),
  ) as [Float64Array, Float64Array, Float64Array];
  const encoded = Uint8Array.from({ length: ENCODE_STEPS + 1 }, (_, i) => encodeGrey(i / ENCODE_STEPS));
  return { weighted, encoded };
}

/** The greys of `rgb`, into `out` (allocated when not given). */
export function greyPixels(rgb: Uint8Array, out = new Uint8Array(rgb.length / 3)): Uint8Array {
  const { weighted, encoded } = (tables ??= build());
  const [wr, wg, wb] = weighted;
  for (let i = 0, j = 0; j < out.length; i += 3, j++) {
    const y = wr[rgb[i]!]! + wg[rgb[i + 1]!]! + wb[rgb[i + 2]!]!;
    out[j] = encoded[Math.round(Math.min(1, y) * ENCODE_STEPS)]!;
  }
  return out;
}
