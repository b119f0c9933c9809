/**
 * Where a webhook may go (SSRF guard): only http(s) URLs without credentials whose host resolves
 * to public addresses only, unless WEBHOOKS_ALLOW_PRIVATE is set. Checked when an endpoint is
 * registered and again before every delivery; the delivery then connects to exactly the addresses
 * checked here (see post-webhook.ts), so a DNS answer that changes in between cannot redirect it.
 */
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

import { AppError } from '../domain/errors.js';
import { isPublicAddress } from '../domain/public-address.js';

export interface WebhookTarget {
  url: URL;
  addresses: { address: string; family: number }[];
}

/** Why a URL is refused; the public part of the WEBHOOK_URL_REFUSED refusal. */
export type WebhookUrlRefusal = 'scheme' | 'credentials' | 'unresolvable' | 'private_address';

function refuse(reason: WebhookUrlRefusal, host: string): AppError {
  return new AppError('WEBHOOK_URL_REFUSED', { reason, host });
}

export async function resolveWebhookTarget(raw: string, allowPrivate: boolean): Promise<WebhookTarget> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw refuse('scheme', '');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw refuse('scheme', url.hostname);
  if (url.username || url.password) throw refuse('credentials', url.hostname);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: WebhookTarget['addresses'];
  if (isIP(host)) addresses = [{ address: host, family: isIP(host) }];
  else {
    try {
      addresses = await lookup(host, { all: true, verbatim: true });
    } catch {
      throw refuse('unresolvable', host);
    }
  }
  if (addresses.length === 0) throw refuse('unresolvable', host);
  // Every address must pass: a host with one public and one private address could be steered.
  if (!allowPrivate && addresses.some((a) => !isPublicAddress(a.address)))
    throw refuse('private_address', host);
  return { url, addresses };
}
