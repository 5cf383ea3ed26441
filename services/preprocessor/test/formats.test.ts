// Every accepted format decodes; broken, truncated and non-image rows fail alone with IMAGE_DECODE.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import sharp from 'sharp';
import { createPreprocessor, DEFAULT_PREPROCESS_CONFIG, parsePreprocessConfig } from '../src/core/index.js';
import { BLUE, halves, near, pixelAt, RED, solid } from './helpers/images.js';

const pre = createPreprocessor({ concurrency: 2 });
const config = parsePreprocessConfig({ profile: 'raw', size: [8, 16] }, DEFAULT_PREPROCESS_CONFIG);
const source = () => halves(64, 32, RED, BLUE);

/** Asserts row `n` is red on the left and blue on the right, within a lossy-codec tolerance. */
function assertHalves(result: Awaited<ReturnType<typeof pre.run>>, n: number, tolerance: number) {
  for (const [y, x, expected] of [
    [1, 1, RED],
    [6, 5, RED],
    [1, 14, BLUE],
    [6, 10, BLUE],
  ] as const) {
    const actual = pixelAt(result, n, y, x);
    assert.ok(near(actual, expected, tolerance), `row ${n} (${y},${x}) is ${actual}, expected ${expected}`);
  }
}

describe('formats', () => {
  const encoders: [string, () => Promise<Buffer>, number][] = [
    ['JPEG', () => source().jpeg({ quality: 95 }).toBuffer(), 12],
    ['PNG', () => source().png().toBuffer(), 0],
    ['WebP (lossless)', () => source().webp({ lossless: true }).toBuffer(), 0],
    ['WebP (lossy)', () => source().webp({ quality: 90 }).toBuffer(), 16],
    ['GIF', () => source().gif().toBuffer(), 0],
    ['TIFF (LZW)', () => source().tiff({ compression: 'lzw' }).toBuffer(), 0],
    ['TIFF (sharp default: JPEG-compressed)', () => source().tiff().toBuffer(), 12],
    // This sharp build (libheif with the aom AV1 codec) decodes AVIF; HEIC/HEVC is not included.
    ['AVIF', () => source().avif({ quality: 80 }).toBuffer(), 24],
    ['16-bit PNG', () => source().toColourspace('rgb16').png().toBuffer(), 0],
  ];
  for (const [name, encode, tolerance] of encoders) {
    it(`decodes ${name}`, async () => {
      const result = await pre.run([await encode()], config);
      assert.deepEqual(result.errors, []);
      assert.deepEqual(result.ok, [0]);
      assertHalves(result, 0, tolerance);
    });
  }

  it('uses the first frame of an animated GIF', async () => {
    // Two 16x16 frames stacked vertically: red, then blue.
    const frames = Buffer.concat([await rawSolid(RED), await rawSolid(BLUE)]);
    const gif = await sharp(frames, { raw: { width: 16, height: 32, channels: 3, pageHeight: 16 } })
      .gif()
      .toBuffer();
    assert.equal((await sharp(gif).metadata()).pages, 2);
    const result = await pre.run(
      [gif],
      parsePreprocessConfig({ profile: 'raw', size: 4 }, DEFAULT_PREPROCESS_CONFIG),
    );
    assert.deepEqual(pixelAt(result, 0, 0, 0), RED);
    assert.deepEqual(pixelAt(result, 0, 3, 3), RED);
  });
});

async function rawSolid(rgb: [number, number, number]): Promise<Buffer> {
  return solid(rgb, 16, 16).raw().toBuffer();
}

describe('broken rows fail alone', () => {
  let good: Buffer;
  let goodJpeg: Buffer;
  before(async () => {
    good = await source().png().toBuffer();
    goodJpeg = await halves(64, 32, BLUE, RED).jpeg({ quality: 95 }).toBuffer();
  });

  it('keeps the good rows, in input order, with their indices', async () => {
    const corruptPng = Buffer.from(good);
    corruptPng.fill(0x5a, 40, corruptPng.length - 12); // valid signature and IHDR, garbage data
    const inputs = [
      good, // 0 ok
      goodJpeg.subarray(0, Math.floor(goodJpeg.length / 2)), // 1 truncated JPEG
      Buffer.from('this is plain text, not an image at all'), // 2 not an image
      new Uint8Array(0), // 3 empty
      goodJpeg, // 4 ok
      corruptPng, // 5 corrupt PNG
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"/>'), // 6 SVG is not accepted
      good.subarray(0, good.length - 30), // 7 truncated PNG
    ];
    const result = await pre.run(inputs, config);
    assert.deepEqual(result.ok, [0, 4]);
    assert.deepEqual(
      result.errors.map((e) => [e.index, e.code]),
      [1, 2, 3, 5, 6, 7].map((i) => [i, 'IMAGE_DECODE']),
    );
    for (const error of result.errors) assert.ok(error.message.length > 0 && !error.message.includes('\n'));
    assert.deepEqual(result.shape, [2, 8, 16, 3]);
    assert.equal(result.data.length, 2 * 8 * 16 * 3);
    assertHalves(result, 0, 0);
    // Row 1 is input 4, mirrored colours: blue left, red right.
    assert.ok(near(pixelAt(result, 1, 4, 1), BLUE, 12));
    assert.ok(near(pixelAt(result, 1, 4, 14), RED, 12));
  });

  it('reads images from Uint8Array views into a larger buffer (as decoded from protobuf)', async () => {
    const message = new Uint8Array(good.length + goodJpeg.length + 20).fill(0xee);
    message.set(good, 7);
    message.set(goodJpeg, 13 + good.length);
    const views = [
      message.subarray(7, 7 + good.length),
      message.subarray(13 + good.length, 13 + good.length + goodJpeg.length),
    ];
    const result = await pre.run(views, config);
    assert.deepEqual(result.ok, [0, 1]);
    assertHalves(result, 0, 0);
  });

  it('returns an empty batch when every row fails', async () => {
    const result = await pre.run([Buffer.from('nope nope nope'), new Uint8Array(3)], config);
    assert.deepEqual(result.ok, []);
    assert.deepEqual(result.shape, [0, 8, 16, 3]);
    assert.equal(result.data.length, 0);
    assert.equal(result.errors.length, 2);
  });
});
