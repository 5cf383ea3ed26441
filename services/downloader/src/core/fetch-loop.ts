import type { Dispatcher } from 'undici';
import { backoffDelay } from './backoff.js';
import { sleep, type Deadline } from '@tensorhop/protocol';
import { DownloadError } from './errors.js';
import { classifyFailure } from './failure.js';
import { exchange, type ExchangeOutcome } from './http-exchange.js';
import { imageContentType } from './image-type.js';
import type { HostLimiter } from './limiter.js';
import type { DownloaderOptions } from './options.js';
import { checkHttpTarget, parseUrl } from './target.js';

/** An image fetched over HTTP(S). */
export interface FetchedImage {
  bytes: Buffer;
  contentType: string;
  /** URL the bytes came from, after redirects. */
  url: string;
}

/** Everything one fetch needs from its downloader. */
export interface FetchContext {
  dispatcher: Dispatcher;
  limiter: HostLimiter;
  options: DownloaderOptions;
  deadline: Deadline;
  isAllowed: (address: string) => boolean;
  /** Counts one HTTP exchange started, one retry, one redirect followed. */
  count: (event: 'fetch' | 'retry' | 'redirect') => void;
}

/**
 * Fetches an http(s) URL: follows at most `maxRedirects` redirects, re-checking every target;
 * retries 429, 5xx and connection resets with capped, jittered backoff (or the server's
 * Retry-After) while the deadline leaves room; and accepts the body only if it is an image.
 * @throws DownloadError with a stable code
 */
export async function fetchImage(start: URL, ctx: FetchContext): Promise<FetchedImage> {
  const { options, deadline } = ctx;
  let url = start;
  let redirects = 0;
  let attempt = 0;
  for (;;) {
    checkHttpTarget(url, ctx.isAllowed);
    let outcome: ExchangeOutcome;
    try {
      outcome = await exchangeWithSlot(url, ctx);
    } catch (error) {
      const failure = classifyFailure(error, deadline, options.timeoutMs);
      const delay =
        failure.retryAfterMs ?? backoffDelay(attempt, options.backoffBaseMs, options.backoffCapMs);
      // A wait that would end past the deadline is pointless: report the real failure now.
      if (!failure.retryable || attempt >= options.retries || delay >= deadline.remaining()) throw failure;
      attempt += 1;
      ctx.count('retry');
      await sleep(delay, deadline.signal).catch((error: unknown) => {
        throw classifyFailure(error, deadline, options.timeoutMs);
      });
      continue;
    }
    if (outcome.kind === 'redirect') {
      redirects += 1;
      if (redirects > options.maxRedirects) {
        throw new DownloadError('DOWNLOAD_HTTP_STATUS', `too many redirects (over ${options.maxRedirects})`);
      }
      ctx.count('redirect');
      url = parseUrl(outcome.location, url);
      continue;
    }
    const contentType = imageContentType(outcome.bytes, outcome.contentType);
    if (contentType === null) {
      throw new DownloadError(
        'DOWNLOAD_NOT_IMAGE',
        `body is not an image (${outcome.contentType ?? 'no type'})`,
      );
    }
    return { bytes: outcome.bytes, contentType, url: url.href };
  }
}

/** One exchange under the global and per-host limits; slots are returned before any backoff. */
async function exchangeWithSlot(url: URL, ctx: FetchContext): Promise<ExchangeOutcome> {
  const release = await ctx.limiter.acquire(url.host, ctx.deadline.signal);
  try {
    ctx.count('fetch');
    return await exchange(ctx.dispatcher, url, {
      maxBytes: ctx.options.maxBytes,
      userAgent: ctx.options.userAgent,
      signal: ctx.deadline.signal,
    });
  } finally {
    release();
  }
}
