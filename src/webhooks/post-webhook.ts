/**
 * One webhook HTTP POST: to the addresses `resolveWebhookTarget` checked (a pinned DNS lookup),
 * with a timeout, never following a redirect (node:http does not), keeping at most a short
 * excerpt of the response body.
 */
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';

import type { WebhookTarget } from './resolve-webhook-target.js';

export const RESPONSE_EXCERPT_BYTES = 200;

export interface WebhookResponse {
  status: number;
  /** The first bytes of the body, for the delivery log. */
  excerpt: string;
}

/** Answers every lookup with the addresses already checked: no second, unchecked DNS query. */
function pinnedLookup(addresses: WebhookTarget['addresses']): LookupFunction {
  return ((_host: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (options?.all) callback(null, addresses);
    else callback(null, addresses[0]!.address, addresses[0]!.family);
  }) as unknown as LookupFunction;
}

export function postWebhook(
  target: WebhookTarget,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
): Promise<WebhookResponse> {
  const client = target.url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      target.url,
      {
        method: 'POST',
        headers: {
          ...headers,
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(body)),
          'user-agent': 'Onramp-Webhooks/1',
        },
        lookup: pinnedLookup(target.addresses),
        timeout: timeoutMs,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const finish = () =>
          resolve({
            status: res.statusCode ?? 0,
            excerpt: Buffer.concat(chunks).subarray(0, RESPONSE_EXCERPT_BYTES).toString('utf8'),
          });
        res.on('data', (chunk: Buffer) => {
          if (size < RESPONSE_EXCERPT_BYTES) chunks.push(chunk);
          size += chunk.length;
          // Enough for the log: stop reading a large body.
          if (size >= RESPONSE_EXCERPT_BYTES) {
            finish();
            res.destroy();
          }
        });
        res.on('end', finish);
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no response within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}
