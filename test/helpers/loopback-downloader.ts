/**
 * Runs the real downloader as its own process (configured from TENSORHOP_DOWNLOADER_* as usual)
 * with a resolver that never asks DNS: `localhost` is 127.0.0.1 and every other name is not found.
 * Fuzzed and chaos URLs therefore cannot send a packet anywhere but loopback, whatever bytes they
 * hold (literal public IPs are never generated; see test/fuzz/urls.ts).
 */
import { runService } from '@tensorhop/kit';
import { createServer, loadDownloaderConfig } from '@tensorhop/downloader';

const lookup = async (hostname: string) => {
  if (hostname === 'localhost') return [{ address: '127.0.0.1', family: 4 as const }];
  throw Object.assign(new Error(`no address for ${hostname} (loopback-only test resolver)`), {
    code: 'ENOTFOUND',
  });
};

await runService(() => createServer(loadDownloaderConfig({ fetch: { lookup } })));
