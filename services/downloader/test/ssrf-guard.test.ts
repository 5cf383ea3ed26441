import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  cidrContains,
  embeddedIpv4,
  formatIp,
  isBlockedAddress,
  parseCidr,
  parseIp,
} from '../src/core/index.js';

describe('parseIp', () => {
  it('parses IPv4 and IPv6 into integers', () => {
    assert.deepEqual(parseIp('127.0.0.1'), { family: 4, value: 0x7f000001n });
    assert.deepEqual(parseIp('::1'), { family: 6, value: 1n });
    assert.deepEqual(parseIp('[::ffff:127.0.0.1]'), { family: 6, value: 0xffff7f000001n });
    assert.deepEqual(parseIp('::ffff:7f00:1'), parseIp('::ffff:127.0.0.1'));
    assert.deepEqual(parseIp('fe80::1%eth0'), { family: 6, value: (0xfe80n << 112n) | 1n });
    assert.equal(parseIp('2001:db8:0:0:0:0:0:1')?.value, (0x20010db8n << 96n) | 1n);
    assert.equal(formatIp(parseIp('10.1.2.3')!), '10.1.2.3');
  });

  it('refuses legacy numeric IPv4 forms and malformed text', () => {
    for (const text of [
      '2130706433',
      '0x7f000001',
      '127.1',
      '0177.0.0.1',
      '256.0.0.1',
      '1.2.3',
      'a::b::c',
      '1:2:3:4:5:6:7:8:9',
      'example.com',
      '',
    ]) {
      assert.equal(parseIp(text), null, text);
    }
  });
});

describe('parseCidr', () => {
  it('parses ranges, single addresses, and clears host bits', () => {
    assert.deepEqual(parseCidr('10.0.0.0/8'), { family: 4, base: 0x0a000000n, prefix: 8 });
    assert.deepEqual(parseCidr('10.1.2.3/8'), { family: 4, base: 0x0a000000n, prefix: 8 });
    assert.deepEqual(parseCidr('192.168.1.1'), { family: 4, base: 0xc0a80101n, prefix: 32 });
    assert.deepEqual(parseCidr('fc00::/7'), { family: 6, base: 0xfcn << 120n, prefix: 7 });
    assert.equal(parseCidr('0.0.0.0/0').base, 0n);
  });

  it('throws on bad ranges', () => {
    for (const text of ['10.0.0.0/33', '::/129', 'nope/8', '10.0.0.0/-1', '10.0.0.0/']) {
      assert.throws(() => parseCidr(text), /invalid CIDR/, text);
    }
  });

  it('tests membership by family and prefix', () => {
    const range = parseCidr('172.16.0.0/12');
    assert.equal(cidrContains(range, parseIp('172.31.255.255')!), true);
    assert.equal(cidrContains(range, parseIp('172.32.0.0')!), false);
    assert.equal(cidrContains(parseCidr('::/0'), parseIp('10.0.0.1')!), false);
  });
});

describe('isBlockedAddress', () => {
  it('blocks special IPv4 ranges', () => {
    const blocked = [
      '127.0.0.1',
      '127.255.255.254',
      '10.0.0.5',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.1',
      '100.64.0.1',
      '100.127.255.255',
      '169.254.169.254',
      '224.0.0.1',
      '239.255.255.250',
      '0.0.0.0',
      '0.1.2.3',
      '255.255.255.255',
      '240.0.0.1',
      '192.0.2.1',
      '198.18.0.1',
    ];
    for (const ip of blocked) assert.equal(isBlockedAddress(ip), true, ip);
  });

  it('lets public IPv4 through, including neighbours of blocked ranges', () => {
    for (const ip of [
      '8.8.8.8',
      '1.1.1.1',
      '172.32.0.1',
      '100.128.0.1',
      '169.255.0.1',
      '11.0.0.1',
      '223.255.255.255',
    ]) {
      assert.equal(isBlockedAddress(ip), false, ip);
    }
  });

  it('blocks special IPv6 ranges and IPv6 forms that embed a blocked IPv4 address', () => {
    const blocked = [
      '::1',
      '::',
      'fc00::1',
      'fd12:3456::1',
      'fe80::1',
      'febf::1',
      'ff02::1',
      '2001:db8::1',
      '::ffff:127.0.0.1',
      '::ffff:7f00:1',
      '::ffff:a9fe:a9fe',
      '::ffff:10.0.0.5',
      '::127.0.0.1',
      '::ffff:0:192.168.0.1',
      '64:ff9b::10.0.0.5',
      '64:ff9b::7f00:1',
      '64:ff9b:1::1',
      '2002:7f00:1::1',
      '2002:a00:5::',
      '2001:0:4136:e378:8000:63bf:80ff:fffe', // Teredo client 127.0.0.1
    ];
    for (const ip of blocked) assert.equal(isBlockedAddress(ip), true, ip);
  });

  it('lets public IPv6 through, including forms embedding a public IPv4 address', () => {
    for (const ip of [
      '2606:4700:4700::1111',
      '2a00:1450:4001::200e',
      '::ffff:8.8.8.8',
      '64:ff9b::808:808',
      '2002:808:808::1',
    ]) {
      assert.equal(isBlockedAddress(ip), false, ip);
    }
    assert.deepEqual(embeddedIpv4(parseIp('::ffff:8.8.8.8')!), parseIp('8.8.8.8'));
  });

  it('fails closed on text that is not an address', () => {
    for (const ip of ['2130706433', '0x7f000001', '127.1', 'localhost', ''])
      assert.equal(isBlockedAddress(ip), true, ip);
  });

  it('opens allowlisted ranges, for mapped IPv6 forms too, and nothing else', () => {
    const allow = ['127.0.0.0/8', 'fd00::/8'];
    assert.equal(isBlockedAddress('127.0.0.1', allow), false);
    assert.equal(isBlockedAddress('127.8.9.10', allow), false);
    assert.equal(isBlockedAddress('::ffff:127.0.0.1', allow), false);
    assert.equal(isBlockedAddress('fd00::5', allow), false);
    assert.equal(isBlockedAddress('10.0.0.5', allow), true);
    assert.equal(isBlockedAddress('::1', allow), true);
    assert.equal(isBlockedAddress('169.254.169.254', ['169.254.169.254/32']), false);
    assert.equal(isBlockedAddress('169.254.169.253', ['169.254.169.254/32']), true);
  });
});

describe('WHATWG URL parsing normalises numeric hosts', () => {
  it('turns every numeric IPv4 spelling into dotted decimal', () => {
    for (const host of [
      '2130706433',
      '0x7f000001',
      '127.1',
      '0177.0.0.1',
      '0x7f.1',
      '127.0.1',
      '017700000001',
    ]) {
      assert.equal(new URL(`http://${host}/`).hostname, '127.0.0.1', host);
    }
    assert.equal(new URL('http://[::ffff:127.0.0.1]/').hostname, '[::ffff:7f00:1]');
    assert.equal(new URL('http://[0:0:0:0:0:0:0:1]/').hostname, '[::1]');
  });
});
