// Pixel values per profile, channel order, greyscale, invert, dtype and layout, checked numerically.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import sharp from 'sharp';
import { createPreprocessor, DEFAULT_PREPROCESS_CONFIG, parsePreprocessConfig } from '../src/core/index.js';
import { solid } from './helpers/images.js';

const pre = createPreprocessor({ concurrency: 2 });
const config = (json: object) => parsePreprocessConfig(json, DEFAULT_PREPROCESS_CONFIG);
const f32 = Math.fround;
let orange: Buffer; // solid RGB 200,100,50

/** Asserts every pixel of a solid result is exactly `perChannel`. */
function assertEveryPixel(data: ArrayLike<number>, perChannel: number[]): void {
  for (let i = 0; i < data.length; i++) {
    const expected = perChannel[i % perChannel.length] as number;
    if (data[i] !== expected) assert.fail(`value ${i} is ${data[i]}, expected ${expected}`);
  }
}

before(async () => {
  orange = await solid([200, 100, 50], 12, 9).png().toBuffer();
});

describe('profiles on a solid RGB 200,100,50 image', () => {
  const cases: [string, object, number[]][] = [
    [
      'vgg: BGR minus B/G/R means',
      { profile: 'vgg' },
      [f32(50 - 103.939), f32(100 - 116.779), f32(200 - 123.68)],
    ],
    [
      'inception: x/127.5 - 1',
      { profile: 'inception' },
      [f32(200 / 127.5 - 1), f32(100 / 127.5 - 1), f32(50 / 127.5 - 1)],
    ],
    [
      'torch: (x/255 - mean)/std, RGB',
      { profile: 'torch' },
      [f32((200 / 255 - 0.485) / 0.229), f32((100 / 255 - 0.456) / 0.224), f32((50 / 255 - 0.406) / 0.225)],
    ],
    ['unit: x/255', { profile: 'unit' }, [f32(200 / 255), f32(100 / 255), f32(50 / 255)]],
    ['raw: 0..255', { profile: 'raw' }, [200, 100, 50]],
    ['invert then raw', { profile: 'raw', invert: true }, [55, 155, 205]],
    [
      'invert then vgg',
      { profile: 'vgg', invert: true },
      [f32(205 - 103.939), f32(155 - 116.779), f32(55 - 123.68)],
    ],
  ];
  for (const [name, json, expected] of cases) {
    it(name, async () => {
      const result = await pre.run([orange], config({ size: [4, 5], ...json }));
      assert.equal(result.dtype, 'float32');
      assert.ok(result.data instanceof Float32Array);
      assert.deepEqual(result.shape, [1, 4, 5, 3]);
      assert.equal(result.data.length, 4 * 5 * 3);
      assertEveryPixel(result.data, expected);
    });
  }

  it('uint8 with the raw profile gives the bytes themselves, inverted on request', async () => {
    const plain = await pre.run([orange], config({ size: 3, profile: 'raw', dtype: 'uint8' }));
    assert.ok(plain.data instanceof Uint8Array);
    assert.equal(plain.dtype, 'uint8');
    assertEveryPixel(plain.data, [200, 100, 50]);
    const inverted = await pre.run(
      [orange],
      config({ size: 3, profile: 'raw', dtype: 'uint8', invert: true }),
    );
    assertEveryPixel(inverted.data, [55, 155, 205]);
  });
});

describe('greyscale (channels: 1)', () => {
  // libvips converts sRGB to grey as Rec. 709 luminance in linear light, re-encoded to sRGB gamma:
  // Y = 0.2126 R + 0.7152 G + 0.0722 B on linearised values. For 200,100,50 that is 128.10.
  const linear = (v: number) => ((v / 255 + 0.055) / 1.055) ** 2.4;
  const y = 0.2126 * linear(200) + 0.7152 * linear(100) + 0.0722 * linear(50);
  const expectedGrey = (1.055 * y ** (1 / 2.4) - 0.055) * 255;

  it('gives the linear-light Rec. 709 luminance within 1/255', async () => {
    const result = await pre.run([orange], config({ size: [3, 3], channels: 1, profile: 'unit' }));
    assert.deepEqual(result.shape, [1, 3, 3, 1]);
    assert.equal(result.data.length, 9);
    for (const v of result.data)
      assert.ok(Math.abs(v - expectedGrey / 255) <= 1 / 255, `${v * 255} vs ${expectedGrey}`);
  });

  it('uses the averaged ImageNet statistics for vgg and torch', async () => {
    const vgg = await pre.run([orange], config({ size: 2, channels: 1, profile: 'vgg' }));
    const mean = (103.939 + 116.779 + 123.68) / 3;
    for (const v of vgg.data) assert.ok(Math.abs(v - (expectedGrey - mean)) <= 1, String(v));
  });

  it('turns a one-channel source into three equal channels when asked for RGB', async () => {
    const grey = await solid([90, 90, 90], 6, 6).toColourspace('b-w').png().toBuffer();
    assert.equal((await sharp(grey).metadata()).channels, 1);
    const result = await pre.run([grey], config({ size: 2, profile: 'raw' }));
    assertEveryPixel(result.data, [90, 90, 90]);
  });
});

describe('layout', () => {
  it('NCHW holds the same values as NHWC, transposed', async () => {
    const noise = await sharp({
      create: {
        width: 32,
        height: 24,
        channels: 3,
        background: 'black',
        noise: { type: 'gaussian', mean: 128, sigma: 60 },
      },
    })
      .png()
      .toBuffer();
    const [h, w, c] = [6, 7, 3];
    for (const profile of ['vgg', 'torch']) {
      const nhwc = await pre.run([orange, noise], config({ size: [h, w], profile }));
      const nchw = await pre.run([orange, noise], config({ size: [h, w], profile, layout: 'NCHW' }));
      assert.deepEqual(nchw.shape, [2, c, h, w]);
      for (let n = 0; n < 2; n++) {
        for (let y = 0; y < h; y++) {
          for (let x = 0; x < w; x++) {
            for (let ch = 0; ch < c; ch++) {
              const a = nhwc.data[((n * h + y) * w + x) * c + ch];
              const b = nchw.data[((n * c + ch) * h + y) * w + x];
              if (a !== b) assert.fail(`n${n} y${y} x${x} c${ch}: NHWC ${a} != NCHW ${b}`);
            }
          }
        }
      }
    }
  });

  it('uint8 NCHW strides channel planes', async () => {
    const result = await pre.run(
      [orange],
      config({ size: 2, profile: 'raw', dtype: 'uint8', layout: 'NCHW' }),
    );
    assert.deepEqual(Array.from(result.data), [200, 200, 200, 200, 100, 100, 100, 100, 50, 50, 50, 50]);
  });
});
