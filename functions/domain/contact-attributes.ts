/**
 * Amazon Connect contact attributes of a consultation call: set by start-call, read by the contact flow and the
 * Lex code hook (the call context), and by handle-contact-event (the task token and how the call went).
 * Values are strings (a Connect requirement); the whole map stays far under the 32 KB limit.
 */
import type { CallContext } from './dialogue/contract.ts';

export const ATTR = {
  taskToken: 'wfcTaskToken',
  caseId: 'wfcCaseId',
  householdId: 'wfcHouseholdId',
  districtCode: 'wfcDistrictCode',
  residentName: 'wfcResidentName',
  birthYear: 'wfcBirthYear',
  officeName: 'wfcOfficeName',
  officePhone: 'wfcOfficePhone',
  verificationCode: 'wfcVerificationCode',
  riskFlags: 'wfcRiskFlags',
  /** Set by the Lex code hook: "true" when nobody answered the greeting (voicemail or silence). */
  noResponse: 'wfcNoResponse',
  /** Set by the Lex code hook: "true" when the resident asked never to be called again. */
  optOut: 'wfcOptOut',
} as const;

export interface CallAttributesInput {
  taskToken: string;
  caseId: string;
  householdId: string;
  districtCode: string;
  residentName: string;
  birthYear?: number;
  officeName: string;
  officePhone: string;
  verificationCode: string;
  riskFlags: string[];
}

/** Builds the attribute map passed to StartOutboundVoiceContact. */
export function callAttributes(input: CallAttributesInput): Record<string, string> {
  return {
    [ATTR.taskToken]: input.taskToken,
    [ATTR.caseId]: input.caseId,
    [ATTR.householdId]: input.householdId,
    [ATTR.districtCode]: input.districtCode,
    [ATTR.residentName]: input.residentName,
    ...(input.birthYear ? { [ATTR.birthYear]: String(input.birthYear) } : {}),
    [ATTR.officeName]: input.officeName,
    [ATTR.officePhone]: input.officePhone,
    [ATTR.verificationCode]: input.verificationCode,
    [ATTR.riskFlags]: input.riskFlags.join(';'),
  };
}

/** Reads the dialogue's call context back from contact attributes (the Lex code hook's view). */
export function callContextFromAttributes(
  contactId: string,
  attributes: Record<string, string | undefined>,
  now: Date,
): CallContext {
  const birthYear = Number(attributes[ATTR.birthYear]);
  return {
    contactId,
    residentName: attributes[ATTR.residentName] ?? '',
    ...(Number.isInteger(birthYear) && birthYear > 0 ? { birthYear } : {}),
    officeName: attributes[ATTR.officeName] ?? '',
    officePhone: attributes[ATTR.officePhone] ?? '',
    verificationCode: attributes[ATTR.verificationCode] ?? '',
    riskFlags: (attributes[ATTR.riskFlags] ?? '').split(';').filter(Boolean),
    now: now.toISOString(),
  };
}
