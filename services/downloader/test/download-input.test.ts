import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { createDownloader, imageContentType, sniffImageType } from '../src/core/index.js';
import { failed, makeImages, type TestImages } from './origin-server.js';

function percentEncode(bytes: Buffer): string {
  return [...bytes].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');
}

/** A minimal valid 1x1 24-bit BMP (BITMAPINFOHEADER). */
function bmp1x1(): Buffer {
  const bytes = Buffer.alloc(58);
  bytes.write('BM', 0, 'latin1');
  bytes.writeUInt32LE(58, 2);
  bytes.writeUInt32LE(54, 10);
  bytes.writeUInt32LE(40, 14);
  bytes.writeInt32LE(1, 18);
  bytes.writeInt32LE(1, 22);
  bytes.writeUInt16LE(1, 26);
  bytes.writeUInt16LE(24, 28);
  return bytes;
}

let images: TestImages;
before(async () => {
  images = await makeImages();
});

describe('URL validation', () => {
  it('refuses other schemes with DOWNLOAD_INVALID_URL and touches nothing', async () => {
    const downloader = createDownloader();
    const urls = [
      'ftp://example.com/cat.png',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'gopher://x/',
      'ws://x/',
    ];
    for (const url of urls)
      assert.equal(failed(await downloader.download(url)).code, 'DOWNLOAD_INVALID_URL', url);
    assert.equal(downloader.stats().fetches, 0);
    await downloader.close();
  });

  it('refuses unparsable URLs with DOWNLOAD_INVALID_URL', async () => {
    const downloader = createDownloader();
    for (const url of [
      '',
      'not a url',
      'http://',
      'http://exa mple.com/',
      '//no-scheme.example/x.png',
      'http://[::1/',
    ]) {
      assert.equal(failed(await downloader.download(url)).code, 'DOWNLOAD_INVALID_URL', url);
    }
    await downloader.close();
  });
});

describe('data: URLs', () => {
  it('decodes base64 and percent-encoded images', async () => {
    const downloader = createDownloader();
    const base64 = await downloader.download(`data:image/png;base64,${images.png.toString('base64')}`);
    assert.ok(base64.ok);
    assert.deepEqual(base64.bytes, images.png);
    assert.equal(base64.contentType, 'image/png');
    const percent = await downloader.download(`data:image/gif,${percentEncode(images.gif)}`);
    assert.ok(percent.ok);
    assert.deepEqual(percent.bytes, images.gif);
    // Magic bytes decide here too: the label is wrong, the bytes are a JPEG.
    const mislabelled = await downloader.download(`data:;base64,${images.jpeg.toString('base64')}`);
    assert.ok(mislabelled.ok);
    assert.equal(mislabelled.contentType, 'image/jpeg');
    assert.equal(downloader.stats().fetches, 0);
    await downloader.close();
  });

  it('applies the byte cap to both encodings', async () => {
    const downloader = createDownloader({ maxBytes: 1000 });
    const big = Buffer.concat([images.png, Buffer.alloc(2000)]);
    assert.equal(
      failed(await downloader.download(`data:image/png;base64,${big.toString('base64')}`)).code,
      'DOWNLOAD_TOO_LARGE',
    );
    assert.equal(
      failed(await downloader.download(`data:image/png,${percentEncode(big)}`)).code,
      'DOWNLOAD_TOO_LARGE',
    );
    await downloader.close();
  });

  it('refuses non-images and malformed data URLs', async () => {
    const downloader = createDownloader();
    assert.equal(failed(await downloader.download('data:text/html,<h1>hi</h1>')).code, 'DOWNLOAD_NOT_IMAGE');
    assert.equal(failed(await downloader.download('data:image/png,%3Csvg%3E')).code, 'DOWNLOAD_NOT_IMAGE');
    assert.equal(
      failed(await downloader.download('data:image/png;base64,!!!!')).code,
      'DOWNLOAD_INVALID_URL',
    );
    assert.equal(failed(await downloader.download('data:image/png;base64')).code, 'DOWNLOAD_INVALID_URL');
    await downloader.close();
  });
});

describe('image recognition', () => {
  it('recognises every supported format by its magic bytes', () => {
    assert.equal(sniffImageType(images.png), 'image/png');
    assert.equal(sniffImageType(images.jpeg), 'image/jpeg');
    assert.equal(sniffImageType(images.webp), 'image/webp');
    assert.equal(sniffImageType(images.gif), 'image/gif');
    assert.equal(sniffImageType(images.tiff), 'image/tiff');
    assert.equal(sniffImageType(images.avif), 'image/avif');
    assert.equal(sniffImageType(bmp1x1()), 'image/bmp');
    assert.equal(sniffImageType(Buffer.from('BM-this is just text')), null);
    assert.equal(sniffImageType(Buffer.from('<html>')), null);
  });

  it('accepts unknown bytes only when labelled image/* and not recognisably something else', () => {
    const unknown = Buffer.from([0x00, 0x00, 0x01, 0x00, 0x01, 0x00]); // an ICO header
    assert.equal(imageContentType(unknown, 'image/x-icon'), 'image/x-icon');
    assert.equal(imageContentType(unknown, 'application/octet-stream'), null);
    assert.equal(imageContentType(Buffer.from('\ufeff  <svg/>'), 'image/png'), null);
    assert.equal(imageContentType(Buffer.from('{"a":1}'), 'image/png'), null);
    assert.equal(imageContentType(Buffer.from('%PDF-1.7'), 'image/png'), null);
    assert.equal(imageContentType(Buffer.from('plain text'), 'image/svg+xml'), null);
    assert.equal(imageContentType(images.png, 'text/html; charset=utf-8'), 'image/png');
  });
});
