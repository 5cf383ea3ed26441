/** A local origin for benchmarks, in its own process: every request gets a small PNG after a delay. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';

const delayMs = Number(process.argv[2] ?? 50);
const png = await sharp({
  create: { width: 28, height: 28, channels: 3, background: { r: 255, g: 255, b: 255 } },
})
  .png()
  .toBuffer();
const server = http.createServer((req, res) => {
  setTimeout(() => {
    if (req.url?.startsWith('/broken')) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'image/png', 'content-length': png.length }).end(png);
  }, delayMs);
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${(server.address() as AddressInfo).port}\n`);
});
