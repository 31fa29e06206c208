/**
 * A household flagged as possibly in welfare crisis (복지사각지대 위기가구), as accepted from an uploaded list
 * (DESIGN §3.1). Pure data: no AWS, no environment.
 */
export type PhoneKind = 'MOBILE' | 'LANDLINE';

export interface Household {
  householdId: string;
  name: string;
  /** E.164, e.g. +821012345678 */
  phone: string;
  /** Only mobiles get the SMS pre-notice. */
  phoneKind: PhoneKind;
  /** 5-digit administrative code of the 시군구, e.g. 11680 */
  districtCode: string;
  /** 읍면동 (sub-district) */
  dong?: string;
  /** Risk signals from the national screening, e.g. 단전, 건강보험료체납 */
  riskFlags: string[];
  birthYear?: number;
}

export type Disposition = 'ACCEPTED' | 'INVALID' | 'DUPLICATE';

export type HouseholdField =
  | 'householdId'
  | 'name'
  | 'phone'
  | 'districtCode'
  | 'dong'
  | 'riskFlags'
  | 'birthYear'
  | 'row';

/** One rejected row: `row` is the 1-based data row (header not counted, blank lines skipped). */
export interface InvalidRow {
  row: number;
  field: HouseholdField;
  reason: string;
}

export interface DuplicateRow {
  row: number;
  householdId: string;
  /** The row it duplicates; 0 when the household is already active from an earlier list. */
  firstRow: number;
}

export interface AcceptedRow {
  row: number;
  household: Household;
}
