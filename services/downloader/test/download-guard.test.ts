import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  createDownloader,
  isBlockedAddress,
  type DownloaderOptions,
  type DownloadResult,
  type LookupFn,
} from '../src/core/index.js';
import { makeImages, serve, startOrigin, type Handler, type Origin } from './origin-server.js';

const FAST: Partial<DownloaderOptions> = { timeoutMs: 2000, connectTimeoutMs: 500, backoffBaseMs: 10 };

function failed(result: DownloadResult): { code: string; message: string } {
  assert.equal(result.ok, false, `expected a failure, got ${JSON.stringify(result).slice(0, 200)}`);
  return result as { code: string; message: string };
}

/** A resolver from a fixed table that records every name it is asked for. */
function tableLookup(table: Record<string, string[]>): LookupFn & { asked: string[] } {
  const asked: string[] = [];
  const lookup = async (hostname: string) => {
    asked.push(hostname);
    return (table[hostname] ?? []).map(
      (address) => ({ address, family: address.includes(':') ? 6 : 4 }) as const,
    );
  };
  return Object.assign(lookup, { asked });
}

let origin: Origin;
/** A second origin on 127.0.0.2, so 127.0.0.1 can stay blocked while this one is allowed. */
let origin2: Origin;

before(async () => {
  const { png } = await makeImages();
  const routes: Record<string, Handler> = {
    '/img.png': serve(png, 'image/png'),
    '/close.png': (_req, res) => {
      res.writeHead(200, { 'content-type': 'image/png', connection: 'close' }).end(png);
    },
    '/to-loopback': (_req, res) =>
      res.writeHead(302, { location: `http://127.0.0.1:${origin.port}/img.png` }).end(),
    '/to-metadata': (_req, res) =>
      res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end(),
    '/to-internal-name': (_req, res) =>
      res.writeHead(307, { location: `http://internal.test:${origin.port}/img.png` }).end(),
  };
  origin = await startOrigin(routes);
  origin2 = await startOrigin(routes, '127.0.0.2');
});

after(async () => {
  await origin.close();
  await origin2.close();
});

describe('SSRF guard', () => {
  it('is on by default: the local origin itself is refused without connecting', async () => {
    const downloader = createDownloader(FAST);
    const failure = failed(await downloader.download(origin.url('/img.png')));
    assert.equal(failure.code, 'DOWNLOAD_BLOCKED');
    assert.equal(downloader.stats().connects, 0);
    assert.equal(downloader.stats().fetches, 0);
    await downloader.close();
  });

  it('refuses a name resolving to a private address before any connection attempt', async () => {
    assert.equal(isBlockedAddress('10.0.0.5'), true, 'precondition: the test never dials 10.0.0.5');
    const lookup = tableLookup({ 'images.evil.test': ['10.0.0.5'] });
    const downloader = createDownloader({ ...FAST, lookup });
    const failure = failed(await downloader.download('http://images.evil.test/cat.png'));
    assert.equal(failure.code, 'DOWNLOAD_BLOCKED');
    assert.doesNotMatch(failure.message, /10\.0\.0\.5/, 'the internal address is not echoed back');
    assert.deepEqual(lookup.asked, ['images.evil.test']);
    assert.equal(downloader.stats().connects, 0);
    assert.equal(downloader.stats().retries, 0);
    await downloader.close();
  });

  it('connects only to the allowed addresses of a name with mixed answers', async () => {
    const lookup = tableLookup({ 'mixed.test': ['10.0.0.5', '127.0.0.2'] });
    const downloader = createDownloader({ ...FAST, lookup, allow: ['127.0.0.2/32'] });
    const result = await downloader.download(`http://mixed.test:${origin2.port}/img.png`);
    assert.ok(result.ok, JSON.stringify(result));
    assert.equal(downloader.stats().connects, 1);
    await downloader.close();
  });

  it('checks the address at connect time, so DNS rebinding is caught', async () => {
    let answer = '127.0.0.2';
    const lookup: LookupFn = async () => [{ address: answer, family: 4 }];
    const downloader = createDownloader({ ...FAST, lookup, allow: ['127.0.0.2/32'] });
    const url = `http://rebind.test:${origin2.port}/close.png`;
    assert.ok((await downloader.download(url)).ok);
    answer = '127.0.0.1';
    assert.equal(failed(await downloader.download(url)).code, 'DOWNLOAD_BLOCKED');
    assert.equal(downloader.stats().connects, 1);
    await downloader.close();
  });

  it('refuses a redirect into loopback, metadata or a private name', async () => {
    const lookup = tableLookup({ 'internal.test': ['127.0.0.1'] });
    const downloader = createDownloader({ ...FAST, lookup, allow: ['127.0.0.2/32'] });
    for (const path of ['/to-loopback', '/to-metadata', '/to-internal-name']) {
      const failure = failed(await downloader.download(origin2.url(path)));
      assert.equal(failure.code, 'DOWNLOAD_BLOCKED', path);
    }
    assert.equal(origin.hits('/img.png'), 0, 'nothing reached the blocked origin');
    assert.deepEqual(lookup.asked, ['internal.test']);
    await downloader.close();
  });

  it('refuses numeric host spellings of loopback without connecting', async () => {
    const downloader = createDownloader(FAST);
    for (const host of ['2130706433', '0x7f000001', '127.1', '0177.0.0.1', '0x7f.0.0.1', '127.000.000.001']) {
      const failure = failed(await downloader.download(`http://${host}:${origin.port}/img.png`));
      assert.equal(failure.code, 'DOWNLOAD_BLOCKED', host);
    }
    assert.equal(downloader.stats().connects, 0);
    await downloader.close();
  });

  it('refuses IPv6 loopback, mapped, ULA, link-local and metadata forms without connecting', async () => {
    const downloader = createDownloader(FAST);
    const hosts = [
      '[::1]',
      '[::]',
      '[::ffff:127.0.0.1]',
      '[::ffff:7f00:1]',
      '[0:0:0:0:0:ffff:7f00:1]',
      '[::ffff:169.254.169.254]',
      '[::ffff:10.0.0.5]',
      '[64:ff9b::a00:5]',
      '[fc00::1]',
      '[fd00::1]',
      '[fe80::1]',
      '[ff02::1]',
      '169.254.169.254',
      '0.0.0.0',
      '100.64.0.1',
      '192.168.0.1',
      '172.16.0.1',
      '255.255.255.255',
      '224.0.0.1',
    ];
    for (const host of hosts) {
      const failure = failed(await downloader.download(`http://${host}:${origin.port}/img.png`));
      assert.equal(failure.code, 'DOWNLOAD_BLOCKED', host);
    }
    assert.equal(downloader.stats().connects, 0);
    await downloader.close();
  });

  it('opens 127.0.0.0/8 through the allowlist, numeric spellings included', async () => {
    const downloader = createDownloader({ ...FAST, allow: ['127.0.0.0/8'] });
    for (const host of ['127.0.0.1', '2130706433', '0x7f000001', '127.1', '[::ffff:127.0.0.1]']) {
      const url = `http://${host}:${origin.port}/img.png`;
      const result = await downloader.download(url);
      // ::ffff:127.0.0.1 is allowed but has no IPv4-mapped listener on every system.
      if (host.startsWith('[')) assert.notEqual(result.ok ? 'ok' : result.code, 'DOWNLOAD_BLOCKED');
      else assert.ok(result.ok, `${host}: ${JSON.stringify(result)}`);
    }
    await downloader.close();
  });

  it('bounds name resolution by the connect timeout and maps resolver failures to DOWNLOAD_NETWORK', async () => {
    const hanging: LookupFn = () => new Promise(() => {});
    const slow = createDownloader({ ...FAST, lookup: hanging, connectTimeoutMs: 100 });
    const started = Date.now();
    const timeout = failed(await slow.download('http://hangs.test/x.png'));
    assert.equal(timeout.code, 'DOWNLOAD_TIMEOUT');
    assert.ok(Date.now() - started < 1000);
    await slow.close();
    const failing: LookupFn = async () => {
      throw Object.assign(new Error('getaddrinfo ENOTFOUND nowhere.test'), { code: 'ENOTFOUND' });
    };
    const missing = createDownloader({ ...FAST, lookup: failing });
    assert.equal(failed(await missing.download('http://nowhere.test/x.png')).code, 'DOWNLOAD_NETWORK');
    await missing.close();
    const empty = createDownloader({ ...FAST, lookup: tableLookup({}) });
    assert.equal(failed(await empty.download('http://empty.test/x.png')).code, 'DOWNLOAD_NETWORK');
    await empty.close();
  });

  it('can be turned off entirely', async () => {
    const downloader = createDownloader({ ...FAST, blockPrivate: false });
    assert.ok((await downloader.download(origin.url('/img.png'))).ok);
    await downloader.close();
  });
});
