/** `classify()`: labels for one image or a collection of them, in the input's shape. */
import { chunkPipe } from './chunk-pipe.js';
import { classifyChunk } from './classify-chunk.js';
import { runContext } from './context.js';
import { flatten, type InputCollection } from './inputs.js';
import type { ClassifyOptions, ClassifyResult, ImageInput } from './types.js';

/**
 * Classifies images given by URL or as bytes (Uint8Array/Buffer, ArrayBuffer, Blob). One input
 * gives one result; an array gives an array in the same order; a Map or a plain object gives the
 * same keys. Every entry is `{ok: true, classes, scores}` or `{ok: false, code, message, stage}`;
 * a failure of a whole request (overloaded, gateway down) is given to each of its keys, after
 * retries. The three modes give the same results; they change only who carries the bytes.
 *
 * @example
 * const r = await classify(['https://example.com/7.png'], { mode: 'hybrid' });
 * // [{ ok: true, classes: ['7', '1', ...], scores: [0.99, ...] }]
 * @throws BAD_REQUEST for invalid options; the signal's reason on abort
 */
export function classify(input: ImageInput, options?: ClassifyOptions): Promise<ClassifyResult>;
export function classify(input: readonly ImageInput[], options?: ClassifyOptions): Promise<ClassifyResult[]>;
export function classify<K>(
  input: ReadonlyMap<K, ImageInput>,
  options?: ClassifyOptions,
): Promise<Map<K, ClassifyResult>>;
export function classify<T extends Readonly<Record<string, ImageInput>>>(
  input: T,
  options?: ClassifyOptions,
): Promise<{ [P in keyof T]: ClassifyResult }>;
export async function classify(
  input: ImageInput | InputCollection,
  options: ClassifyOptions = {},
): Promise<unknown> {
  const ctx = runContext(options);
  const { values, rebuild } = flatten(input);
  const results: ClassifyResult[] = new Array<ClassifyResult>(values.length);
  const rows = chunkPipe(
    values.map((value, index) => ({ value, index })),
    async (chunk, signal) => {
      const out = await classifyChunk(
        chunk.map((c) => c.value),
        ctx,
        signal,
      );
      return out.map((result, i) => ({ index: (chunk[i] as { index: number }).index, result }));
    },
    {
      batchSize: options.batchSize ?? 64,
      concurrency: options.concurrency ?? 4,
      ordered: false,
      maxWaitMs: 0,
      signal: options.signal,
    },
  );
  for await (const { index, result } of rows) results[index] = result;
  return rebuild(results);
}
