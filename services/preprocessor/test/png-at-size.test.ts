// The raw PNG path gives exactly sharp's pixels, and sends every PNG it cannot vouch for to sharp.
import assert from 'node:assert/strict';
import { crc32, deflateSync } from 'node:zlib';
import { describe, it } from 'node:test';
import sharp, { type Sharp } from 'sharp';
import { decodeImage, decodePixels, type DecodePlan } from '../src/core/decode-image.js';
import { decodePngAtSize } from '../src/core/png-at-size.js';
import type { Fit, Kernel } from '../src/core/index.js';

const noise = (width: number, height: number, channels: 1 | 3, seed: number): Sharp => {
  const pixels = Buffer.alloc(width * height * channels);
  // Smooth ramps and noise, so every PNG filter type gets chosen for some rows.
  for (let i = 0; i < pixels.length; i++) pixels[i] = (i * seed + ((i * 7919) % 97) * (i % 3)) & 0xff;
  return sharp(pixels, { raw: { width, height, channels } });
};

const plan = (size: number, channels: 1 | 3, fit: Fit, kernel: Kernel): DecodePlan => ({
  height: size,
  width: size,
  channels,
  fit,
  kernel,
  background: [255, 255, 255],
  maxInputBytes: 1 << 24,
  maxInputPixels: 1 << 24,
});

describe('decodePngAtSize', () => {
  it("equals sharp's pipeline on grey and RGB PNGs at size, every fit, kernel and output channels", async () => {
    let compared = 0;
    for (const [size, seed] of [
      [1, 3],
      [28, 5],
      [31, 11],
      [64, 13],
    ] as const) {
      for (const source of [1, 3] as const) {
        for (const compression of [0, 6, 9]) {
          const png = await noise(size, size, source, seed)
            .png({ compressionLevel: compression, adaptiveFiltering: true })
            .toBuffer();
          assert.ok(decodePngAtSize(png, size, size), `raw path taken for ${size}px ${source}-band`);
          for (const fit of ['fill', 'cover', 'contain'] as const) {
            for (const kernel of ['nearest', 'linear', 'lanczos3'] as const) {
              for (const channels of [1, 3] as const) {
                const p = plan(size, channels, fit, kernel);
                const fast = await decodeImage(png, p);
                assert.ok(fast.ok);
                assert.deepEqual(
                  fast.pixels,
                  await decodePixels(png, p),
                  `${size}px ${source}→${channels} ${fit} ${kernel}`,
                );
                compared++;
              }
            }
          }
        }
      }
    }
    assert.equal(compared, 4 * 2 * 3 * 3 * 3 * 2);
  });

  it('leaves to sharp what it cannot vouch for', async () => {
    const rgb = noise(8, 8, 3, 3);
    const plain = await rgb.clone().png().toBuffer();
    assert.ok(decodePngAtSize(plain, 8, 8));
    assert.equal(decodePngAtSize(plain, 8, 9), undefined, 'another size');
    const cases: [string, Buffer][] = [
      ['interlaced', await rgb.clone().png({ progressive: true }).toBuffer()],
      ['16-bit', await rgb.clone().toColourspace('rgb16').png().toBuffer()],
      ['palette', await rgb.clone().png({ palette: true }).toBuffer()],
      ['alpha', await rgb.clone().ensureAlpha(0.5).png().toBuffer()],
      ['ICC profile', await rgb.clone().withIccProfile('p3').png().toBuffer()],
    ];
    for (const [name, png] of cases) assert.equal(decodePngAtSize(png, 8, 8), undefined, name);
    const badCrc = Buffer.from(plain);
    const at = badCrc.length - 20; // inside the last IDAT
    badCrc[at] = badCrc[at]! ^ 0xff;
    assert.equal(decodePngAtSize(badCrc, 8, 8), undefined, 'bad CRC');
    assert.equal(decodePngAtSize(plain.subarray(0, plain.length - 12), 8, 8), undefined, 'no IEND');
  });

  it('refuses a stream that inflates to the wrong length', () => {
    const chunk = (type: string, body: Buffer): Buffer => {
      const head = Buffer.alloc(8);
      head.writeUInt32BE(body.length, 0);
      head.write(type, 4, 'latin1');
      const crc = Buffer.alloc(4);
      crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, 'latin1'), body])), 0);
      return Buffer.concat([head, body, crc]);
    };
    const ihdr = Buffer.from([0, 0, 0, 4, 0, 0, 0, 4, 8, 0, 0, 0, 0]); // 4×4 grey
    const png = (rows: number): Buffer =>
      Buffer.concat([
        Buffer.from('89504e470d0a1a0a', 'hex'),
        chunk('IHDR', ihdr),
        chunk('IDAT', deflateSync(Buffer.alloc(rows * 5))),
        chunk('IEND', Buffer.alloc(0)),
      ]);
    assert.ok(decodePngAtSize(png(4), 4, 4));
    assert.equal(decodePngAtSize(png(3), 4, 4), undefined, 'short');
    assert.equal(decodePngAtSize(png(5), 4, 4), undefined, 'long');
  });
});
