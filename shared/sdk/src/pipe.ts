/**
 * `pipe()`: classify a stream of keyed inputs, `batchSize` rows per request and `concurrency`
 * requests in flight, yielding each key's result as its chunk completes (or in input order with
 * `ordered`). Memory stays bounded: the source is read only as fast as results are taken.
 */
import { chunkPipe } from './chunk-pipe.js';
import { classifyChunk } from './classify-chunk.js';
import { runContext } from './context.js';
import type { KeyedResult, PipeItem, PipeOptions } from './types.js';

function keyOf(item: PipeItem): { key: string; input: unknown } {
  if (Array.isArray(item)) return { key: String(item[0]), input: item[1] };
  const { key, input } = item as { key: unknown; input: unknown };
  return { key: String(key), input };
}

/**
 * Classifies every item of `source` and yields `{key, ...result}` once per item: keys are the
 * caller's and may repeat, as they never travel on the wire. Breaking out of the loop aborts the
 * chunks in flight and closes the source.
 *
 * @example
 * for await (const r of pipe(urls.map((u) => ({ key: u, input: u })), { concurrency: 8 })) console.log(r);
 * @throws BAD_REQUEST for invalid options; the signal's reason on abort; the source's error
 */
export async function* pipe(
  source: Iterable<PipeItem> | AsyncIterable<PipeItem>,
  options: PipeOptions = {},
): AsyncGenerator<KeyedResult, void, undefined> {
  const ctx = runContext(options);
  yield* chunkPipe(
    source,
    async (chunk, signal) => {
      const items = chunk.map(keyOf);
      const results = await classifyChunk(
        items.map((i) => i.input),
        ctx,
        signal,
      );
      return results.map((r, i) => ({ key: (items[i] as { key: string }).key, ...r }));
    },
    {
      batchSize: options.batchSize ?? 64,
      concurrency: options.concurrency ?? 4,
      ordered: options.ordered ?? false,
      maxWaitMs: options.maxWaitMs ?? 50,
      signal: options.signal,
    },
  );
}
