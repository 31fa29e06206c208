/**
 * Deployment configuration from `cdk.json` context, validated at synth with messages that name the context key.
 * Each workflow setting maps onto one environment variable read by `functions/shared/settings.ts`, so the values
 * a deployment chooses are exactly the values the Lambdas run with.
 */
import { z } from 'zod';

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const DISTRICT_CODE = /^\d{5}$/;
/** Korean office numbers as printed: 02-3423-5000, 051-749-4000, 1588-1234, 120. */
const KOREAN_PHONE = /^(0\d{1,2}-\d{3,4}-\d{4}|1\d{3}-\d{4}|1\d{2})$/;

const districtSchema = z.object({
  name: z.string().min(1, 'name (e.g. 강남구) is required'),
  officeName: z.string().min(1, 'officeName (e.g. 강남구청 복지정책과) is required'),
  officePhone: z.string().regex(KOREAN_PHONE, 'officePhone must look like 02-3423-5000'),
});

const contextSchema = z
  .object({
    region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'must be an AWS region such as ap-northeast-2'),
    connectInstanceId: z
      .string()
      .regex(
        /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})?$/,
        'must be an instance id (UUID) or ""',
      ),
    connectInstanceAlias: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,44}[a-z0-9]$/, 'must be a lower-case DNS label'),
    connectSourcePhoneNumber: z
      .string()
      .regex(/^\+82\d{8,10}$/, 'must be the claimed Korean number in E.164, e.g. +8225550100'),
    connectQueueId: z.string(),
    callSlots: z.number().int().min(1).max(1000),
    maxCallAttempts: z.number().int().min(1).max(10),
    maxCallbacks: z.number().int().min(0).max(5),
    callingHours: z.string().refine((v) => {
      const [start, end] = v.split('-');
      return v.split('-').length === 2 && HHMM.test(start ?? '') && HHMM.test(end ?? '') && start! < end!;
    }, 'must look like 10:00-18:00 (start before end, Asia/Seoul)'),
    callingDays: z
      .array(z.enum(['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT']))
      .min(1)
      .refine((days) => new Set(days).size === days.length, 'must not repeat a weekday'),
    noticeLeadMinutes: z.number().int().min(0).max(1440),
    callsPerSlotHour: z.number().int().min(1).max(60),
    retentionDays: z.number().int().min(30).max(3650),
    unreachableSms: z.boolean(),
    bedrockModelId: z
      .string()
      .regex(/^([a-z]+\.)?[a-z0-9-]+\.[A-Za-z0-9.:-]+$/, 'must be a Bedrock model id'),
    districts: z
      .record(z.string(), districtSchema)
      .refine((d) => Object.keys(d).length > 0, 'at least one district is required')
      .refine(
        (d) => Object.keys(d).every((code) => DISTRICT_CODE.test(code)),
        'keys must be 5-digit district codes',
      ),
    supervisorDistricts: z.record(z.string().regex(DISTRICT_CODE), z.array(z.string().regex(DISTRICT_CODE))),
    alarmEmail: z.union([z.literal(''), z.email()]),
    logRetentionDays: z.union([
      z.literal(30),
      z.literal(60),
      z.literal(90),
      z.literal(180),
      z.literal(365),
      z.literal(731),
      z.literal(1827),
    ]),
    apiThrottleRatePerSecond: z.number().int().min(1).max(10_000),
  })
  .strict();

/** Validated deployment configuration. */
export type DeployConfig = z.infer<typeof contextSchema>;

/** Context keys and their defaults; `cdk.json` repeats them so they are visible and documented in one place. */
export const CONTEXT_DEFAULTS: DeployConfig = {
  region: 'ap-northeast-2',
  connectInstanceId: '',
  connectInstanceAlias: 'welfare-first-call',
  connectSourcePhoneNumber: '+8225550100',
  connectQueueId: '',
  callSlots: 10,
  maxCallAttempts: 3,
  maxCallbacks: 2,
  callingHours: '10:00-18:00',
  callingDays: ['MON', 'TUE', 'WED', 'THU', 'FRI'],
  noticeLeadMinutes: 30,
  callsPerSlotHour: 6,
  retentionDays: 365,
  unreachableSms: true,
  bedrockModelId: 'apac.anthropic.claude-3-5-sonnet-20241022-v2:0',
  districts: {
    '11680': { name: '강남구', officeName: '강남구청 복지정책과', officePhone: '02-3423-5000' },
  },
  supervisorDistricts: {},
  alarmEmail: '',
  logRetentionDays: 365,
  apiThrottleRatePerSecond: 50,
};

/** Context namespace in `cdk.json`: `"context": { "wfc": { ... } }`. */
export const CONTEXT_KEY = 'wfc';

/** The configuration is invalid; the message lists every bad key. */
export class InvalidContextError extends Error {
  constructor(issues: string[]) {
    super(`Invalid cdk.json context "${CONTEXT_KEY}":\n${issues.map((i) => `  - ${i}`).join('\n')}`);
    this.name = 'InvalidContextError';
  }
}

/**
 * Merges the context object over the defaults and validates it; throws `InvalidContextError` naming each bad
 * key (unknown keys included, so a typo does not silently fall back to a default).
 */
export function readDeployConfig(context: unknown): DeployConfig {
  const given = context ?? {};
  if (typeof given !== 'object' || Array.isArray(given)) throw new InvalidContextError(['must be an object']);
  const parsed = contextSchema.safeParse({ ...CONTEXT_DEFAULTS, ...given });
  if (!parsed.success) {
    throw new InvalidContextError(
      parsed.error.issues.map((issue) => `${[CONTEXT_KEY, ...issue.path].join('.')}: ${issue.message}`),
    );
  }
  return parsed.data;
}

/**
 * The environment variables of `functions/shared/settings.ts`, from the configuration. Kept next to the schema so
 * a new setting is added in one place.
 */
export function settingsEnvironment(config: DeployConfig): Record<string, string> {
  return {
    CALL_SLOTS: String(config.callSlots),
    MAX_CALL_ATTEMPTS: String(config.maxCallAttempts),
    MAX_CALLBACKS: String(config.maxCallbacks),
    CALLING_HOURS: config.callingHours,
    CALLING_DAYS: config.callingDays.join(','),
    NOTICE_LEAD_MINUTES: String(config.noticeLeadMinutes),
    CALLS_PER_SLOT_HOUR: String(config.callsPerSlotHour),
    RETENTION_DAYS: String(config.retentionDays),
    UNREACHABLE_SMS: String(config.unreachableSms),
    DISTRICTS: JSON.stringify(config.districts),
  };
}
