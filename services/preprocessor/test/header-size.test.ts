// The declared size read in JavaScript agrees with libvips' own header reader on real encodings.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import sharp from 'sharp';
import { headerSize } from '../src/core/header-size.js';
import { sniffFormat } from '../src/core/sniff-format.js';
import { halves, solid } from './helpers/images.js';

const SIZES: [number, number][] = [
  [1, 1],
  [28, 28],
  [57, 13],
  [640, 480],
  [3000, 17],
];

async function encodings(width: number, height: number): Promise<[string, Buffer][]> {
  const rgb = solid([10, 200, 30], width, height);
  const rgba = halves(width, height, [1, 2, 3, 128], [4, 5, 6, 255]);
  return [
    ['png', await rgb.clone().png().toBuffer()],
    ['png grey', await rgb.clone().greyscale().png().toBuffer()],
    ['png interlaced', await rgb.clone().png({ progressive: true }).toBuffer()],
    ['jpeg', await rgb.clone().jpeg().toBuffer()],
    [
      'jpeg progressive + exif',
      await rgb.clone().withMetadata({ orientation: 6 }).jpeg({ progressive: true }).toBuffer(),
    ],
    ['webp lossy', await rgb.clone().webp().toBuffer()],
    ['webp lossless', await rgb.clone().webp({ lossless: true }).toBuffer()],
    ['webp alpha (VP8X)', await rgba.clone().webp().toBuffer()],
    ['gif', await rgb.clone().gif().toBuffer()],
  ];
}

describe('headerSize', () => {
  it('reads the size libvips reads, for PNG, JPEG, WebP and GIF', async () => {
    for (const [width, height] of SIZES) {
      for (const [name, bytes] of await encodings(width, height)) {
        const format = sniffFormat(bytes);
        assert.ok(format, name);
        const meta = await sharp(bytes).metadata();
        assert.deepEqual(
          headerSize(bytes, format),
          { width: meta.width, height: meta.height },
          `${name} ${width}x${height}`,
        );
      }
    }
  });

  it('gives up (undefined) on truncated headers and on TIFF, leaving them to libvips', async () => {
    const jpeg = await solid([1, 2, 3], 30, 20).jpeg().toBuffer();
    const png = await solid([1, 2, 3], 30, 20).png().toBuffer();
    const tiff = await solid([1, 2, 3], 30, 20).tiff().toBuffer();
    assert.equal(headerSize(jpeg.subarray(0, 20), 'jpeg'), undefined);
    assert.equal(headerSize(png.subarray(0, 20), 'png'), undefined);
    assert.equal(headerSize(tiff, 'tiff'), undefined);
    const notJpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(40, 7)]);
    assert.equal(headerSize(notJpeg, 'jpeg'), undefined);
  });
});
