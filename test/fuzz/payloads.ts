/**
 * Row material for fuzz cases: URLs the downloader may fetch (loopback origin, data: URLs, blocked
 * and malformed ones — never a literal public address, so no packet leaves the machine), encoded
 * images for the preprocessor (good, broken, empty, random) and pixel rows for the model.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import type { Random } from '../helpers/seeded-random.js';

export interface Payloads {
  origin: string;
  images: Uint8Array[];
  close(): Promise<void>;
}

const digit = (format: 'png' | 'jpeg' | 'webp' | 'gif', size: number): Promise<Buffer> =>
  sharp({ create: { width: size, height: size, channels: 3, background: '#fff' } })
    .composite([
      {
        input: Buffer.from(`<svg width="${size}" height="${size}"><circle cx="50%" cy="50%" r="30%"/></svg>`),
      },
    ])
    .toFormat(format)
    .toBuffer();

/** Makes the images and starts the loopback origin that serves them. */
export async function preparePayloads(): Promise<Payloads> {
  const good = await Promise.all([
    digit('png', 28),
    digit('jpeg', 28),
    digit('webp', 40),
    digit('gif', 16),
    digit('png', 300),
  ]);
  const png = good[0] as Buffer;
  const images: Uint8Array[] = [
    ...good,
    png.subarray(0, 40), // truncated
    new Uint8Array(0),
    Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"/>'),
    Buffer.concat([Buffer.from('ffd8ffe0', 'hex'), Buffer.from('<html>hi</html>')]),
    Buffer.from('not an image at all'),
  ];
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const n = Number(/^\/img\/(\d+)$/.exec(path)?.[1] ?? NaN);
    const body = images[n];
    if (body) return void res.writeHead(200, { 'content-type': 'image/png' }).end(body);
    if (path === '/redirect') return void res.writeHead(302, { location: '/img/0' }).end();
    if (path === '/loop') return void res.writeHead(302, { location: '/loop' }).end();
    if (path === '/html') return void res.writeHead(200, { 'content-type': 'text/html' }).end('<p>');
    if (path === '/500') return void res.writeHead(500).end();
    res.writeHead(404).end();
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    images,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/**
 * One URL row. Hosts are loopback, private/reserved (refused before connecting) or names (which the
 * test resolver does not resolve). With `bytesWillChange`, only data: URLs and non-http text: a
 * flipped byte in `127.0.0.1` could spell a public address (`027.0.0.1` is 23.0.0.1).
 */
export function randomUrl(r: Random, p: Payloads, bytesWillChange = false): string {
  const port = new URL(p.origin).port;
  if (bytesWillChange)
    return r.chance(0.7) ? randomUrl(r, p).replace(/^(?!data:).*/s, 'data:,x') : 'ftp-not-a-url';
  const path = r.pick([
    '/img/0',
    '/img/1',
    '/img/2',
    '/img/5',
    '/img/6',
    '/img/9',
    '/missing',
    '/redirect',
    '/loop',
    '/html',
    '/500',
  ]);
  switch (r.int(0, 9)) {
    case 0:
    case 1:
    case 2:
      return `${p.origin}${path}?q=${r.int(0, 1e6)}`;
    case 3:
      return `http://localhost:${port}${path}`;
    case 4: {
      const host = r.pick([
        '10.0.0.1',
        '192.168.1.1',
        '169.254.169.254',
        '[::1]',
        '[::ffff:10.0.0.1]',
        '127.0.0.2',
        '0.0.0.0',
        '[fe80::1]',
        '224.0.0.1',
        '0x7f.1',
        '2130706433',
      ]);
      return `http://${host}:${port}${path}`;
    }
    case 5:
      return `http://${r.pick(['no-such-host.invalid', 'a', 'xn--nxasmq6b', 'example.com'])}/x.png`;
    case 6: {
      const body = p.images[r.int(0, p.images.length - 1)] as Uint8Array;
      return `data:image/png;base64,${Buffer.from(body).toString('base64')}`;
    }
    case 7:
      return r.pick(['data:,', 'data:image/png;base64,!!!', 'data:text/html,<b>', 'data:;base64,AAAA']);
    case 8:
      return r.pick([
        '',
        'ftp://127.0.0.1/x',
        'file:///etc/passwd',
        'javascript:alert(1)',
        'http://',
        'http://[',
        '//127.0.0.1/x',
        'http://127.0.0.1:0/',
        'http://127.0.0.1:99999/',
      ]);
    default:
      return Buffer.from(r.bytes(r.int(0, 40))).toString('latin1');
  }
}

export function randomImage(r: Random, p: Payloads): Uint8Array {
  return r.chance(0.85) ? (p.images[r.int(0, p.images.length - 1)] as Uint8Array) : r.bytes(r.int(0, 300));
}

/** Pixels for `rows` MNIST rows: random values, now and then NaN or Infinity. */
export function randomPixels(r: Random, rows: number): Float32Array {
  const data = new Float32Array(rows * 784);
  for (let i = 0; i < data.length; i++) data[i] = r.next();
  if (r.chance(0.1) && data.length > 0)
    data[r.int(0, data.length - 1)] = r.pick([NaN, Infinity, -Infinity, 1e38]);
  return data;
}
