import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError } from '@tensorhop/kit';
import { parseRetryAfter } from '@tensorhop/protocol';
import { loadDownloaderConfig } from '../src/config.js';
import { backoffDelay } from '../src/core/backoff.js';
import { HostLimiter } from '../src/core/limiter.js';
import { ByteLruCache } from '../src/core/lru-cache.js';
import { DEFAULT_DOWNLOADER_OPTIONS, resolveDownloaderOptions } from '../src/core/index.js';

describe('options', () => {
  it('has the documented defaults', () => {
    const options = resolveDownloaderOptions({});
    assert.equal(options.timeoutMs, 10_000);
    assert.equal(options.connectTimeoutMs, 3_000);
    assert.equal(options.maxBytes, 20 * 1024 * 1024);
    assert.equal(options.concurrency, 64);
    assert.equal(options.perHostConcurrency, 16);
    assert.equal(options.maxRedirects, 5);
    assert.equal(options.retries, 2);
    assert.equal(options.backoffBaseMs, 100);
    assert.equal(options.backoffCapMs, 2000);
    assert.deepEqual(options.allow, []);
    assert.equal(options.blockPrivate, true);
    assert.equal(options.cacheBytes, 0);
    assert.equal(DEFAULT_DOWNLOADER_OPTIONS.timeoutMs, 10_000);
  });

  it('rejects bad values naming the option', () => {
    assert.throws(() => resolveDownloaderOptions({ timeoutMs: 0 }), /timeoutMs/);
    assert.throws(() => resolveDownloaderOptions({ retries: -1 }), /retries/);
    assert.throws(() => resolveDownloaderOptions({ allow: ['10.0.0.0/99'] }), /allow/);
  });

  it("reads TENSORHOP_DOWNLOADER_* through the kit's one config reader, naming the bad variable once", () => {
    const config = loadDownloaderConfig({
      env: {
        TENSORHOP_DOWNLOADER_TIMEOUT_MS: '1500',
        TENSORHOP_DOWNLOADER_ALLOW: '127.0.0.0/8, ::1 ,',
        TENSORHOP_DOWNLOADER_BLOCK_PRIVATE: 'false',
        TENSORHOP_DOWNLOADER_CACHE_BYTES: '1048576',
      },
    });
    assert.equal(config.fetch.timeoutMs, 1500);
    assert.deepEqual(config.fetch.allow, ['127.0.0.0/8', '::1']);
    assert.equal(config.fetch.blockPrivate, false);
    assert.equal(config.fetch.cacheBytes, 1048576);
    assert.equal(loadDownloaderConfig({ env: {} }).fetch.timeoutMs, 10_000);
    const bad: [Record<string, string>, string][] = [
      [{ TENSORHOP_DOWNLOADER_TIMEOUT_MS: '0' }, 'TENSORHOP_DOWNLOADER_TIMEOUT_MS'],
      [{ TENSORHOP_DOWNLOADER_TIMEOUT_MS: 'abc' }, 'TENSORHOP_DOWNLOADER_TIMEOUT_MS'],
      [{ TENSORHOP_DOWNLOADER_ALLOW: '10.0.0.0/8,bogus' }, 'TENSORHOP_DOWNLOADER_ALLOW'],
      [{ TENSORHOP_DOWNLOADER_BLOCK_PRIVATE: 'maybe' }, 'TENSORHOP_DOWNLOADER_BLOCK_PRIVATE'],
    ];
    for (const [env, variable] of bad) {
      assert.throws(
        () => loadDownloaderConfig({ env }),
        (e: unknown) =>
          e instanceof ConfigError &&
          e.variable === variable &&
          e.message.split(variable).length === 2 &&
          !e.message.includes('\n'),
        JSON.stringify(env),
      );
    }
  });
});

describe('backoff', () => {
  it('grows exponentially, is capped, and jitters within [ceiling/2, ceiling]', () => {
    assert.equal(
      backoffDelay(0, 100, 2000, () => 0),
      50,
    );
    assert.equal(
      backoffDelay(0, 100, 2000, () => 1),
      100,
    );
    assert.equal(
      backoffDelay(3, 100, 2000, () => 1),
      800,
    );
    assert.equal(
      backoffDelay(10, 100, 2000, () => 1),
      2000,
    );
    assert.equal(
      backoffDelay(10, 100, 2000, () => 0),
      1000,
    );
  });

  it('parses Retry-After (the one parser, in seconds) as seconds, an HTTP date or a repeated header', () => {
    const now = Date.parse('2030-01-01T00:00:00Z');
    assert.equal(parseRetryAfter('3', now), 3);
    assert.equal(parseRetryAfter(['4', '9'], now), 4);
    assert.equal(parseRetryAfter('Tue, 01 Jan 2030 00:00:02 GMT', now), 2);
    assert.equal(parseRetryAfter('Mon, 31 Dec 2029 00:00:00 GMT', now), 0);
    assert.equal(parseRetryAfter('soon', now), undefined);
    assert.equal(parseRetryAfter(undefined, now), undefined);
  });
});

describe('ByteLruCache', () => {
  const entry = (size: number) => ({ bytes: Buffer.alloc(size) });

  it('evicts the least recently used entry when over its byte budget', () => {
    const cache = new ByteLruCache(100, 10);
    cache.set('a', entry(40));
    cache.set('b', entry(40));
    assert.ok(cache.get('a'));
    cache.set('c', entry(40));
    assert.equal(cache.get('b'), undefined);
    assert.ok(cache.get('a') && cache.get('c'));
    assert.equal(cache.bytes, 80);
  });

  it('bounds the entry count and skips values larger than the budget', () => {
    const cache = new ByteLruCache(1000, 2);
    cache.set('a', entry(1));
    cache.set('b', entry(1));
    cache.set('c', entry(1));
    assert.equal(cache.size, 2);
    assert.equal(cache.get('a'), undefined);
    cache.set('huge', entry(1001));
    assert.equal(cache.get('huge'), undefined);
    assert.equal(cache.bytes, 2);
  });
});

describe('HostLimiter', () => {
  it('hands slots over in order and forgets idle hosts', async () => {
    const limiter = new HostLimiter(2, 1, 10);
    const signal = new AbortController().signal;
    const releaseA = await limiter.acquire('a', signal);
    const order: string[] = [];
    const second = limiter.acquire('a', signal).then((release) => (order.push('a2'), release));
    const releaseB = await limiter.acquire('b', signal);
    assert.equal(limiter.queued, 1);
    releaseA();
    (await second)();
    releaseB();
    assert.deepEqual(order, ['a2']);
    assert.equal(limiter.active, 0);
    assert.equal(limiter.queued, 0);
  });

  it('drops a waiter whose signal aborts', async () => {
    const limiter = new HostLimiter(1, 1, 10);
    const release = await limiter.acquire('a', new AbortController().signal);
    const controller = new AbortController();
    const waiting = limiter.acquire('a', controller.signal);
    controller.abort(new Error('gone'));
    await assert.rejects(waiting, /gone/);
    assert.equal(limiter.queued, 0);
    release();
    assert.equal(limiter.active, 0);
  });
});
