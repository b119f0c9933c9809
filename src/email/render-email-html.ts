import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

import type { EmailBlock, EmailDocument } from './email-document.js';
import { emailT } from './email-i18n.js';

/**
 * E-mail HTML: layout tables (role="presentation") and inline styles only, because mail clients
 * drop <style> blocks and external CSS; no images, scripts or tracking. Text and link colours
 * keep a contrast ratio of at least 4.5:1 against their background.
 *
 * Written with hono's `html` tagged template, which escapes every value put into it (text and
 * attributes alike) and takes another `html` result as it is. The worker renders every e-mail on
 * its one thread; the same markup built as a JSX tree took 62–75 µs of it for a one-line
 * provisioning e-mail, against 15–18 µs this way (docs/benchmarks.md, seventh round).
 */
type Html = HtmlEscapedString;

const FONT = 'font-family:Arial,Helvetica,sans-serif;';
const TEXT = `${FONT}font-size:16px;line-height:24px;color:#1f2937;`;
const LINK = 'color:#1d4ed8;text-decoration:underline;word-break:break-all;';
const PARAGRAPH = `${TEXT}margin:0 0 16px 0;`;
const SMALL_PARAGRAPH = `${FONT}font-size:14px;line-height:20px;color:#1f2937;margin:0 0 16px 0;`;
const CELL = `${TEXT}padding:8px;border:1px solid #d1d5db;text-align:left;vertical-align:top;`;
/** Attributes of a layout table, written here and put in as they are. */
const PRESENTATION = raw('role="presentation" cellpadding="0" cellspacing="0" border="0"');

/** `html` is synchronous unless a value is a Promise, and none is here; this says so to the types. */
function markup(strings: TemplateStringsArray, ...values: unknown[]): Html {
  const out = html(strings, ...values);
  if (out instanceof Promise) throw new Error('E-mail markup must render synchronously');
  return out;
}

export function renderEmailHtml(doc: EmailDocument): string {
  const page = markup`<html lang="${doc.language}" dir="ltr">${head(doc.subject)}${body(doc)}</html>`;
  return `<!DOCTYPE html>${page.toString()}`;
}

function head(subject: string): Html {
  return markup`<head><meta charset="utf-8"/><meta name="viewport" content="width=device-width, initial-scale=1"/><meta name="color-scheme" content="light"/><title>${subject}</title></head>`;
}

/** A grey page, a white card of at most 600 px with the message, the small print below it. */
function body(doc: EmailDocument): Html {
  const card = [
    markup`<p style="${FONT}font-size:14px;font-weight:bold;color:#374151;margin:0 0 16px 0;">${doc.brand}</p>`,
    markup`<h1 style="${FONT}font-size:24px;line-height:32px;color:#111827;margin:0 0 24px 0;">${doc.heading}</h1>`,
    markup`<p style="${PARAGRAPH}">${doc.greeting}</p>`,
    doc.blocks.map((block) => renderBlock(block, doc)),
    markup`<p style="${PARAGRAPH}">${doc.signOff.map((line, i) => (i === 0 ? line : markup`<br/>${line}`))}</p>`,
  ];
  const columns = [
    markup`<table ${PRESENTATION} width="100%" style="max-width:600px;background-color:#ffffff;"><tr><td style="padding:32px 24px;">${card}</td></tr></table>`,
    markup`<table ${PRESENTATION} width="100%" style="max-width:600px;"><tr><td style="${FONT}font-size:13px;line-height:20px;color:#4b5563;padding:16px 24px;">${doc.footer}</td></tr></table>`,
  ];
  return markup`<body style="margin:0;padding:0;background-color:#f3f4f6;"><table ${PRESENTATION} width="100%" style="background-color:#f3f4f6;"><tr><td align="center" style="padding:24px 12px;">${columns}</td></tr></table></body>`;
}

function renderBlock(block: EmailBlock, doc: EmailDocument): Html {
  switch (block.kind) {
    case 'paragraph':
      return markup`<p style="${PARAGRAPH}">${block.text}</p>`;
    case 'link':
      return markup`<p style="${PARAGRAPH}">${block.text} ${fullUrl(block.url)}</p>`;
    case 'button':
      return button(block.label, block.url, emailT(doc.language, doc.brand, 'common.buttonFallback'));
    case 'table':
      return dataTable(block.caption, block.columns, block.rows);
    case 'facts':
      return markup`<table ${PRESENTATION} style="margin:0 0 16px 0;">${block.rows.map(
        (row) =>
          markup`<tr><td style="${TEXT}padding:0 16px 4px 0;font-weight:bold;">${row.label}</td><td style="${TEXT}padding:0 0 4px 0;">${row.value}</td></tr>`,
      )}</table>`;
    case 'quote':
      return markup`<blockquote style="${PARAGRAPH}padding:0 0 0 16px;border-left:4px solid #9ca3af;white-space:pre-wrap;">${block.text}</blockquote>`;
  }
}

/** A real link styled as a button, with the plain URL for clients that mangle buttons. */
function button(label: string, url: string, fallback: string): Html {
  return markup`<table ${PRESENTATION} style="margin:8px 0 16px 0;"><tr><td bgcolor="#1d4ed8" style="background-color:#1d4ed8;border-radius:6px;"><a href="${url}" style="${FONT}display:inline-block;padding:12px 24px;font-size:16px;font-weight:bold;color:#ffffff;text-decoration:none;border-radius:6px;">${label}</a></td></tr></table><p style="${SMALL_PARAGRAPH}">${fallback} ${fullUrl(url)}</p>`;
}

function fullUrl(url: string): Html {
  return markup`<a href="${url}" style="${LINK}">${url}</a>`;
}

function dataTable(caption: string, columns: string[], rows: string[][]): Html {
  return markup`<table cellpadding="0" cellspacing="0" style="border-collapse:collapse;width:100%;margin:0 0 16px 0;"><caption style="${TEXT}font-weight:bold;text-align:left;padding:0 0 8px 0;">${caption}</caption><thead><tr>${columns.map(
    (column) => markup`<th scope="col" style="${CELL}background-color:#f3f4f6;">${column}</th>`,
  )}</tr></thead><tbody>${rows.map(
    (row) => markup`<tr>${row.map((cell) => markup`<td style="${CELL}">${cell}</td>`)}</tr>`,
  )}</tbody></table>`;
}
