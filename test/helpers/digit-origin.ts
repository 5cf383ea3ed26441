/**
 * A local origin serving held-out MNIST digits drawn black on white with sharp (PNG, JPEG, WebP at
 * a few sizes), plus broken URLs: `/missing.png` (404), `/page.png` (HTML), `/corrupt.png`.
 * Any query string is ignored, so many distinct URLs can share one image.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { loadMnist, PIXELS } from '../../services/model/scripts/mnist-data.js';

const FORMATS = ['png', 'jpeg', 'webp'] as const;
const SIZES = [28, 56, 84];

export interface Digit {
  /** Path on the origin, e.g. `/digits/12.png`. */
  path: string;
  label: string;
  body: Buffer;
}

export interface DigitOrigin {
  base: string;
  digits: Digit[];
  /** Requests served, all paths. */
  served: number;
  close(): Promise<void>;
}

/** `count` held-out digits, spread over the ten classes, in rotating formats and sizes. */
export async function drawDigits(count: number): Promise<Digit[]> {
  const { test: held } = loadMnist();
  const step = Math.floor(held.count / count);
  return Promise.all(
    Array.from({ length: count }, async (_, n) => {
      const i = n * step;
      const gray = Buffer.alloc(PIXELS);
      for (let p = 0; p < PIXELS; p++) gray[p] = Math.round(255 * (1 - (held.images[i * PIXELS + p] ?? 0)));
      const format = FORMATS[n % FORMATS.length] as (typeof FORMATS)[number];
      const size = SIZES[Math.floor(n / FORMATS.length) % SIZES.length] as number;
      const body = await sharp(gray, { raw: { width: 28, height: 28, channels: 1 } })
        .resize(size, size, { kernel: 'linear' })
        .toFormat(format)
        .toBuffer();
      return { path: `/digits/${n}.${format}`, label: String(held.labels[i]), body };
    }),
  );
}

export async function startDigitOrigin(count: number): Promise<DigitOrigin> {
  const digits = await drawDigits(count);
  const byPath = new Map(digits.map((d) => [d.path, d]));
  const state = { served: 0 };
  const server = http.createServer((req, res) => {
    state.served++;
    const path = (req.url ?? '').split('?')[0] ?? '';
    const digit = byPath.get(path);
    if (digit) {
      const type = `image/${path.split('.').pop()}`;
      return void res.writeHead(200, { 'content-type': type }).end(digit.body);
    }
    if (path === '/page.png')
      return void res.writeHead(200, { 'content-type': 'image/png' }).end('<html>hi</html>');
    if (path === '/corrupt.png') {
      const bytes = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(64, 7)]);
      return void res.writeHead(200, { 'content-type': 'image/png' }).end(bytes);
    }
    res.writeHead(404).end('not found');
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    digits,
    get served() {
      return state.served;
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
