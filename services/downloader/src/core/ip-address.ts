/**
 * A parsed IP address. Both families are held as one unsigned integer so that range checks are
 * a mask and a compare, whatever the family.
 */
export interface IpAddress {
  family: 4 | 6;
  /** The address as an unsigned 32-bit (IPv4) or 128-bit (IPv6) integer. */
  value: bigint;
}

/** Number of bits in an address of each family. */
export const ADDRESS_BITS = { 4: 32, 6: 128 } as const;

/**
 * Parses a textual IPv4 or IPv6 address (IPv6 may be bracketed and carry a `%zone`).
 * IPv4 must be strict dotted decimal: legacy forms such as `127.1`, `0177.0.0.1` or `2130706433`
 * return null, so a caller that fails closed on null never has to guess what a resolver meant.
 * @returns the address, or null when the text is not an address
 */
export function parseIp(text: string): IpAddress | null {
  const bare = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  if (bare.includes(':')) {
    const value = parseIpv6(bare);
    return value === null ? null : { family: 6, value };
  }
  const value = parseIpv4(bare);
  return value === null ? null : { family: 4, value };
}

/** Formats an address back to text (IPv6 without zero compression; it is only for messages). */
export function formatIp(ip: IpAddress): string {
  if (ip.family === 4) {
    return [24n, 16n, 8n, 0n].map((shift) => String((ip.value >> shift) & 0xffn)).join('.');
  }
  const groups: string[] = [];
  for (let shift = 112n; shift >= 0n; shift -= 16n) groups.push(((ip.value >> shift) & 0xffffn).toString(16));
  return groups.join(':');
}

function parseIpv4(text: string): bigint | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let value = 0n;
  for (const part of parts) {
    // Leading zeros mean octal to inet_aton but decimal to others: refuse rather than pick one.
    if (!/^(0|[1-9]\d{0,2})$/.test(part)) return null;
    const octet = Number(part);
    if (octet > 255) return null;
    value = (value << 8n) | BigInt(octet);
  }
  return value;
}

function parseIpv6(text: string): bigint | null {
  const address = text.replace(/%[^%]*$/, '');
  const halves = address.split('::');
  if (halves.length > 2) return null;
  const compressed = halves.length === 2;
  const head = parseGroups(halves[0] ?? '', !compressed);
  const tail = compressed ? parseGroups(halves[1] ?? '', true) : [];
  if (head === null || tail === null) return null;
  const present = head.length + tail.length;
  if (compressed ? present > 7 : present !== 8) return null;
  const groups = [...head, ...new Array<number>(8 - present).fill(0), ...tail];
  return groups.reduce((acc, group) => (acc << 16n) | BigInt(group), 0n);
}

/** Parses colon-separated hex groups; a dotted IPv4 tail (allowed only at the end) counts as two. */
function parseGroups(text: string, ipv4TailAllowed: boolean): number[] | null {
  if (text === '') return [];
  const items = text.split(':');
  const groups: number[] = [];
  for (const [index, item] of items.entries()) {
    if (item.includes('.') && ipv4TailAllowed && index === items.length - 1) {
      const v4 = parseIpv4(item);
      if (v4 === null) return null;
      groups.push(Number(v4 >> 16n), Number(v4 & 0xffffn));
    } else if (/^[0-9a-f]{1,4}$/i.test(item)) {
      groups.push(parseInt(item, 16));
    } else {
      return null;
    }
  }
  return groups;
}
