/**
 * A browser without a browser, for the security tests: a cookie jar, the CSRF token of the last
 * page, and form posts as a same-origin page would send them. Runs the real web app through
 * `app.request` (no port).
 */
import type { Hono } from 'hono';

export interface Page {
  status: number;
  headers: Headers;
  html: string;
}

export class WebClient {
  readonly cookies = new Map<string, string>();
  csrf = '';

  /** `env` stands in for the Node server's bindings: `clientEnv(ip)` makes the requests come from `ip`. */
  constructor(
    private readonly app: Pick<Hono, 'request'>,
    private readonly env?: object,
  ) {}

  private keep(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const [name, ...value] = pair!.split('=');
      const expired = attrs.some((a) => /max-age=0\b/i.test(a.trim()));
      if (expired) this.cookies.delete(name!.trim());
      else this.cookies.set(name!.trim(), value.join('='));
    }
  }

  get cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async get(path: string): Promise<Page> {
    const res = await this.app.request(path, { headers: { cookie: this.cookieHeader } }, this.env);
    this.keep(res);
    const html = await res.text();
    this.csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? this.csrf;
    return { status: res.status, headers: res.headers, html };
  }

  /** A same-origin form post; `_csrf` is the page's token unless the fields say otherwise. */
  async post(path: string, fields: Record<string, string> = {}): Promise<Page> {
    const res = await this.app.request(
      path,
      {
        method: 'POST',
        headers: {
          cookie: this.cookieHeader,
          'content-type': 'application/x-www-form-urlencoded',
          'sec-fetch-site': 'same-origin',
        },
        body: new URLSearchParams({ _csrf: this.csrf, ...fields }).toString(),
      },
      this.env,
    );
    this.keep(res);
    return { status: res.status, headers: res.headers, html: await res.text() };
  }

  async signIn(email: string, password: string): Promise<Page> {
    await this.get('/sign-in');
    return this.post('/sign-in', { email, password });
  }
}

/** The bindings @hono/node-server would pass for a request from `ip` (what `getConnInfo` reads). */
export function clientEnv(ip: string): object {
  return { incoming: { socket: { remoteAddress: ip, remotePort: 40000, remoteFamily: 'IPv4' } } };
}

/** Every `<form method="post">` of a page, with whether it carries the CSRF field. */
export function postForms(html: string): { action: string; hasCsrf: boolean }[] {
  return [...html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)]
    .filter(([, attrs]) => /method="post"/i.test(attrs!))
    .map(([, attrs, body]) => ({
      action: /action="([^"]*)"/.exec(attrs!)?.[1] ?? '',
      hasCsrf: /name="_csrf" value="[A-Za-z0-9_-]{43}"/.test(body!),
    }));
}
