/**
 * Which office calls on behalf of which district (시군구), and the number residents can call back.
 * Deployments configure their own (context `districts` → env DISTRICTS); these are the sample districts.
 */
export interface District {
  code: string;
  /** e.g. 강남구 */
  name: string;
  /** The office named in the SMS and by the bot, e.g. 강남구청 복지정책과 */
  officeName: string;
  /** Number printed in the SMS pre-notice, e.g. 02-3423-5000 */
  officePhone: string;
}

export const SAMPLE_DISTRICTS: Record<string, District> = {
  '11680': { code: '11680', name: '강남구', officeName: '강남구청 복지정책과', officePhone: '02-3423-5000' },
  '26350': {
    code: '26350',
    name: '해운대구',
    officeName: '해운대구청 복지정책과',
    officePhone: '051-749-4000',
  },
  '46130': { code: '46130', name: '여수시', officeName: '여수시청 복지지원과', officePhone: '061-659-3000' },
};

export class UnknownDistrictError extends Error {
  constructor(code: string) {
    super(`District ${code} is not configured (add it to the districts setting)`);
    this.name = 'UnknownDistrictError';
  }
}

/** Looks a district up, or throws `UnknownDistrictError`. */
export function districtFor(code: string, directory: Record<string, District>): District {
  const district = directory[code];
  if (!district) throw new UnknownDistrictError(code);
  return district;
}
