/**
 * Every ISO 3166-1 country has exactly one data region, and a name in both languages. The list of
 * countries is checked against the platform's own region data (CLDR, through Intl.DisplayNames):
 * every two-letter code it names, less the codes ISO 3166-1 does not assign, must be ours.
 */
import { describe, expect, it } from 'vitest';

import { COUNTRY_CODES, countryCodeSchema } from '../../src/domain/countries.js';
import { COUNTRY_REGIONS, DATA_REGIONS, dataRegionOf, REGION_RULES } from '../../src/domain/data-region.js';

/** Codes CLDR names that are not ISO 3166-1 alpha-2 countries (reserved, withdrawn, user-assigned). */
// prettier-ignore
const NOT_ISO = [
  'AC', 'AN', 'BU', 'CP', 'CQ', 'CS', 'DD', 'DG', 'DY', 'EA', 'EU', 'EZ', 'FX', 'HV', 'IC', 'NH',
  'QO', 'RH', 'SU', 'TA', 'TP', 'UK', 'UN', 'VD', 'XA', 'XB', 'XK', 'YD', 'YU', 'ZR', 'ZZ',
];

function namedByCldr(): string[] {
  const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });
  const named: string[] = [];
  for (let a = 65; a <= 90; a++)
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      if (names.of(code) !== code) named.push(code);
    }
  return named;
}

describe('countries and data regions', () => {
  it('lists the 249 ISO 3166-1 alpha-2 codes, once each, in order', () => {
    expect(COUNTRY_CODES).toHaveLength(249);
    expect(new Set(COUNTRY_CODES).size).toBe(249);
    expect([...COUNTRY_CODES]).toEqual([...COUNTRY_CODES].sort());
    expect(namedByCldr().filter((c) => !NOT_ISO.includes(c))).toEqual([...COUNTRY_CODES]);
  });

  it('gives every country exactly one region, and lists no code twice across the rules', () => {
    const listed = REGION_RULES.flatMap((r) => r.countries);
    expect(listed).toHaveLength(COUNTRY_CODES.length);
    expect(new Set(listed)).toEqual(new Set(COUNTRY_CODES));
    for (const { country, dataRegion } of COUNTRY_REGIONS) {
      expect(DATA_REGIONS).toContain(dataRegion);
      expect(dataRegionOf(country)).toBe(dataRegion);
    }
    // Every region serves someone.
    expect(new Set(COUNTRY_REGIONS.map((c) => c.dataRegion))).toEqual(new Set(DATA_REGIONS));
  });

  it('keeps the regions the first 18 countries had, and places the ones customers missed', () => {
    // prettier-ignore
    const expected: Record<string, string> = {
      US: 'North America', CA: 'North America', MX: 'North America', BR: 'South America',
      IT: 'Europe', DE: 'Europe', FR: 'Europe', ES: 'Europe', NL: 'Europe', GB: 'Europe', IE: 'Europe',
      CH: 'Europe', AT: 'Europe', BE: 'Europe', JP: 'Asia-Pacific', AU: 'Asia-Pacific',
      SG: 'Asia-Pacific', IN: 'Asia-Pacific',
      PL: 'Europe', SE: 'Europe', PT: 'Europe', DK: 'Europe', NO: 'Europe', FI: 'Europe', GR: 'Europe',
      ZA: 'Europe', AE: 'Europe', AR: 'South America', PR: 'North America', NZ: 'Asia-Pacific',
    };
    for (const [country, region] of Object.entries(expected))
      expect(dataRegionOf(country), country).toBe(region);
    expect(dataRegionOf(' it ')).toBe('Europe');
  });

  it('refuses what is not an ISO 3166-1 country, everywhere codes are parsed', () => {
    for (const code of ['ZZ', 'UK', 'EU', 'XK', 'Italy', 'I', '', 'IT1']) {
      expect(dataRegionOf(code), code).toBeNull();
      expect(countryCodeSchema.safeParse(code).success, code).toBe(false);
    }
    expect(countryCodeSchema.parse(' pl ')).toBe('PL');
  });

  it.each(['en', 'it'])('names every country in %s', (language) => {
    const names = new Intl.DisplayNames([language], { type: 'region', fallback: 'none' });
    for (const code of COUNTRY_CODES) {
      const name = names.of(code);
      expect(name, code).toBeTruthy();
      expect(name, code).not.toBe(code);
    }
  });

  it('names them in Italian, not in English under another label', () => {
    const en = new Intl.DisplayNames(['en'], { type: 'region' });
    const it = new Intl.DisplayNames(['it'], { type: 'region' });
    expect(it.of('DE')).toBe('Germania');
    expect(it.of('PL')).toBe('Polonia');
    const different = COUNTRY_CODES.filter((c) => en.of(c) !== it.of(c));
    expect(different.length).toBeGreaterThan(100);
  });
});
