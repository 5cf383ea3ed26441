// Test images made with sharp, plus a hand-built PNG header for the decompression-bomb case.
import { deflateSync } from 'node:zlib';
import sharp, { type Sharp } from 'sharp';
import type { PreprocessResult } from '../../src/core/index.js';

export type Rgb = [number, number, number];
export const RED: Rgb = [255, 0, 0];
export const BLUE: Rgb = [0, 0, 255];

/** A solid-colour RGB image of `width` × `height`. */
export function solid(rgb: Rgb, width = 8, height = 8): Sharp {
  const [r, g, b] = rgb;
  return sharp({ create: { width, height, channels: 3, background: { r, g, b } } });
}

/** An RGB(A) image whose left half is `left` and right half is `right` (alpha per half optional). */
export function halves(width: number, height: number, left: number[], right: number[]): Sharp {
  const channels = left.length as 3 | 4;
  const pixels = Buffer.alloc(width * height * channels);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) pixels.set(x < width / 2 ? left : right, (y * width + x) * channels);
  }
  return sharp(pixels, { raw: { width, height, channels } });
}

/** Values of pixel (y, x) of row `n` of an NHWC result, as plain numbers. */
export function pixelAt(result: PreprocessResult, n: number, y: number, x: number): number[] {
  const [, h, w, c] = result.shape;
  const start = ((n * h + y) * w + x) * c;
  return Array.from(result.data.subarray(start, start + c));
}

/** Asserts every channel of `actual` is within `tolerance` of `expected`. */
export function near(actual: number[], expected: number[], tolerance: number): boolean {
  return (
    actual.length === expected.length &&
    actual.every((v, i) => Math.abs(v - (expected[i] as number)) <= tolerance)
  );
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, body: Buffer): Buffer {
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), body]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/**
 * A small, well-formed PNG whose IHDR declares `width` × `height` 8-bit RGB (with valid CRCs) but
 * whose IDAT holds only a few compressed bytes: it must be refused from the header alone.
 */
export function pngDeclaring(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: RGB
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const idat = pngChunk('IDAT', deflateSync(Buffer.alloc(1024)));
  return Buffer.concat([signature, pngChunk('IHDR', ihdr), idat, pngChunk('IEND', Buffer.alloc(0))]);
}
