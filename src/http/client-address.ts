/**
 * The client's address, for rate limits and the request log. Without TRUST_PROXY it is the socket's
 * peer. Behind reverse proxies every request comes from a proxy, so all clients would share one
 * rate-limit bucket: TRUST_PROXY names the proxies to look through in X-Forwarded-For, either as a
 * hop count (the N nearest hops are ours) or as a list of CIDRs (any hop inside them is ours).
 * The client is the nearest hop that is not ours; a forged X-Forwarded-For from a client only adds
 * entries beyond it, which are never read.
 */
import { isIPv4, isIPv6 } from 'node:net';

import { getConnInfo } from '@hono/node-server/conninfo';
import type { MiddlewareHandler } from 'hono';

import { plainAddress as plain, type TrustProxy, type TrustProxyCidrs } from '../config-trust-proxy.js';

export type { TrustProxy };

declare module 'hono' {
  interface ContextVariableMap {
    /** Set by `resolveClientAddress`, first thing on every request. */
    clientAddress: string;
  }
}

function isTrusted(cidrs: TrustProxyCidrs, address: string): boolean {
  if (isIPv4(address)) return cidrs.check(address, 'ipv4');
  return isIPv6(address) && cidrs.check(address, 'ipv6');
}

/** The client's address from the socket's peer and the X-Forwarded-For header. */
export function clientAddressOf(
  peer: string | undefined,
  forwardedFor: string | undefined,
  trust: TrustProxy | null,
): string {
  const socket = plain(peer ?? '') || 'unknown';
  if (!trust || !forwardedFor) return socket;
  // Nearest first: the socket's peer, then the header's entries from right to left.
  const hops = [socket, ...forwardedFor.split(',').map(plain).filter(Boolean).reverse()];
  if ('hops' in trust) return hops[Math.min(trust.hops, hops.length - 1)]!;
  return hops.find((h) => !isTrusted(trust.cidrs, h)) ?? hops.at(-1)!;
}

/** First on every request: the client's address, for whatever counts or logs clients. */
export function resolveClientAddress(trust: TrustProxy | null): MiddlewareHandler {
  return async (c, next) => {
    let peer: string | undefined;
    try {
      peer = getConnInfo(c).remote.address;
    } catch {
      // No Node socket behind this request (app.request in tests).
    }
    c.set('clientAddress', clientAddressOf(peer, c.req.header('x-forwarded-for'), trust));
    await next();
  };
}
