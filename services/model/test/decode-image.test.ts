import assert from 'node:assert/strict';
import { test } from 'node:test';
import sharp from 'sharp';
import { isTensorhopError } from '@tensorhop/protocol';
import { decodeB64Image } from '../src/tfserving/decode-image.js';

// A 2×1 PNG: a red pixel and a blue one.
const redBlue = () =>
  sharp(Buffer.from([255, 0, 0, 0, 0, 255]), { raw: { width: 2, height: 1, channels: 3 } })
    .png()
    .toBuffer();
const close = (actual: Float32Array, expected: number[]) =>
  assert.deepEqual(
    Array.from(actual, (v) => Math.round(v * 1000) / 1000),
    expected,
  );

test('profiles normalise as the preprocessor does', async () => {
  const png = await redBlue();
  close(await decodeB64Image(png, [-1, 1, 2, 3], { profile: 'unit' }), [1, 0, 0, 0, 0, 1]);
  close(await decodeB64Image(png, [-1, 1, 2, 3], { profile: 'raw' }), [255, 0, 0, 0, 0, 255]);
  close(await decodeB64Image(png, [-1, 1, 2, 3], { profile: 'inception' }), [1, -1, -1, -1, -1, 1]);
  // vgg: BGR order minus the ImageNet means.
  close(
    await decodeB64Image(png, [-1, 1, 2, 3], { profile: 'vgg' }),
    [-103.939, -116.779, 131.32, 151.061, -116.779, -123.68],
  );
  close(await decodeB64Image(png, [-1, 1, 2, 3], { profile: 'unit', invert: true }), [0, 1, 1, 1, 1, 0]);
  close(await decodeB64Image(png, [-1, 3, 1, 2], { profile: 'unit', layout: 'NCHW' }), [1, 0, 0, 0, 0, 1]);
});

test('contain pads with the background, which invert turns into zero', async () => {
  // A 4×2 black image into a 4×4 input: two rows of padding above and below… half each side.
  const png = await sharp({ create: { width: 4, height: 2, channels: 3, background: 'black' } })
    .png()
    .toBuffer();
  const grey = await decodeB64Image(png, [-1, 4, 4, 1], { fit: 'contain', invert: true });
  assert.deepEqual(Array.from(grey), [0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0]);
});

test('bytes that are not an image are IMAGE_DECODE', async () => {
  await assert.rejects(decodeB64Image(Buffer.from('not an image'), [-1, 28, 28, 1]), {
    code: 'IMAGE_DECODE',
  });
});

test("the b64 path follows the preprocessor's strict rules: an unknown profile or colour is BAD_REQUEST", async () => {
  const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#808080' } })
    .png()
    .toBuffer();
  for (const hint of [{ profile: 'nope' }, { background: 'mauve-ish' }, { fit: 'stretch' }]) {
    await assert.rejects(
      decodeB64Image(png, [-1, 4, 4, 3], hint),
      (e: unknown) => isTensorhopError(e) && e.code === 'BAD_REQUEST',
      JSON.stringify(hint),
    );
  }
  // '#rgb' and named colours are understood as the preprocessor understands them.
  const ok = await decodeB64Image(png, [-1, 4, 4, 3], { background: '#fff', profile: 'raw' });
  assert.equal(ok[0], 128);
});
