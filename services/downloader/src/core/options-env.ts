import { parseCidr } from './cidr.js';
import type { DownloaderOptions } from './options.js';

const PREFIX = 'TENSORHOP_DOWNLOADER_';

/** Integer options and the variable (after the prefix) each is read from. */
const INTEGER_VARS = {
  timeoutMs: 'TIMEOUT_MS',
  connectTimeoutMs: 'CONNECT_TIMEOUT_MS',
  maxBytes: 'MAX_BYTES',
  concurrency: 'CONCURRENCY',
  perHostConcurrency: 'PER_HOST_CONCURRENCY',
  maxQueue: 'MAX_QUEUE',
  maxRedirects: 'MAX_REDIRECTS',
  retries: 'RETRIES',
  backoffBaseMs: 'BACKOFF_BASE_MS',
  backoffCapMs: 'BACKOFF_CAP_MS',
  cacheBytes: 'CACHE_BYTES',
  cacheEntries: 'CACHE_ENTRIES',
} as const satisfies Partial<Record<keyof DownloaderOptions, string>>;

/**
 * Reads downloader options from `TENSORHOP_DOWNLOADER_*` variables; unset ones are left out so
 * defaults (or explicit values merged on top) apply. `TENSORHOP_DOWNLOADER_ALLOW` is a comma
 * separated list of CIDRs, `TENSORHOP_DOWNLOADER_BLOCK_PRIVATE` is `true` or `false`.
 * @throws Error naming the variable when a value is malformed
 */
export function downloaderOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): Partial<DownloaderOptions> {
  const options: Partial<DownloaderOptions> = {};
  for (const [key, suffix] of Object.entries(INTEGER_VARS) as [keyof typeof INTEGER_VARS, string][]) {
    const text = env[PREFIX + suffix]?.trim();
    if (text === undefined || text === '') continue;
    if (!/^\d+$/.test(text))
      throw new Error(`${PREFIX + suffix} must be a non-negative integer, got "${text}"`);
    options[key] = Number(text);
  }
  const allow = env[`${PREFIX}ALLOW`];
  if (allow !== undefined && allow.trim() !== '') {
    options.allow = allow
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== '');
    for (const entry of options.allow) {
      try {
        parseCidr(entry);
      } catch (error) {
        throw new Error(`${PREFIX}ALLOW: ${(error as Error).message}`, { cause: error });
      }
    }
  }
  const block = env[`${PREFIX}BLOCK_PRIVATE`]?.trim().toLowerCase();
  if (block !== undefined && block !== '') {
    if (block !== 'true' && block !== 'false')
      throw new Error(`${PREFIX}BLOCK_PRIVATE must be true or false`);
    options.blockPrivate = block === 'true';
  }
  const userAgent = env[`${PREFIX}USER_AGENT`];
  if (userAgent !== undefined && userAgent !== '') options.userAgent = userAgent;
  return options;
}
