/**
 * One attempt at a set of rows in a sequencing mode: the calls it takes, and every row settled.
 * The mode changes who carries the bytes, never the outcome:
 *
 * - client: the SDK calls downloader → preprocessor (with the model's hint) → model, each EXACT
 *   with `next=[]`, carrying images and tensors itself;
 * - hybrid: one call to the downloader with `next=[preprocessor, model]` EXACT;
 * - server: one call to the downloader with `next=[preprocessor]` DEFAULT, so that the
 *   preprocessor's own default successor (the model) runs. The local stack gives the downloader
 *   no default successor, so this is how "the chain forwards" is asked for; the chain then picks
 *   the model and its top-k.
 *
 * Image bytes skip the downloader: the same plans start at the preprocessor.
 */
import { buildInferRequest, inferRaw, type CallOptions, type RawReply } from './client-core.js';
import type { Hop, RouteMode, Tensor } from '@tensorhop/protocol';
import { classifyRows } from './model-rows.js';
import { RowBook, replyFailure, thrownFailure, type RowOutcome } from './row-book.js';
import type { Endpoints, Mode } from './types.js';

export interface ChainContext {
  mode: Mode;
  endpoints: Endpoints;
  /** The model hop's config: `{model, top_k}` as given. */
  modelConfig: Record<string, unknown>;
  topK: number | undefined;
  call: CallOptions;
  /** The preprocessor config for client mode (read once from the model's metadata). */
  preprocessConfig(): Promise<Record<string, unknown>>;
}

interface Step {
  url: string;
  /** The stage's config, or how to get it when the step is reached (a model's hint, read late). */
  config?: Record<string, unknown> | (() => Promise<Record<string, unknown>>);
  next: (string | Hop)[];
  mode: RouteMode;
}

function plan(kind: 'url' | 'image', ctx: ChainContext): Step[] {
  const { endpoints: at, mode } = ctx;
  const model: Hop = { target: 'model', config: JSON.stringify(ctx.modelConfig) };
  if (mode === 'client') {
    const steps: Step[] = [
      // Read when the rows get there: the downloader's own row errors come first.
      { url: at.preprocessor, config: () => ctx.preprocessConfig(), next: [], mode: 'EXACT' },
      { url: at.model, config: ctx.modelConfig, next: [], mode: 'EXACT' },
    ];
    return kind === 'url' ? [{ url: at.downloader, next: [], mode: 'EXACT' }, ...steps] : steps;
  }
  if (mode === 'hybrid') {
    if (kind === 'image') return [{ url: at.preprocessor, next: [model], mode: 'EXACT' }];
    return [{ url: at.downloader, next: ['preprocessor', model], mode: 'EXACT' }];
  }
  if (kind === 'image') return [{ url: at.preprocessor, next: [], mode: 'DEFAULT' }];
  return [{ url: at.downloader, next: ['preprocessor'], mode: 'DEFAULT' }];
}

/**
 * Sends `input` (a STRING tensor of URLs or encoded images, one row per key) through the mode's
 * calls. Rows are keyed "0".."n-1" on the wire, so any caller keys (even repeated ones) are safe.
 * @throws only the signal's reason, when it aborts
 */
export async function attemptRows(
  kind: 'url' | 'image',
  input: Tensor,
  ctx: ChainContext,
): Promise<RowOutcome[]> {
  const rows = input.shape[0] ?? 0;
  const book = new RowBook(Array.from({ length: rows }, (_, i) => String(i)));
  let keys = book.keys;
  let inputs = [input];
  let inputNames: string[] = [];
  try {
    const steps = plan(kind, ctx);
    for (const [i, step] of steps.entries()) {
      const config = typeof step.config === 'function' ? await step.config() : step.config;
      const request = buildInferRequest(inputs, {
        keys: [...keys],
        inputNames,
        ...(config ? { config } : {}),
        route: { next: step.next, mode: step.mode },
      });
      const reply: RawReply = await inferRaw(step.url, request, ctx.call);
      const { response } = reply;
      book.rowErrors(response.errors, (reply.retryAfterSeconds ?? 0) * 1000);
      if (i === steps.length - 1) book.succeed(classifyRows(response, ctx.topK));
      const failure = replyFailure(reply.status, response, reply.retryAfterSeconds);
      if (failure) {
        book.fail(keys, failure);
        break;
      }
      ({ keys, outputs: inputs, outputNames: inputNames } = response);
      if (keys.length === 0) break;
    }
  } catch (error) {
    if (ctx.call.signal?.aborted) throw ctx.call.signal.reason;
    book.fail(keys, thrownFailure(error));
  }
  return book.settle();
}
