import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { buildConnector } from 'undici';
import { DownloadError } from './errors.js';
import type { LookupAddress, LookupFn } from './options.js';

/** Options of {@link createGuardedConnector}. */
export interface GuardedConnectorOptions {
  /** Limit on name resolution, and again on the TCP/TLS handshake of each address (ms). */
  connectTimeoutMs: number;
  /** Resolver. @default dns.lookup with all addresses */
  lookup?: LookupFn | undefined;
  /** The SSRF policy: may a socket be opened to this address? */
  isAllowed: (address: string) => boolean;
  /** Called once per socket actually opened (after the checks). */
  onConnect?: () => void;
}

/** The resolver used when none is injected: the OS resolver, every address, in its order. */
export const systemLookup: LookupFn = async (hostname) =>
  (await dnsLookup(hostname, { all: true, verbatim: true })) as LookupAddress[];

/**
 * An undici connector that resolves the host itself, drops every address the SSRF policy refuses
 * and only then opens a socket, to the vetted address. Because the check runs on the very address
 * connected to, DNS rebinding and redirects into private space are caught, and a refused host
 * never sees a packet. TLS still verifies the certificate against the host name (undici derives
 * the servername from the origin, not from the address we connect to).
 */
export function createGuardedConnector(options: GuardedConnectorOptions): buildConnector.connector {
  const base = buildConnector({ timeout: options.connectTimeoutMs });
  const resolve = options.lookup ?? systemLookup;
  return (connectOptions, callback) => {
    const hostname = connectOptions.hostname.replace(/^\[(.*)\]$/, '$1');
    vettedAddresses(hostname, resolve, options).then(
      (addresses) => connectFirst(addresses, connectOptions, base, options.onConnect, callback),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), null),
    );
  };
}

/** Resolves (unless already an address) and keeps the allowed addresses; throws when none is left. */
async function vettedAddresses(
  hostname: string,
  resolve: LookupFn,
  options: GuardedConnectorOptions,
): Promise<string[]> {
  const family = isIP(hostname);
  const resolved =
    family !== 0
      ? [{ address: hostname, family: family as 4 | 6 }]
      : await withTimeout(resolve(hostname), options.connectTimeoutMs, hostname);
  const allowed = resolved.map((entry) => entry.address).filter((address) => options.isAllowed(address));
  if (resolved.length === 0)
    throw Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' });
  if (allowed.length === 0) {
    throw new DownloadError('DOWNLOAD_BLOCKED', `${hostname} resolves only to blocked addresses`);
  }
  return allowed;
}

/** Tries the vetted addresses in order until one connects (a small stand-in for happy eyeballs). */
function connectFirst(
  addresses: string[],
  connectOptions: buildConnector.Options,
  base: buildConnector.connector,
  onConnect: (() => void) | undefined,
  callback: buildConnector.Callback,
): void {
  const [address, ...rest] = addresses;
  if (address === undefined) return;
  onConnect?.();
  // undici derives TLS servername and the Host header from `host`, so only `hostname` changes.
  base({ ...connectOptions, hostname: address }, (error, socket) => {
    if (error === null) callback(null, socket);
    else if (rest.length > 0 && error.name !== 'ConnectTimeoutError') {
      connectFirst(rest, connectOptions, base, onConnect, callback);
    } else callback(error, null);
  });
}

async function withTimeout<T>(promise: Promise<T>, ms: number, hostname: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new DownloadError('DOWNLOAD_TIMEOUT', `resolving ${hostname} took over ${ms} ms`)),
      ms,
    );
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
