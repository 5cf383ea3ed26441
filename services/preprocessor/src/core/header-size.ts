/**
 * Declared image dimensions read from the first bytes in JavaScript, so the decompression-bomb
 * check needs no libvips call of its own: on a 28×28 digit, sharp's `metadata()` costs about a
 * sixth of the whole decode (a second trip through the libuv pool and libvips' object system).
 */
import type { ImageFormat } from './sniff-format.js';

/** Width and height as the header declares them (the first frame's canvas for GIF and WebP). */
export interface HeaderSize {
  readonly width: number;
  readonly height: number;
}

const u16be = (b: Uint8Array, i: number): number => (b[i]! << 8) | b[i + 1]!;
const u16le = (b: Uint8Array, i: number): number => b[i]! | (b[i + 1]! << 8);
const u24le = (b: Uint8Array, i: number): number => b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16);
const u32be = (b: Uint8Array, i: number): number => u16be(b, i) * 65536 + u16be(b, i + 2);

/**
 * The declared size of an image whose format {@link sniffFormat} found, or `undefined` when it
 * cannot be read this way (TIFF, AVIF, a truncated or unusual header): the caller then asks libvips.
 */
export function headerSize(bytes: Uint8Array, format: ImageFormat): HeaderSize | undefined {
  switch (format) {
    case 'png':
      // IHDR is the first chunk: length(4) type(4) width(4) height(4).
      if (bytes.length < 24 || String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR') return undefined;
      return sized(u32be(bytes, 16), u32be(bytes, 20));
    case 'gif':
      return sized(u16le(bytes, 6), u16le(bytes, 8));
    case 'webp':
      return webpSize(bytes);
    case 'jpeg':
      return jpegSize(bytes);
    default:
      return undefined;
  }
}

const sized = (width: number, height: number): HeaderSize | undefined =>
  width > 0 && height > 0 ? { width, height } : undefined;

function webpSize(b: Uint8Array): HeaderSize | undefined {
  if (b.length < 30) return undefined;
  const chunk = String.fromCharCode(...b.subarray(12, 16));
  if (chunk === 'VP8X') return sized(u24le(b, 24) + 1, u24le(b, 27) + 1);
  if (chunk === 'VP8L' && b[20] === 0x2f) {
    const bits = b[21]! | (b[22]! << 8) | (b[23]! << 16) | (b[24]! << 24);
    return sized((bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
  }
  // Lossy: a key frame's start code 9d 01 2a, then 14-bit width and height.
  if (chunk === 'VP8 ' && b[23] === 0x9d && b[24] === 0x01 && b[25] === 0x2a) {
    return sized(u16le(b, 26) & 0x3fff, u16le(b, 28) & 0x3fff);
  }
  return undefined;
}

/** Walks the marker segments up to the first start-of-frame (SOF0–SOF15 but DHT, JPG and DAC). */
function jpegSize(b: Uint8Array): HeaderSize | undefined {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return undefined;
    const marker = b[i + 1]!;
    if (marker === 0xff) {
      i++; // fill byte
      continue;
    }
    const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isSof) return sized(u16be(b, i + 7), u16be(b, i + 5));
    if (marker === 0xda || marker === 0xd9) return undefined; // scan or end before any frame
    i += 2 + u16be(b, i + 2);
  }
  return undefined;
}
