/** The SSRF guard's judgement of addresses: public unicast only, IPv4 and IPv6. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { isPublicAddress } from '../../src/domain/public-address.js';

describe('isPublicAddress', () => {
  it.each([
    '127.0.0.1',
    '127.255.255.254',
    '10.0.0.1',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.0.1',
    '169.254.169.254',
    '100.64.0.1',
    '100.127.255.255',
    '0.0.0.0',
    '224.0.0.251',
    '255.255.255.255',
    '192.0.2.10',
    '::',
    '::1',
    '[::1]',
    'fd12:3456::1',
    'fc00::1',
    'fe80::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:10.0.0.1',
    '::ffff:169.254.169.254',
    '2001:db8::1',
    'localhost',
    'not an address',
    '',
  ])('refuses %s', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each([
    '93.184.215.14',
    '8.8.8.8',
    '1.1.1.1',
    '172.32.0.1',
    '100.128.0.1',
    '2606:4700::1111',
    '::ffff:8.8.8.8',
  ])('accepts %s', (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });

  it('refuses every address of the private, loopback, link-local and CGNAT IPv4 blocks, also IPv4-mapped', () => {
    const blocks: [number, number, number][] = [
      [10, 0, 255],
      [127, 0, 255],
      [169, 254, 254],
      [172, 16, 31],
      [192, 168, 168],
      [100, 64, 127],
    ];
    const inBlock = fc
      .tuple(fc.constantFrom(...blocks), fc.nat(255), fc.nat(255), fc.nat(255))
      .map(([[a, lo, hi], b, c, d]) => `${a}.${lo + (b % (hi - lo + 1))}.${c}.${d}`);
    fc.assert(fc.property(inBlock, (ip) => !isPublicAddress(ip) && !isPublicAddress(`::ffff:${ip}`)));
  });
});
