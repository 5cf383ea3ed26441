import { anyContains, cidrContains, parseCidr, type Cidr } from './cidr.js';
import { parseIp, type IpAddress } from './ip-address.js';

/** IPv4 ranges that are never a public image host (IANA special-purpose registry). */
const BLOCKED_V4: readonly Cidr[] = [
  '0.0.0.0/8', // "this network", unspecified
  '10.0.0.0/8', // RFC1918
  '100.64.0.0/10', // CGNAT
  '127.0.0.0/8', // loopback
  '169.254.0.0/16', // link-local, cloud metadata (169.254.169.254)
  '172.16.0.0/12', // RFC1918
  '192.0.0.0/24', // IETF protocol assignments
  '192.0.2.0/24', // TEST-NET-1
  '192.88.99.0/24', // 6to4 relay anycast
  '192.168.0.0/16', // RFC1918
  '198.18.0.0/15', // benchmarking
  '198.51.100.0/24', // TEST-NET-2
  '203.0.113.0/24', // TEST-NET-3
  '224.0.0.0/4', // multicast
  '240.0.0.0/4', // reserved, includes broadcast 255.255.255.255
].map(parseCidr);

/** IPv6 ranges blocked outright, before looking for an embedded IPv4 address. */
const BLOCKED_V6: readonly Cidr[] = [
  '::/128', // unspecified
  '::1/128', // loopback
  '64:ff9b:1::/48', // local-use NAT64
  '100::/64', // discard-only
  '2001:db8::/32', // documentation
  'fc00::/7', // unique local
  'fe80::/10', // link-local
  'fec0::/10', // deprecated site-local, still routed by some stacks
  'ff00::/8', // multicast
].map(parseCidr);

/**
 * IPv6 ranges that carry an IPv4 address; the packet may end up at that IPv4 host, so it is
 * judged as that host. `extract` pulls the 32-bit address out.
 */
const EMBEDDING: ReadonlyArray<{ range: Cidr; extract: (value: bigint) => bigint }> = [
  { range: parseCidr('::ffff:0:0/96'), extract: low32 }, // IPv4-mapped
  { range: parseCidr('::/96'), extract: low32 }, // IPv4-compatible (deprecated)
  { range: parseCidr('::ffff:0:0:0/96'), extract: low32 }, // SIIT IPv4-translated
  { range: parseCidr('64:ff9b::/96'), extract: low32 }, // NAT64 well-known prefix
  { range: parseCidr('2002::/16'), extract: (value) => (value >> 80n) & 0xffffffffn }, // 6to4
  { range: parseCidr('2001::/32'), extract: (value) => ~value & 0xffffffffn }, // Teredo client (inverted)
];

function low32(value: bigint): bigint {
  return value & 0xffffffffn;
}

/** The IPv4 address an IPv6 address embeds (mapped, compatible, NAT64, 6to4, Teredo), if any. */
export function embeddedIpv4(ip: IpAddress): IpAddress | null {
  if (ip.family !== 6) return null;
  const match = EMBEDDING.find((entry) => cidrContains(entry.range, ip));
  return match === undefined ? null : { family: 4, value: match.extract(ip.value) };
}

/** Parses allowlist entries once; strings are CIDRs or bare addresses. */
export function toCidrs(allow: readonly (Cidr | string)[]): Cidr[] {
  return allow.map((entry) => (typeof entry === 'string' ? parseCidr(entry) : entry));
}

/**
 * Decides whether the downloader may connect to `ip`. Blocked: loopback, private, CGNAT,
 * link-local, multicast, unspecified, reserved and documentation ranges of both families, and
 * IPv6 forms embedding such an IPv4 address. An address inside an `allow` range is never blocked
 * (an embedded IPv4 address is checked against IPv4 allow ranges). Text that is not an address is
 * blocked: the guard fails closed.
 */
export function isBlockedAddress(ip: string | IpAddress, allow: readonly (Cidr | string)[] = []): boolean {
  const address = typeof ip === 'string' ? parseIp(ip) : ip;
  if (address === null) return true;
  const allowed = toCidrs(allow);
  if (anyContains(allowed, address)) return false;
  if (address.family === 4) return anyContains(BLOCKED_V4, address);
  if (anyContains(BLOCKED_V6, address)) return true;
  const v4 = embeddedIpv4(address);
  if (v4 === null) return false;
  return !anyContains(allowed, v4) && anyContains(BLOCKED_V4, v4);
}
