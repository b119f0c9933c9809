/** Country (ISO 3166-1 alpha-2) -> data region. The country a customer picks fixes where its data lives. */
export const DEFAULT_DATA_REGIONS: Readonly<Record<string, string>> = {
  US: 'North America',
  CA: 'North America',
  MX: 'North America',
  IT: 'Europe',
  DE: 'Europe',
  FR: 'Europe',
  ES: 'Europe',
  NL: 'Europe',
  GB: 'Europe',
  IE: 'Europe',
  CH: 'Europe',
  AT: 'Europe',
  BE: 'Europe',
  JP: 'Asia-Pacific',
  AU: 'Asia-Pacific',
  SG: 'Asia-Pacific',
  IN: 'Asia-Pacific',
  BR: 'South America',
};

export function dataRegionOf(
  country: string,
  table: Readonly<Record<string, string>> = DEFAULT_DATA_REGIONS,
): string | null {
  return table[country.toUpperCase()] ?? null;
}
