/** The SSRF guard's judgement of addresses: public unicast only, IPv4 and IPv6. */
import { isIP } from 'node:net';

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { isPublicAddress, SPECIAL_PURPOSE_BLOCKS } from '../../src/domain/public-address.js';

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
    '::ffff:8.8.8.8',
    '::ffff:0:8.8.8.8',
    '64:ff9b::808:808',
    '4000::1',
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
    '2a00:1450:4001:80b::200e',
    '2001:4860:4860::8888',
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

describe('isPublicAddress and the IANA special-purpose registries (issue 18)', () => {
  /** The first address of a block, and one chosen inside it by the prefix's free bits. */
  const inside = (block: string, fill: number): string => {
    const [net, bits] = block.split('/') as [string, string];
    const prefix = Number(bits);
    if (isIP(net) === 4) {
      const base = net.split('.').reduce((n, o) => n * 256 + Number(o), 0);
      const host = prefix === 32 ? 0 : fill % 2 ** (32 - prefix);
      const n = base + host;
      return [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');
    }
    // IPv6: set the last 16 bits (all blocks here are /128 or wider than /112).
    const groups = expandV6(net);
    if (prefix <= 112) groups[7] = fill % 0x10000;
    return groups.map((g) => g.toString(16)).join(':');
  };
  const expandV6 = (a: string): number[] => {
    const [head, tail = ''] = a.split('::') as [string, string?];
    const h = head ? head.split(':') : [];
    const t = tail ? tail.split(':') : [];
    const zeros = a.includes('::') ? Array<string>(8 - h.length - t.length).fill('0') : [];
    return [...h, ...zeros, ...t].map((g) => parseInt(g, 16));
  };

  it.each([...SPECIAL_PURPOSE_BLOCKS.ipv4, ...SPECIAL_PURPOSE_BLOCKS.ipv6])(
    'refuses every address of %s',
    (block) => {
      fc.assert(fc.property(fc.nat(), (fill) => !isPublicAddress(inside(block, fill))));
      expect(isPublicAddress(inside(block, 0))).toBe(false);
    },
  );

  it.each([
    ['NAT64 64:ff9b::/96', '64:ff9b::7f00:1'],
    ['local-use NAT64 64:ff9b:1::/48', '64:ff9b:1::a00:1'],
    ['6to4 2002::/16', '2002:7f00:1::1'],
    ['6to4 of a public IPv4', '2002:808:808::1'],
    ['Teredo 2001::/32', '2001:0:4136:e378:8000:63bf:80ff:fffe'],
    ['IPv4-mapped ::ffff:0:0/96', '::ffff:127.0.0.1'],
    ['IPv4-mapped of a public IPv4', '::ffff:1.1.1.1'],
    ['IPv4-translated ::ffff:0:0:0/96', '::ffff:0:7f00:1'],
    ['IPv4-compatible ::/96', '::127.0.0.1'],
  ])('refuses the translation or tunnelling prefix %s (%s)', (_name, address) => {
    expect(isPublicAddress(address)).toBe(false);
    expect(isPublicAddress(`[${address}]`)).toBe(false);
  });

  it('accepts public IPv4 addresses next to the special blocks', () => {
    for (const a of ['11.0.0.1', '100.63.255.255', '169.253.0.1', '192.0.1.1', '192.88.98.1', '198.20.0.1'])
      expect(isPublicAddress(a), a).toBe(true);
  });
});
