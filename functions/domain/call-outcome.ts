/**
 * How a Connect call ended, from DescribeContact facts. Connect does not detect answering machines on GENERAL
 * calls, so a voicemail looks answered; the dialogue flags it (no response to the greeting).
 */
import type { CallOutcome } from './case-record.ts';

export interface ContactFacts {
  connectedToSystemAt?: Date;
  initiatedAt?: Date;
  disconnectedAt?: Date;
  disconnectReason?: string;
  /** The dialogue heard nobody (wfcNoResponse attribute). */
  noResponse: boolean;
}

export interface CallReport {
  outcome: CallOutcome;
  contactId: string;
  durationSec: number;
  startedAt: string;
  disconnectReason?: string;
}

const BUSY_REASONS = new Set(['TELECOM_BUSY']);
const NO_ANSWER_REASONS = new Set(['TELECOM_UNANSWERED', 'TELECOM_TIMEOUT', 'CUSTOMER_NEVER_ARRIVED']);

/** Maps the facts of one contact to the outcome the workflow acts on. */
export function classifyCall(contactId: string, facts: ContactFacts, fallbackNow: Date): CallReport {
  const startedAt = facts.initiatedAt ?? fallbackNow;
  const endedAt = facts.disconnectedAt ?? fallbackNow;
  const base = { contactId, startedAt: startedAt.toISOString(), disconnectReason: facts.disconnectReason };
  if (!facts.connectedToSystemAt) {
    const reason = facts.disconnectReason ?? '';
    const outcome: CallOutcome = BUSY_REASONS.has(reason)
      ? 'BUSY'
      : NO_ANSWER_REASONS.has(reason)
        ? 'NO_ANSWER'
        : 'FAILED';
    return { ...base, outcome, durationSec: 0 };
  }
  const durationSec = Math.max(
    0,
    Math.round((endedAt.getTime() - facts.connectedToSystemAt.getTime()) / 1000),
  );
  return { ...base, outcome: facts.noResponse ? 'VOICEMAIL' : 'ANSWERED', durationSec };
}
