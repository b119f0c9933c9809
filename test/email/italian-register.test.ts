/**
 * The Italian catalogues address the reader formally (Lei), buttons included, and never show the
 * internal word "mappare": the forms fixed once are kept out for good. See docs/glossary.md.
 */
import { describe, expect, it } from 'vitest';

import { renderEmail } from '../../src/email/index.js';
import { catalogue } from '../../src/i18n/locales/catalogue.js';
import { welcomeInput } from './email-fixtures.js';

type Tree = { readonly [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string'
      ? [[prefix + key, value] as [string, string]]
      : flatten(value, `${prefix}${key}.`),
  );
}

const italian = Object.entries(catalogue.it).flatMap(([ns, tree]) => flatten(tree as Tree, `${ns}:`));

/** Informal ("tu") words and imperatives, as whole words: the Lei forms are Suo, ha, può, Inserisca… */
const INFORMAL =
  /(?<![\p{L}’'])(tuo|tua|tuoi|tue|hai|puoi|sei|vuoi|devi|clicca|inserisci|controlla|scegli|vai|riprova|ti)(?![\p{L}])/iu;

describe('Italian catalogues', () => {
  it('has messages to check', () => {
    expect(italian.length).toBeGreaterThan(300);
  });

  it('address the reader formally (Lei): no "tu" forms', () => {
    expect(italian.filter(([, text]) => INFORMAL.test(text))).toEqual([]);
  });

  it('say "collegato" or "configurato", never the jargon "mappato"', () => {
    expect(italian.filter(([, text]) => /mappat|mappar/i.test(text))).toEqual([]);
  });

  it('the pattern does catch the informal forms it names', () => {
    for (const text of [
      'Controlla la posta',
      'Scegli la password',
      'Vai al portale',
      'il tuo link',
      'Riprova',
    ])
      expect(INFORMAL.test(text)).toBe(true);
    for (const text of ['Controlli la posta', 'Scelga la password', 'Il Suo link', 'Riprovi', 'attivazione'])
      expect(INFORMAL.test(text)).toBe(false);
  });

  it("the welcome e-mail names the data region in the reader's language", () => {
    const it_ = renderEmail({ ...welcomeInput('it'), dataRegion: 'Europe' });
    expect(it_.text).toContain('Europa');
    expect(renderEmail({ ...welcomeInput('en'), dataRegion: 'Europe' }).text).toContain('Europe');
    // A region the catalogue does not know is shown as stored.
    expect(renderEmail(welcomeInput('it')).text).toContain('EU');
  });
});
