/**
 * TRUST_PROXY: which reverse proxies stand between clients and Onramp (see http/client-address.ts).
 * Empty = none; a whole number = that many hops; otherwise comma-separated addresses or CIDRs.
 */
import { BlockList, isIPv4, isIPv6 } from 'node:net';

import { z } from 'zod';

export type TrustProxyCidrs = BlockList;
export type TrustProxy = { hops: number } | { cidrs: TrustProxyCidrs; text: string };

/** `::ffff:192.0.2.1` is 192.0.2.1: proxies and sockets write IPv4 peers either way. */
export function plainAddress(address: string): string {
  const trimmed = address.trim().replace(/^\[(.*)\]$/, '$1');
  return /^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(trimmed) ? trimmed.slice(7) : trimmed;
}

/** TRUST_PROXY: empty = off, a whole number = hops, else comma-separated CIDRs (or addresses). */
export function parseTrustProxy(value: string | undefined): TrustProxy | null {
  const text = value?.trim() ?? '';
  if (text === '' || text === '0' || text === 'false') return null;
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops > 10) throw new Error('a hop count is at most 10');
    return { hops };
  }
  const cidrs = new BlockList();
  for (const entry of text.split(',').map((e) => e.trim())) {
    const [address = '', bits] = entry.split('/');
    const type = isIPv4(address) ? 'ipv4' : isIPv6(address) ? 'ipv6' : null;
    const max = type === 'ipv4' ? 32 : 128;
    const prefix = bits === undefined ? max : Number(bits);
    if (!type || !/^\d*$/.test(bits ?? '') || !Number.isInteger(prefix) || prefix < 0 || prefix > max)
      throw new Error(`"${entry}" is neither a hop count nor an address or CIDR (10.0.0.0/8, fd00::/8)`);
    cidrs.addSubnet(address, prefix, type);
  }
  return { cidrs, text };
}

/** The environment variable, for config.ts's schema: a bad value names TRUST_PROXY and why. */
export const trustProxyVariable = z
  .string()
  .optional()
  .transform((value, ctx) => {
    try {
      return parseTrustProxy(value);
    } catch (e) {
      ctx.addIssue({ code: 'custom', message: (e as Error).message });
      return z.NEVER;
    }
  });
