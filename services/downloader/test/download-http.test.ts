import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createDownloader } from '../src/core/index.js';
import {
  FAST,
  failed,
  makeImages,
  serve,
  startOrigin,
  type Origin,
  type TestImages,
} from './origin-server.js';

let images: TestImages;
let origin: Origin;

before(async () => {
  images = await makeImages();
  origin = await startOrigin({
    '/img.png': serve(images.png, 'image/png'),
    '/img.jpg': serve(images.jpeg, 'image/jpeg'),
    '/img.webp': serve(images.webp, 'image/webp'),
    '/img.gif': serve(images.gif, 'image/gif'),
    '/png-as-html': serve(images.png, 'text/html'),
    '/html-as-png': serve('<!doctype html><html><body>hi</body></html>', 'image/png'),
    '/noise': serve(Buffer.from('definitely-not-an-image-0123456789'), 'application/octet-stream'),
    '/empty': serve(Buffer.alloc(0), 'image/png'),
    '/flaky': (_req, res, hit) =>
      hit === 1 ? res.writeHead(500).end('boom') : serve(images.png, 'image/png')(_req, res, hit),
    '/always-500': (_req, res) => res.writeHead(503).end('down'),
    '/throttled': (_req, res, hit) =>
      hit === 1
        ? res.writeHead(429, { 'retry-after': '1' }).end()
        : serve(images.png, 'image/png')(_req, res, hit),
    '/throttled-long': (_req, res) => res.writeHead(429, { 'retry-after': '30' }).end(),
    '/reset-once': (req, res, hit) =>
      hit === 1 ? req.socket.destroy() : serve(images.png, 'image/png')(req, res, hit),
  });
});

after(() => origin.close());

describe('download over HTTP', () => {
  it('fetches real PNG, JPEG, WebP and GIF images byte for byte', async () => {
    const downloader = createDownloader(FAST);
    const cases = [
      ['/img.png', images.png, 'image/png'],
      ['/img.jpg', images.jpeg, 'image/jpeg'],
      ['/img.webp', images.webp, 'image/webp'],
      ['/img.gif', images.gif, 'image/gif'],
    ] as const;
    for (const [path, bytes, type] of cases) {
      const result = await downloader.download(origin.url(path));
      assert.ok(result.ok, path);
      assert.deepEqual(result.bytes, bytes);
      assert.equal(result.contentType, type);
      assert.equal(result.url, origin.url(path));
    }
    // Keep-alive: undici may open a second socket while the first finishes its response, no more.
    assert.ok(downloader.stats().connects <= 2, `${downloader.stats().connects} connections for 4 requests`);
    assert.equal(downloader.stats().fetches, 4);
    await downloader.close();
  });

  it('lets magic bytes decide: PNG labelled text/html is an image, HTML labelled image/png is not', async () => {
    const downloader = createDownloader(FAST);
    const png = await downloader.download(origin.url('/png-as-html'));
    assert.ok(png.ok);
    assert.equal(png.contentType, 'image/png');
    assert.equal(failed(await downloader.download(origin.url('/html-as-png'))).code, 'DOWNLOAD_NOT_IMAGE');
    assert.equal(failed(await downloader.download(origin.url('/noise'))).code, 'DOWNLOAD_NOT_IMAGE');
    assert.equal(failed(await downloader.download(origin.url('/empty'))).code, 'DOWNLOAD_NOT_IMAGE');
    await downloader.close();
  });

  it('reports a non-2xx status with the status in the message, without retrying 404', async () => {
    const downloader = createDownloader(FAST);
    const failure = failed(await downloader.download(origin.url('/missing')));
    assert.equal(failure.code, 'DOWNLOAD_HTTP_STATUS');
    assert.match(failure.message, /404/);
    assert.equal(origin.hits('/missing'), 1);
    await downloader.close();
  });

  it('retries a 500 and succeeds on the second attempt', async () => {
    const downloader = createDownloader(FAST);
    const result = await downloader.download(origin.url('/flaky'));
    assert.ok(result.ok);
    assert.deepEqual(result.bytes, images.png);
    assert.equal(origin.hits('/flaky'), 2);
    assert.equal(downloader.stats().retries, 1);
    await downloader.close();
  });

  it('gives up after the configured retries on a persistent 5xx', async () => {
    const downloader = createDownloader({ ...FAST, retries: 2 });
    const failure = failed(await downloader.download(origin.url('/always-500')));
    assert.equal(failure.code, 'DOWNLOAD_HTTP_STATUS');
    assert.match(failure.message, /503/);
    assert.equal(origin.hits('/always-500'), 3);
    await downloader.close();
  });

  it('honours Retry-After on a 429', async () => {
    const downloader = createDownloader(FAST);
    const started = Date.now();
    const result = await downloader.download(origin.url('/throttled'));
    assert.ok(result.ok);
    assert.ok(Date.now() - started >= 950, `waited ${Date.now() - started} ms`);
    assert.equal(origin.hits('/throttled'), 2);
    await downloader.close();
  });

  it('fails at once when Retry-After is past the deadline', async () => {
    const downloader = createDownloader(FAST);
    const started = Date.now();
    const failure = failed(await downloader.download(origin.url('/throttled-long')));
    assert.equal(failure.code, 'DOWNLOAD_HTTP_STATUS');
    assert.match(failure.message, /429/);
    assert.ok(Date.now() - started < 500);
    assert.equal(origin.hits('/throttled-long'), 1);
    await downloader.close();
  });

  it('retries after the connection is reset', async () => {
    const downloader = createDownloader(FAST);
    const result = await downloader.download(origin.url('/reset-once'));
    assert.ok(result.ok, JSON.stringify(result));
    assert.equal(origin.hits('/reset-once'), 2);
    await downloader.close();
  });
});
