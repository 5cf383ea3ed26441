import { toCidrs } from './ssrf-guard.js';

/** One resolved address, as `dns.lookup(..., { all: true })` returns them. */
export interface LookupAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a host name to its addresses; injectable so tests never touch real DNS. */
export type LookupFn = (hostname: string) => Promise<readonly LookupAddress[]>;

/** Options of {@link createDownloader}. */
export interface DownloaderOptions {
  /** Deadline for one URL, retries and redirects included (ms). @default 10000 */
  timeoutMs: number;
  /** Budget for name resolution plus TCP/TLS connect (ms). @default 3000 */
  connectTimeoutMs: number;
  /** Largest body accepted; bigger ones are cut off while streaming. @default 20 MiB */
  maxBytes: number;
  /** HTTP exchanges in flight across all hosts. @default 64 */
  concurrency: number;
  /** HTTP exchanges in flight to one host (also the keep-alive pool size per origin). @default 16 */
  perHostConcurrency: number;
  /** Downloads allowed to wait for a slot before new ones fail with OVERLOADED. @default 4096 */
  maxQueue: number;
  /** Redirects followed per URL; each target is checked again. @default 5 */
  maxRedirects: number;
  /** Extra attempts after a 429, 5xx or connection reset. @default 2 */
  retries: number;
  /** First backoff step (ms); doubles each retry, with jitter. @default 100 */
  backoffBaseMs: number;
  /** Longest backoff step (ms); Retry-After may ask for more, within the deadline. @default 2000 */
  backoffCapMs: number;
  /** CIDRs the SSRF guard lets through, e.g. `['127.0.0.0/8']`. @default [] */
  allow: string[];
  /** Refuse loopback, private, link-local, multicast and reserved targets. @default true */
  blockPrivate: boolean;
  /** Bytes of fetched images kept in an LRU cache; 0 turns the cache off. @default 0 */
  cacheBytes: number;
  /** Entries the cache holds at most. @default 1024 */
  cacheEntries: number;
  /** Name resolver. @default dns.lookup with all addresses */
  lookup?: LookupFn;
  /** User-Agent header sent with every request. @default 'tensorhop-downloader/0.1' */
  userAgent: string;
}

/** Defaults of every option but `lookup`. */
export const DEFAULT_DOWNLOADER_OPTIONS: Readonly<Omit<DownloaderOptions, 'lookup'>> = Object.freeze({
  timeoutMs: 10_000,
  connectTimeoutMs: 3_000,
  maxBytes: 20 * 1024 * 1024,
  concurrency: 64,
  perHostConcurrency: 16,
  maxQueue: 4096,
  maxRedirects: 5,
  retries: 2,
  backoffBaseMs: 100,
  backoffCapMs: 2_000,
  allow: [],
  blockPrivate: true,
  cacheBytes: 0,
  cacheEntries: 1024,
  userAgent: 'tensorhop-downloader/0.1',
});

const POSITIVE = [
  'timeoutMs',
  'connectTimeoutMs',
  'maxBytes',
  'concurrency',
  'perHostConcurrency',
  'maxQueue',
] as const;
const NON_NEGATIVE = [
  'maxRedirects',
  'retries',
  'backoffBaseMs',
  'backoffCapMs',
  'cacheBytes',
  'cacheEntries',
] as const;

/**
 * Merges options over the defaults and validates them.
 * @throws Error naming the option when a value is out of range or a CIDR does not parse
 */
export function resolveDownloaderOptions(options: Partial<DownloaderOptions> = {}): DownloaderOptions {
  const merged: DownloaderOptions = {
    ...DEFAULT_DOWNLOADER_OPTIONS,
    ...options,
    allow: [...(options.allow ?? [])],
  };
  for (const key of POSITIVE) {
    if (!Number.isInteger(merged[key]) || merged[key] <= 0)
      throw new Error(`${key} must be a positive integer`);
  }
  for (const key of NON_NEGATIVE) {
    if (!Number.isInteger(merged[key]) || merged[key] < 0) throw new Error(`${key} must be an integer >= 0`);
  }
  try {
    toCidrs(merged.allow);
  } catch (error) {
    throw new Error(`allow: ${(error as Error).message}`, { cause: error });
  }
  return merged;
}
