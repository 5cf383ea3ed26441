import sharp from 'sharp';
import { greyPixels, type Rgb, type Fit, type Kernel, type ImageErrorCode } from '@tensorhop/protocol';
import { headerSize } from './header-size.js';
import { decodePngAtSize } from './png-at-size.js';
import { sniffFormat } from './sniff-format.js';

/** What one image is decoded to, and the limits it must respect. */
export interface DecodePlan {
  readonly height: number;
  readonly width: number;
  readonly channels: 1 | 3;
  readonly fit: Fit;
  readonly kernel: Kernel;
  readonly background: Rgb;
  readonly maxInputBytes: number;
  readonly maxInputPixels: number;
}

/** A decoded row (`height × width × channels` interleaved 8-bit pixels) or why there is none. */
export type DecodeOutcome =
  | { readonly ok: true; readonly pixels: Buffer }
  | { readonly ok: false; readonly code: ImageErrorCode; readonly message: string };

const ACCEPTED = new Set(['jpeg', 'png', 'webp', 'gif', 'tiff', 'heif']);
// 'error' also rejects truncated data but, unlike sharp's default 'warning', tolerates harmless
// oddities common in camera JPEGs (e.g. extraneous bytes after the end marker).
const FAIL_ON = 'error';

const failure = (code: ImageErrorCode, message: string): DecodeOutcome => ({ ok: false, code, message });

/**
 * Decodes, orients, flattens, converts and resizes one encoded image to 8-bit pixels with sharp.
 * Cheap checks run first: byte size, magic bytes, then the header (dimensions) without decoding,
 * so a decompression bomb is refused as `IMAGE_TOO_LARGE` before any pixel memory is allocated.
 * Never throws: every failure of this image becomes an outcome.
 */
export async function decodeImage(bytes: Uint8Array, plan: DecodePlan): Promise<DecodeOutcome> {
  if (bytes.byteLength > plan.maxInputBytes) {
    return failure(
      'IMAGE_TOO_LARGE',
      `image is ${bytes.byteLength} bytes; the limit is ${plan.maxInputBytes}`,
    );
  }
  const format = sniffFormat(bytes);
  if (format === undefined) {
    return failure('IMAGE_DECODE', 'not a supported image (JPEG, PNG, WebP, GIF, TIFF or AVIF)');
  }
  try {
    // The magic bytes already fix the format; where JavaScript can read the declared size, libvips
    // is asked only once, to decode.
    const declared = headerSize(bytes, format);
    const refusal = declared
      ? pixelRefusal(declared.width, declared.height, plan.maxInputPixels)
      : await checkHeader(bytes, plan.maxInputPixels);
    if (refusal) return refusal;
    const atSize = declared?.width === plan.width && declared.height === plan.height;
    const raw = atSize && format === 'png' ? decodePngAtSize(bytes, plan.width, plan.height) : undefined;
    if (raw)
      return {
        ok: true,
        pixels: plan.channels === 1 ? (greyPixels(raw, Buffer.allocUnsafe(raw.length / 3)) as Buffer) : raw,
      };
    return { ok: true, pixels: await decodePixels(bytes, plan) };
  } catch (error) {
    const message = errorText(error);
    // Backstop for sharp's own limitInputPixels check; our header check normally answers first.
    const code = /pixel limit/i.test(message) ? 'IMAGE_TOO_LARGE' : 'IMAGE_DECODE';
    return failure(code, message);
  }
}

/** Reads only the header: format and declared dimensions (of the first page/frame). */
async function checkHeader(bytes: Uint8Array, maxPixels: number): Promise<DecodeOutcome | undefined> {
  // No pixel limit here so that an oversized header yields its dimensions for the message.
  const meta = await sharp(bytes, { limitInputPixels: false, pages: 1 }).metadata();
  if (!ACCEPTED.has(meta.format)) return failure('IMAGE_DECODE', `unsupported image format '${meta.format}'`);
  return pixelRefusal(meta.width ?? 0, meta.pageHeight ?? meta.height ?? 0, maxPixels);
}

function pixelRefusal(width: number, height: number, maxPixels: number): DecodeOutcome | undefined {
  if (width * height <= maxPixels) return undefined;
  return failure(
    'IMAGE_TOO_LARGE',
    `image is ${width}x${height} (${width * height} pixels); the limit is ${maxPixels} pixels`,
  );
}

/** sharp's pipeline for one image: what every image went through before the raw PNG path. */
export async function decodePixels(bytes: Uint8Array, plan: DecodePlan): Promise<Buffer> {
  const [r, g, b] = plan.background;
  // Greyscale output is decoded as sRGB and reduced to grey here: libvips' own b-w conversion costs
  // about 1 ms of CPU per image even for a 28×28 digit, several times the rest of the decode.
  const { data, info } = await sharp(bytes, {
    failOn: FAIL_ON,
    limitInputPixels: plan.maxInputPixels,
    pages: 1,
    autoOrient: true,
    sequentialRead: true,
  })
    .flatten({ background: { r, g, b } })
    .toColourspace('srgb')
    .resize(plan.width, plan.height, {
      fit: plan.fit,
      position: 'centre',
      kernel: plan.kernel,
      background: { r, g, b, alpha: 1 },
    })
    .removeAlpha()
    .raw({ depth: 'uchar' })
    .toBuffer({ resolveWithObject: true });
  if (info.width !== plan.width || info.height !== plan.height || info.channels !== 3) {
    throw new Error(
      `decoded to ${info.width}x${info.height}x${info.channels}, expected ${plan.width}x${plan.height}x3`,
    );
  }
  return plan.channels === 1 ? (greyPixels(data, Buffer.allocUnsafe(data.length / 3)) as Buffer) : data;
}

function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const line = text.split('\n').find((l) => l.trim() !== '') ?? 'cannot decode image';
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}
