// Config validation (bad keys named in the error) and config derived from model metadata.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError } from '@tensorhop/kit';
import { loadPreprocessorConfig } from '../src/config.js';
import {
  configFromModelInput,
  DEFAULT_PREPROCESS_CONFIG,
  isPreprocessError,
  parsePreprocessConfig,
  type PreprocessConfig,
} from '../src/core/index.js';

const parse = (json: unknown, defaults: PreprocessConfig = DEFAULT_PREPROCESS_CONFIG) =>
  parsePreprocessConfig(json, defaults);

/** Asserts `fn` throws a BAD_REQUEST PreprocessError whose key is `key` and whose message names it. */
function assertBadKey(fn: () => unknown, key: string): void {
  assert.throws(fn, (error: unknown) => {
    assert.ok(isPreprocessError(error), `not a PreprocessError: ${String(error)}`);
    assert.equal(error.code, 'BAD_REQUEST');
    assert.equal(error.key, key);
    assert.ok(error.message.includes(`'${key}'`), error.message);
    return true;
  });
}

describe('parsePreprocessConfig', () => {
  it('returns the defaults for an absent or empty config', () => {
    for (const empty of [undefined, null, '', '  ', '{}', {}])
      assert.deepEqual(parse(empty), DEFAULT_PREPROCESS_CONFIG);
    assert.deepEqual(DEFAULT_PREPROCESS_CONFIG, {
      size: [224, 224],
      channels: 3,
      fit: 'fill',
      profile: 'unit',
      invert: false,
      dtype: 'float32',
      layout: 'NHWC',
      background: [255, 255, 255],
      kernel: 'linear',
    });
  });

  it('merges JSON text over the defaults and normalises values', () => {
    const config = parse(
      '{"size":[28,32],"channels":1,"profile":"RAW","dtype":"uint8","layout":"nchw","invert":true,"fit":"contain","background":"#0f8","kernel":"lanczos3"}',
    );
    assert.deepEqual(config, {
      size: [28, 32],
      channels: 1,
      fit: 'contain',
      profile: 'raw',
      invert: true,
      dtype: 'uint8',
      layout: 'NCHW',
      background: [0, 255, 136],
      kernel: 'lanczos3',
    });
  });

  it('accepts a square size as one number, colours as names and arrays, and bytes as JSON', () => {
    assert.deepEqual(parse({ size: 64 }).size, [64, 64]);
    assert.deepEqual(parse({ background: 'black' }).background, [0, 0, 0]);
    assert.deepEqual(parse({ background: [1, 2, 3] }).background, [1, 2, 3]);
    assert.deepEqual(parse({ background: '#A0B0C0' }).background, [160, 176, 192]);
    assert.equal(parse(new TextEncoder().encode('{"profile":"vgg"}')).profile, 'vgg');
  });

  it('does not share arrays with the defaults', () => {
    const config = parse({});
    config.size[0] = 1;
    assert.deepEqual(DEFAULT_PREPROCESS_CONFIG.size, [224, 224]);
  });

  it('names the bad key', () => {
    assertBadKey(() => parse({ chanels: 3 }), 'chanels');
    assertBadKey(() => parse({ channels: 2 }), 'channels');
    assertBadKey(() => parse({ channels: '3' }), 'channels');
    assertBadKey(() => parse({ size: [0, 10] }), 'size');
    assertBadKey(() => parse({ size: [5000, 10] }), 'size');
    assertBadKey(() => parse({ size: [10.5, 10] }), 'size');
    assertBadKey(() => parse({ size: [10, 10, 3] }), 'size');
    assertBadKey(() => parse({ fit: 'stretch' }), 'fit');
    assertBadKey(() => parse({ profile: 'caffe' }), 'profile');
    assertBadKey(() => parse({ invert: 'yes' }), 'invert');
    assertBadKey(() => parse({ dtype: 'float16' }), 'dtype');
    assertBadKey(() => parse({ layout: 'HWC' }), 'layout');
    assertBadKey(() => parse({ background: '#12' }), 'background');
    assertBadKey(() => parse({ background: [0, 0, 256] }), 'background');
    assertBadKey(() => parse({ kernel: 'box' }), 'kernel');
    assertBadKey(() => parse({ __proto__: 1, constructor: 1 }), 'constructor');
  });

  it('allows uint8 only with the raw profile, including a profile that comes from the defaults', () => {
    assertBadKey(() => parse({ dtype: 'uint8' }), 'dtype');
    assertBadKey(() => parse({ dtype: 'uint8', profile: 'torch' }), 'dtype');
    assert.throws(() => parse({ dtype: 'uint8' }), /profile 'raw'/);
    assert.equal(parse({ dtype: 'uint8' }, { ...DEFAULT_PREPROCESS_CONFIG, profile: 'raw' }).dtype, 'uint8');
  });

  it('rejects text that is not a JSON object', () => {
    for (const bad of ['{"size":', '[1,2]', '42', 42, ['a']]) {
      assert.throws(() => parse(bad), { name: 'PreprocessError', code: 'BAD_REQUEST' });
    }
  });
});

describe('configFromModelInput', () => {
  it('reads an NHWC greyscale shape and takes the rest from the hint', () => {
    const fields = configFromModelInput([-1, 28, 28, 1], { profile: 'unit', invert: true, note: 'ignored' });
    assert.deepEqual(fields, { profile: 'unit', invert: true, size: [28, 28], channels: 1, layout: 'NHWC' });
  });

  it('reads NHWC RGB and NCHW RGB shapes', () => {
    assert.deepEqual(configFromModelInput([-1, 224, 224, 3], { profile: 'torch' }), {
      profile: 'torch',
      size: [224, 224],
      channels: 3,
      layout: 'NHWC',
    });
    assert.deepEqual(configFromModelInput([-1, 3, 240, 320], {}), {
      size: [240, 320],
      channels: 3,
      layout: 'NCHW',
    });
  });

  it('lets the hint choose the layout of an ambiguous shape', () => {
    assert.deepEqual(configFromModelInput([-1, 3, 3, 3], { layout: 'NCHW' }), {
      layout: 'NCHW',
      size: [3, 3],
      channels: 3,
    });
  });

  it('leaves out what the shape does not say', () => {
    assert.deepEqual(configFromModelInput([-1, -1, -1, 3], {}), { channels: 3, layout: 'NHWC' });
    assert.deepEqual(configFromModelInput([-1, 784], { size: 28, channels: 1 }), {
      size: [28, 28],
      channels: 1,
    });
    assert.deepEqual(configFromModelInput([-1, 28, 28], {}), { size: [28, 28], channels: 1, layout: 'NHWC' });
  });

  it('refuses channel counts it cannot produce and bad hint values, naming them', () => {
    assertBadKey(() => configFromModelInput([-1, 224, 224, 4], {}), 'shape');
    assertBadKey(() => configFromModelInput([-1, 28, 28, 1], { profile: 'nope' }), 'preprocess.profile');
  });

  it('feeds parsePreprocessConfig: request over model over service defaults', () => {
    const fromModel = configFromModelInput([-1, 28, 28, 1], { invert: true });
    const config = parse('{"profile":"raw","dtype":"uint8"}', { ...DEFAULT_PREPROCESS_CONFIG, ...fromModel });
    assert.deepEqual(
      [config.size, config.channels, config.invert, config.profile, config.dtype],
      [[28, 28], 1, true, 'raw', 'uint8'],
    );
  });
});

describe('TENSORHOP_PREPROCESSOR_DEFAULTS', () => {
  it('is checked at start-up by the one config reader: a bad value is one line naming the variable', () => {
    for (const value of ['{"size":0}', '{"profile":"nope"}', 'not json']) {
      assert.throws(
        () => loadPreprocessorConfig({ env: { TENSORHOP_PREPROCESSOR_DEFAULTS: value } }),
        (e: unknown) =>
          e instanceof ConfigError &&
          e.variable === 'TENSORHOP_PREPROCESSOR_DEFAULTS' &&
          !e.message.includes('\n'),
        value,
      );
    }
    const ok = loadPreprocessorConfig({ env: { TENSORHOP_PREPROCESSOR_DEFAULTS: '{"size":[32,32]}' } });
    assert.equal(ok.defaults, '{"size":[32,32]}');
  });
});
