import { z } from 'zod';

/** Consultation summary, DESIGN §3.3 (contract). */
export const OUTCOMES = ['COMPLETED', 'PARTIAL', 'REFUSED', 'WRONG_NUMBER', 'CALLBACK_REQUESTED'] as const;
export const URGENCIES = ['EMERGENCY', 'HIGH', 'MEDIUM', 'LOW'] as const;
export const CRISIS_TYPES = [
  'INCOME',
  'FOOD',
  'HOUSING',
  'UTILITIES',
  'HEALTH',
  'MENTAL_HEALTH',
  'EMPLOYMENT',
  'DEBT',
  'CARE',
  'ISOLATION',
] as const;
export const FOLLOW_UPS = ['IMMEDIATE_VISIT', 'HOME_VISIT', 'PHONE_FOLLOWUP', 'NONE'] as const;

export type ConsultationOutcome = (typeof OUTCOMES)[number];
export type Urgency = (typeof URGENCIES)[number];
export type CrisisType = (typeof CRISIS_TYPES)[number];
export type FollowUp = (typeof FOLLOW_UPS)[number];

export const ConsultationSummarySchema = z.object({
  outcome: z.enum(OUTCOMES),
  urgency: z.enum(URGENCIES),
  crisisTypes: z.array(z.enum(CRISIS_TYPES)),
  riskFlags: z.object({ selfHarm: z.boolean() }),
  followUp: z.enum(FOLLOW_UPS),
  needs: z.array(z.string()),
  narrative: z.string(),
  evidence: z.array(z.object({ claim: z.string(), turn: z.number().int().nonnegative() })),
  needsReview: z.boolean(),
  summarizer: z.string().regex(/^(rules|bedrock:.+)$/),
  suggestedPrograms: z
    .array(z.object({ program: z.string(), reason: z.string(), turn: z.number().int().nonnegative() }))
    .optional(),
  /** When outcome is CALLBACK_REQUESTED: the time the resident asked for (ISO, inside calling hours). */
  callbackAt: z.string().optional(),
});

export type ConsultationSummary = z.infer<typeof ConsultationSummarySchema>;

/** Queue order of contract 3.6: lower ranks first. */
export const URGENCY_RANK: Record<Urgency, number> = { EMERGENCY: 0, HIGH: 1, MEDIUM: 2, LOW: 3 };
