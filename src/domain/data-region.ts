/**
 * Where a customer organization's data lives, fixed by its country when the organization is
 * created (and never changed). The regions are the four the service runs in; the rule table below
 * gives every ISO 3166-1 country exactly one of them (test/domain/data-region.test.ts checks it).
 *
 * The rules, in words:
 * - The EU and the EEA, with the EU's territories that have a code of their own (Åland, French
 *   Guiana, Guadeloupe, Martinique, Mayotte, Réunion, Saint-Martin): Europe, where EU law applies.
 * - The rest of Europe, the Middle East and Africa: Europe too, the nearest region (EMEA).
 * - The United States with its territories, Canada, Mexico, Central America and the Caribbean:
 *   North America.
 * - South America: South America.
 * - The rest of Asia and Oceania: Asia-Pacific.
 * - Territories without a population of their own follow the state that administers them;
 *   Antarctica (administered by none) goes to Europe.
 */
import { COUNTRY_CODES, type CountryCode, isCountryCode } from './countries.js';

export const DATA_REGIONS = ['Europe', 'North America', 'South America', 'Asia-Pacific'] as const;
export type DataRegion = (typeof DATA_REGIONS)[number];

export interface RegionRule {
  /** What the countries have in common, for the reader of this table. */
  rule: string;
  region: DataRegion;
  countries: readonly CountryCode[];
}

// prettier-ignore
export const REGION_RULES: readonly RegionRule[] = [
  {
    rule: 'EU member states',
    region: 'Europe',
    countries: ['AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU',
      'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK'],
  },
  { rule: 'EEA members outside the EU', region: 'Europe', countries: ['IS', 'LI', 'NO'] },
  {
    rule: 'EU territories with a code of their own',
    region: 'Europe',
    countries: ['AX', 'GF', 'GP', 'MF', 'MQ', 'RE', 'YT'],
  },
  {
    rule: 'the rest of Europe',
    region: 'Europe',
    countries: ['AD', 'AL', 'BA', 'BY', 'CH', 'FO', 'GB', 'GG', 'GI', 'IM', 'JE', 'MC', 'MD', 'ME',
      'MK', 'RS', 'RU', 'SJ', 'SM', 'UA', 'VA'],
  },
  {
    rule: 'the Middle East and the Caucasus',
    region: 'Europe',
    countries: ['AE', 'AM', 'AZ', 'BH', 'GE', 'IL', 'IQ', 'IR', 'JO', 'KW', 'LB', 'OM', 'PS', 'QA',
      'SA', 'SY', 'TR', 'YE'],
  },
  {
    rule: 'Africa',
    region: 'Europe',
    countries: ['AO', 'BF', 'BI', 'BJ', 'BW', 'CD', 'CF', 'CG', 'CI', 'CM', 'CV', 'DJ', 'DZ', 'EG',
      'EH', 'ER', 'ET', 'GA', 'GH', 'GM', 'GN', 'GQ', 'GW', 'KE', 'KM', 'LR', 'LS', 'LY', 'MA', 'MG',
      'ML', 'MR', 'MU', 'MW', 'MZ', 'NA', 'NE', 'NG', 'RW', 'SC', 'SD', 'SH', 'SL', 'SN', 'SO', 'SS',
      'ST', 'SZ', 'TD', 'TG', 'TN', 'TZ', 'UG', 'ZA', 'ZM', 'ZW'],
  },
  {
    rule: 'territories without a population of their own, administered from Europe; Antarctica',
    region: 'Europe',
    countries: ['AQ', 'BV', 'GS', 'IO', 'TF'],
  },
  {
    rule: 'the United States and its territories, Canada, Mexico, Bermuda, Greenland, Saint Pierre and Miquelon',
    region: 'North America',
    countries: ['AS', 'BM', 'CA', 'GL', 'GU', 'MP', 'MX', 'PM', 'PR', 'UM', 'US', 'VI'],
  },
  {
    rule: 'Central America and the Caribbean',
    region: 'North America',
    countries: ['AG', 'AI', 'AW', 'BB', 'BL', 'BQ', 'BS', 'BZ', 'CR', 'CU', 'CW', 'DM', 'DO', 'GD',
      'GT', 'HN', 'HT', 'JM', 'KN', 'KY', 'LC', 'MS', 'NI', 'PA', 'SV', 'SX', 'TC', 'TT', 'VC', 'VG'],
  },
  {
    rule: 'South America',
    region: 'South America',
    countries: ['AR', 'BO', 'BR', 'CL', 'CO', 'EC', 'FK', 'GY', 'PE', 'PY', 'SR', 'UY', 'VE'],
  },
  {
    rule: 'Asia east of the Middle East',
    region: 'Asia-Pacific',
    countries: ['AF', 'BD', 'BN', 'BT', 'CN', 'HK', 'ID', 'IN', 'JP', 'KG', 'KH', 'KP', 'KR', 'KZ',
      'LA', 'LK', 'MM', 'MN', 'MO', 'MV', 'MY', 'NP', 'PH', 'PK', 'SG', 'TH', 'TJ', 'TL', 'TM', 'TW',
      'UZ', 'VN'],
  },
  {
    rule: 'Oceania, and territories administered from it',
    region: 'Asia-Pacific',
    countries: ['AU', 'CC', 'CK', 'CX', 'FJ', 'FM', 'HM', 'KI', 'MH', 'NC', 'NF', 'NR', 'NU', 'NZ',
      'PF', 'PG', 'PN', 'PW', 'SB', 'TK', 'TO', 'TV', 'VU', 'WF', 'WS'],
  },
];

const REGION_OF: ReadonlyMap<string, DataRegion> = new Map(
  REGION_RULES.flatMap((r) => r.countries.map((country) => [country, r.region] as const)),
);

/** The data region a country fixes, or null for a code that is not an ISO 3166-1 country. */
export function dataRegionOf(country: string): DataRegion | null {
  const code = country.trim().toUpperCase();
  return isCountryCode(code) ? (REGION_OF.get(code) ?? null) : null;
}

/** Every country with the region it fixes, in code order. */
export const COUNTRY_REGIONS: readonly { country: CountryCode; dataRegion: DataRegion }[] = COUNTRY_CODES.map(
  (country) => ({ country, dataRegion: REGION_OF.get(country)! }),
);

export function isDataRegion(value: string): value is DataRegion {
  return (DATA_REGIONS as readonly string[]).includes(value);
}
