/**
 * Workflow settings from the environment, read once per container with documented defaults.
 * CDK sets them from `cdk.json` context; the local runtime from its command-line flags.
 */
import type { Weekday } from '../domain/calling-window.ts';
import { type District, SAMPLE_DISTRICTS } from '../domain/district-directory.ts';

const WEEKDAYS: readonly Weekday[] = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

import { intEnv, optionalEnv } from './env.ts';

export interface WorkflowSettings {
  /** Concurrent calls allowed (Connect instance quota). Env CALL_SLOTS. @default 10 */
  callSlots: number;
  /** Call attempts per household before UNREACHABLE. Env MAX_CALL_ATTEMPTS. @default 3 */
  maxCallAttempts: number;
  /** Callbacks honoured per household. Env MAX_CALLBACKS. @default 2 */
  maxCallbacks: number;
  /** Calling hours, Asia/Seoul. Env CALLING_HOURS. @default "10:00-18:00" */
  callingHours: { start: string; end: string };
  /** Days calls are allowed. Env CALLING_DAYS. @default "MON,TUE,WED,THU,FRI" */
  callingDays: Weekday[];
  /** Minutes between the SMS pre-notice and the first call. Env NOTICE_LEAD_MINUTES. @default 30 */
  noticeLeadMinutes: number;
  /** Calls one slot completes per hour, for pacing a batch over calling hours. Env CALLS_PER_SLOT_HOUR. @default 6 */
  callsPerSlotHour: number;
  /** Days PII is kept (DynamoDB TTL). Env RETENTION_DAYS. @default 365 */
  retentionDays: number;
  /** Send the office number by SMS to unreachable mobiles. Env UNREACHABLE_SMS. @default true */
  unreachableSms: boolean;
  /** District directory. Env DISTRICTS (JSON `{ code: {name, officeName, officePhone} }`). */
  districts: Record<string, District>;
}

function parseDistricts(raw: string | undefined): Record<string, District> {
  if (!raw) return SAMPLE_DISTRICTS;
  const parsed = JSON.parse(raw) as Record<string, Omit<District, 'code'>>;
  return Object.fromEntries(Object.entries(parsed).map(([code, d]) => [code, { ...d, code }]));
}

/** Reads the settings from `process.env`; throws on malformed values. */
export function readWorkflowSettings(env: NodeJS.ProcessEnv = process.env): WorkflowSettings {
  const hours = optionalEnv('CALLING_HOURS', '10:00-18:00');
  const match = /^(\d{2}:\d{2})-(\d{2}:\d{2})$/.exec(hours);
  if (!match) throw new Error(`CALLING_HOURS must look like 10:00-18:00, got "${hours}"`);
  const days = optionalEnv('CALLING_DAYS', 'MON,TUE,WED,THU,FRI')
    .split(',')
    .map((d) => d.trim().toUpperCase()) as Weekday[];
  if (days.length === 0 || days.some((d) => !WEEKDAYS.includes(d))) {
    throw new Error(`CALLING_DAYS must be a comma-separated list of ${WEEKDAYS.join(', ')}`);
  }
  return {
    callSlots: intEnv('CALL_SLOTS', 10),
    maxCallAttempts: intEnv('MAX_CALL_ATTEMPTS', 3),
    maxCallbacks: intEnv('MAX_CALLBACKS', 2),
    callingHours: { start: match[1] as string, end: match[2] as string },
    callingDays: days,
    noticeLeadMinutes: intEnv('NOTICE_LEAD_MINUTES', 30),
    callsPerSlotHour: intEnv('CALLS_PER_SLOT_HOUR', 6),
    retentionDays: intEnv('RETENTION_DAYS', 365),
    unreachableSms: optionalEnv('UNREACHABLE_SMS', 'true') !== 'false',
    districts: parseDistricts(env.DISTRICTS),
  };
}
