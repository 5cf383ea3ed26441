import { ADDRESS_BITS, parseIp, type IpAddress } from './ip-address.js';

/** An address range such as `10.0.0.0/8` or `fc00::/7`. */
export interface Cidr {
  family: 4 | 6;
  /** First address of the range (host bits cleared). */
  base: bigint;
  /** Prefix length in bits. */
  prefix: number;
}

/**
 * Parses `address/prefix`; a bare address is a single-address range (/32 or /128).
 * Host bits below the prefix are cleared, so `10.1.2.3/8` means `10.0.0.0/8`.
 * @throws Error naming the bad text when it is not a range
 */
export function parseCidr(text: string): Cidr {
  const trimmed = text.trim();
  const slash = trimmed.lastIndexOf('/');
  const addressText = slash === -1 ? trimmed : trimmed.slice(0, slash);
  const ip = parseIp(addressText);
  if (ip === null) throw new Error(`invalid CIDR "${text}": bad address`);
  const bits = ADDRESS_BITS[ip.family];
  const prefixText = slash === -1 ? String(bits) : trimmed.slice(slash + 1);
  if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > bits) {
    throw new Error(`invalid CIDR "${text}": prefix must be 0..${bits}`);
  }
  const prefix = Number(prefixText);
  return { family: ip.family, base: ip.value & prefixMask(ip.family, prefix), prefix };
}

/** True when `ip` lies inside `range` (families must match). */
export function cidrContains(range: Cidr, ip: IpAddress): boolean {
  return range.family === ip.family && (ip.value & prefixMask(ip.family, range.prefix)) === range.base;
}

/** True when any of the ranges contains `ip`. */
export function anyContains(ranges: readonly Cidr[], ip: IpAddress): boolean {
  return ranges.some((range) => cidrContains(range, ip));
}

function prefixMask(family: 4 | 6, prefix: number): bigint {
  const bits = BigInt(ADDRESS_BITS[family]);
  const all = (1n << bits) - 1n;
  return (all >> (bits - BigInt(prefix))) << (bits - BigInt(prefix));
}
