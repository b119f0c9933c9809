/**
 * Small helpers every workspace page shares: the sign-in guard, safe "back" paths with their
 * one-shot notices (Post/Redirect/Get), and dates in the reader's language.
 */
import type { Context } from 'hono';

import { AppError } from '../../domain/errors.js';
import { type Actor, INTL_LOCALES, type Language } from '../../domain/types.js';
import type { WebEnv } from '../web-env.js';

export type WebContext = Context<WebEnv>;
/** A rendered page; pages with async parts render asynchronously. */
export type PageResponse = Response | Promise<Response>;

/** A path parameter the route pattern guarantees. */
export function paramOf(c: WebContext, name: string): string {
  const value = c.req.param(name);
  if (!value) throw new AppError('NOT_FOUND');
  return value;
}

/** Signed out: off to sign-in, coming back to `next` (the current page by default). */
export function toSignIn(c: WebContext, next?: string): Response {
  const url = new URL(c.req.url);
  const target = next ?? (c.req.method === 'GET' ? url.pathname + url.search : url.pathname);
  return c.redirect(`/sign-in?next=${encodeURIComponent(target)}`, 303);
}

/** Wraps a handler that needs a signed-in user. */
export function signedIn(handler: (c: WebContext, user: Actor) => PageResponse, next?: string) {
  return (c: WebContext): PageResponse => {
    const user = c.get('user');
    return user ? handler(c, user) : toSignIn(c, next);
  };
}

/** Where a flow may return to: workspace pages of this site only (no open redirect). */
const BACK = /^\/(orders|subscriptions)(\/[A-Za-z0-9._-]+)?(\?[^\s#<>"'\\]*)?$/;

/**
 * An order's page. By its order id, not its web order id: a web order id is unique per partner
 * only, so for a support agent or a distributor it may name orders of several partners.
 */
export function orderPath(order: { orderId: string }): string {
  return `/orders/${encodeURIComponent(order.orderId)}`;
}

export function safeBack(raw: unknown, fallback: string): string {
  return typeof raw === 'string' && BACK.test(raw) ? raw : fallback;
}

/** Query keys that carry a one-shot notice to the page a form returns to. */
const NOTICE_KEYS = ['sent', 'line', 'changed', 'all'] as const;
export type Notice = Partial<Record<(typeof NOTICE_KEYS)[number], string>>;

/**
 * `back` with the notice in its query (old notices dropped). No #anchor: the notice sits at the
 * top of the page and must be what people see first.
 */
export function withNotice(back: string, notice: Notice): string {
  const url = new URL(back, 'http://x');
  for (const key of NOTICE_KEYS) url.searchParams.delete(key);
  for (const [key, value] of Object.entries(notice)) if (value) url.searchParams.set(key, value);
  return url.pathname + url.search;
}

/** The notice a page was asked to show, read from its query. */
export function noticeOf(c: WebContext): Notice {
  const notice: Notice = {};
  for (const key of NOTICE_KEYS) {
    const value = c.req.query(key);
    if (value && /^[A-Za-z0-9_]{1,64}(\.[A-Za-z0-9_]{1,64}){0,19}$/.test(value)) notice[key] = value;
  }
  return notice;
}

/** The sends a notice names: `sent` holds one send id, or several joined by dots. */
export function sentIdsOf(notice: Notice): string[] {
  return notice.sent ? notice.sent.split('.') : [];
}

/** The current page without its notice, to come back to after the next action. */
export function currentPath(c: WebContext): string {
  const url = new URL(c.req.url);
  url.searchParams.delete('lang');
  return withNotice(url.pathname + url.search, {});
}

/** "1 Dec 2026, 09:00 UTC": people in several time zones read the same instant. */
export function formatDateTime(iso: string, language: Language): string {
  const f = new Intl.DateTimeFormat(INTL_LOCALES[language], {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'UTC',
  });
  return `${f.format(new Date(iso))} UTC`;
}

/** A calendar date (YYYY-MM-DD) or the date of an instant. */
export function formatDate(dateOrIso: string, language: Language): string {
  const at = dateOrIso.length === 10 ? `${dateOrIso}T00:00:00.000Z` : dateOrIso;
  return new Intl.DateTimeFormat(INTL_LOCALES[language], { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(at),
  );
}

/** The bare address of "Name <address>". */
export function addressOf(mailbox: string): string {
  return /<([^>]+)>/.exec(mailbox)?.[1] ?? mailbox.trim();
}

/** DOM id of a line's row and dialogs. */
export const lineAnchor = (subscriptionId: string) => `line-${subscriptionId}`;
