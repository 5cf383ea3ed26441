// Decompression bombs, byte and pixel limits, output and queue caps, abort, and the decode gate.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import sharp from 'sharp';
import { createPreprocessor, DEFAULT_PREPROCESS_CONFIG, parsePreprocessConfig } from '../src/core/index.js';
import { pngDeclaring, solid } from './helpers/images.js';

const config = parsePreprocessConfig({ size: 8 }, DEFAULT_PREPROCESS_CONFIG);

describe('input limits', () => {
  it('refuses a PNG declaring 50000x50000 from its header, quickly, as IMAGE_TOO_LARGE', async () => {
    const bomb = pngDeclaring(50_000, 50_000);
    assert.ok(bomb.length < 200, 'the crafted file is tiny');
    // The header is well-formed: libvips reads the declared size (without a limit it would try to decode).
    const meta = await sharp(bomb, { limitInputPixels: false }).metadata();
    assert.deepEqual([meta.width, meta.height], [50_000, 50_000]);

    const good = await solid([1, 2, 3]).png().toBuffer();
    const pre = createPreprocessor();
    const started = performance.now();
    const result = await pre.run([good, bomb], config);
    const elapsed = performance.now() - started;
    assert.ok(elapsed < 1000, `took ${elapsed} ms`);
    assert.deepEqual(result.ok, [0]);
    assert.equal(result.errors.length, 1);
    const [error] = result.errors;
    assert.equal(error?.index, 1);
    assert.equal(error?.code, 'IMAGE_TOO_LARGE');
    assert.match(error?.message ?? '', /50000x50000/);
  });

  it('applies maxInputPixels to real images', async () => {
    const pre = createPreprocessor({ maxInputPixels: 100 * 100 });
    const small = await solid([9, 9, 9], 100, 100).png().toBuffer();
    const big = await solid([9, 9, 9], 101, 100).png().toBuffer();
    const result = await pre.run([small, big], config);
    assert.deepEqual(result.ok, [0]);
    assert.deepEqual(
      result.errors.map((e) => e.code),
      ['IMAGE_TOO_LARGE'],
    );
  });

  it('refuses an input over maxInputBytes without decoding it', async () => {
    const pre = createPreprocessor({ maxInputBytes: 2000 });
    const small = await solid([9, 9, 9], 8, 8).png().toBuffer();
    const noisy = await sharp({
      create: {
        width: 64,
        height: 64,
        channels: 3,
        background: 'black',
        noise: { type: 'gaussian', mean: 128, sigma: 50 },
      },
    })
      .png()
      .toBuffer();
    assert.ok(small.length <= 2000 && noisy.length > 2000);
    const result = await pre.run([noisy, small], config);
    assert.deepEqual(result.ok, [1]);
    assert.deepEqual(
      result.errors.map((e) => [e.index, e.code]),
      [[0, 'IMAGE_TOO_LARGE']],
    );
    assert.match(result.errors[0]?.message ?? '', /limit is 2000/);
  });
});

describe('request limits', () => {
  it('refuses a batch whose output would exceed maxOutputBytes as PAYLOAD_TOO_LARGE', async () => {
    const pre = createPreprocessor({ maxOutputBytes: 8 * 8 * 3 * 4 * 2 });
    const image = await solid([1, 2, 3]).png().toBuffer();
    assert.equal((await pre.run([image, image], config)).ok.length, 2);
    await assert.rejects(pre.run([image, image, image], config), {
      name: 'PreprocessError',
      code: 'PAYLOAD_TOO_LARGE',
    });
  });

  it('refuses work beyond maxQueued as OVERLOADED', async () => {
    const pre = createPreprocessor({ concurrency: 1, maxQueued: 4 });
    const image = await solid([1, 2, 3], 256, 256).png().toBuffer();
    const first = pre.run([image, image, image, image], config); // admitted: 4 of 4
    await assert.rejects(pre.run([image], config), { code: 'OVERLOADED', message: /4 images queued/ });
    assert.equal((await first).ok.length, 4);
    assert.equal((await pre.run([image], config)).ok.length, 1);
  });

  it('rejects with the abort reason and releases everything it had queued', async () => {
    const pre = createPreprocessor({ concurrency: 1, maxQueued: 20 });
    const image = await solid([1, 2, 3], 64, 64).png().toBuffer();
    const controller = new AbortController();
    const running = pre.run(Array(20).fill(image), config, controller.signal);
    controller.abort(new Error('client went away'));
    await assert.rejects(running, /client went away/);
    await assert.rejects(pre.run([image], config, AbortSignal.abort()), { name: 'AbortError' });
    // All 20 queue places are free again.
    assert.equal((await pre.run(Array(20).fill(image), config)).ok.length, 20);
  });
});

describe('sharing the decode slots', () => {
  it('lets a small request through while a large one is still decoding', async () => {
    const pre = createPreprocessor({ concurrency: 1 });
    const image = await solid([1, 2, 3], 128, 128).png().toBuffer();
    let largeDone = false;
    const large = pre.run(Array(40).fill(image), config).then((result) => {
      largeDone = true;
      return result;
    });
    const small = await pre.run([image], config);
    assert.equal(small.ok.length, 1);
    assert.equal(largeDone, false, 'the small request did not wait behind all 40 rows');
    assert.equal((await large).ok.length, 40);
  });
});
