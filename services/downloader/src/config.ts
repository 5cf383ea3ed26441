/**
 * The downloader's configuration: the service kit's fields plus the fetch options, all read by the
 * kit's one typed reader from `TENSORHOP_DOWNLOADER_*`, so a bad value stops the service with one
 * line naming its variable. Defaults come from the core's DEFAULT_DOWNLOADER_OPTIONS.
 */
import {
  DEFAULT_PORTS,
  envPrefix,
  loadConfig,
  serviceSchema,
  type ConfigOf,
  type LoadOptions,
} from '@tensorhop/kit';
import { DEFAULT_DOWNLOADER_OPTIONS as D, toCidrs, type DownloaderOptions } from './core/index.js';

const cidrs = (list: string[]): string | undefined => {
  try {
    toCidrs(list);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
};

export const schema = {
  ...serviceSchema('downloader', DEFAULT_PORTS.downloader),
  timeoutMs: {
    type: 'int',
    default: D.timeoutMs,
    min: 1,
    doc: 'deadline of one URL, retries and redirects included',
  },
  connectTimeoutMs: {
    type: 'int',
    default: D.connectTimeoutMs,
    min: 1,
    doc: 'DNS plus TCP/TLS connect budget',
  },
  maxBytes: { type: 'int', default: D.maxBytes, min: 1, doc: 'largest download (DOWNLOAD_TOO_LARGE)' },
  concurrency: { type: 'int', default: D.concurrency, min: 1, doc: 'HTTP exchanges in flight, all hosts' },
  perHostConcurrency: {
    type: 'int',
    default: D.perHostConcurrency,
    min: 1,
    doc: 'exchanges in flight to one host',
  },
  maxQueue: {
    type: 'int',
    default: D.maxQueue,
    min: 1,
    doc: 'downloads waiting for a slot before OVERLOADED',
  },
  maxRedirects: { type: 'int', default: D.maxRedirects, min: 0, doc: 'redirects followed, each re-checked' },
  retries: { type: 'int', default: D.retries, min: 0, doc: 'retries on 429, 5xx and resets' },
  backoffBaseMs: { type: 'int', default: D.backoffBaseMs, min: 0, doc: 'first backoff step' },
  backoffCapMs: { type: 'int', default: D.backoffCapMs, min: 0, doc: 'longest backoff step' },
  allow: {
    type: 'list',
    default: D.allow,
    check: cidrs,
    doc: 'CIDRs the SSRF guard lets through, e.g. 127.0.0.0/8 for local tests',
  },
  blockPrivate: {
    type: 'bool',
    default: D.blockPrivate,
    doc: 'refuse loopback, private, link-local targets',
  },
  cacheBytes: { type: 'int', default: D.cacheBytes, min: 0, doc: 'LRU cache of fetched images (0 = off)' },
  cacheEntries: { type: 'int', default: D.cacheEntries, min: 0, doc: 'entries the cache holds at most' },
  userAgent: { type: 'string', default: D.userAgent, doc: 'User-Agent of every download' },
} as const;

export type DownloaderConfig = ConfigOf<typeof schema> & {
  /** The core's options: the fields above, plus what only code can give (a test's resolver). */
  fetch: Partial<DownloaderOptions>;
};

const FETCH_KEYS = Object.keys(D) as (keyof typeof D)[];

export function loadDownloaderConfig(
  options: Partial<LoadOptions<typeof schema>> & { fetch?: Partial<DownloaderOptions> } = {},
): DownloaderConfig {
  const { fetch: extra, ...load } = options;
  // Explicit fetch options win like any explicit value, and are checked by the same reader.
  const explicit = { ...load.explicit, ...pickFetch(extra ?? {}) } as Partial<ConfigOf<typeof schema>>;
  const config = loadConfig(schema, { prefix: envPrefix('downloader'), ...load, explicit });
  const fetch: Partial<DownloaderOptions> = {
    ...pickFetch(config),
    ...(extra?.lookup ? { lookup: extra.lookup } : {}),
  };
  return { ...config, fetch };
}

function pickFetch(source: Partial<Record<string, unknown>>): Partial<DownloaderOptions> {
  const out: Record<string, unknown> = {};
  for (const key of FETCH_KEYS) if (source[key] !== undefined) out[key] = source[key];
  return out as Partial<DownloaderOptions>;
}
