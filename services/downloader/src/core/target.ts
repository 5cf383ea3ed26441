import { isIP } from 'node:net';
import { DownloadError } from './errors.js';

/**
 * Parses a URL the way browsers do (WHATWG), which also normalises numeric IPv4 hosts
 * (`2130706433`, `0x7f000001`, `127.1`, `0177.0.0.1` all become `127.0.0.1`).
 * @throws DownloadError DOWNLOAD_INVALID_URL when it does not parse
 */
export function parseUrl(text: string, base?: URL): URL {
  try {
    return new URL(text.trim(), base);
  } catch {
    throw new DownloadError('DOWNLOAD_INVALID_URL', 'URL does not parse');
  }
}

/**
 * Checks a URL about to be fetched (the first one and every redirect target): only http and
 * https, and a literal IP host must pass the SSRF policy. Named hosts are checked on the
 * resolved address at connect time.
 * @throws DownloadError DOWNLOAD_INVALID_URL or DOWNLOAD_BLOCKED
 */
export function checkHttpTarget(url: URL, isAllowed: (address: string) => boolean): void {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new DownloadError('DOWNLOAD_INVALID_URL', `unsupported URL scheme "${url.protocol}"`);
  }
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (isIP(host) !== 0 && !isAllowed(host)) {
    throw new DownloadError('DOWNLOAD_BLOCKED', `address ${host} is in a blocked range`);
  }
}
