import { describe, expect, it } from 'vitest';

import { parseMail } from '../../src/email/index.js';

const raw = (html: string, text: string) =>
  Buffer.from(
    [
      'From: "Onramp" <noreply@onramp.example>',
      'To: Maria <maria@customer.example>, Team: a@customer.example, b@customer.example;',
      'Subject: =?UTF-8?Q?Attivazione_dell=E2=80=99ordine?=',
      'Message-ID: <snd_1@onramp>',
      'Date: Wed, 25 Nov 2026 10:00:00 +0000',
      'MIME-Version: 1.0',
      'Content-Type: multipart/alternative; boundary="b"',
      '',
      '--b',
      'Content-Type: text/plain; charset=utf-8',
      '',
      text,
      '--b',
      'Content-Type: text/html; charset=utf-8',
      '',
      html,
      '--b--',
      '',
    ].join('\r\n'),
  );

describe('parseMail', () => {
  it('reads the headers, flattening address groups', async () => {
    const mail = await parseMail(raw('<p>hi</p>', 'hi'));
    expect(mail).toMatchObject({
      messageId: '<snd_1@onramp>',
      from: 'noreply@onramp.example',
      to: ['maria@customer.example', 'a@customer.example', 'b@customer.example'],
      subject: 'Attivazione dell’ordine',
      date: new Date('2026-11-25T10:00:00Z'),
    });
  });

  it('collects http(s) links from href attributes and the text, decoded and deduplicated', async () => {
    const html =
      '<a href="https://x.example/setup/t?a=1&amp;b=2">go</a> <a href=\'http://x.example/help\'>help</a>' +
      ' <a href="mailto:help@x.example">mail</a> <a href="https://x.example/&#x41;&#66;">ab</a>';
    const text =
      'Open https://x.example/setup/t?a=1&b=2. Or (https://x.example/faq), see https://x.example/help';
    const mail = await parseMail(raw(html, text));
    expect(mail.links).toEqual([
      'https://x.example/setup/t?a=1&b=2',
      'http://x.example/help',
      'https://x.example/AB',
      'https://x.example/faq',
      'https://x.example/help',
    ]);
  });

  it('copes with a message that has no HTML and no headers to speak of', async () => {
    const mail = await parseMail(Buffer.from('Subject: plain\r\n\r\nhello https://x.example/a\r\n'));
    expect(mail).toMatchObject({
      messageId: null,
      from: '',
      to: [],
      html: '',
      links: ['https://x.example/a'],
    });
  });
});
