import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, loadConfig, parseMap, serviceSchema } from '@tensorhop/kit';

const schema = serviceSchema('downloader', 9001);

test('defaults, then environment under the prefix, then explicit values', () => {
  const c = loadConfig(schema, { prefix: 'TENSORHOP_DOWNLOADER_', env: {} });
  assert.equal(c.port, 9001);
  assert.deepEqual(c.hops, {});
  const e = loadConfig(schema, {
    prefix: 'TENSORHOP_DOWNLOADER_',
    env: {
      TENSORHOP_DOWNLOADER_PORT: '9101',
      TENSORHOP_DOWNLOADER_NEXT: 'preprocessor',
      TENSORHOP_HOPS: 'preprocessor=http://127.0.0.1:9002,model=http://127.0.0.1:8080/v1/model',
    },
    explicit: { host: '0.0.0.0' },
  });
  assert.equal(e.port, 9101);
  assert.equal(e.next, 'preprocessor');
  assert.equal(e.host, '0.0.0.0');
  assert.deepEqual(e.hops, {
    preprocessor: 'http://127.0.0.1:9002',
    model: 'http://127.0.0.1:8080/v1/model',
  });
});

test('a bad value names the variable', () => {
  assert.throws(
    () => loadConfig(schema, { prefix: 'TENSORHOP_DOWNLOADER_', env: { TENSORHOP_DOWNLOADER_PORT: 'http' } }),
    (e: unknown) =>
      e instanceof ConfigError && e.variable === 'TENSORHOP_DOWNLOADER_PORT' && /integer/.test(e.message),
  );
  assert.throws(
    () =>
      loadConfig(schema, { prefix: 'TENSORHOP_DOWNLOADER_', env: { TENSORHOP_DOWNLOADER_PORT: '70000' } }),
    /TENSORHOP_DOWNLOADER_PORT: 70000 is outside 0..65535/,
  );
  assert.throws(
    () =>
      loadConfig(schema, {
        prefix: 'TENSORHOP_DOWNLOADER_',
        env: { TENSORHOP_DOWNLOADER_LOG_LEVEL: 'loud' },
      }),
    /TENSORHOP_DOWNLOADER_LOG_LEVEL: expected one of/,
  );
  assert.throws(() => parseMap('justaname', 'TENSORHOP_HOPS'), /TENSORHOP_HOPS: expected name=value/);
  assert.throws(() => parseMap('a=1,a=2', 'TENSORHOP_HOPS'), /a is given twice/);
});

test('pools keep their comma-separated URLs together', () => {
  assert.deepEqual(
    parseMap(
      'downloader=http://127.0.0.1:9101,http://127.0.0.1:9102;preprocessor=http://127.0.0.1:9201',
      'X',
    ),
    {
      downloader: 'http://127.0.0.1:9101,http://127.0.0.1:9102',
      preprocessor: 'http://127.0.0.1:9201',
    },
  );
});
