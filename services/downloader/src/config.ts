/**
 * The downloader's configuration: the service kit's, plus the fetch options the core reads from
 * `TENSORHOP_DOWNLOADER_*` (timeouts, byte cap, concurrency, SSRF allowlist, cache).
 */
import {
  ConfigError,
  DEFAULT_PORTS,
  envPrefix,
  loadConfig,
  serviceSchema,
  type ConfigOf,
  type LoadOptions,
} from '@tensorhop/kit';
import { downloaderOptionsFromEnv, resolveDownloaderOptions, type DownloaderOptions } from './core/index.js';

export const schema = serviceSchema('downloader', DEFAULT_PORTS.downloader);

export type DownloaderConfig = ConfigOf<typeof schema> & { fetch: Partial<DownloaderOptions> };

export function loadDownloaderConfig(
  options: Partial<LoadOptions<typeof schema>> & { fetch?: Partial<DownloaderOptions> } = {},
): DownloaderConfig {
  const env = options.env ?? process.env;
  const base = loadConfig(schema, { prefix: envPrefix('downloader'), ...options, env });
  let fetch: Partial<DownloaderOptions>;
  try {
    fetch = { ...downloaderOptionsFromEnv(env), ...options.fetch };
    resolveDownloaderOptions(fetch);
  } catch (error) {
    const message = (error as Error).message;
    throw new ConfigError(/^(TENSORHOP_\w+)/.exec(message)?.[1] ?? 'TENSORHOP_DOWNLOADER_*', message);
  }
  return { ...base, fetch };
}
