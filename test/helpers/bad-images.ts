/**
 * A corpus of hostile and odd image files made with sharp, beside good ones: truncated JPEG/PNG,
 * zero bytes, decompression bombs (PNG, JPEG and GIF headers declaring billions of pixels, with
 * valid checksums), a JPEG header followed by HTML, SVG, random bytes — and files that are odd but
 * valid (CMYK JPEG, 16-bit PNG, animated GIF) which must decode like their plain twins.
 */
import { crc32 } from 'node:zlib';
import sharp from 'sharp';

export interface CorpusImage {
  name: string;
  body: Buffer;
  /** Content-Type the test origin serves it with. */
  type: string;
  /** The row error code when this image is fed to the preprocessor; undefined: a good row. */
  code?: string;
}

/** A 32×32 drawing: a dark disc on a light background, in the given colours. */
export const drawing = (fg = '#222', bg = '#eee') =>
  sharp({ create: { width: 32, height: 32, channels: 3, background: bg } }).composite([
    { input: Buffer.from(`<svg width="32" height="32"><circle cx="16" cy="14" r="9" fill="${fg}"/></svg>`) },
  ]);

/** The PNG with its IHDR width and height replaced, CRC fixed: a header-only bomb. */
function pngDeclaring(png: Buffer, width: number, height: number): Buffer {
  const out = Buffer.from(png);
  out.writeUInt32BE(width, 16);
  out.writeUInt32BE(height, 20);
  out.writeUInt32BE(crc32(out.subarray(12, 29)), 29);
  return out;
}

/** The JPEG with its frame header (SOF0/SOF2) declaring other dimensions. */
function jpegDeclaring(jpeg: Buffer, width: number, height: number): Buffer {
  const out = Buffer.from(jpeg);
  for (let i = 2; i < out.length - 9; i++) {
    if (out[i] === 0xff && (out[i + 1] === 0xc0 || out[i + 1] === 0xc2)) {
      out.writeUInt16BE(height, i + 5);
      out.writeUInt16BE(width, i + 7);
      return out;
    }
  }
  throw new Error('no SOF marker');
}

export async function makeCorpus(): Promise<CorpusImage[]> {
  const png = await drawing().png().toBuffer();
  const jpeg = await drawing().jpeg({ quality: 90 }).toBuffer();
  const webp = await drawing('#036', '#fd0').webp().toBuffer();
  const gif = await drawing().gif().toBuffer();
  const cmyk = await drawing('#333', '#ccc').jpeg({ quality: 95 }).toColourspace('cmyk').toBuffer();
  const png16 = await drawing().toColourspace('rgb16').png().toBuffer();
  // Two frames, black then white: the preprocessor must read the first one only.
  const flat = (background: string) =>
    sharp({ create: { width: 32, height: 32, channels: 3, background } })
      .png()
      .toBuffer();
  const frames = await sharp([await flat('#000'), await flat('#fff')], { join: { animated: true } })
    .gif()
    .toBuffer();
  // Both the logical screen and the image descriptor (what libvips reads) say 65535×65535.
  const gifBomb = Buffer.from(gif);
  gifBomb.writeUInt16LE(65535, 6);
  gifBomb.writeUInt16LE(65535, 8);
  const descriptor = gifBomb.indexOf(Buffer.from([0x2c, 0, 0, 0, 0, 32, 0, 32, 0]));
  gifBomb.writeUInt16LE(65535, descriptor + 5);
  gifBomb.writeUInt16LE(65535, descriptor + 7);
  return [
    { name: 'digit.png', body: png, type: 'image/png' },
    { name: 'digit.jpg', body: jpeg, type: 'image/jpeg' },
    { name: 'digit.webp', body: webp, type: 'image/webp' },
    { name: 'digit.gif', body: gif, type: 'image/gif' },
    { name: 'cmyk.jpg', body: cmyk, type: 'image/jpeg' },
    { name: 'sixteen-bit.png', body: png16, type: 'image/png' },
    { name: 'animated.gif', body: frames, type: 'image/gif' },
    {
      name: 'truncated.jpg',
      body: jpeg.subarray(0, Math.floor(jpeg.length / 2)),
      type: 'image/jpeg',
      code: 'IMAGE_DECODE',
    },
    {
      name: 'truncated.png',
      body: png.subarray(0, Math.floor(png.length * 0.6)),
      type: 'image/png',
      code: 'IMAGE_DECODE',
    },
    { name: 'empty.png', body: Buffer.alloc(0), type: 'image/png', code: 'IMAGE_DECODE' },
    {
      name: 'bomb.png',
      body: pngDeclaring(png, 100_000, 100_000),
      type: 'image/png',
      code: 'IMAGE_TOO_LARGE',
    },
    {
      name: 'bomb.jpg',
      body: jpegDeclaring(jpeg, 65_000, 65_000),
      type: 'image/jpeg',
      code: 'IMAGE_TOO_LARGE',
    },
    { name: 'bomb.gif', body: gifBomb, type: 'image/gif', code: 'IMAGE_TOO_LARGE' },
    {
      name: 'polyglot.jpg',
      body: Buffer.concat([
        Buffer.from('ffd8ffe000104a464946', 'hex'),
        Buffer.from('<html><script>alert(1)</script></html>'),
      ]),
      type: 'image/jpeg',
      code: 'IMAGE_DECODE',
    },
    {
      name: 'drawing.svg',
      body: Buffer.from(
        '<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32"><rect width="32" height="32"/></svg>',
      ),
      type: 'image/svg+xml',
      code: 'IMAGE_DECODE',
    },
    {
      name: 'noise.png',
      body: Buffer.from(Array.from({ length: 500 }, (_, i) => (i * 7919) % 256)),
      type: 'image/png',
      code: 'IMAGE_DECODE',
    },
  ];
}
