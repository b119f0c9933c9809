import type { FC, PropsWithChildren } from 'hono/jsx';

import type { EmailBlock, EmailDocument } from './email-document.js';
import { emailT } from './email-i18n.js';

/**
 * E-mail HTML: layout tables (role="presentation") and inline styles only, because mail clients
 * drop <style> blocks and external CSS; no images, scripts or tracking. Text and link colours
 * keep a contrast ratio of at least 4.5:1 against their background.
 */
const FONT = 'font-family:Arial,Helvetica,sans-serif;';
const TEXT = `${FONT}font-size:16px;line-height:24px;color:#1f2937;`;
const LINK = 'color:#1d4ed8;text-decoration:underline;word-break:break-all;';
const PARAGRAPH = `${TEXT}margin:0 0 16px 0;`;
const SMALL_PARAGRAPH = `${FONT}font-size:14px;line-height:20px;color:#1f2937;margin:0 0 16px 0;`;
const CELL = `${TEXT}padding:8px;border:1px solid #d1d5db;text-align:left;vertical-align:top;`;
const PRESENTATION = { role: 'presentation', cellpadding: 0, cellspacing: 0, border: 0 } as const;

export function renderEmailHtml(doc: EmailDocument): string {
  const html = (
    <EmailLayout doc={doc}>
      {doc.blocks.map((block) => (
        <Block block={block} doc={doc} />
      ))}
    </EmailLayout>
  );
  if (html instanceof Promise) throw new Error('E-mail components must render synchronously');
  return `<!DOCTYPE html>${html.toString()}`;
}

const EmailLayout: FC<PropsWithChildren<{ doc: EmailDocument }>> = ({ doc, children }) => (
  <html lang={doc.language} dir="ltr">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta name="color-scheme" content="light" />
      <title>{doc.subject}</title>
    </head>
    <body style="margin:0;padding:0;background-color:#f3f4f6;">
      <table {...PRESENTATION} width="100%" style="background-color:#f3f4f6;">
        <tr>
          <td align="center" style="padding:24px 12px;">
            <table {...PRESENTATION} width="100%" style="max-width:600px;background-color:#ffffff;">
              <tr>
                <td style="padding:32px 24px;">
                  <p style={`${FONT}font-size:14px;font-weight:bold;color:#374151;margin:0 0 16px 0;`}>
                    {doc.brand}
                  </p>
                  <h1 style={`${FONT}font-size:24px;line-height:32px;color:#111827;margin:0 0 24px 0;`}>
                    {doc.heading}
                  </h1>
                  <p style={PARAGRAPH}>{doc.greeting}</p>
                  {children}
                  <p style={PARAGRAPH}>{doc.signOff.map((line, i) => (i === 0 ? line : [<br />, line]))}</p>
                </td>
              </tr>
            </table>
            <table {...PRESENTATION} width="100%" style="max-width:600px;">
              <tr>
                <td style={`${FONT}font-size:13px;line-height:20px;color:#4b5563;padding:16px 24px;`}>
                  {doc.footer}
                </td>
              </tr>
            </table>
          </td>
        </tr>
      </table>
    </body>
  </html>
);

const Block: FC<{ block: EmailBlock; doc: EmailDocument }> = ({ block, doc }) => {
  switch (block.kind) {
    case 'paragraph':
      return <p style={PARAGRAPH}>{block.text}</p>;
    case 'link':
      return (
        <p style={PARAGRAPH}>
          {block.text} <FullUrl url={block.url} />
        </p>
      );
    case 'button':
      return (
        <Button
          label={block.label}
          url={block.url}
          fallback={emailT(doc.language, doc.brand, 'common.buttonFallback')}
        />
      );
    case 'table':
      return <DataTable caption={block.caption} columns={block.columns} rows={block.rows} />;
    case 'facts':
      return (
        <table {...PRESENTATION} style="margin:0 0 16px 0;">
          {block.rows.map((row) => (
            <tr>
              <td style={`${TEXT}padding:0 16px 4px 0;font-weight:bold;`}>{row.label}</td>
              <td style={`${TEXT}padding:0 0 4px 0;`}>{row.value}</td>
            </tr>
          ))}
        </table>
      );
    case 'quote':
      return (
        <blockquote
          style={`${PARAGRAPH}padding:0 0 0 16px;border-left:4px solid #9ca3af;white-space:pre-wrap;`}
        >
          {block.text}
        </blockquote>
      );
  }
};

/** A real link styled as a button, with the plain URL for clients that mangle buttons. */
const Button: FC<{ label: string; url: string; fallback: string }> = ({ label, url, fallback }) => (
  <>
    <table {...PRESENTATION} style="margin:8px 0 16px 0;">
      <tr>
        <td bgcolor="#1d4ed8" style="background-color:#1d4ed8;border-radius:6px;">
          <a
            href={url}
            style={`${FONT}display:inline-block;padding:12px 24px;font-size:16px;font-weight:bold;color:#ffffff;text-decoration:none;border-radius:6px;`}
          >
            {label}
          </a>
        </td>
      </tr>
    </table>
    <p style={SMALL_PARAGRAPH}>
      {fallback} <FullUrl url={url} />
    </p>
  </>
);

const FullUrl: FC<{ url: string }> = ({ url }) => (
  <a href={url} style={LINK}>
    {url}
  </a>
);

const DataTable: FC<{ caption: string; columns: string[]; rows: string[][] }> = ({
  caption,
  columns,
  rows,
}) => (
  <table cellpadding={0} cellspacing={0} style="border-collapse:collapse;width:100%;margin:0 0 16px 0;">
    <caption style={`${TEXT}font-weight:bold;text-align:left;padding:0 0 8px 0;`}>{caption}</caption>
    <thead>
      <tr>
        {columns.map((column) => (
          <th scope="col" style={`${CELL}background-color:#f3f4f6;`}>
            {column}
          </th>
        ))}
      </tr>
    </thead>
    <tbody>
      {rows.map((row) => (
        <tr>
          {row.map((cell) => (
            <td style={CELL}>{cell}</td>
          ))}
        </tr>
      ))}
    </tbody>
  </table>
);
