import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createDownloader } from '../src/core/index.js';
import {
  FAST,
  failed,
  makeImages,
  pause,
  serve,
  startOrigin,
  type Origin,
  type TestImages,
} from './origin-server.js';

let images: TestImages;
let origin: Origin;
/** What the endless route saw: bytes written before the client cut the connection. */
const endless = { written: 0, closed: false };

before(async () => {
  images = await makeImages();
  origin = await startOrigin({
    '/img.png': serve(images.png, 'image/png'),
    '/slow-headers': async (_req, res) => {
      await pause(5000, res);
      if (!res.destroyed) serve(images.png, 'image/png')(_req, res, 1);
    },
    '/slow-body': async (_req, res) => {
      res.writeHead(200, { 'content-type': 'image/png' });
      res.write(images.png.subarray(0, 10));
      await pause(5000, res);
      res.end(images.png.subarray(10));
    },
    '/endless': async (_req, res) => {
      res.writeHead(200, { 'content-type': 'image/png' });
      res.on('close', () => (endless.closed = true));
      const chunk = Buffer.concat([images.png, Buffer.alloc(16 * 1024)]);
      let wake = (): void => {};
      res.on('drain', () => wake()).on('close', () => wake());
      while (!res.destroyed) {
        endless.written += chunk.length;
        if (!res.write(chunk)) await new Promise<void>((resolve) => (wake = resolve));
      }
    },
    '/huge-declared': (_req, res) => {
      res.writeHead(200, { 'content-type': 'image/png', 'content-length': String(50 * 1024 * 1024) });
      res.write(images.png);
    },
    '/r/*': (req, res) => {
      const n = Number(req.url?.split('/').pop());
      if (n === 0) serve(images.png, 'image/png')(req, res, 1);
      else res.writeHead(302, { location: String(n - 1) }).end();
    },
    '/to-ftp': (_req, res) => res.writeHead(301, { location: 'ftp://example.com/x.png' }).end(),
    '/slow-png': async (_req, res) => {
      await pause(40, res);
      serve(images.png, 'image/png')(_req, res, 1);
    },
  });
});

after(() => origin.close());

describe('timeouts', () => {
  it('fails with DOWNLOAD_TIMEOUT when headers come later than the deadline', async () => {
    const downloader = createDownloader({ ...FAST, timeoutMs: 300 });
    const started = Date.now();
    const failure = failed(await downloader.download(origin.url('/slow-headers')));
    assert.equal(failure.code, 'DOWNLOAD_TIMEOUT');
    assert.ok(Date.now() - started < 1000, `took ${Date.now() - started} ms`);
    await downloader.close();
  });

  it('fails with DOWNLOAD_TIMEOUT when the body stalls past the deadline', async () => {
    const downloader = createDownloader({ ...FAST, timeoutMs: 300 });
    const failure = failed(await downloader.download(origin.url('/slow-body')));
    assert.equal(failure.code, 'DOWNLOAD_TIMEOUT');
    await downloader.close();
  });

  it('stops at once when the caller aborts, queued or in flight', async () => {
    const downloader = createDownloader({ ...FAST, concurrency: 1 });
    const controller = new AbortController();
    const started = Date.now();
    const pending = [
      downloader.download(origin.url('/slow-headers'), controller.signal),
      downloader.download(origin.url('/slow-headers'), controller.signal),
    ];
    setTimeout(() => controller.abort(), 50);
    for (const result of await Promise.all(pending)) {
      assert.equal(failed(result).code, 'DOWNLOAD_TIMEOUT');
      assert.match(failed(result).message, /aborted/);
    }
    assert.ok(Date.now() - started < 500);
    assert.equal(downloader.stats().inFlight, 0);
    assert.equal(downloader.stats().queued, 0);
    await downloader.close();
  });
});

describe('byte cap', () => {
  it('cuts an endless body off at the cap without reading on', async () => {
    const maxBytes = 256 * 1024;
    const downloader = createDownloader({ ...FAST, maxBytes });
    const failure = failed(await downloader.download(origin.url('/endless')));
    assert.equal(failure.code, 'DOWNLOAD_TOO_LARGE');
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(endless.closed, true, 'the connection was aborted');
    // Whatever sits in socket buffers on top of the cap, but nowhere near an unbounded read.
    assert.ok(endless.written < maxBytes + 16 * 1024 * 1024, `server wrote ${endless.written} bytes`);
    await downloader.close();
  });

  it('rejects a Content-Length over the cap before reading the body', async () => {
    const downloader = createDownloader({ ...FAST, maxBytes: 1024 * 1024 });
    const started = Date.now();
    const failure = failed(await downloader.download(origin.url('/huge-declared')));
    assert.equal(failure.code, 'DOWNLOAD_TOO_LARGE');
    assert.match(failure.message, /Content-Length/);
    assert.ok(Date.now() - started < 500);
    await downloader.close();
  });
});

describe('redirects', () => {
  it('follows up to five redirects and reports the final URL', async () => {
    const downloader = createDownloader(FAST);
    const result = await downloader.download(origin.url('/r/5'));
    assert.ok(result.ok, JSON.stringify(result));
    assert.deepEqual(result.bytes, images.png);
    assert.equal(result.url, origin.url('/r/0'));
    assert.equal(downloader.stats().redirects, 5);
    await downloader.close();
  });

  it('fails beyond the redirect limit', async () => {
    const downloader = createDownloader(FAST);
    const failure = failed(await downloader.download(origin.url('/r/6')));
    assert.equal(failure.code, 'DOWNLOAD_HTTP_STATUS');
    assert.match(failure.message, /redirects/);
    assert.equal(origin.hits('/r/0'), 1, 'only the earlier successful chain reached the end');
    await downloader.close();
  });

  it('refuses a redirect to another scheme', async () => {
    const downloader = createDownloader(FAST);
    assert.equal(failed(await downloader.download(origin.url('/to-ftp'))).code, 'DOWNLOAD_INVALID_URL');
    await downloader.close();
  });
});

describe('cache', () => {
  it('serves a repeated URL from the cache without a second fetch', async () => {
    const downloader = createDownloader({ ...FAST, cacheBytes: 1024 * 1024 });
    const before = origin.hits('/img.png');
    const first = await downloader.download(origin.url('/img.png'));
    const second = await downloader.download(origin.url('/img.png'));
    assert.ok(first.ok && second.ok);
    assert.deepEqual(second.bytes, images.png);
    assert.equal(origin.hits('/img.png') - before, 1);
    assert.equal(downloader.stats().cacheHits, 1);
    assert.equal(downloader.stats().cacheBytes, images.png.length);
    await downloader.close();
  });

  it('is off by default', async () => {
    const downloader = createDownloader(FAST);
    const before = origin.hits('/img.png');
    await downloader.download(origin.url('/img.png'));
    await downloader.download(origin.url('/img.png'));
    assert.equal(origin.hits('/img.png') - before, 2);
    await downloader.close();
  });
});

describe('concurrency', () => {
  it('bounds 64 parallel downloads to one host by the per-host limit', async () => {
    const downloader = createDownloader({ ...FAST, perHostConcurrency: 16 });
    origin.resetCounters();
    const results = await Promise.all(
      Array.from({ length: 64 }, () => downloader.download(origin.url('/slow-png'))),
    );
    assert.ok(results.every((result) => result.ok));
    assert.equal(origin.maxConcurrent, 16);
    assert.ok(origin.connections <= 16);
    await downloader.close();
  });

  it('bounds them by the global limit when it is lower', async () => {
    const downloader = createDownloader({ ...FAST, concurrency: 4 });
    origin.resetCounters();
    const results = await Promise.all(
      Array.from({ length: 24 }, () => downloader.download(origin.url('/slow-png'))),
    );
    assert.ok(results.every((result) => result.ok));
    assert.equal(origin.maxConcurrent, 4);
    await downloader.close();
  });

  it('fails with OVERLOADED once the waiting line is full', async () => {
    const downloader = createDownloader({ ...FAST, concurrency: 1, maxQueue: 2 });
    const results = await Promise.all(
      Array.from({ length: 5 }, () => downloader.download(origin.url('/slow-png'))),
    );
    const codes = results.map((result) => (result.ok ? 'ok' : result.code));
    assert.deepEqual(codes.sort(), ['OVERLOADED', 'OVERLOADED', 'ok', 'ok', 'ok']);
    await downloader.close();
  });
});
