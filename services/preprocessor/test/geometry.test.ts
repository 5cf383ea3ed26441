// fit modes, EXIF orientation and alpha flattening, checked by pixel values at known positions.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import sharp from 'sharp';
import { createPreprocessor, DEFAULT_PREPROCESS_CONFIG, parsePreprocessConfig } from '../src/core/index.js';
import { BLUE, halves, near, pixelAt, RED } from './helpers/images.js';

const pre = createPreprocessor({ concurrency: 2 });
const config = (json: object) =>
  parsePreprocessConfig({ profile: 'raw', size: [10, 10], ...json }, DEFAULT_PREPROCESS_CONFIG);
const GREEN = [0, 255, 0];
const WHITE = [255, 255, 255];

/** Asserts the pixel at (y, x) of row 0 is `expected` within `tolerance`. */
function assertPixel(
  result: Awaited<ReturnType<typeof pre.run>>,
  y: number,
  x: number,
  expected: number[],
  tolerance = 2,
) {
  const actual = pixelAt(result, 0, y, x);
  assert.ok(near(actual, expected, tolerance), `pixel (${y},${x}) is ${actual}, expected ${expected}`);
}

describe('fit, on a 2:1 image with a red left half and a blue right half', async () => {
  const wide = await halves(40, 20, RED, BLUE).png().toBuffer();

  it('fill stretches: every row is red on the left, blue on the right', async () => {
    const result = await pre.run([wide], config({ fit: 'fill', background: '#00ff00' }));
    for (const y of [0, 5, 9]) {
      assertPixel(result, y, 0, RED);
      assertPixel(result, y, 3, RED);
      assertPixel(result, y, 6, BLUE);
      assertPixel(result, y, 9, BLUE);
    }
  });

  it('cover crops the centre 20x20: still half red, half blue, no background', async () => {
    const result = await pre.run([wide], config({ fit: 'cover', background: '#00ff00' }));
    for (const y of [0, 9]) {
      assertPixel(result, y, 0, RED);
      assertPixel(result, y, 3, RED);
      assertPixel(result, y, 6, BLUE);
      assertPixel(result, y, 9, BLUE);
    }
  });

  it('cover of a wider image keeps only the middle', async () => {
    // Four vertical bands red|green|green|blue: the 1:1 centre crop sees only green.
    const bands = await sharp({
      create: { width: 80, height: 20, channels: 3, background: { r: 0, g: 255, b: 0 } },
    })
      .composite([
        { input: await halves(20, 20, RED, RED).png().toBuffer(), left: 0, top: 0 },
        { input: await halves(20, 20, BLUE, BLUE).png().toBuffer(), left: 60, top: 0 },
      ])
      .png()
      .toBuffer();
    const result = await pre.run([bands], config({ fit: 'cover' }));
    for (const x of [0, 5, 9]) assertPixel(result, 5, x, GREEN);
  });

  it('contain scales to 10x5 and pads top and bottom with the background', async () => {
    const result = await pre.run([wide], config({ fit: 'contain', background: '#00ff00' }));
    for (const x of [0, 4, 9]) {
      assertPixel(result, 0, x, GREEN, 0);
      assertPixel(result, 1, x, GREEN, 0);
      assertPixel(result, 9, x, GREEN, 0);
    }
    assertPixel(result, 5, 1, RED);
    assertPixel(result, 5, 8, BLUE);
  });

  it('contain pads with white by default', async () => {
    const result = await pre.run([wide], config({ fit: 'contain' }));
    assertPixel(result, 0, 5, WHITE, 0);
    assertPixel(result, 9, 5, WHITE, 0);
  });
});

describe('EXIF orientation', () => {
  it('applies orientation 6 (rotate 90° clockwise): the left half ends up on top', async () => {
    const jpeg = await halves(40, 20, RED, BLUE)
      .jpeg({ quality: 95 })
      .withMetadata({ orientation: 6 })
      .toBuffer();
    assert.equal((await sharp(jpeg).metadata()).orientation, 6);
    const result = await pre.run([jpeg], config({ fit: 'fill' }));
    for (const x of [0, 5, 9]) {
      assertPixel(result, 1, x, RED, 8);
      assertPixel(result, 8, x, BLUE, 8);
    }
  });
});

describe('alpha', async () => {
  // Left half opaque red, right half fully transparent (its colour must not show through).
  const png = await halves(20, 20, [255, 0, 0, 255], [0, 0, 0, 0]).png().toBuffer();

  it('is flattened on white by default', async () => {
    const result = await pre.run([png], config({}));
    assert.deepEqual(result.shape, [1, 10, 10, 3]);
    assertPixel(result, 5, 1, RED, 0);
    assertPixel(result, 5, 8, WHITE, 0);
  });

  it('is flattened on a chosen background', async () => {
    const result = await pre.run([png], config({ background: [10, 20, 200] }));
    assertPixel(result, 5, 1, RED, 0);
    assertPixel(result, 5, 8, [10, 20, 200], 0);
  });

  it('in greyscale, contain padding gets the same grey as the flattened area', async () => {
    const tall = await halves(10, 20, [0, 0, 0, 0], [0, 0, 0, 0]).png().toBuffer(); // fully transparent 1:2
    const result = await pre.run([tall], config({ channels: 1, fit: 'contain', background: '#00ff00' }));
    const padding = pixelAt(result, 0, 5, 0)[0] as number;
    const flattened = pixelAt(result, 0, 5, 5)[0] as number;
    assert.ok(Math.abs(padding - 220) <= 1, `green as grey is ~220 in linear-light Rec. 709, got ${padding}`);
    assert.ok(Math.abs(padding - flattened) <= 1, `padding ${padding} vs flattened ${flattened}`);
  });
});
