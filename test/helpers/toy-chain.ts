/**
 * A toy chain with the shape of the real one, built only with the service kit, for SDK tests that
 * need to control failures: `fetch` (as the downloader: URLs through, `broken` ones fail, a chunk
 * with a `slow` URL waits), `pass` (as the preprocessor, with `model` as its default successor)
 * and `label` (as the model: the class of a row is the last path segment of its URL). `label`
 * answers OVERLOADED (Retry-After 1 s) the first time it sees `overload-once-<id>`, and always
 * for `overload-always`.
 */
import { DType, TensorhopError, float32Tensor, stringTensor, type StringTensor } from '@tensorhop/protocol';
import type { StageDefinition, StageRowError } from '@tensorhop/kit';
import { startStage, type Running } from './toy-stages.js';

const text = (b: Uint8Array): string => Buffer.from(b).toString('utf8');
const io = (name: string, type: DType, shape = [-1]) => ({ name, shape, type });

export interface ToyChain {
  fetch: Running;
  pass: Running;
  label: Running;
  /** Rows each stage was sent, per call. */
  calls: { fetch: number[]; label: number[] };
  endpoints: { downloader: string; preprocessor: string; model: string };
  close(): Promise<void>;
}

export async function startToyChain(): Promise<ToyChain> {
  const calls = { fetch: [] as number[], label: [] as number[] };
  const overloaded = new Set<string>();
  const fetchStage: StageDefinition = {
    name: 'fetch',
    inputs: [io('urls', DType.STRING)],
    outputs: [io('images', DType.STRING)],
    async apply(ctx) {
      const urls = (ctx.inputs[0] as StringTensor).strings.map(text);
      calls.fetch.push(urls.length);
      if (urls.some((u) => u.includes('slow'))) await new Promise((r) => setTimeout(r, 400));
      const keys: string[] = [];
      const kept: string[] = [];
      const errors: StageRowError[] = [];
      for (const [i, url] of urls.entries()) {
        const key = ctx.keys[i] as string;
        if (url.includes('broken'))
          errors.push({ key, code: 'DOWNLOAD_HTTP_STATUS', message: 'origin said 404' });
        else {
          keys.push(key);
          kept.push(url);
        }
      }
      return { outputs: { images: stringTensor(kept) }, keys, errors };
    },
  };
  const passStage: StageDefinition = {
    name: 'pass',
    inputs: [io('images', DType.STRING)],
    outputs: [io('tensor', DType.STRING)],
    apply: async (ctx) => ({ outputs: { tensor: ctx.inputs[0]! }, keys: [...ctx.keys], errors: [] }),
  };
  const labelStage: StageDefinition = {
    name: 'label',
    inputs: [io('tensor', DType.STRING)],
    outputs: [io('classes', DType.STRING, [-1, 1]), io('scores', DType.FLOAT32, [-1, 1])],
    async apply(ctx) {
      const urls = (ctx.inputs[0] as StringTensor).strings.map(text);
      calls.label.push(urls.length);
      if (urls.some((u) => u.includes('overload-always')))
        throw new TensorhopError('OVERLOADED', 'always busy');
      const once = urls.map((u) => /overload-once-\w+/.exec(u)?.[0]).find((id) => id && !overloaded.has(id));
      if (once) {
        overloaded.add(once);
        throw new TensorhopError('OVERLOADED', 'busy, come back later', { retryAfterSeconds: 1 });
      }
      const classes = urls.map((u) => u.split('/').pop() ?? '');
      return {
        outputs: {
          classes: stringTensor(classes, [urls.length, 1]),
          scores: float32Tensor([urls.length, 1], new Float32Array(urls.length).fill(1)),
        },
        keys: [...ctx.keys],
        errors: [],
      };
    },
  };
  const label = await startStage(labelStage);
  const pass = await startStage(passStage, {}, { hops: { model: label.url }, next: 'model' });
  const fetch = await startStage(fetchStage, {}, { hops: { preprocessor: pass.url, model: label.url } });
  return {
    fetch,
    pass,
    label,
    calls,
    endpoints: { downloader: fetch.url, preprocessor: pass.url, model: label.url },
    close: async () => {
      await Promise.all([fetch.service.close(), pass.service.close(), label.service.close()]);
    },
  };
}
