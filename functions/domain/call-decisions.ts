/**
 * What the workflow does after each call attempt and after each consultation: pure decisions, so the ASL stays a
 * plain Choice on `next`.
 */
import type { CallAttempt, CallOutcome, CaseResult } from './case-record.ts';
import type { ConsultationSummary } from './consultation-summary.ts';

export type AttemptDecision =
  | {
      next: 'SUMMARIZE';
      /** The case's counts after this call, carried in the execution so the next step need not read the case. */
      attemptsSoFar?: number;
      callbacksSoFar?: number;
    }
  | { next: 'RETRY'; retryAt: string }
  | { next: 'FINISH'; result: CaseResult; reason: string };

/** Counts attempts that reached no one (everything but ANSWERED). */
export function unansweredAttempts(attempts: CallAttempt[]): number {
  return attempts.filter((a) => a.outcome !== 'ANSWERED').length;
}

/**
 * After a call: answered → summarize; otherwise retry at `nextRetryAt` while attempts remain, else UNREACHABLE.
 * `attempts` already includes this call.
 */
export function decideAfterAttempt(
  outcome: CallOutcome,
  attempts: CallAttempt[],
  maxCallAttempts: number,
  nextRetryAt: () => Date,
): AttemptDecision {
  if (outcome === 'ANSWERED') return { next: 'SUMMARIZE' };
  if (unansweredAttempts(attempts) >= maxCallAttempts) {
    return { next: 'FINISH', result: 'UNREACHABLE', reason: `${maxCallAttempts} attempts without an answer` };
  }
  return { next: 'RETRY', retryAt: nextRetryAt().toISOString() };
}

export type ConsultationDecision =
  | { next: 'CALLBACK'; retryAt: string }
  | { next: 'FINISH'; result: CaseResult; reason: string };

/**
 * After a consultation: an opt-out wins; a callback is honoured up to `maxCallbacks` times; refusals and wrong
 * numbers end the case as such; everything else was a consultation (COMPLETED, PARTIAL, or callbacks used up).
 */
export function decideAfterConsultation(input: {
  summary: ConsultationSummary;
  optedOut: boolean;
  callbacksSoFar: number;
  maxCallbacks: number;
  callbackAt: () => Date;
}): ConsultationDecision {
  const { summary } = input;
  if (input.optedOut)
    return { next: 'FINISH', result: 'OPTED_OUT', reason: 'resident asked not to be called again' };
  switch (summary.outcome) {
    case 'CALLBACK_REQUESTED':
      if (input.callbacksSoFar < input.maxCallbacks) {
        return { next: 'CALLBACK', retryAt: input.callbackAt().toISOString() };
      }
      return {
        next: 'FINISH',
        result: 'CONSULTED',
        reason: 'callbacks used up; the last call is the record',
      };
    case 'REFUSED':
      return { next: 'FINISH', result: 'REFUSED', reason: 'resident declined the consultation' };
    case 'WRONG_NUMBER':
      return { next: 'FINISH', result: 'WRONG_NUMBER', reason: 'not the household' };
    default:
      return { next: 'FINISH', result: 'CONSULTED', reason: `consultation ${summary.outcome.toLowerCase()}` };
  }
}
