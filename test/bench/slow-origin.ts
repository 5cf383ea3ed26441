/**
 * A local origin for benchmarks, in its own process: every request gets an image after a delay.
 * By default a small white PNG; with `digits`, `/digits/<n>` serves one of 100 held-out MNIST
 * digits (n mod 100), `/photo/<n>` one of 6 640×480 JPEG photographs (photos/: coffee, an
 * astronaut, a cat, and their mirror images; quality 85, 40–70 KB) and `/noise/<n>` one of 8 640×480 JPEGs of Gaussian noise (≈ 168 KB each, the worst case
 * for a JPEG decoder). `/broken…` is always 404.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { drawDigits } from '../helpers/digit-origin.js';

const delayMs = Number(process.argv[2] ?? 50);
const digitsMode = process.argv[3] === 'digits';
const png = await sharp({
  create: { width: 28, height: 28, channels: 3, background: { r: 255, g: 255, b: 255 } },
})
  .png()
  .toBuffer();
const digits = digitsMode
  ? (await drawDigits(100)).map((d) => ({ body: d.body, type: `image/${d.path.split('.').pop()}` }))
  : [];
const PHOTOS = ['coffee', 'astronaut', 'chelsea'].map((n) =>
  fileURLToPath(new URL(`./photos/${n}-640x480.jpg`, import.meta.url)),
);
const photos = digitsMode
  ? (
      await Promise.all(
        PHOTOS.map(async (file) => {
          const original = await readFile(file);
          // Its mirror image: other bytes, the same kind of picture.
          const mirrored = await sharp(original).flop().jpeg({ quality: 85 }).toBuffer();
          return [original, mirrored];
        }),
      )
    ).flat()
  : [];
const noise = digitsMode
  ? await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        sharp({
          create: {
            width: 640,
            height: 480,
            channels: 3,
            background: '#000',
            noise: { type: 'gaussian', mean: 100 + 10 * i, sigma: 40 },
          },
        })
          .jpeg({ quality: 85 })
          .toBuffer(),
      ),
    )
  : [];

function image(url: string): { body: Buffer; type: string } {
  const n = Number(/\/(\d+)/.exec(url)?.[1] ?? 0);
  if (digitsMode && url.startsWith('/digits/')) return digits[n % digits.length]!;
  if (digitsMode && url.startsWith('/photo/'))
    return { body: photos[n % photos.length]!, type: 'image/jpeg' };
  if (digitsMode && url.startsWith('/noise/')) return { body: noise[n % noise.length]!, type: 'image/jpeg' };
  return { body: png, type: 'image/png' };
}

const server = http.createServer((req, res) => {
  setTimeout(() => {
    if (req.url?.startsWith('/broken')) return void res.writeHead(404).end();
    const { body, type } = image(req.url ?? '/');
    res.writeHead(200, { 'content-type': type, 'content-length': body.length }).end(body);
  }, delayMs);
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${(server.address() as AddressInfo).port}\n`);
});
