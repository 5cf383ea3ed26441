/** The downloader core: fetch image URLs safely. The service wraps `createDownloader`. */
export { createDownloader, type Downloader, type DownloaderStats } from './downloader.js';
export {
  DEFAULT_DOWNLOADER_OPTIONS,
  resolveDownloaderOptions,
  type DownloaderOptions,
  type LookupAddress,
  type LookupFn,
} from './options.js';

export {
  DownloadError,
  isDownloadError,
  type DownloadErrorCode,
  type DownloadFailure,
  type DownloadResult,
} from './errors.js';
export { isBlockedAddress, embeddedIpv4, toCidrs } from './ssrf-guard.js';
export { parseCidr, cidrContains, type Cidr } from './cidr.js';
export { parseIp, formatIp, type IpAddress } from './ip-address.js';
export { sniffImageType, imageContentType } from './image-type.js';
export { decodeDataUrl } from './data-url.js';
