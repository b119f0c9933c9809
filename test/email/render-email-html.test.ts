/**
 * The e-mail HTML renderer (email/render-email-html.ts) with any text in every field of a
 * document: values never change the markup around them (each one is escaped, in text and in
 * attributes alike), and each comes back whole when the markup's escaping is undone.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import type { EmailDocument } from '../../src/email/email-document.js';
import { renderEmailHtml } from '../../src/email/render-email-html.js';

/** One document with every kind of block, its values taken from `v` in turn. */
function documentOf(v: (i: number) => string, language: 'en' | 'it' = 'en'): EmailDocument {
  return {
    language,
    brand: v(0),
    subject: v(1),
    heading: v(2),
    greeting: v(3),
    blocks: [
      { kind: 'paragraph', text: v(4) },
      { kind: 'link', text: v(5), url: `https://help.example/${v(6)}` },
      { kind: 'button', label: v(7), url: `https://onramp.example/setup/${v(8)}` },
      { kind: 'table', caption: v(9), columns: [v(10), v(11)], rows: [[v(12), v(13)]] },
      { kind: 'facts', rows: [{ label: v(14), value: v(15) }] },
      { kind: 'quote', text: v(16) },
    ],
    signOff: [v(17), v(18)],
    footer: v(19),
  };
}

/** The markup alone: every run of text between tags, and every attribute value, blanked. */
function markupOf(html: string): string {
  return html.replace(/>[^<]*</g, '><').replace(/="[^"]*"/g, '=""');
}

const unescape = (s: string) =>
  s
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&amp;', '&');

const FIELDS = 20;
/** Any character, the ones that mean something in HTML often. */
const anyCharacter = fc.oneof(
  fc.constantFrom('<', '>', '"', "'", '&', '=', '/', ' '),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
);

describe('e-mail HTML', () => {
  const plain = renderEmailHtml(documentOf((i) => `value${i}`));

  it('keeps its markup whatever the values hold', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: anyCharacter }), { minLength: FIELDS, maxLength: FIELDS }),
        (values) => {
          const html = renderEmailHtml(documentOf((i) => values[i]!));
          expect(markupOf(html)).toBe(markupOf(plain));
        },
      ),
    );
  });

  it('gives back each value whole once its escaping is undone', () => {
    const hostile = [`"><script>alert(1)</script>`, `' onmouseover='x`, 'a & b &amp; <c>', 'città € ✓'];
    const values = Array.from({ length: FIELDS }, (_, i) => `${hostile[i % hostile.length]}#${i}`);
    const html = renderEmailHtml(documentOf((i) => values[i]!, 'it'));
    const texts = [...html.matchAll(/>([^<]+)</g)].map((m) => unescape(m[1]!));
    const attributes = [...html.matchAll(/="([^"]*)"/g)].map((m) => unescape(m[1]!));
    for (const [i, value] of values.entries()) {
      const found = [...texts, ...attributes].some((s) => s.includes(value));
      expect(found, `field ${i}`).toBe(true);
    }
    expect(html).not.toContain('<script>');
    expect(html).toMatch(/^<!DOCTYPE html><html lang="it" dir="ltr">/);
  });
});
