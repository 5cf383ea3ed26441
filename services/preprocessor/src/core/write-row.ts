import type { PixelTransform } from '@tensorhop/protocol';

/** Where a row goes in the batch tensor. */
export interface RowTarget {
  readonly data: Float32Array | Uint8Array;
  /** Element offset of the row's first value. */
  readonly offset: number;
  /** Pixels per row (H × W). */
  readonly pixels: number;
  readonly layout: 'NHWC' | 'NCHW';
}

/**
 * Converts one decoded image (interleaved 8-bit, `transform.channels` per pixel) into its row of
 * the batch tensor, in one sequential pass over the source. Layouts differ only in strides: NHWC
 * puts a pixel's channels next to each other, NCHW puts each channel in its own plane.
 */
export function writeRow(pixels: Uint8Array, transform: PixelTransform, target: RowTarget): void {
  const { channels, lut, source } = transform;
  const { data, offset, layout } = target;
  const count = target.pixels;
  if (pixels.length !== count * channels) {
    throw new Error(`decoded ${pixels.length} bytes, expected ${count * channels}`);
  }
  if (transform.identity && (layout === 'NHWC' || channels === 1)) {
    data.set(pixels, offset);
    return;
  }
  if (channels === 1) {
    for (let p = 0; p < count; p++) data[offset + p] = lut[pixels[p] as number] as number;
    return;
  }
  const [s0, s1, s2] = source as [number, number, number];
  const pixelStep = layout === 'NHWC' ? 3 : 1;
  const plane = layout === 'NHWC' ? 1 : count; // distance between a pixel's channels
  const end = count * 3;
  // Unrolled for three channels: this loop is the only per-pixel JavaScript on the hot path.
  for (let from = 0, to = offset; from < end; from += 3, to += pixelStep) {
    data[to] = lut[pixels[from + s0] as number] as number;
    data[to + plane] = lut[256 + (pixels[from + s1] as number)] as number;
    data[to + 2 * plane] = lut[512 + (pixels[from + s2] as number)] as number;
  }
}
