/**
 * Whether an IP address is on the public internet, for webhook URLs (SSRF). Refused: every block
 * of the IANA IPv4 and IPv6 Special-Purpose Address Registries (as of 2025), multicast, and every
 * IPv6 address outside global unicast 2000::/3. That includes the translation and tunnelling
 * prefixes (NAT64, 6to4, Teredo, IPv4-mapped and IPv4-translated) whose embedded IPv4 address a
 * gateway or the local stack may reach: a webhook receiver has a plain IPv4 or IPv6 address.
 * Blocks the registry marks "globally reachable" (anycast services, AS112, AMT) are refused too:
 * no webhook receiver lives there. Pure.
 */
import { BlockList, isIP } from 'node:net';

/** IANA IPv4 Special-Purpose Address Registry, plus multicast (its own registry). */
const IPV4_SPECIAL: [string, number][] = [
  ['0.0.0.0', 8], // "this network", unspecified (RFC 791)
  ['10.0.0.0', 8], // private (RFC 1918)
  ['100.64.0.0', 10], // shared address space, CGNAT (RFC 6598)
  ['127.0.0.0', 8], // loopback (RFC 1122)
  ['169.254.0.0', 16], // link-local, cloud metadata (RFC 3927)
  ['172.16.0.0', 12], // private (RFC 1918)
  ['192.0.0.0', 24], // IETF protocol assignments: DS-Lite, NAT64 discovery, anycast (RFC 6890)
  ['192.0.2.0', 24], // documentation TEST-NET-1 (RFC 5737)
  ['192.31.196.0', 24], // AS112-v4 (RFC 7535)
  ['192.52.193.0', 24], // AMT (RFC 7450)
  ['192.88.99.0', 24], // deprecated 6to4 relay anycast (RFC 7526)
  ['192.168.0.0', 16], // private (RFC 1918)
  ['192.175.48.0', 24], // direct delegation AS112 (RFC 7534)
  ['198.18.0.0', 15], // benchmarking (RFC 2544)
  ['198.51.100.0', 24], // documentation TEST-NET-2 (RFC 5737)
  ['203.0.113.0', 24], // documentation TEST-NET-3 (RFC 5737)
  ['224.0.0.0', 4], // multicast (RFC 5771)
  ['240.0.0.0', 4], // reserved, and 255.255.255.255 limited broadcast (RFC 1112, RFC 919)
];

/** IANA IPv6 Special-Purpose Address Registry, plus the deprecated and multicast blocks. */
const IPV6_SPECIAL: [string, number][] = [
  ['::', 128], // unspecified (RFC 4291)
  ['::1', 128], // loopback (RFC 4291)
  ['::', 96], // IPv4-compatible, deprecated (RFC 4291)
  ['::ffff:0:0', 96], // IPv4-mapped (RFC 4291)
  ['::ffff:0:0:0', 96], // IPv4-translated, SIIT (RFC 2765)
  ['64:ff9b::', 96], // NAT64 well-known prefix (RFC 6052)
  ['64:ff9b:1::', 48], // local-use NAT64 (RFC 8215)
  ['100::', 64], // discard-only (RFC 6666)
  ['100:0:0:1::', 64], // dummy prefix (RFC 9780)
  ['2001::', 23], // IETF protocol assignments (RFC 2928), with:
  ['2001::', 32], //   Teredo (RFC 4380)
  ['2001:2::', 48], //   benchmarking (RFC 5180)
  ['2001:3::', 32], //   AMT (RFC 7450)
  ['2001:4:112::', 48], //   AS112-v6 (RFC 7535)
  ['2001:10::', 28], //   ORCHID, deprecated (RFC 4843)
  ['2001:20::', 28], //   ORCHIDv2 (RFC 7343)
  ['2001:30::', 28], //   drone remote ID (RFC 9374)
  ['2001:db8::', 32], // documentation (RFC 3849)
  ['2002::', 16], // 6to4 (RFC 3056)
  ['2620:4f:8000::', 48], // direct delegation AS112 (RFC 7534)
  ['3fff::', 20], // documentation (RFC 9637)
  ['5f00::', 16], // segment routing SIDs (RFC 9602)
  ['fc00::', 7], // unique-local (RFC 4193)
  ['fe80::', 10], // link-local (RFC 4291)
  ['fec0::', 10], // site-local, deprecated (RFC 3879)
  ['ff00::', 8], // multicast (RFC 4291)
];

/** Every block refused, for the tests and the docs. */
export const SPECIAL_PURPOSE_BLOCKS = {
  ipv4: IPV4_SPECIAL.map(([net, prefix]) => `${net}/${prefix}`),
  ipv6: IPV6_SPECIAL.map(([net, prefix]) => `${net}/${prefix}`),
};

// Two lists, not one: a BlockList judges an IPv4 address against its IPv4-mapped IPv6 form too,
// so ::ffff:0:0/96 in a shared list would refuse every IPv4 address.
const ipv4Special = new BlockList();
for (const [net, prefix] of IPV4_SPECIAL) ipv4Special.addSubnet(net, prefix, 'ipv4');
const ipv6Special = new BlockList();
for (const [net, prefix] of IPV6_SPECIAL) ipv6Special.addSubnet(net, prefix, 'ipv6');
// IANA has allocated only 2000::/3 for global unicast; the rest is reserved and reaches no one.
const ipv6GlobalUnicast = new BlockList();
ipv6GlobalUnicast.addSubnet('2000::', 3, 'ipv6');

/** True for a public unicast address; false for anything else, including a non-address. */
export function isPublicAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '');
  const version = isIP(bare);
  if (version === 4) return !ipv4Special.check(bare, 'ipv4');
  if (version === 6) return ipv6GlobalUnicast.check(bare, 'ipv6') && !ipv6Special.check(bare, 'ipv6');
  return false;
}
