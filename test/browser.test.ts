/**
 * The SDK's browser path in a real browser: `@tensorhop/sdk` bundled by esbuild for the
 * browser platform (which fails on any Node-only import), loaded by a page on its own origin in
 * headless Chromium, classifying through the gateway (CORS) in the three modes, in protobuf and
 * in JSON, by URL and by Blob, with pipe(); results equal the SDK's in Node.
 *
 * Needs Chromium at /usr/bin/chromium (Debian: `apt-get install -y chromium`) or at
 * $TENSORHOP_CHROMIUM; skipped without it, except in CI, where it fails.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { classify } from '@tensorhop/sdk';
import { launchChromium, skipWithoutChromium } from './helpers/chromium.js';
import { startDigitOrigin, type DigitOrigin } from './helpers/digit-origin.js';
import { startStackProcess, type StackProcess } from './helpers/stack-process.js';

async function bundleSdk(): Promise<string> {
  const result = await build({
    stdin: {
      contents: "import * as sdk from '@tensorhop/sdk'; globalThis.tensorhop = sdk;",
      resolveDir: process.cwd(),
    },
    bundle: true,
    platform: 'browser',
    format: 'iife',
    minify: true,
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

describe('SDK in a browser', { skip: skipWithoutChromium(), timeout: 120_000 }, () => {
  let origin: DigitOrigin;
  let stack: StackProcess;
  let page: Page;
  let browser: Browser;
  let site: http.Server;
  let bundleBytes = 0;

  before(async () => {
    browser = await launchChromium();
    const [bundle, o, s] = await Promise.all([
      bundleSdk(),
      startDigitOrigin(12),
      startStackProcess(20080, {
        TENSORHOP_DOWNLOADER_ALLOW: '127.0.0.1/32',
        TENSORHOP_DOWNLOADER_RETRIES: '0',
      }),
    ]);
    [origin, stack, bundleBytes] = [o, s, bundle.length];
    site = http.createServer((req, res) => {
      if (req.url === '/sdk.js')
        return void res.writeHead(200, { 'content-type': 'text/javascript' }).end(bundle);
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end('<!doctype html><script src="/sdk.js"></script>');
    });
    await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
    page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${(site.address() as AddressInfo).port}/`);
  });

  after(async () => {
    await browser?.close();
    site?.close();
    const code = await stack?.stop();
    await origin?.close();
    assert.equal(code, 0);
  });

  test('the bundle is browser-only code of a reasonable size', () => {
    assert.ok(bundleBytes < 300_000, `${bundleBytes} bytes minified`);
  });

  test('classify in three modes, protobuf and JSON, by URL and by Blob, and pipe(), as in Node', async () => {
    const urls = [...origin.digits.map((d) => `${origin.base}${d.path}`), `${origin.base}/missing.png`];
    const bytes = origin.digits.slice(0, 3).map((d) => [...d.body]);
    const reference = await classify(urls, { gateway: stack.urls.gateway });
    const got = await page.evaluate(
      async ({ gateway, urls, bytes }) => {
        const page = globalThis as unknown as { tensorhop: typeof import('@tensorhop/sdk') };
        const sdk = page.tensorhop;
        const out: Record<string, unknown> = { hasBuffer: 'Buffer' in globalThis };
        for (const mode of ['client', 'server', 'hybrid'] as const) {
          for (const encoding of ['protobuf', 'json'] as const) {
            out[`${mode}/${encoding}`] = await sdk.classify(urls, {
              gateway,
              mode,
              encoding,
              batchSize: 5,
            });
          }
        }
        const blobs = bytes.map((b: number[]) => new Blob([new Uint8Array(b)], { type: 'image/png' }));
        out.blobs = await sdk.classify(blobs, { gateway, mode: 'client' });
        const piped: unknown[] = [];
        const items = urls.map((url: string, i: number) => ({ key: `k${i}`, input: url }));
        for await (const r of sdk.pipe(items, { gateway, ordered: true, batchSize: 4 })) piped.push(r);
        out.piped = piped;
        return out;
      },
      { gateway: stack.urls.gateway, urls, bytes },
    );
    assert.equal(got.hasBuffer, false, 'no Buffer in the page: the Uint8Array paths ran');
    for (const mode of ['client', 'server', 'hybrid']) {
      for (const encoding of ['protobuf', 'json'])
        assert.deepEqual(got[`${mode}/${encoding}`], reference, `${mode}/${encoding}`);
    }
    assert.deepEqual(got.blobs, reference.slice(0, 3));
    assert.deepEqual(
      got.piped,
      reference.map((r, i) => ({ key: `k${i}`, ...r })),
    );
    const missing = reference.at(-1)!;
    assert.ok(!missing.ok && missing.code === 'DOWNLOAD_HTTP_STATUS');
  });
});
