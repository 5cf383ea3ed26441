import { Agent } from 'undici';
import { decodeDataUrl } from './data-url.js';
import { deadline as createDeadline, type Deadline } from '@tensorhop/protocol';
import { DownloadError, type DownloadFailure, type DownloadResult } from './errors.js';
import { classifyFailure } from './failure.js';
import { fetchImage, type FetchContext, type FetchedImage } from './fetch-loop.js';
import { createGuardedConnector } from './guarded-connector.js';
import { imageContentType } from './image-type.js';
import { HostLimiter } from './limiter.js';
import { ByteLruCache } from './lru-cache.js';
import { resolveDownloaderOptions, type DownloaderOptions } from './options.js';
import { isBlockedAddress, toCidrs } from './ssrf-guard.js';
import { parseUrl } from './target.js';

/** Counters and gauges of a downloader, for metrics and tests. */
export interface DownloaderStats {
  /** `download()` calls not yet settled. */
  inFlight: number;
  /** HTTP exchanges waiting for a concurrency slot. */
  queued: number;
  /** HTTP exchanges holding a slot. */
  active: number;
  /** HTTP exchanges started (attempts and redirect hops each count). */
  fetches: number;
  /** Sockets opened, after the SSRF check passed. */
  connects: number;
  retries: number;
  redirects: number;
  cacheHits: number;
  cacheMisses: number;
  cacheEntries: number;
  cacheBytes: number;
}

/** A downloader: fetches image URLs under the limits of its options. */
export interface Downloader {
  /**
   * Fetches one URL (http, https or data). Never rejects: every failure resolves to a result
   * with a stable code. Aborting `signal` (the request's deadline) stops the download at once.
   */
  download(url: string, signal?: AbortSignal): Promise<DownloadResult>;
  /** Closes the keep-alive connections after the exchanges in flight finish. */
  close(): Promise<void>;
  stats(): DownloaderStats;
}

type Counter = 'fetches' | 'connects' | 'retries' | 'redirects' | 'cacheHits' | 'cacheMisses';

/**
 * Creates a downloader over one keep-alive undici Agent whose connector enforces the SSRF policy.
 * @throws Error naming the option when an option is invalid
 */
export function createDownloader(options: Partial<DownloaderOptions> = {}): Downloader {
  const opts = resolveDownloaderOptions(options);
  const allow = toCidrs(opts.allow);
  const isAllowed = (address: string): boolean => !opts.blockPrivate || !isBlockedAddress(address, allow);
  const counters: Record<Counter, number> = {
    fetches: 0,
    connects: 0,
    retries: 0,
    redirects: 0,
    cacheHits: 0,
    cacheMisses: 0,
  };
  const connect = createGuardedConnector({
    connectTimeoutMs: opts.connectTimeoutMs,
    lookup: opts.lookup,
    isAllowed,
    onConnect: () => (counters.connects += 1),
  });
  const agent = new Agent({
    connect,
    connections: opts.perHostConcurrency,
    headersTimeout: opts.timeoutMs,
    bodyTimeout: opts.timeoutMs,
  });
  const limiter = new HostLimiter(opts.concurrency, opts.perHostConcurrency, opts.maxQueue);
  const cache =
    opts.cacheBytes > 0 ? new ByteLruCache<FetchedImage>(opts.cacheBytes, opts.cacheEntries) : null;
  const eventCounter = { fetch: 'fetches', retry: 'retries', redirect: 'redirects' } as const;
  let inFlight = 0;
  let closed = false;

  async function fetchHttp(url: URL, deadline: Deadline): Promise<FetchedImage> {
    const cached = cache?.get(url.href);
    if (cached !== undefined) {
      counters.cacheHits += 1;
      return cached;
    }
    if (cache !== null) counters.cacheMisses += 1;
    const ctx: FetchContext = {
      dispatcher: agent,
      limiter,
      options: opts,
      deadline,
      isAllowed,
      count: (event) => (counters[eventCounter[event]] += 1),
    };
    const image = await fetchImage(url, ctx);
    cache?.set(url.href, image);
    return image;
  }

  async function download(raw: string, signal?: AbortSignal): Promise<DownloadResult> {
    if (closed) return { ok: false, code: 'DOWNLOAD_NETWORK', message: 'downloader is closed' };
    inFlight += 1;
    const deadline = createDeadline(opts.timeoutMs, signal);
    try {
      const url = parseUrl(String(raw));
      const image =
        url.protocol === 'data:' ? fromDataUrl(url.href, opts.maxBytes) : await fetchHttp(url, deadline);
      return { ok: true, ...image };
    } catch (error) {
      return toFailure(classifyFailure(error, deadline, opts.timeoutMs));
    } finally {
      deadline.dispose();
      inFlight -= 1;
    }
  }

  return {
    download,
    async close() {
      closed = true;
      cache?.clear();
      await agent.close();
    },
    stats: () => ({
      ...counters,
      inFlight,
      queued: limiter.queued,
      active: limiter.active,
      cacheEntries: cache?.size ?? 0,
      cacheBytes: cache?.bytes ?? 0,
    }),
  };
}

/** Decodes a `data:` URL under the same byte cap and image check as a fetched body. */
function fromDataUrl(url: string, maxBytes: number): FetchedImage {
  const { bytes, mediaType } = decodeDataUrl(url, maxBytes);
  const contentType = imageContentType(bytes, mediaType);
  if (contentType === null)
    throw new DownloadError('DOWNLOAD_NOT_IMAGE', `data: URL is not an image (${mediaType})`);
  return { bytes, contentType, url };
}

function toFailure(error: DownloadError): DownloadFailure {
  return { ok: false, code: error.code, message: error.message };
}
