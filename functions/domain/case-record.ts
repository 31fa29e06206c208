import type { ConsultationSummary, Urgency } from './consultation-summary.ts';
import type { Household } from './household.ts';

/** Case lifecycle, DESIGN §3.5 (contract). */
export const PROGRESS = ['SCHEDULED', 'NOTIFIED', 'CALLING', 'RETRY_WAIT', 'DONE'] as const;
export type Progress = (typeof PROGRESS)[number];

export const CASE_RESULTS = ['CONSULTED', 'UNREACHABLE', 'REFUSED', 'WRONG_NUMBER', 'OPTED_OUT'] as const;
export type CaseResult = (typeof CASE_RESULTS)[number];

export const REVIEW_STATES = ['NEW', 'ASSIGNED', 'IN_PROGRESS', 'CLOSED'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

export const CALL_OUTCOMES = ['ANSWERED', 'NO_ANSWER', 'BUSY', 'VOICEMAIL', 'FAILED'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

export interface CallAttempt {
  at: string;
  outcome: CallOutcome;
  durationSec: number;
  contactId: string;
}

export interface CaseNote {
  at: string;
  by: string;
  text: string;
}

/**
 * One household in one uploaded list, as stored in the Cases table.
 * `caseId` is derived from (batchId, householdId), so a re-uploaded list maps to the same cases.
 */
export interface CaseRecord extends Household {
  caseId: string;
  batchId: string;
  progress: Progress;
  result?: CaseResult;
  review?: ReviewState;
  urgency?: Urgency;
  crisisTypes?: string[];
  followUp?: string;
  attempts: CallAttempt[];
  summary?: ConsultationSummary;
  /** Contact whose transcript produced the summary (Transcripts table). */
  consultedContactId?: string;
  /** 4-digit code in the SMS pre-notice that the bot says first, so residents can tell us from voice phishing. */
  verificationCode: string;
  assignee?: string;
  notes?: CaseNote[];
  createdAt: string;
  updatedAt: string;
  doneAt?: string;
  /** Sort key of the district queue index; set only when progress is DONE (sparse index). */
  queueKey?: string;
  /** DynamoDB TTL (epoch seconds): PII retention. */
  expiresAt?: number;
}
