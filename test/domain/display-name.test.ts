import { describe, expect, it } from 'vitest';

import {
  displayName,
  hasRefusedNameCharacter,
  NAME_CHARACTERS_MESSAGE,
  personName,
} from '../../src/domain/display-name.js';

describe('displayName: one line of visible text', () => {
  it.each([
    ['Irene Conti', 'Irene Conti'],
    ['  Irene Conti \n', 'Irene Conti'],
    ["Zoë O'Brien-Łukasiewicz", "Zoë O'Brien-Łukasiewicz"],
    ['Università di Bologna & Co. (IT)', 'Università di Bologna & Co. (IT)'],
    ['山田 太郎', '山田 太郎'],
    ['محمد', 'محمد'],
    // ZWNJ (Persian) and ZWJ (emoji sequences) are part of ordinary names.
    ['می\u200cخواهم', 'می\u200cخواهم'],
    ['Team 👩\u200d💻', 'Team 👩\u200d💻'],
  ])('accepts %j as %j', (input, output) => {
    expect(personName.parse(input)).toBe(output);
  });

  it.each([
    ['a CR/LF header injection', 'Irene\r\nBcc: x@evil.example'],
    ['a bare line feed', 'Irene\nConti'],
    ['a tab', 'Irene\tConti'],
    ['a NUL', 'Irene\u0000'],
    ['DEL', 'Irene\u007f'],
    ['a C1 control', 'Irene\u0085Conti'],
    ['markup', '<script>alert(1)</script>'],
    ['a forged address', 'Irene <ceo@evil.example>'],
    ['a right-to-left override', 'Irene \u202Egpj.exe'],
    ['a left-to-right embedding', 'Irene \u202AConti'],
    ['a first-strong isolate', 'Irene \u2068Conti\u2069'],
    ['a right-to-left mark', 'Irene\u200F Conti'],
    ['a zero-width space', 'Ire\u200Bne'],
    ['a line separator', 'Irene\u2028Conti'],
    ['a byte order mark inside', 'Ire\uFEFFne'],
  ])('refuses %s', (_what, input) => {
    expect(hasRefusedNameCharacter(input)).toBe(true);
    const parsed = personName.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.message)).toContain(NAME_CHARACTERS_MESSAGE);
  });

  it('requires min..max characters after trimming', () => {
    expect(personName.safeParse('   ').error?.issues[0]?.message).toBe('is required');
    expect(personName.safeParse('x'.repeat(201)).success).toBe(false);
    expect(personName.safeParse('x'.repeat(200)).success).toBe(true);
    const organization = displayName({ min: 2, max: 200 });
    expect(organization.safeParse('A').error?.issues[0]?.message).toBe('must be 2 to 200 characters');
    const brand = displayName({ max: 60 });
    expect(brand.safeParse('Acme Cloud').data).toBe('Acme Cloud');
    expect(brand.safeParse('x'.repeat(61)).success).toBe(false);
  });
});
