/**
 * Whether an IP address is on the public internet, for webhook URLs (SSRF): loopback, private,
 * link-local, unique-local, CGNAT, multicast, unspecified, documentation and reserved ranges are
 * not, in IPv4 and IPv6 (an IPv4-mapped IPv6 address is judged by its IPv4 address). Pure.
 */
import { BlockList, isIP } from 'node:net';

const IPV4_NOT_PUBLIC: [string, number][] = [
  ['0.0.0.0', 8], // "this network", unspecified
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // CGNAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local (cloud metadata lives here)
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
];

const IPV6_NOT_PUBLIC: [string, number][] = [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['::', 96], // IPv4-compatible (deprecated)
  ['64:ff9b:1::', 48], // local-use NAT64
  ['100::', 64], // discard
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique-local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
];

const notPublic = new BlockList();
for (const [net, prefix] of IPV4_NOT_PUBLIC) notPublic.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of IPV6_NOT_PUBLIC) notPublic.addSubnet(net, prefix, 'ipv6');

/** True for a public unicast address; false for anything else, including a non-address. */
export function isPublicAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '');
  const version = isIP(bare);
  if (version === 0) return false;
  // BlockList matches an IPv4-mapped IPv6 address (::ffff:a.b.c.d) against the IPv4 rules.
  return !notPublic.check(bare, version === 4 ? 'ipv4' : 'ipv6');
}
