/** Region of a location, derived from its country (ISO 3166-1 alpha-2). */
export type Region = 'north_america' | 'latin_america' | 'emea' | 'asia_pacific' | 'japan';

const TABLE: Record<Exclude<Region, 'japan'>, string> = {
  north_america: 'US CA PR',
  latin_america:
    'MX GT BZ SV HN NI CR PA CU DO HT JM TT BS BB AG DM GD KN LC VC AR BO BR CL CO EC GY PY PE SR UY VE AW CW',
  emea:
    'GB IE FR DE NL BE LU CH AT IT ES PT DK NO SE FI IS PL CZ SK HU SI HR BA RS ME MK AL RO BG GR CY MT EE LV LT UA MD BY RU TR ' +
    'IL PS JO LB SY IQ IR SA AE QA KW BH OM YE EG LY TN DZ MA ZA NG KE GH ET TZ UG RW SN CI CM AO MZ ZM ZW BW NA MU MG KZ UZ GE AM AZ LI MC SM VA AD',
  asia_pacific: 'CN HK MO TW KR IN PK BD LK NP SG MY TH VN PH ID AU NZ FJ PG MN KH LA MM BN',
};

const REGION_BY_COUNTRY = new Map<string, Region>([
  ['JP', 'japan'],
  ...Object.entries(TABLE).flatMap(([region, codes]) =>
    codes.split(' ').map((code) => [code, region as Region] as const),
  ),
]);

/** The region of a country code, or undefined for a code we do not know. */
export function regionOf(country: string): Region | undefined {
  return REGION_BY_COUNTRY.get(country.toUpperCase());
}

export const KNOWN_COUNTRIES = [...REGION_BY_COUNTRY.keys()].sort();
