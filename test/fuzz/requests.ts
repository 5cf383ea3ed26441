/**
 * Random infer requests for one stage, as plain objects close to the wire: mostly valid, then
 * bent at random — dtypes (including unknown numbers), shapes (empty, huge, negative, with zero
 * dimensions), data that does not fit the shape, keys (missing, too few, duplicated, huge), configs,
 * routes (next/mode/hops_left) and output names.
 */
import type { Random } from '../helpers/seeded-random.js';
import { randomImage, randomPixels, randomUrl, type Payloads } from './payloads.js';

export type Target = 'downloader' | 'preprocessor' | 'model';

export interface RawTensor {
  type: number;
  shape: number[];
  data?: Uint8Array;
  stringVal?: Uint8Array[];
}

export interface RawRequest {
  config: string;
  inputNames: string[];
  inputs: RawTensor[];
  outputNames: string[];
  keys: string[];
  route?: {
    next: { target: string; config?: string; outputNames?: string[] }[];
    mode: number;
    hopsLeft: number;
  };
  traceId: string;
}

const HOPS = ['downloader', 'preprocessor', 'model', 'nope', '', 'http://127.0.0.1:1/', 'MODEL'];
const SENSIBLE: Record<Target, string[]> = {
  downloader: ['preprocessor', 'model'],
  preprocessor: ['model'],
  model: [],
};
const HUGE = [2 ** 31, 2 ** 31 - 1, 400_000_000, 2 ** 40, Number.MAX_SAFE_INTEGER];

const CONFIGS: Record<Target, unknown[]> = {
  downloader: [{}, { timeout_ms: 1 }, { nope: true }],
  preprocessor: [
    {},
    { size: [28, 28] },
    { size: [1, 1] },
    { size: [0, 28] },
    { size: [4096, 4096] },
    { size: [100000, 100000] },
    { size: 'big' },
    { size: [-5, 3] },
    { profile: 'vgg', channels: 3, size: [32, 32] },
    { profile: 'nope' },
    { channels: 4 },
    { channels: 0 },
    { fit: 'cover', invert: true, dtype: 'uint8', size: [8, 8] },
    { dtype: 'float64' },
    { layout: 'NCHW', size: [10, 12], channels: 3 },
    { layout: 'sideways' },
    { invert: 'yes' },
  ],
  model: [
    {},
    { top_k: 3 },
    { top_k: 0 },
    { top_k: 1e9 },
    { top_k: -1 },
    { model: 'mnist', version: 1 },
    { model: 'nope' },
    { version: 99 },
    { model: 'mnist', version: 'x' },
  ],
};

function stringRows(r: Random, target: Target, p: Payloads, n: number, mutable = false): Uint8Array[] {
  return Array.from({ length: n }, () =>
    target === 'downloader' ? Buffer.from(randomUrl(r, p, mutable)) : randomImage(r, p),
  );
}

/** A request that a stage should take, with `n` rows. */
function validRequest(r: Random, target: Target, p: Payloads, mutable: boolean): RawRequest {
  const n = r.chance(0.05) ? r.int(0, 64) : r.int(1, 6);
  const input: RawTensor =
    target === 'model'
      ? { type: 10, shape: [n, 28, 28, 1], data: new Uint8Array(randomPixels(r, n).buffer) }
      : { type: 12, shape: [n], stringVal: stringRows(r, target, p, n, mutable) };
  return {
    config: r.chance(0.5) ? '' : JSON.stringify(r.pick(CONFIGS[target])),
    inputNames: r.chance(0.5)
      ? []
      : [target === 'downloader' ? 'urls' : target === 'model' ? 'image' : 'images'],
    inputs: [input],
    outputNames: [],
    keys: r.chance(0.3) ? [] : Array.from({ length: n }, (_, i) => `k${i}`),
    traceId: '',
  };
}

function bendTensor(r: Random, t: RawTensor, p: Payloads, target: Target): void {
  if (r.chance(0.3)) t.type = r.chance(0.8) ? r.int(0, 13) : r.pick([14, 99, 2 ** 31 - 1]);
  if (r.chance(0.3)) {
    t.shape = r.pick([
      () => [],
      () => [0],
      () => [r.pick(HUGE), 0],
      () => [0, r.pick(HUGE)],
      () => [-1],
      () => [r.int(-3, 5), r.int(-3, 5)],
      () => Array.from({ length: r.int(5, 40) }, () => 1),
      () => [r.pick(HUGE), r.pick(HUGE)],
      () => [5000],
      () => [r.int(1, 4), 28, 28, 1],
    ])();
  }
  if (r.chance(0.2)) t.data = r.bytes(r.pick([0, 1, 3, 784 * 4, 784 * 4 + 1, r.int(0, 5000)]));
  if (r.chance(0.15)) t.stringVal = stringRows(r, target, p, r.pick([0, 1, 3, 5000]));
  if (r.chance(0.05))
    t.stringVal = Array.from({ length: r.int(1, 3) }, () => new Uint8Array(r.int(100_000, 600_000)));
}

function randomKeys(r: Random, keys: string[]): string[] {
  return r.pick([
    () => keys.slice(1),
    () => [...keys, 'extra'],
    () => keys.map(() => 'same'),
    () => keys.map(() => ''),
    () => keys.map((k, i) => (i === 0 ? 'x'.repeat(r.int(1000, 70_000)) : k)),
    () => keys.map((k) => `${k}\u0000☃\ud800`),
    () => Array.from({ length: 5000 }, (_, i) => `k${i}`),
  ])();
}

/** A valid request for `target`, then a few random bends; `mutable`: its bytes will be mutated. */
export function randomRequest(r: Random, target: Target, p: Payloads, mutable = false): RawRequest {
  const req = validRequest(r, target, p, mutable);
  const input = req.inputs[0] as RawTensor;
  if (r.chance(0.3) && !mutable) bendTensor(r, input, p, target);
  if (r.chance(0.1))
    req.inputs = r.pick([[], [input, input], [input, { type: 1, shape: [1], data: new Uint8Array(1) }]]);
  if (r.chance(0.12)) req.keys = randomKeys(r, req.keys.length ? req.keys : ['k0']);
  if (r.chance(0.15))
    req.config = r.pick([
      '{',
      '[]',
      '3',
      'null',
      '"x"',
      JSON.stringify({ ...(r.pick(CONFIGS.preprocessor) as object), ...(r.pick(CONFIGS.model) as object) }),
    ]);
  if (r.chance(0.1)) req.inputNames = r.pick([['nope'], ['urls', 'images'], ['']]);
  if (r.chance(0.1))
    req.outputNames = r.pick([['nope'], ['classes'], ['scores', 'classes'], ['images'], ['tensor']]);
  if (r.chance(0.05)) req.traceId = r.pick(['x'.repeat(10_000), '\n\r', '../../etc']);
  if (r.chance(0.3)) req.route = { next: SENSIBLE[target].map((h) => ({ target: h })), mode: 1, hopsLeft: 0 };
  else if (r.chance(0.4)) {
    req.route = {
      next: Array.from({ length: r.pick([0, 1, 1, 2, 2, 3, 9]) }, () => ({
        target: r.pick(HOPS),
        ...(r.chance(0.3)
          ? { config: JSON.stringify(r.pick([...CONFIGS.preprocessor, ...CONFIGS.model])) }
          : {}),
        ...(r.chance(0.1) ? { outputNames: [r.pick(['nope', 'classes', 'tensor'])] } : {}),
      })),
      mode: r.chance(0.9) ? r.int(0, 1) : r.pick([2, -1, 99]),
      hopsLeft: r.pick([0, 0, 1, 2, 3, 8, 9, -1, 2 ** 31 - 1]),
    };
  }
  return req;
}
