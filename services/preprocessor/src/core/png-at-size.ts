/**
 * A raw pixel path for the commonest small input: an 8-bit greyscale or RGB PNG that is already the
 * output size. PNG is lossless and nothing in sharp's pipeline changes such an image (no alpha to
 * flatten, no orientation, no resize), so inflating and unfiltering it here gives libvips' pixels
 * exactly, for a few microseconds instead of libvips' fixed cost of about half a millisecond per
 * call. Anything else — another chunk that could matter (palette, transparency, colour profile,
 * gamma, EXIF), interlacing, another depth, a bad CRC, a short stream — is left to sharp.
 */
import { crc32, inflateSync } from 'node:zlib';

/** Chunks that do not change pixel values; any other chunk sends the image to sharp. */
const HARMLESS = new Set(['IHDR', 'IDAT', 'IEND', 'pHYs', 'tEXt', 'tIME']);

/**
 * Interleaved 8-bit RGB pixels of a `width` × `height` PNG (grey expanded to three equal
 * channels, as libvips' conversion to sRGB does), or `undefined` when sharp must decode it.
 */
export function decodePngAtSize(bytes: Uint8Array, width: number, height: number): Buffer | undefined {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const idat: Buffer[] = [];
  let channels = 0;
  let at = 8;
  while (at + 12 <= data.length) {
    const length = data.readUInt32BE(at);
    const end = at + 12 + length;
    if (end > data.length) return undefined;
    const type = data.toString('latin1', at + 4, at + 8);
    if (!HARMLESS.has(type) || crc32(data.subarray(at + 4, end - 4)) !== data.readUInt32BE(end - 4)) {
      return undefined;
    }
    const body = data.subarray(at + 8, end - 4);
    if (type === 'IHDR') {
      if (at !== 8 || length !== 13) return undefined;
      const [depth, colour, compression, filter, interlace] = body.subarray(8, 13);
      const sized = body.readUInt32BE(0) === width && body.readUInt32BE(4) === height;
      if (!sized || depth !== 8 || compression !== 0 || filter !== 0 || interlace !== 0) return undefined;
      channels = colour === 0 ? 1 : colour === 2 ? 3 : 0;
      if (channels === 0) return undefined;
    } else if (channels === 0) {
      return undefined; // IHDR must come first
    }
    if (type === 'IDAT') idat.push(body);
    if (type === 'IEND') return idat.length ? unfilter(idat, width, height, channels) : undefined;
    at = end;
  }
  return undefined;
}

function unfilter(idat: Buffer[], width: number, height: number, channels: number): Buffer | undefined {
  const stride = width * channels;
  const expected = height * (stride + 1);
  let raw: Buffer;
  try {
    raw = inflateSync(Buffer.concat(idat), { maxOutputLength: expected + 1 });
  } catch {
    return undefined;
  }
  if (raw.length !== expected) return undefined;
  const rows = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    if (filter > 4) return undefined;
    unfilterRow(raw, y * (stride + 1) + 1, rows, y * stride, stride, channels, filter, y > 0);
  }
  return channels === 3 ? rows : expandGrey(rows);
}

/** Undoes one row's filter (PNG spec, section 9) into `out`, reading the row above from `out`. */
function unfilterRow(
  raw: Buffer,
  from: number,
  out: Buffer,
  to: number,
  stride: number,
  bpp: number,
  filter: number,
  hasUp: boolean,
): void {
  for (let i = 0; i < stride; i++) {
    const a = i >= bpp ? out[to + i - bpp]! : 0;
    const b = hasUp ? out[to + i - stride]! : 0;
    const c = hasUp && i >= bpp ? out[to + i - stride - bpp]! : 0;
    let predictor = 0;
    if (filter === 1) predictor = a;
    else if (filter === 2) predictor = b;
    else if (filter === 3) predictor = (a + b) >> 1;
    else if (filter === 4) {
      const p = a + b - c;
      const pa = Math.abs(p - a);
      const pb = Math.abs(p - b);
      const pc = Math.abs(p - c);
      predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
    out[to + i] = (raw[from + i]! + predictor) & 0xff;
  }
}

function expandGrey(grey: Buffer): Buffer {
  const rgb = Buffer.allocUnsafe(grey.length * 3);
  for (let i = 0, j = 0; i < grey.length; i++, j += 3) rgb[j] = rgb[j + 1] = rgb[j + 2] = grey[i]!;
  return rgb;
}
