/**
 * GET /api/docs: the OpenAPI document as one readable HTML page, rendered on the server from the
 * same document `/api/v1/openapi.json` serves. No script and no CDN assets: it works offline and
 * behind strict CSP, and it can never drift from the routes.
 */
import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

import { WEBHOOK_EVENT_TYPES } from '../domain/webhook-events.js';

export const API_TAGS = [
  { name: 'Orders', description: 'Place orders and read them back.' },
  {
    name: 'Subscriptions',
    description: 'Subscription lines: list, detail, resend the provisioning e-mail, change contact, cancel.',
  },
  { name: 'Offers', description: 'The offer catalogue: codes, names, policy periods, retired offers.' },
  {
    name: 'Tokens',
    description: 'Personal API tokens: create (shown once), list, roll with a grace period, revoke.',
  },
  {
    name: 'Users',
    description: "An organization's users and invitations; administrators act inside their own organization.",
  },
  { name: 'Organizations', description: 'Partners and distributors (operators only).' },
  {
    name: 'Support',
    description:
      'Support cases: open one about an order, read its thread, reply (agents and requesters), with screenshots.',
  },
  { name: 'Mail provider', description: 'Delivery reports sent by the mail provider.' },
  {
    name: 'Webhooks',
    description: `Endpoints receiving ${WEBHOOK_EVENT_TYPES.join(', ')} (each described under \`webhooks\`). Signature: \`Onramp-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + raw body)>\`, with \`Onramp-Event\` and \`Onramp-Delivery\` (stable across retries).`,
  },
];

type Json = Record<string, unknown>;

interface Operation {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  security?: Record<string, string[]>[];
  parameters?: { name: string; in: string; required?: boolean; description?: string; schema?: Json }[];
  requestBody?: { content?: Record<string, { schema?: Json }> };
  responses?: Record<
    string,
    { description?: string; content?: Record<string, { schema?: Json }>; headers?: Record<string, Json> }
  >;
}

interface Document {
  info: { title: string; version: string; description?: string };
  paths?: Record<string, Record<string, Operation>>;
  /** OpenAPI 3.1: what Onramp sends to the partners' endpoints, one entry per event type. */
  webhooks?: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Json> };
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
const refName = (schema: Json | undefined) =>
  typeof schema?.['$ref'] === 'string' ? schema['$ref'].split('/').at(-1)! : null;

function schemaCell(schema: Json | undefined) {
  const name = refName(schema);
  if (name) return html`<a href="#schema-${name}">${name}</a>`;
  if (!schema) return html``;
  return html`<pre>${JSON.stringify(schema, null, 2)}</pre>`;
}

function operationSection(path: string, method: string, op: Operation) {
  const params = op.parameters ?? [];
  const body = Object.entries(op.requestBody?.content ?? {});
  const id = op.operationId ?? `${method}-${path}`;
  return html`<section class="op" id="${id}">
    <h3><span class="method ${method}">${method.toUpperCase()}</span> <code>${path}</code></h3>
    <p><strong>${op.summary ?? ''}</strong></p>
    ${op.description ? html`<p>${op.description}</p>` : ''}
    <p class="meta">
      operationId <code>${id}</code> · authentication:
      ${op.security?.length ? Object.keys(op.security[0]!).join(', ') : 'none'}
    </p>
    ${
      params.length
        ? html`<h4>Parameters</h4>
            <table>
              <tr>
                <th>name</th>
                <th>in</th>
                <th>required</th>
                <th>schema</th>
                <th>description</th>
              </tr>
              ${params.map(
                (p) =>
                  html`<tr>
                    <td><code>${p.name}</code></td>
                    <td>${p.in}</td>
                    <td>${p.required ? 'yes' : 'no'}</td>
                    <td>${schemaCell(p.schema)}</td>
                    <td>${p.description ?? ''}</td>
                  </tr>`,
              )}
            </table>`
        : ''
    }
    ${
      body.length
        ? html`<h4>Request body</h4>
            <table>
              ${body.map(
                ([type, c]) =>
                  html`<tr>
                    <td><code>${type}</code></td>
                    <td>${schemaCell(c.schema)}</td>
                  </tr>`,
              )}
            </table>`
        : ''
    }
    <h4>Responses</h4>
    <table>
      ${Object.entries(op.responses ?? {}).map(
        ([status, r]) =>
          html`<tr>
            <td><code>${status}</code></td>
            <td>${r.description ?? ''}</td>
            <td>${schemaCell(r.content?.['application/json']?.schema)}</td>
            <td>${Object.keys(r.headers ?? {}).map((h) => html`<code>${h}</code> `)}</td>
          </tr>`,
      )}
    </table>
  </section>`;
}

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:70rem;margin:0 auto;padding:1rem 2rem;color:#1b1b1b}
code,pre{font:14px ui-monospace,monospace}pre{background:#f4f4f4;padding:.5rem;overflow:auto;margin:0}
table{border-collapse:collapse;width:100%;margin:.5rem 0}td,th{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}
.op{border-top:2px solid #ddd;padding-top:.5rem;margin-top:1.5rem}.meta{color:#555;font-size:14px}
.method{display:inline-block;min-width:4rem;text-align:center;border-radius:4px;color:#fff;background:#333;font-size:14px;padding:0 .4rem}
.get{background:#1a5fb4}.post{background:#26a269}.put{background:#a05a00}.delete{background:#c01c28}`;

export function renderApiDocs(document: unknown): HtmlEscapedString | Promise<HtmlEscapedString> {
  const doc = document as Document;
  const operations = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((m) => ({ path, method: m, op: item[m]! })),
  );
  const webhooks = Object.entries(doc.webhooks ?? {}).flatMap(([event, item]) =>
    METHODS.filter((m) => item[m]).map((m) => ({ event, method: m, op: item[m]! })),
  );
  const schemas = Object.entries(doc.components?.schemas ?? {});
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${doc.info.title} ${doc.info.version}</title>
        <style>
          ${raw(STYLE)}
        </style>
      </head>
      <body>
        <main>
          <h1>${doc.info.title} <small>${doc.info.version}</small></h1>
          <p>${doc.info.description ?? ''}</p>
          <p>
            Machine-readable: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1). Send
            <code>Authorization: Bearer &lt;token&gt;</code>; every POST, PUT, PATCH and DELETE that takes it
            accepts an <code>Idempotency-Key</code>. Each response lists the headers it carries.
          </p>
          <nav aria-label="Operations">
            <ul>
              ${operations.map(
                ({ path, method, op }) =>
                  html`<li>
                    <a href="#${op.operationId ?? `${method}-${path}`}">${method.toUpperCase()} ${path}</a> —
                    ${op.summary ?? ''}
                  </li>`,
              )}
            </ul>
          </nav>
          <h2>Operations</h2>
          ${operations.map(({ path, method, op }) => operationSection(path, method, op))}
          <h2>Webhooks</h2>
          <p>What Onramp sends to your endpoints: one event type each, its body and headers.</p>
          ${webhooks.map(({ event, method, op }) => operationSection(event, method, op))}
          <h2>Schemas</h2>
          ${schemas.map(
            ([name, schema]) =>
              html`<section id="schema-${name}">
                <h3>${name}</h3>
                <pre>${JSON.stringify(schema, null, 2)}</pre>
              </section>`,
          )}
        </main>
      </body>
    </html>`;
}
